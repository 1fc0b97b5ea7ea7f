import type { JSX } from 'hono/jsx/jsx-runtime';
import { contentChangedSince, contentSnapshot, publicChangesOf, type ContentSnapshot } from '../public-changes.js';
import { presentTenant, tenantBySlug, type PublicTenant } from '../tenancy/service.js';
import { dbOf, type Ctx } from './env.js';
import { PageCache, publicCacheBudget } from './page-cache.js';

export type PublicPageBuilder = (c: Ctx, tenant: PublicTenant, tenantId: string) => Promise<JSX.Element>;

/** The path and query string of the request: the cache key (slug, page, `lang` and filters). */
const pathAndQuery = (url: string) => url.slice(url.indexOf('/', url.indexOf('//') + 2));

/**
 * Public pages for anonymous visitors come from a cache (30 s per path and query string; up to
 * 5 minutes older while the page renders again, see PageCache.lookup); each
 * module with public pages makes one of these per app instance (tests build several apps on
 * different databases in one process). The pages contain nothing about the visitor. Signed-in
 * visitors (editors after saving) must see every committed change at once: they get a kept page
 * only after the database confirmed that no write in its Kommune committed since the snapshot the
 * page was rendered from (contentChangedSince, one indexed query), otherwise a fresh render.
 *
 * Pages are kept as encoded bytes: node writes a Buffer ~4× faster than a 180 kB string (bare
 * Hono + node-server: ~2,000 vs ~550 requests/s). Requests for a page that is being rendered
 * wait for that render instead of starting their own (no stampede on PGlite when a popular page
 * expires).
 *
 * A write in a Kommune drops its pages at once, on every instance: the audit entry announces the
 * change with a NOTIFY that arrives when the transaction commits (platform/public-changes.ts). A
 * render that began before such a change is served to the requests waiting for it but not kept.
 */
export function cachedPublicPages(maxEntries = 500) {
  const cached = cachedPublicResponses(maxEntries);
  return (build: PublicPageBuilder) =>
    cached(async (c, tenant, tenantId) => ({ body: Buffer.from(`<!DOCTYPE html>${await (await build(c, tenant, tenantId)).toString()}`), headers: htmlHeaders }));
}

const htmlHeaders = { 'content-type': 'text/html; charset=UTF-8' };

/** A kept response and the database snapshot it was built from. */
type Kept = PublicResponse & { snapshot: ContentSnapshot };

/** A public response other than a page (a generated document): its bytes and headers. */
export interface PublicResponse {
  body: Uint8Array;
  headers: Record<string, string>;
}
export type PublicResponseBuilder = (c: Ctx, tenant: PublicTenant, tenantId: string) => Promise<PublicResponse>;

/**
 * The same cache for any public response (the adopted concept as PDF): what costs hundreds of
 * milliseconds to build is built once per change, not once per visitor. `keyOf`: a response that
 * takes no parameters is keyed by its path alone, so a made-up query string cannot force renders.
 */
export function cachedPublicResponses(maxEntries = 500, keyOf: (c: Ctx) => string = (c) => pathAndQuery(c.req.url)) {
  const cache = new PageCache<Kept>(30_000, maxEntries, Date.now, undefined, { sizeOf: (kept) => kept.body.byteLength, budget: publicCacheBudget });
  const rendering = new Map<string, Promise<Kept>>();
  /** Counts changes: a render that saw an older count may show the old content and is not kept. */
  let changes = 0;
  const onChange = (tenantId: string | undefined) => {
    changes += 1;
    if (tenantId === undefined) cache.invalidate();
    else cache.invalidateGroup(tenantId);
  };
  const send = (c: Ctx, r: PublicResponse) => c.body(r.body as Uint8Array<ArrayBuffer>, 200, r.headers);
  /** `snapshot`: taken before the render's first query (contentSnapshot), unless the caller has one. */
  const render = async (c: Ctx, build: PublicResponseBuilder, snapshot?: ContentSnapshot): Promise<Kept & { tenantId: string }> => {
    const seen = snapshot ?? (await contentSnapshot(c.get('services').database, c.get('contentState')));
    const tenant = await tenantBySlug(dbOf(c), c.req.param('slug') ?? '');
    return { ...(await build(c, presentTenant(tenant), tenant.id)), snapshot: seen, tenantId: tenant.id };
  };
  /** A signed-in visitor: the kept response if nothing in its Kommune changed since its snapshot, else a fresh one (kept too). */
  const current = async (c: Ctx, build: PublicResponseBuilder): Promise<Kept> => {
    const key = keyOf(c);
    const hit = cache.lookup(key);
    let snapshot: ContentSnapshot | undefined;
    if (hit?.fresh && hit.group) {
      const check = await contentChangedSince(c.get('services').database, hit.group, hit.value.snapshot, c.get('contentState'));
      if (!check.changed) return hit.value;
      snapshot = check.snapshot;
    }
    await publicChangesOf(c.get('services').database).subscribe(onChange);
    const seen = changes;
    const { tenantId, ...response } = await render(c, build, snapshot);
    if (seen === changes) cache.set(key, response, tenantId);
    return response;
  };
  return (build: PublicResponseBuilder) => async (c: Ctx) => {
    if (c.get('user')) return send(c, await current(c, build));
    const key = keyOf(c);
    const hit = cache.lookup(key);
    if (hit?.fresh) return send(c, hit.value);
    // Listening before the first render: a change committed after it is announced to this cache.
    await publicChangesOf(c.get('services').database).subscribe(onChange);
    let pending = rendering.get(key);
    if (!pending) {
      const seen = changes;
      pending = render(c, build)
        .then(({ tenantId, ...response }) => {
          if (seen === changes) cache.set(key, response, tenantId);
          return response;
        })
        .finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    if (hit) {
      // Stale: this visitor gets the response as it was a moment ago; the fresh one renders meanwhile.
      pending.catch(() => undefined);
      return send(c, hit.value);
    }
    return send(c, await pending);
  };
}
