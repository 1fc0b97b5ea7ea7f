import { createRoute, z } from '@hono/zod-openapi';
import { audienceFor, type Audience } from '../../platform/api/audience.js';
import { commandContext, idParam, json, jsonBody, kommuneOf, named, rawBody, readProblems, signedIn, slugParam, tokenWriteSecurity, writeProblems, type ApiApp } from '../../platform/api/http.js';
import type { ApiRoutes } from '../../platform/api/registry.js';
import { listOf, memberOnly } from '../../platform/api/schemas.js';
import { dbOf } from '../../platform/http/env.js';
import { assertVisible, editionById } from '../concepts/index.js';
import { measureStatuses } from '../measures/schema.js';
import { reviewStates, type ReviewState } from './schema.js';
import { measureById } from '../measures/index.js';
import { measureUpdateFields } from './input.js';
import { recordMeasureUpdate, updatesOf, type MeasureUpdateRow } from './updates.js';
import { allowToken } from '../../platform/http/bearer.js';

const tags = ['Maßnahmen'];
const params = z.object({ slug: slugParam, id: idParam() });

const attachmentSchema = z
  .object({
    name: z.string(),
    type: z.string().openapi({ example: 'application/pdf' }),
    size: z.number().int().openapi({ description: 'Größe in Bytes' }),
    url: z.string().openapi({ description: 'Download (Content-Disposition: attachment)' }),
  })
  .openapi('ProgressUpdateAttachment');

const publicUpdate = z.object({
  id: z.string().uuid(),
  measureId: z.string().uuid(),
  reportedOn: z.string().openapi({ format: 'date', example: '2026-03-31' }),
  status: z.enum(measureStatuses),
  progress: z.number().int().min(0).max(100).openapi({ description: 'Fortschritt in Prozent zu diesem Stand' }),
  text: z.string(),
  isPublic: z.boolean(),
  attachment: attachmentSchema.nullable(),
});
type PublicUpdateOut = z.infer<typeof publicUpdate>;
type InternalUpdateOut = PublicUpdateOut & { authorName: string; createdAt: string; review: ReviewState | null };

export const measureUpdateSchema = publicUpdate
  .extend({
    authorName: memberOnly(z.string()),
    createdAt: memberOnly(z.string().openapi({ format: 'date-time' })),
    review: memberOnly(
      z.enum(reviewStates).nullable().openapi({
        description:
          'Prüfung einer öffentlichen Partner-Meldung: pending = zur Prüfung (noch nicht öffentlich; Status und Fortschritt der Maßnahme ändern sich erst mit der Freigabe), approved = freigegeben, declined = abgelehnt (bleibt intern); null = keine Prüfung nötig.',
      }),
    ),
  })
  .openapi('ProgressUpdate', { description: 'Sachstandsmeldung einer Maßnahme' });
const createdSchema = measureUpdateSchema
  .extend({ measureVersion: z.number().int().openapi({ description: 'Die Version der Maßnahme nach dieser Meldung (unverändert bei einer Meldung zur Prüfung): für die nächste Meldung mitzuschicken.' }) })
  .openapi('ProgressUpdateCreated');

/** Field by field: public callers never see who reported or when it was typed in. */
function presentUpdate(u: MeasureUpdateRow, slug: string, audience: Audience): PublicUpdateOut | InternalUpdateOut {
  const attachmentUrl =
    audience === 'public' ? `/k/${encodeURIComponent(slug)}/umsetzung/anhang/${u.id}` : `/app/k/${encodeURIComponent(slug)}/massnahmen/${u.measureId}/umsetzung/anhang/${u.id}`;
  const shown: PublicUpdateOut = {
    id: u.id,
    measureId: u.measureId,
    reportedOn: u.reportedOn,
    status: u.status,
    progress: u.progress,
    text: u.text,
    isPublic: u.isPublic,
    attachment: u.attachmentName && u.attachmentSize != null ? { name: u.attachmentName, type: u.attachmentType ?? 'application/octet-stream', size: u.attachmentSize, url: attachmentUrl } : null,
  };
  if (audience === 'public') return shown;
  return { ...shown, authorName: u.authorName, createdAt: new Date(u.createdAt).toISOString(), review: u.review ?? null };
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/measures/{id}/updates',
  operationId: 'listProgressUpdates',
  tags,
  summary: 'Sachstandsmeldungen einer Maßnahme',
  description: 'Neueste zuerst. Ohne Mitgliedschaft nur die öffentlichen Meldungen von Maßnahmen der beschlossenen Fassung, ohne Namen der Meldenden.',
  request: { params },
  responses: { 200: json(listOf(measureUpdateSchema), 'Sachstandsmeldungen'), ...readProblems },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/kommunen/{slug}/measures/{id}/updates',
  operationId: 'reportProgress',
  tags,
  summary: 'Sachstand melden',
  description:
    'Für Fachverfahren, die selbst berichten: Koordination, der federführende Fachdienst und beteiligte Partner; in offenen und beschlossenen Fassungen, nicht in abgelösten. ' +
    'Setzt Status und Fortschritt der Maßnahme (neue Version). Ohne `progress` gibt der Status den Fortschritt vor, sonst bleibt der bisherige. ' +
    '`version` ist die zuletzt gelesene Version der Maßnahme; hat inzwischen jemand anderes gespeichert, antwortet die API mit 409 und `currentVersion`. ' +
    'Anhänge nur über das Formular der Anwendung.',
  security: tokenWriteSecurity('progress'),
  middleware: [signedIn, allowToken('progress')] as const,
  request: { params, body: jsonBody(named(measureUpdateFields, 'ProgressUpdateInput')) },
  responses: { 201: json(createdSchema, 'Die gespeicherte Meldung'), ...writeProblems },
});

function updateRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const db = dbOf(c);
    const measure = await measureById(db, kommune.id, id);
    assertVisible(await editionById(db, kommune.id, measure.editionId), audience);
    const rows = await updatesOf(db, kommune.id, measure.id, { publicOnly: audience === 'public' });
    return c.json({ items: rows.map((u) => presentUpdate(u, kommune.slug, audience)) }, 200);
  });

  api.openapi(create, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    // JSON cannot carry a file; an `attachment` key is ignored rather than half-parsed.
    const { attachment: _ignored, ...body } = (await rawBody(c)) as Record<string, unknown>;
    const update = await recordMeasureUpdate(commandContext(c), kommune.id, id, body);
    const measure = await measureById(dbOf(c), kommune.id, id);
    return c.json({ ...(presentUpdate(update, kommune.slug, 'internal') as InternalUpdateOut), measureVersion: measure.version }, 201);
  });
}

/** Sachstandsmeldungen of a measure (filed under the measures' tag). */
export const progressApi: ApiRoutes = { register: updateRoutes };
