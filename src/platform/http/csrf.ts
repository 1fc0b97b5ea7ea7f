import { getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { newToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';
import { formBody } from './render.js';

const cookieName = 'ikon_csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Double-submit CSRF protection: a random cookie, echoed by every form (`_csrf`) or by API
 * clients (`X-CSRF-Token`). A cross-site page can neither read the cookie nor set the field.
 * Combined with SameSite=Lax session cookies.
 */
export function csrfProtection(secure: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let token = getCookie(c, cookieName);
    if (!token || token.length < 20) {
      token = newToken();
      setCookie(c, cookieName, token, { path: '/', httpOnly: true, sameSite: 'Lax', secure });
    }
    c.set('csrfToken', token);
    if (!safeMethods.has(c.req.method)) {
      const header = c.req.header('x-csrf-token');
      const type = c.req.header('content-type') ?? '';
      const sent =
        header ??
        (type.includes('form') ? String((await formBody(c))._csrf ?? '') : undefined);
      if (!sent || sent !== getCookie(c, cookieName)) throw new AppError('csrf_failed');
    }
    await next();
  };
}
