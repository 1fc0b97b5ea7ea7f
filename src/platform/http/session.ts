import type { CommandContext } from '../commands.js';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import type { MembershipsSql } from '../auth/current-user.js';
import { assertTokenMayWrite, bearerOf, bearerUser, isApiPath, type ApiTokenLookup } from './bearer.js';
import { currentSession, sessionDays } from '../auth/sessions.js';
import { maxSlugLength, slugPattern } from '../tenancy/service.js';
import { cookieName, sessionTokenOf } from './cookies.js';
import { rebindCsrf } from './csrf.js';
import { AppError } from '../errors.js';
import { dbOf, type AppEnv, type Ctx } from './env.js';

/**
 * The Kommune's slug of a page read with GET (`/app/k/:slug…`, `/k/:slug…`): the session lookup
 * fetches that Kommune along (`tenantForApp` takes it), and on PostgreSQL what kept pages are
 * checked against (`contentState`). Not for writes, whose handlers may change the Kommune and read
 * it again.
 */
function appSlugOf(c: Ctx): string | undefined {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return undefined;
  const slug = /^(?:\/app)?\/k\/([^/]+)/.exec(c.req.path)?.[1];
  return slug !== undefined && slug.length <= maxSlugLength && slugPattern.test(slug) ? slug : undefined;
}

/**
 * Puts the signed-in user (or null) on the request; memberships come from the given lookup. An
 * API request with `Authorization: Bearer` is the token's alone (`apiTokens`, bearer.ts): a
 * session cookie sent along is not looked at, so a request is never half token, half session.
 */
export const loadUser =
  (membershipsOf: MembershipsSql, apiTokens?: ApiTokenLookup): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const bearer = isApiPath(c.req.path) ? bearerOf(c.req.header('authorization')) : undefined;
    if (bearer !== undefined) {
      c.set('user', await bearerUser(c, bearer, apiTokens));
      return next();
    }
    const token = sessionTokenOf(c);
    const slug = appSlugOf(c);
    const found = token ? await currentSession(c.get('services').database, token, membershipsOf, slug) : null;
    c.set('user', found?.user ?? null);
    if (found && slug !== undefined) c.set('slugTenant', { slug, tenant: found.tenant });
    if (found?.content) c.set('contentState', found.content);
    await next();
  };

/** Starts the browser's session; its CSRF token changes with it. */
export async function setSessionCookie(c: Ctx, token: string) {
  await rebindCsrf(c, token);
  setCookie(c, cookieName(c, 'session'), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('services').config.secureCookies,
    maxAge: sessionDays * 86_400,
  });
}

export async function clearSessionCookie(c: Ctx) {
  await rebindCsrf(c, undefined);
  deleteCookie(c, cookieName(c, 'session'), { path: '/', secure: c.get('services').config.secureCookies });
}

/** The signed-in user, or an `unauthenticated` error (pages redirect to the sign-in form). */
export function requireUser(c: Ctx) {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/** What a route hands to a command: the request's database and the signed-in user. */
export function commandContext(c: Ctx): CommandContext {
  const user = requireUser(c);
  assertTokenMayWrite(c, user);
  return { db: dbOf(c), user };
}
