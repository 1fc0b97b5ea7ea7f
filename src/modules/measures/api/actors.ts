import { createRoute, z } from '@hono/zod-openapi';
import { audienceFor } from '../../../platform/api/audience.js';
import {
  commandContext, idParam, json, jsonBody, named, kommuneOf, rawBody, readProblems, signedIn, slugParam, writeProblems, writeSecurity, type ApiApp,
} from '../../../platform/api/http.js';
import type { ApiRoutes } from '../../../platform/api/registry.js';
import { listOf } from '../../../platform/api/schemas.js';
import { dbOf } from '../../../platform/http/env.js';
import { expectedVersion } from '../../../platform/validation.js';
import type { Db } from '../../../db/client.js';
import { actorInput, createActor, listActors, updateActor } from '../../actors/index.js';
import { adoptedEdition } from '../../concepts/index.js';
import { linksOf, listMeasures } from '../service.js';
import { presentActor } from './present.js';
import { actorSchema } from './schemas.js';

const tags = ['Akteure'];
const kommuneParams = z.object({ slug: slugParam });

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/actors',
  operationId: 'listActors',
  tags,
  summary: 'Akteure der Kommune',
  description: 'Mitglieder sehen alle Akteure; ohne Mitgliedschaft nur die, die in Maßnahmen der beschlossenen Fassung federführend oder beteiligt sind (wie im Portal).',
  request: { params: kommuneParams },
  responses: { 200: json(listOf(actorSchema), 'Akteure, nach Namen sortiert'), ...readProblems },
});

const create = createRoute({
  method: 'post',
  path: '/api/v1/kommunen/{slug}/actors',
  operationId: 'createActor',
  tags,
  summary: 'Akteur anlegen',
  description: 'Nur Koordination.',
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: kommuneParams, body: jsonBody(named(actorInput, 'ActorInput')) },
  responses: { 201: json(actorSchema, 'Der angelegte Akteur'), ...writeProblems },
});

const update = createRoute({
  method: 'put',
  path: '/api/v1/kommunen/{slug}/actors/{id}',
  operationId: 'updateActor',
  tags,
  summary: 'Akteur ändern',
  description: 'Nur Koordination. `version` ist die zuletzt gelesene Version; ist sie veraltet, antwortet die API mit 409.',
  security: writeSecurity,
  middleware: [signedIn] as const,
  request: { params: z.object({ slug: slugParam, id: idParam() }), body: jsonBody(named(actorInput.extend({ version: expectedVersion() }), 'ActorUpdate')) },
  responses: { 200: json(actorSchema, 'Der geänderte Akteur'), ...writeProblems },
});

/** The actors the public portal names: lead or partner of a measure in the adopted edition. */
async function publishedActorIds(db: Db, tenantId: string): Promise<Set<string>> {
  const adopted = await adoptedEdition(db, tenantId);
  if (!adopted) return new Set();
  const rows = await listMeasures(db, tenantId, adopted.id);
  const links = await linksOf(db, tenantId, rows.map((r) => r.id));
  const ids = new Set<string>();
  for (const r of rows) if (r.leadActorId) ids.add(r.leadActorId);
  for (const l of links.values()) for (const a of l.partnerActorIds) ids.add(a);
  return ids;
}

function actorRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    let rows = await listActors(dbOf(c), kommune.id);
    if (audience === 'public') {
      const shown = await publishedActorIds(dbOf(c), kommune.id);
      rows = rows.filter((a) => shown.has(a.id));
    }
    return c.json({ items: rows.map((a) => presentActor(a, audience)) }, 200);
  });

  api.openapi(create, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const actor = await createActor(commandContext(c), kommune.id, await rawBody(c));
    return c.json(presentActor(actor, audienceFor(c.get('user'), kommune.id)), 201);
  });

  api.openapi(update, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const actor = await updateActor(commandContext(c), kommune.id, id, await rawBody(c));
    return c.json(presentActor(actor, audienceFor(c.get('user'), kommune.id)), 200);
  });
}

/**
 * The actors, in the measures module: the public sees the actors the adopted edition's measures
 * name, and only measures know them (actors sit below measures).
 */
export const actorApi: ApiRoutes = { tags: [{ name: 'Akteure', description: 'Akteure, die Maßnahmen verantworten oder mitwirken' }], register: actorRoutes };
