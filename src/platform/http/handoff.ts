import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Ctx } from './env.js';

/**
 * A secret shown once on the page after a POST (a new link, a token): the database keeps only its
 * hash, so it travels across the redirect in a short-lived HttpOnly cookie limited to `path`.
 */
export function handOver(c: Ctx, name: string, value: string, path: string, maxAge = 300): void {
  setCookie(c, name, value, { path, httpOnly: true, sameSite: 'Strict', secure: c.get('services').config.secureCookies, maxAge });
}

/** The handed-over secret, removed once read (the caller checks it still means something). */
export function takeHandedOver(c: Ctx, name: string, path: string): string | undefined {
  const value = getCookie(c, name);
  if (!value) return undefined;
  deleteCookie(c, name, { path });
  return value;
}
