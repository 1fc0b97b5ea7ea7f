import { createRoute, z } from '@hono/zod-openapi';
import { dbOf } from '../../../platform/http/env.js';
import { adoptedEdition } from '../../concepts/index.js';
import { listTenants } from '../../../platform/tenancy/service.js';
import { json, kommuneOf, readProblems, slugParam, type ApiApp } from '../http.js';
import { presentKommune, presentKommuneDetail } from '../present.js';
import { kommuneDetailSchema, kommuneSchema, listOf } from '../schemas.js';

const tags = ['Kommunen'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen',
  tags,
  summary: 'Alle Kommunen',
  responses: { 200: json(listOf(kommuneSchema), 'Kommunen, nach Namen sortiert; Gemeinden nennen ihren Kreis als parentId.') },
});

const detail = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}',
  tags,
  summary: 'Eine Kommune',
  request: { params: z.object({ slug: slugParam }) },
  responses: { 200: json(kommuneDetailSchema, 'Die Kommune mit ihrer beschlossenen Fassung.'), ...readProblems },
});

export function kommuneRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const rows = await listTenants(dbOf(c));
    return c.json({ items: rows.map(presentKommune) }, 200);
  });

  api.openapi(detail, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    return c.json(presentKommuneDetail(kommune, await adoptedEdition(dbOf(c), kommune.id)), 200);
  });
}
