import { deleteCookie, getCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { AppError } from '../errors.js';
import type { Ctx } from './env.js';

/** Renders a full page with the doctype; status defaults to 200. */
export async function render(c: Ctx, page: JSX.Element, status = 200) {
  const html = await page.toString();
  return c.html(`<!DOCTYPE html>${html}`, status as any);
}

/**
 * Reads an urlencoded or multipart body once; repeated fields become arrays. A body that does not
 * match its declared type (e.g. "multipart/form-data" without parts) is the client's error: 400.
 */
export async function formBody(c: Ctx): Promise<Record<string, unknown>> {
  try {
    return (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  } catch {
    throw new AppError('bad_request', 'error.malformed_body');
  }
}

/** Post/Redirect/Get with a one-time message shown on the next page. */
export function redirectWithFlash(c: Ctx, location: string, message?: string) {
  if (message) c.header('set-cookie', `ikon_flash=${encodeURIComponent(message)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60`, { append: true });
  return c.redirect(location, 303);
}

/** The one-time message set by redirectWithFlash, removed once read. */
export function takeFlash(c: Ctx): string | undefined {
  const raw = getCookie(c, 'ikon_flash');
  if (!raw) return undefined;
  deleteCookie(c, 'ikon_flash', { path: '/' });
  return decodeURIComponent(raw);
}
