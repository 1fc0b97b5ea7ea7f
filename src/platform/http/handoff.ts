import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Ctx } from './env.js';

/** Every handoff cookie's name (`handoffCookie`): a request that carries one shows its secret, so no kept page answers it. */
const names = new Set<string>();

/** Names (and registers) the cookie a module hands secrets over in. */
export function handoffCookie(name: string): string {
  names.add(name);
  return name;
}

/** Whether the request carries a handed-over secret: its page must be rendered (platform/http/kept-page.ts). */
export function carriesHandoff(c: Ctx): boolean {
  for (const name of names) if (getCookie(c, name)) return true;
  return false;
}

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
