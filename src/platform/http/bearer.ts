import type { MiddlewareHandler } from 'hono';
import { isApiTokenShape, type ApiScope, type ApiTokenIdentity } from '../auth/api-tokens.js';
import type { CurrentUser } from '../auth/current-user.js';
import { recordAddressFailure, reserveAddressSlot } from '../auth/throttle.js';
import { hashToken } from '../auth/tokens.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../errors.js';
import { formatDateTime } from '../i18n/i18n.js';
import { clientAddress } from './client-address.js';
import { dbOf, type AppEnv, type Ctx } from './env.js';

export type ApiTokenCheck =
  | { status: 'valid'; user: CurrentUser & { apiToken: ApiTokenIdentity } }
  | { status: 'unknown' }
  | { status: 'revoked'; at: Date }
  | { status: 'expired'; at: Date };

/**
 * Finds the token with this hash and says whether it may act now. The tokens table names actors,
 * so it belongs to a module (tenants); the application hands this lookup to the platform.
 */
export type ApiTokenLookup = (db: Db, tokenHash: string, now: Date) => Promise<ApiTokenCheck>;

/** Only the JSON API takes tokens; pages and forms know nothing but the session cookie. */
export const isApiPath = (path: string) => path.startsWith('/api/');

/** `Bearer <token>` (scheme case-insensitive, RFC 9110); other schemes (e.g. Basic from a proxy) are not ours. */
export function bearerOf(authorization: string | undefined): string | undefined {
  if (!authorization || !/^bearer(\s|$)/i.test(authorization)) return undefined;
  return authorization.slice(6).trim();
}

function refuse(c: Ctx, reason: 'malformed' | 'unknown' | 'revoked' | 'expired', at?: Date): never {
  c.header('WWW-Authenticate', 'Bearer realm="ikon", error="invalid_token"');
  throw new AppError('invalid_token', `api_token.${reason}`, { params: at ? { at: formatDateTime('de', at) } : {}, detail: { reason } });
}

/**
 * The client behind a Bearer request, or a problem: 401 `invalid_token` for a malformed, unknown
 * (e.g. another installation's), revoked or expired token. Failed attempts are throttled per
 * address like sign-ins (own counter `api:`): after 20 failures in 15 minutes every token attempt
 * from the address waits its one-second slot, and a queue longer than 30 s is turned away (429).
 */
export async function bearerUser(c: Ctx, token: string, lookup: ApiTokenLookup | undefined): Promise<CurrentUser> {
  const db = dbOf(c);
  const now = new Date();
  const address = clientAddress(c);
  if (address) {
    const slot = await reserveAddressSlot(db, address, now, 'api');
    if ('busy' in slot) {
      c.header('Retry-After', '30');
      throw new AppError('too_many_attempts', 'api_token.throttled');
    }
    if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  }
  const check: ApiTokenCheck = isApiTokenShape(token) && lookup ? await lookup(db, hashToken(token), now) : { status: 'unknown' };
  if (check.status === 'valid') return check.user;
  if (address) await recordAddressFailure(db, address, now, 'api');
  if (!isApiTokenShape(token)) refuse(c, 'malformed');
  refuse(c, check.status, 'at' in check ? check.at : undefined);
}

/**
 * Lets API-Zugänge with this scope through to a write (route middleware); a token without it gets
 * 403. Sessions pass untouched: their role decides in the command, as always.
 */
export const allowToken =
  (scope: ApiScope): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = c.get('user')?.apiToken;
    if (token) {
      if (!token.scopes.includes(scope)) throw new AppError('forbidden', `api_token.scope_missing.${scope}`);
      c.set('tokenScope', scope);
    }
    await next();
  };

/** Every write refuses tokens unless its route let them through with `allowToken`. Called where routes build a command's context. */
export function assertTokenMayWrite(c: Ctx, user: CurrentUser): void {
  if (user.apiToken && !c.get('tokenScope')) throw new AppError('forbidden', 'api_token.not_allowed');
}
