import { createRoute, z } from '@hono/zod-openapi';
import { audienceFor, type Audience } from '../../../platform/api/audience.js';
import {
  commandContext, idParam, json, jsonBody, kommuneOf, named, rawBody, readProblems, signedIn, slugParam, writeProblems, writeSecurity, type ApiApp,
} from '../../../platform/api/http.js';
import type { ApiRoutes } from '../../../platform/api/registry.js';
import { listOf } from '../../../platform/api/schemas.js';
import { dbOf } from '../../../platform/http/env.js';
import { expectedVersion } from '../../../platform/validation.js';
import { adoptedEdition, createEdition, editionById, editionInput, listEditions } from '../editions.js';
import { createItem, editionOutline, fieldKind, goalKind, guidelineKind, updateItem } from '../items.js';
import { assertVisible, presentEdition, presentEditionDetail, presentField, presentGoal, presentGuideline } from './present.js';
import { editionDetailSchema, editionSchema, fieldSchema, goalSchema, guidelineSchema } from './schemas.js';

const tags = ['Konzept'];
const kommuneParams = z.object({ slug: slugParam });
const editionParams = z.object({ slug: slugParam, id: idParam() });

const editionBody = named(editionInput, 'EditionInput');

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/editions',
  operationId: 'listEditions',
  tags,
  summary: 'Fassungen des Integrationskonzepts',
  description: 'Ohne Anmeldung nur die beschlossene Fassung; Mitglieder der Kommune sehen alle, die neueste zuerst.',
  request: { params: kommuneParams },
  responses: { 200: json(listOf(editionSchema), 'Fassungen'), ...readProblems },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/kommunen/{slug}/editions',
  operationId: 'createEdition',
  tags,
  summary: 'Neue Fassung (Entwurf) anlegen',
  description: 'Nur Koordination.',
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: kommuneParams, body: jsonBody(editionBody) },
  responses: { 201: json(editionSchema, 'Die angelegte Fassung'), ...writeProblems },
});

const detail = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/editions/{id}',
  operationId: 'getEdition',
  tags,
  summary: 'Eine Fassung mit Leitlinien, Themenfeldern und Zielen',
  description: 'Entwürfe sind ohne Mitgliedschaft 404.',
  request: { params: editionParams },
  responses: { 200: json(editionDetailSchema, 'Die Fassung'), ...readProblems },
});

function editionRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const rows = audience === 'internal' ? await listEditions(dbOf(c), kommune.id) : [await adoptedEdition(dbOf(c), kommune.id)].filter((e) => !!e);
    return c.json({ items: rows.map((e) => presentEdition(e, audience)) }, 200);
  });

  api.openapi(create, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const edition = await createEdition(commandContext(c), kommune.id, await rawBody(c));
    return c.json(presentEdition(edition, audienceFor(c.get('user'), kommune.id)), 201);
  });

  api.openapi(detail, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const edition = await editionById(dbOf(c), kommune.id, id);
    assertVisible(edition, audience);
    return c.json(presentEditionDetail(edition, await editionOutline(dbOf(c), kommune.id, edition.id), audience), 200);
  });

  itemRoutes(api, { path: 'guidelines', kind: guidelineKind, schema: guidelineSchema, present: presentGuideline, name: 'Leitlinie', operation: 'Guideline' });
  itemRoutes(api, { path: 'fields', kind: fieldKind, schema: fieldSchema, present: presentField, name: 'Themenfeld', operation: 'Field' });
  itemRoutes(api, { path: 'goals', kind: goalKind, schema: goalSchema, present: presentGoal, name: 'Ziel', operation: 'Goal' });
}

/** Leitlinien, Themenfelder and Ziele share one life in the service (items.ts), and so here. */
function itemRoutes(
  api: ApiApp,
  item: { path: string; kind: typeof fieldKind; schema: z.ZodType; present: (row: any, audience: Audience) => unknown; name: string; operation: string },
) {
  const create = createRoute({
    method: 'post',
    path: `/api/v1/kommunen/{slug}/editions/{id}/${item.path}`,
    operationId: `create${item.operation}`,
    tags,
    summary: `${item.name} anlegen`,
    description: 'Nur Koordination; nur in Fassungen im Entwurf oder in der Beteiligung. Wird am Ende eingereiht.',
    security: writeSecurity,
    middleware: [signedIn] as const,
    request: { params: editionParams, body: jsonBody(item.kind.input) },
    responses: { 201: json(item.schema, `${item.name}, angelegt`), ...writeProblems },
  });
  const update = createRoute({
    method: 'put',
    path: `/api/v1/kommunen/{slug}/${item.path}/{id}`,
    operationId: `update${item.operation}`,
    tags,
    summary: `${item.name} ändern`,
    description: 'Nur Koordination. `version` ist die zuletzt gelesene Version; ist sie veraltet, antwortet die API mit 409.',
    security: writeSecurity,
    middleware: [signedIn] as const,
    request: { params: editionParams, body: jsonBody(item.kind.input.extend({ version: expectedVersion() })) },
    responses: { 200: json(item.schema, `${item.name}, geändert`), ...writeProblems },
  });

  api.openapi(create, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const row = await createItem(commandContext(c), item.kind, kommune.id, id, await rawBody(c));
    return c.json(item.present(row, audienceFor(c.get('user'), kommune.id)) as any, 201);
  });

  api.openapi(update, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const row = await updateItem(commandContext(c), item.kind, kommune.id, id, await rawBody(c));
    return c.json(item.present(row, audienceFor(c.get('user'), kommune.id)) as any, 200);
  });
}

/** Editions with their Leitlinien, Themenfelder and Ziele. */
export const conceptApi: ApiRoutes = { tags: [{ name: 'Konzept', description: 'Fassungen, Leitlinien, Themenfelder und Ziele' }], register: editionRoutes };
