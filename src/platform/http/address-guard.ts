import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

// A percent-encoded C0 control character or DEL (%00–%1F, %7F). "%2500" (a literal "%00") does not match.
const encodedControl = /%(?:[01][0-9a-f]|7f)/i;

/**
 * No address of ikon contains control characters; a NUL in a slug or search term would only
 * reach PostgreSQL, which cannot compare it, and fail there. Refused up front with 400.
 */
export const rejectControlCharactersInAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  if (encodedControl.test(url.slice(url.indexOf('/', url.indexOf('//') + 2)))) throw new AppError('bad_request', 'error.malformed_url');
  await next();
};
