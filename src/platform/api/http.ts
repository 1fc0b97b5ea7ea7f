import type { Hook, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import type { CommandContext } from '../commands.js';
import { AppError } from '../errors.js';
import { dbOf, type AppEnv, type Ctx } from '../http/env.js';
import { errorHandler } from '../http/errors.js';
import { parseInput } from '../validation.js';
import { tenantBySlug, type Tenant } from '../tenancy/service.js';
import type { ApiScope } from '../auth/api-tokens.js';
import { assertTokenMayWrite } from '../http/bearer.js';
import { problemSchema } from './schemas.js';

export type ApiApp = OpenAPIHono<AppEnv>;

/**
 * zod-openapi validates params, query and body before the handler runs; its failures must look
 * exactly like the services' own (422, German field messages). Replaying the issues through
 * `parseInput` reuses the one mapping from zod issues to catalog keys instead of copying it.
 */
export function validationError(error: z.ZodError): AppError {
  const replay = z.unknown().check((payload) => {
    payload.issues.push(...(error.issues as typeof payload.issues));
  });
  try {
    parseInput(replay, null);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  return new AppError('validation_failed');
}

export const defaultHook: Hook<unknown, AppEnv, string, void> = (result) => {
  if (!result.success) throw validationError(result.error);
};

/** Hono's own request errors (unparseable JSON, wrong media type) become problems too, never a 500. */
export function apiErrorHandler(err: Error, c: Ctx) {
  if (err instanceof HTTPException && err.status < 500) {
    const key = err.status === 400 ? 'api.malformed_json' : err.status === 415 ? 'api.unsupported_media_type' : 'api.bad_request';
    return errorHandler(new AppError('validation_failed', key), c);
  }
  return errorHandler(err, c);
}

/** Writes need a session; without one the answer is 401 (the service commands then check the role). */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('user')) throw new AppError('unauthenticated');
  await next();
};

export function commandContext(c: Ctx): CommandContext {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated');
  assertTokenMayWrite(c, user);
  return { db: dbOf(c), user };
}

export const kommuneOf = (c: Ctx, slug: string): Promise<Tenant> => tenantBySlug(dbOf(c), slug);

/**
 * The body as the client sent it: the services parse it themselves with the same schema the
 * route declared (already checked, and cached by Hono's validator).
 */
export const rawBody = (c: Ctx): Promise<unknown> => c.req.json();

const problemText = {
  401: 'Nicht angemeldet (code unauthenticated), oder das API-Token im Header Authorization ist verformt, unbekannt, widerrufen oder abgelaufen (code invalid_token, reason nennt den Grund).',
  403: 'Keine Berechtigung, der Header X-CSRF-Token fehlt bzw. ist nicht das Token der Sitzung (Cookie ikon_csrf), oder der API-Zugang darf das nicht.',
  404: 'Nicht gefunden – oder für Sie nicht sichtbar (z. B. eine Entwurfsfassung ohne Anmeldung).',
  409: 'Konflikt: jemand anderes hat den Eintrag inzwischen geändert (currentVersion nennt die aktuelle Version), oder die Fassung ist nicht mehr änderbar.',
  422: 'Die Eingaben sind ungültig; errors nennt jedes Feld mit deutscher Meldung.',
  429: 'Zu viele ungültige API-Tokens von dieser Adresse; Retry-After nennt die Sekunden bis zum nächsten Versuch.',
} as const;
type ProblemStatus = keyof typeof problemText;

type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } };

/** The problem responses a route can give, for the OpenAPI document. */
export function problems<S extends ProblemStatus>(...statuses: S[]): Record<S, ProblemResponse> {
  const out = {} as Record<S, ProblemResponse>;
  for (const s of statuses) out[s] = { description: problemText[s], content: { 'application/problem+json': { schema: problemSchema } } };
  return out;
}

export const readProblems = problems(401, 404, 422, 429);
export const writeProblems = problems(401, 403, 404, 409, 422, 429);

/** Security requirement of every write: the session cookie and the CSRF header. */
export const writeSecurity = [{ session: [], csrf: [] }];

/**
 * Writes that API-Zugänge may make too: with the session as above, or with a token (Authorization:
 * Bearer) that has this scope. The route also needs `allowToken(scope)` (platform/http/bearer.ts)
 * among its middleware; every other write refuses tokens.
 */
export const tokenWriteSecurity = (scope: ApiScope): Record<string, string[]>[] => [...writeSecurity, { bearer: [scope] }];

/** Reads: anonymous (what the portal shows), or as a member with the session cookie or an API token. */
export const readSecurity: Record<string, string[]>[] = [{}, { session: [] }, { bearer: [] }];

/**
 * Names a service's input schema in the document (components/schemas). zod-openapi adds
 * `.openapi()` only to schemas created after it loaded, and the services build theirs without it,
 * so call the method through the prototype; it returns a copy that parses exactly the same.
 */
export const named = <T extends z.ZodType>(schema: T, refId: string): T =>
  (z.ZodType.prototype as unknown as { openapi(this: T, refId: string): T }).openapi.call(schema, refId);

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** Path parameters; ids are documented as UUIDs but not rejected here: an unknown id is simply 404. */
export const slugParam = z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'musterland', description: 'Kurzbezeichnung der Kommune' });
export const idParam = (name = 'id') => z.string().openapi({ param: { name, in: 'path' }, format: 'uuid' });
