import { deleteCookie, getCookie } from 'hono/cookie';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { AppError, isAppError, type FieldError } from '../errors.js';
import type { Ctx } from './env.js';

/** Renders a full page with the doctype; status defaults to 200. */
export async function render(c: Ctx, page: JSX.Element, status = 200) {
  const html = await page.toString();
  return c.html(`<!DOCTYPE html>${html}`, status as any);
}

/**
 * Stored bytes (a bytea value) as a response body: the same memory, not a copy. The server writes a
 * Uint8Array body as it is; `new Uint8Array(bytes)` copied every download once more (issue 9.2).
 */
export const bytesBody = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>;

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

type Answer = Response | Promise<Response>;

/**
 * The POST of a form that saves at the version the person saw: saved → back with a one-time
 * message (Post/Redirect/Get); invalid input → the form again with its field errors (422, when
 * the form shows them); someone saved first → the form with what is saved now and what this
 * person typed (409). Any other error goes to the error handler.
 */
export async function submitForm<R>(
  c: Ctx,
  save: () => Promise<R>,
  then: { saved: (result: R) => [location: string, message: string]; invalid?: (errors: FieldError[]) => Answer; conflict: () => Answer },
): Promise<Response> {
  let result: R;
  try {
    result = await save();
  } catch (e) {
    if (then.invalid && isAppError(e, 'validation_failed')) return then.invalid(e.fieldErrors);
    if (isAppError(e, 'edit_conflict')) return then.conflict();
    throw e;
  }
  return redirectWithFlash(c, ...then.saved(result));
}

/** The one-time message set by redirectWithFlash, removed once read. */
export function takeFlash(c: Ctx): string | undefined {
  const raw = getCookie(c, 'ikon_flash');
  if (!raw) return undefined;
  deleteCookie(c, 'ikon_flash', { path: '/' });
  // getCookie has decoded it already where it could; a message with a literal "%" (e.g. "50 %")
  // cannot be decoded twice and was a 500 on the next page.
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
