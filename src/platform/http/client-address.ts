import { getConnInfo } from '@hono/node-server/conninfo';
import type { Ctx } from './env.js';

/**
 * The client's address, for throttling. Behind reverse proxies (IKON_TRUSTED_PROXIES = n) it is
 * the entry that the outermost trusted proxy appended to X-Forwarded-For (n-th from the right;
 * entries further left were sent by the client and prove nothing). Otherwise the socket's peer
 * (in-process requests in tests have none). Without this, every request behind nginx would come
 * from 127.0.0.1 and share one per-address budget.
 */
export function clientAddress(c: Ctx): string | undefined {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  const hops = c.get('services').config.trustedProxies;
  if (!hops) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0 && a.length <= 64);
  return forwarded.at(-hops) ?? peer;
}
