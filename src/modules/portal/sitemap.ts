import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { languages } from '../../platform/i18n/languages.js';
import { listTenants, tenantBySlug } from '../../platform/tenancy/service.js';
import { germanOnlyPagePaths, inLanguage, publicPagePaths } from '../../platform/ui/public-page.js';
import { sitemapSources } from '../../platform/sitemap-sources.js';
import { adoptedEdition } from '../concepts/index.js';
import { measures } from '../measures/schema.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every public page of a Kommune (paths below /k/:slug): navigation, footer pages, each measure of the adopted edition, and what modules add (sitemapSources). */
export async function sitemapPaths(db: Db, tenantId: string): Promise<string[]> {
  const edition = await adoptedEdition(db, tenantId);
  const numbers = edition
    ? await db.select({ number: measures.number }).from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, edition.id))).orderBy(asc(measures.position))
    : [];
  const fromModules = [];
  for (const source of sitemapSources()) fromModules.push(...(await source(db, tenantId)));
  return [...publicPagePaths(), ...numbers.map((m) => `/massnahmen/${encodeURIComponent(m.number)}`), ...fromModules];
}

/** sitemap.xml per Kommune (with every language version as xhtml:link alternates) and robots.txt naming them. */
export function sitemapRoutes() {
  const app = new Hono<AppEnv>();
  const origin = (c: { get: (k: 'services') => { config: { publicUrl: string } } }) => c.get('services').config.publicUrl;

  app.get('/k/:slug/sitemap.xml', async (c) => {
    const db = dbOf(c);
    const tenant = await tenantBySlug(db, c.req.param('slug'));
    const base = `${origin(c)}/k/${encodeURIComponent(tenant.slug)}`;
    const entries = (await sitemapPaths(db, tenant.id)).flatMap((path) => {
      const versions = languages.map((l) => ({ lang: l, href: `${origin(c)}${inLanguage(`${base}${path}`, l)}` }));
      const alternates = versions.map((v) => `    <xhtml:link rel="alternate" hreflang="${v.lang}" href="${xml(v.href)}"/>`).join('\n');
      return versions.map((v) => `  <url>\n    <loc>${xml(v.href)}</loc>\n${alternates}\n  </url>`);
    });
    // Pages only in German (Leichte Sprache) have no language versions to name.
    for (const path of germanOnlyPagePaths()) entries.push(`  <url>\n    <loc>${xml(`${base}${path}`)}</loc>\n  </url>`);
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
    return c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' });
  });

  app.get('/robots.txt', async (c) => {
    const tenants = await listTenants(dbOf(c));
    const lines = ['User-agent: *', 'Disallow: /app/', 'Disallow: /api/', 'Disallow: /anmelden', 'Allow: /k/', '', ...tenants.map((t) => `Sitemap: ${origin(c)}/k/${encodeURIComponent(t.slug)}/sitemap.xml`)];
    return c.text(`${lines.join('\n')}\n`, 200, { 'cache-control': 'public, max-age=3600' });
  });

  return app;
}
