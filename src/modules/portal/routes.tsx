import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { tenantBySlug } from '../tenants/service.js';
import { PageCache } from './cache.js';
import { filterParams, loadConcept, loadHome, loadMeasure, loadSearch, presentTenant, type PortalFilterQuery, type PublicTenant } from './data.js';
import { ConceptPage } from './views/concept.js';
import { HomePage } from './views/home.js';
import { MeasurePage } from './views/measure.js';
import { SearchPage } from './views/search.js';

type PageBuilder = (c: Ctx, tenant: PublicTenant, tenantId: string) => Promise<JSX.Element>;

/** The path and query string of the request: the cache key (slug, page, `lang` and filters). */
const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2));

/**
 * The public portal of a Kommune under `/k/{slug}`: start page, adopted concept with filters,
 * one page per measure, search. German by default, English with `?lang=en`.
 */
export function portalRoutes() {
  const app = new Hono<AppEnv>();
  // One cache per app instance (tests build several apps on different databases in one process).
  // Pages are kept as encoded bytes: node writes a Buffer ~4x faster than a 180 kB string
  // (bare Hono + node-server, 180 kB concept page: ~2,000 vs ~550 requests/s), which is what
  // matters on a cache hit.
  const cache = new PageCache<Uint8Array>(30_000, 500);
  const send = (c: Ctx, body: Uint8Array) => c.body(body as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'text/html; charset=UTF-8' });

  // Anonymous requests for a page that is being rendered wait for that render instead of
  // starting their own (no stampede on PGlite when a popular page expires).
  const rendering = new Map<string, Promise<Uint8Array>>();

  const render = async (c: Ctx, build: PageBuilder): Promise<Uint8Array> => {
    const tenant = await tenantBySlug(dbOf(c), c.req.param('slug') ?? '');
    const element = await build(c, presentTenant(tenant), tenant.id);
    return Buffer.from(`<!DOCTYPE html>${await element.toString()}`);
  };

  /**
   * Serves a page from the cache for anonymous visitors, or renders and (for them) stores it.
   * Signed-in visitors always get a fresh render, so editors see their changes at once; the
   * page itself contains nothing about the visitor either way (see PortalPage).
   */
  const page = (build: PageBuilder) => async (c: Ctx) => {
    if (c.get('user')) return send(c, await render(c, build));
    const key = pathAndQuery(c.req.url);
    const hit = cache.get(key);
    if (hit !== undefined) return send(c, hit);
    let pending = rendering.get(key);
    if (!pending) {
      pending = render(c, build)
        .then((body) => (cache.set(key, body), body))
        .finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return send(c, await pending);
  };

  app.get(
    '/k/:slug',
    page(async (c, tenant, tenantId) => (
      <HomePage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} data={await loadHome(dbOf(c), tenantId)} />
    )),
  );

  app.get(
    '/k/:slug/konzept',
    page(async (c, tenant, tenantId) => {
      const query: PortalFilterQuery = {};
      for (const name of filterParams) query[name] = c.req.query(name) || undefined;
      return <ConceptPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} data={await loadConcept(dbOf(c), tenantId, query)} />;
    }),
  );

  // Measure numbers contain dots ("1.2.3"); Hono's default parameter pattern `[^/]+` matches them.
  app.get(
    '/k/:slug/massnahmen/:number',
    page(async (c, tenant, tenantId) => {
      const measure = await loadMeasure(dbOf(c), tenantId, c.req.param('number') ?? '');
      if (!measure) throw new AppError('not_found');
      return <MeasurePage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} measure={measure} />;
    }),
  );

  app.get(
    '/k/:slug/suche',
    page(async (c, tenant, tenantId) => {
      const q = (c.req.query('q') ?? '').slice(0, 200);
      return <SearchPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} q={q} data={await loadSearch(dbOf(c), tenantId, q)} />;
    }),
  );

  return app;
}
