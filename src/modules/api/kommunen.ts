import { createRoute, z } from '@hono/zod-openapi';
import { json, kommuneOf, problems, readProblems, slugParam, type ApiApp } from '../../platform/api/http.js';
import type { ApiRoutes } from '../../platform/api/registry.js';
import { listOf } from '../../platform/api/schemas.js';
import { dbOf } from '../../platform/http/env.js';
import { listTenants } from '../../platform/tenancy/service.js';
import { adoptedEdition } from '../concepts/index.js';
import { presentKommune, presentKommuneDetail } from './present.js';
import { kommuneDetailSchema, kommuneSchema } from './schemas.js';

const tags = ['Kommunen'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen',
  operationId: 'listKommunen',
  tags,
  summary: 'Alle Kommunen',
  responses: { 200: json(listOf(kommuneSchema), 'Kommunen, nach Namen sortiert; Gemeinden nennen ihren Kreis als parentId.'), ...problems(401, 429) },
});

const detail = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}',
  operationId: 'getKommune',
  tags,
  summary: 'Eine Kommune',
  request: { params: z.object({ slug: slugParam }) },
  responses: { 200: json(kommuneDetailSchema, 'Die Kommune mit ihrer beschlossenen Fassung.'), ...readProblems },
});

function kommuneRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const rows = await listTenants(dbOf(c));
    return c.json({ items: rows.map(presentKommune) }, 200);
  });

  api.openapi(detail, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    return c.json(presentKommuneDetail(kommune, await adoptedEdition(dbOf(c), kommune.id)), 200);
  });
}

/** The Kommunen: the platform's tenants, with the adopted edition of each. */
export const kommuneApi: ApiRoutes = { tags: [{ name: 'Kommunen', description: 'Landkreise, Städte und Gemeinden' }], register: kommuneRoutes };
