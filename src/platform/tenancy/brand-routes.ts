import { Hono } from 'hono';
import { dbOf, type AppEnv } from '../http/env.js';
import { bytesBody } from '../http/render.js';
import { brandStylesheet } from './brand-colour.js';
import { brandLinks, logoOf } from './brand.js';
import { tenantBySlug } from './service.js';

/** A year when the URL names the current version (it changes with the content), else five minutes. */
const caching = (current: string | undefined, asked: string) => (current && current === asked ? 'public, max-age=31536000, immutable' : 'public, max-age=300');

/** The colour stylesheet and the logo of each Kommune's public site (brandLinks names them). */
export function brandRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/k/:slug/farben.css', async (c) => {
    const tenant = await tenantBySlug(dbOf(c), c.req.param('slug'));
    if (!tenant.brandColor) return c.notFound();
    return c.body(brandStylesheet(tenant.brandColor), 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': caching(brandLinks(tenant).stylesheet, c.req.path + '?' + new URL(c.req.url).searchParams),
    });
  });
  app.get('/k/:slug/logo', async (c) => {
    const db = dbOf(c);
    const tenant = await tenantBySlug(db, c.req.param('slug'));
    const logo = tenant.logoVersion ? await logoOf(db, tenant.id) : undefined;
    if (!logo) return c.notFound();
    return c.body(bytesBody(logo.bytes), 200, {
      'content-type': logo.contentType,
      'content-length': String(logo.bytes.length),
      'x-content-type-options': 'nosniff',
      'cache-control': caching(brandLinks(tenant).logo, c.req.path + '?' + new URL(c.req.url).searchParams),
    });
  });
  return app;
}
