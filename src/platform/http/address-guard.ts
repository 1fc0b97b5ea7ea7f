import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

// A percent-encoded C0 control character or DEL (%00–%1F, %7F). "%2500" (a literal "%00") does not match.
const encodedControl = /%(?:[01][0-9a-f]|7f)/i;

/**
 * No path of ikon contains control characters; a NUL in a slug or id would only reach
 * PostgreSQL, which cannot compare it, and fail there. Refused up front with 400. The query
 * string is left to the handlers (a hostile `weiter` still gets the sign-in page; list filters
 * with such characters match nothing).
 */
export const rejectControlCharactersInPath: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const end = url.indexOf('?', start);
  if (encodedControl.test(url.slice(start, end === -1 ? undefined : end))) throw new AppError('bad_request', 'error.malformed_url');
  await next();
};
