import type { CommandContext } from '../commands.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import type { MembershipLoader } from '../auth/current-user.js';
import { sessionCookie, sessionDays, userForSession } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { dbOf, type AppEnv, type Ctx } from './env.js';

/** Puts the signed-in user (or null) on the request; memberships come from the given lookup. */
export const loadUser =
  (membershipsOf: MembershipLoader): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = getCookie(c, sessionCookie);
    c.set('user', token ? await userForSession(dbOf(c), token, membershipsOf) : null);
    await next();
  };

export function setSessionCookie(c: Ctx, token: string) {
  setCookie(c, sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('services').config.secureCookies,
    maxAge: sessionDays * 86_400,
  });
}

export const clearSessionCookie = (c: Ctx) => deleteCookie(c, sessionCookie, { path: '/' });

/** The signed-in user, or an `unauthenticated` error (pages redirect to the sign-in form). */
export function requireUser(c: Ctx) {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated');
  return user;
}

/** What a route hands to a command: the request's database and the signed-in user. */
export const commandContext = (c: Ctx): CommandContext => ({ db: dbOf(c), user: requireUser(c) });
