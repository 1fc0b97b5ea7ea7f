import { createRoute, z } from '@hono/zod-openapi';
import { audienceFor } from '../../../platform/api/audience.js';
import {
  commandContext, idParam, json, jsonBody, named, kommuneOf, problems, rawBody, readProblems, signedIn, slugParam, writeProblems, writeSecurity, type ApiApp,
} from '../../../platform/api/http.js';
import type { ApiRoutes } from '../../../platform/api/registry.js';
import { listOf } from '../../../platform/api/schemas.js';
import { dbOf } from '../../../platform/http/env.js';
import { expectedVersion, plainText } from '../../../platform/validation.js';
import { assertVisible, editionById } from '../../concepts/index.js';
import { measureFields, statusInput, updateMeasureInput } from '../input.js';
import { horizons, measureStatuses } from '../schema.js';
import { createMeasure, deleteMeasure, linksOf, listMeasures, measureById, updateMeasure, updateMeasureStatus } from '../service.js';
import { presentMeasure } from './present.js';
import { measureSchema } from './schemas.js';

const tags = ['Maßnahmen'];
const measureParams = z.object({ slug: slugParam, id: idParam() });
const editionParams = z.object({ slug: slugParam, id: idParam() });
const versionNote = '`version` ist die zuletzt gelesene Version; hat inzwischen jemand anderes gespeichert, antwortet die API mit 409 und `currentVersion`.';

const filters = z.object({
  fieldId: z.string().uuid('validation.invalid').optional().openapi({ description: 'Themenfeld' }),
  horizon: z.enum(horizons, { error: 'validation.invalid_choice' }).optional(),
  status: z.enum(measureStatuses, { error: 'validation.invalid_choice' }).optional(),
  targetGroup: plainText().max(200).optional().openapi({ description: 'Zielgruppe: ihr Name aus den Zielgruppen der Kommune (Groß-/Kleinschreibung egal)' }),
  leadActorId: z.string().uuid('validation.invalid').optional().openapi({ description: 'Federführender Akteur' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/editions/{id}/measures',
  operationId: 'listMeasures',
  tags,
  summary: 'Maßnahmen einer Fassung',
  description: 'Nach Themenfeld und Position sortiert. Ohne Mitgliedschaft nur in der beschlossenen Fassung und ohne interne Notizen.',
  request: { params: editionParams, query: filters },
  responses: { 200: json(listOf(measureSchema), 'Maßnahmen'), ...readProblems },
});

const detail = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/measures/{id}',
  operationId: 'getMeasure',
  tags,
  summary: 'Eine Maßnahme',
  request: { params: measureParams },
  responses: { 200: json(measureSchema, 'Die Maßnahme'), ...readProblems },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/kommunen/{slug}/editions/{id}/measures',
  operationId: 'createMeasure',
  tags,
  summary: 'Maßnahme anlegen',
  description: 'Nur Koordination; nur in Fassungen im Entwurf oder in der Beteiligung.',
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: editionParams, body: jsonBody(named(measureFields, 'MeasureInput')) },
  responses: { 201: json(measureSchema, 'Die angelegte Maßnahme'), ...writeProblems },
});

const update = createRoute({
  method: 'put',
  path: '/api/v1/kommunen/{slug}/measures/{id}',
  operationId: 'updateMeasure',
  tags,
  summary: 'Maßnahme ändern',
  description: `Koordination; Fachdienst/Redaktion für Maßnahmen, die ihr Akteur federführend verantwortet. ${versionNote}`,
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: measureParams, body: jsonBody(named(updateMeasureInput, 'MeasureUpdate')) },
  responses: { 200: json(measureSchema, 'Die geänderte Maßnahme'), ...writeProblems },
});

const setStatus = createRoute({
  method: 'patch',
  path: '/api/v1/kommunen/{slug}/measures/{id}/status',
  operationId: 'setMeasureStatus',
  tags,
  summary: 'Status einer Maßnahme ändern',
  description: `Auch Partner, deren Akteur die Maßnahme federführend verantwortet oder daran mitwirkt; auch in der beschlossenen Fassung. ${versionNote}`,
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: measureParams, body: jsonBody(named(statusInput, 'MeasureStatusUpdate')) },
  responses: { 200: json(measureSchema, 'Die geänderte Maßnahme'), ...writeProblems },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/v1/kommunen/{slug}/measures/{id}',
  operationId: 'deleteMeasure',
  tags,
  summary: 'Maßnahme löschen',
  description: `Nur Koordination; nur in Fassungen im Entwurf oder in der Beteiligung. ${versionNote}`,
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: measureParams, query: z.object({ version: expectedVersion() }) },
  responses: { 204: { description: 'Gelöscht' }, ...problems(401, 403, 404, 409, 422) },
});

function measureRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const db = dbOf(c);
    assertVisible(await editionById(db, kommune.id, id), audience);
    const rows = await listMeasures(db, kommune.id, id, c.req.valid('query'));
    const links = await linksOf(db, kommune.id, rows.map((r) => r.id));
    return c.json({ items: rows.map((r) => presentMeasure({ ...r, ...links.get(r.id)! }, audience)) }, 200);
  });

  api.openapi(detail, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const measure = await measureById(dbOf(c), kommune.id, id);
    assertVisible(await editionById(dbOf(c), kommune.id, measure.editionId), audience);
    return c.json(presentMeasure(measure, audience), 200);
  });

  api.openapi(create, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const body = (await rawBody(c)) as Record<string, unknown>;
    const measure = await createMeasure(commandContext(c), kommune.id, { ...body, editionId: id });
    return c.json(presentMeasure(measure, audienceFor(c.get('user'), kommune.id)), 201);
  });

  api.openapi(update, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const measure = await updateMeasure(commandContext(c), kommune.id, id, await rawBody(c));
    return c.json(presentMeasure(measure, audienceFor(c.get('user'), kommune.id)), 200);
  });

  api.openapi(setStatus, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const measure = await updateMeasureStatus(commandContext(c), kommune.id, id, await rawBody(c));
    return c.json(presentMeasure(measure, audienceFor(c.get('user'), kommune.id)), 200);
  });

  api.openapi(remove, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    await deleteMeasure(commandContext(c), kommune.id, id, c.req.valid('query').version);
    return c.body(null, 204);
  });
}

/** Measures of an edition: read, create, change, set the status, delete. */
export const measureApi: ApiRoutes = { tags: [{ name: 'Maßnahmen', description: 'Maßnahmen einer Fassung und ihr Umsetzungsstand' }], register: measureRoutes };
