import { createHash } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { todayInGermany } from '../dates.js';
import { contentChangedSince, contentSnapshot, type ContentSnapshot } from '../public-changes.js';
import type { Ctx } from './env.js';
import { carriesHandoff } from './handoff.js';

interface Kept {
  body: Uint8Array;
  headers: Record<string, string>;
  snapshot: ContentSnapshot;
  day: string;
  /** Served again until then (ms): `maxAgeMs` after rendering, or earlier when the page said so (keepPageUntil). */
  until: number;
}

/**
 * For a kept page that shows a state changing with time alone (an invitation that expires at 14:03): it is
 * kept until `at` at most. Several calls: the earliest counts.
 */
export function keepPageUntil(c: Ctx, at: Date): void {
  const before = c.get('keptUntil');
  if (!before || at < before) c.set('keptUntil', at);
}

/**
 * Internal pages that a person opens again and again (the edition page: back from every measure;
 * routes mark them with platform/ui/kept-app-page.ts) are kept per person, session and URL, and
 * served again only after `contentChangedSince` confirmed that no write in the Kommune committed
 * outside the snapshot the page was rendered from (every write is audited and noted; on PostgreSQL
 * answered from what the session lookup brought along, `contentState`) — so a kept page is
 * never older than the data — and only on the same day for at most `maxAgeMs` (pages show dates
 * relative to today), or until the page's own `keepPageUntil`. A request with a one-time message
 * (flash) or a handed-over secret (a new partner link or API token, platform/http/handoff.ts)
 * renders, and such a page is not kept. Bounded by bytes, oldest first out.
 */
export function keptPerSession(maxBytes = 16 * 1024 * 1024, maxAgeMs = 10 * 60_000) {
  const kept = new Map<string, Kept>();
  let bytes = 0;
  const drop = (key: string) => {
    const old = kept.get(key);
    if (!old) return;
    bytes -= old.body.byteLength;
    kept.delete(key);
  };
  const keep = (key: string, entry: Kept) => {
    drop(key);
    if (entry.body.byteLength > maxBytes / 4) return;
    // Maps iterate in insertion order: the first key is the oldest entry.
    for (const oldest of kept.keys()) {
      if (bytes + entry.body.byteLength <= maxBytes) break;
      drop(oldest);
    }
    kept.set(key, entry);
    bytes += entry.body.byteLength;
  };

  /** `tenant`: as the route loaded it, before the snapshot; its version is part of the key, so a page never keeps an older Kommune. */
  return async (c: Ctx, tenant: { id: string; version: number }, render: () => Promise<Response>): Promise<Response> => {
    if (c.req.method !== 'GET' || getCookie(c, 'ikon_flash') || carriesHandoff(c)) return render();
    const key = keyOf(c, tenant.version);
    const day = todayInGermany();
    const hit = kept.get(key);
    let snapshot: ContentSnapshot | undefined;
    if (hit && hit.day === day && Date.now() < hit.until) {
      const check = await contentChangedSince(c.get('services').database, tenant.id, hit.snapshot, c.get('contentState'));
      if (!check.changed) return c.body(hit.body as Uint8Array<ArrayBuffer>, 200, hit.headers);
      snapshot = check.snapshot;
    }
    snapshot ??= await contentSnapshot(c.get('services').database, c.get('contentState'));
    const response = await render();
    if (response.status !== 200 || response.headers.has('set-cookie')) {
      drop(key);
      return response;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = Object.fromEntries(response.headers);
    const until = Math.min(Date.now() + maxAgeMs, c.get('keptUntil')?.getTime() ?? Infinity);
    keep(key, { body, headers, snapshot, day, until });
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
  };
}

/**
 * Who sees the page and which page: the Kommune's version (its name and settings, read before the
 * snapshot), the signed-in person as the session knows her (name, roles: a change of either is a new
 * key), the session's form token (in every form of the page) and the path with query string.
 * Hashed: keys do not keep tokens in memory.
 */
function keyOf(c: Ctx, tenantVersion: number): string {
  const url = c.req.url;
  return createHash('sha256')
    .update(`${tenantVersion}\0`)
    .update(JSON.stringify(c.get('user') ?? null))
    .update('\0')
    .update(c.get('csrfToken') ?? '')
    .update('\0')
    .update(url.slice(url.indexOf('/', url.indexOf('//') + 2)))
    .digest('base64url');
}
