import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors.js';

/**
 * The largest request body ikon accepts, on every route: above every upload limit of the modules
 * (spreadsheets and attachments 5 MB each, Anlagen of Vorlagen 10 MB, plus the form around them). Without it a single POST —
 * even to the sign-in form, before any session check — was read into memory whole: 400 MB sent to
 * /anmelden raised the server's resident memory from 0.8 to 2.5 GB.
 */
export const maxRequestBytes = 16 * 1024 * 1024;

/**
 * Refuses a larger body with 413 (a German page, or problem+json for the API) before anything reads
 * it: by its Content-Length, or while counting a chunked body, so at most `maxBytes` are held.
 * GET and HEAD carry no body and skip it: hono's check asks for `c.req.raw.body`, which makes
 * @hono/node-server build a whole undici Request with an AbortController for every request —
 * ~0.12 ms of CPU per page, an eighth of a cached page's cost (CPU profile, session 10).
 */
export const requestBodyLimit = (maxBytes = maxRequestBytes): MiddlewareHandler => {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('payload_too_large', 'error.payload_too_large', { params: { max: Math.round(maxBytes / 1024 / 1024) } });
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
};
