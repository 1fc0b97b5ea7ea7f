import { getCookie } from 'hono/cookie';
import type { Ctx } from './env.js';

/**
 * Cookie names: under https with the `__Host-` prefix (the browser then insists on Secure,
 * Path=/ and no Domain, so no other host, not even a subdomain, can set them).
 */
export const cookieName = (c: Ctx, name: 'session' | 'csrf') => `${c.get('services').config.secureCookies ? '__Host-' : ''}ikon_${name}`;

/** The session token the browser sent, if any. */
export const sessionTokenOf = (c: Ctx) => getCookie(c, cookieName(c, 'session'));
