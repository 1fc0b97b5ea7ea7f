import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { hashToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { AppEnv, Ctx } from './env.js';
import { formBody } from './render.js';
import { cookieName, sessionTokenOf } from './cookies.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

/** The token of a signed-in browser: an HMAC of its session, so no other session's token fits. */
export const sessionCsrfToken = (secret: string, sessionToken: string) => `s.${mac(secret, `session:${hashToken(sessionToken)}`)}`;

/**
 * The token of an anonymous browser (sign-in, invitation forms): a nonce signed by the server.
 * Every visitor without the cookie (a first page, a crawler) gets one, so the nonce comes from
 * randomUUID's cached entropy (122 random bits) instead of a getrandom call per request:
 * randomBytes was 4 % of a cached page's CPU (profile, session 10).
 */
export const anonymousCsrfToken = (secret: string, nonce: string = randomUUID()) => `a.${nonce}.${mac(secret, `anonymous:${nonce}`)}`;

const isSignedAnonymous = (secret: string, token: string) => {
  const [kind, nonce, ...rest] = token.split('.');
  return kind === 'a' && !!nonce && rest.length === 1 && sameText(token, anonymousCsrfToken(secret, nonce));
};

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Keeps the browser's copy of its token (the `ikon_csrf` cookie, read by API clients) current. */
function useToken(c: Ctx, token: string) {
  c.set('csrfToken', token);
  if (getCookie(c, cookieName(c, 'csrf')) === token) return;
  setCookie(c, cookieName(c, 'csrf'), token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.get('services').config.secureCookies });
}

/**
 * Binds the CSRF token to the session that is starting (after sign-in) or to a fresh anonymous
 * nonce (after sign-out), so the page that follows already carries the right one.
 */
export async function rebindCsrf(c: Ctx, sessionToken: string | undefined) {
  const secret = await c.get('services').secret();
  useToken(c, sessionToken ? sessionCsrfToken(secret, sessionToken) : anonymousCsrfToken(secret));
}

/**
 * CSRF protection for every form (`_csrf`) and API write (`X-CSRF-Token`). Signed in, the token
 * is an HMAC (server secret) of the session: a token planted in a cookie, or taken from another
 * session, does not fit. Anonymous, it is a server-signed nonce that must also match the cookie
 * (signed double submit; `__Host-` cookies under https keep subdomains from planting one).
 * Browsers also say where a request comes from: writes that are not same-origin are refused.
 * Runs after `loadUser`. Requests of API-Zugänge (Authorization: Bearer, no cookie looked at) need none.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  // A token in the Authorization header is never sent by a browser on its own: no CSRF to guard against.
  if (c.get('user')?.apiToken) {
    c.set('csrfToken', '');
    return next();
  }
  const secret = await c.get('services').secret();
  const session = c.get('user') ? sessionTokenOf(c) : undefined;
  const cookie = getCookie(c, cookieName(c, 'csrf'));
  const expected = session
    ? sessionCsrfToken(secret, session)
    : cookie && isSignedAnonymous(secret, cookie)
      ? cookie
      : anonymousCsrfToken(secret);
  useToken(c, expected);
  if (!safeMethods.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError('csrf_failed');
    const header = c.req.header('x-csrf-token');
    const type = c.req.header('content-type') ?? '';
    const sent = header ?? (type.includes('form') ? String((await formBody(c))._csrf ?? '') : undefined);
    if (!sent || !sameText(sent, expected)) throw new AppError('csrf_failed');
  }
  await next();
};
