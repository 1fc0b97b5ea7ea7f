import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createRoute, z } from '@hono/zod-openapi';
import { json, slugParam } from '../../platform/api/http.js';
import type { ApiRoutes } from '../../platform/api/registry.js';
import { useModules, type ModuleManifest } from '../../platform/module.js';
import { modules } from '../index.js';
import { apiModule } from './module.js';

// A module that moves in adds its API by one manifest entry: its routes and tag appear in /api/v1
// and in the one OpenAPI document, next to everyone else's.
const roomsApi: ApiRoutes = {
  tags: [{ name: 'Räume', description: 'Räume für Treffen und Kurse' }],
  register: (api) =>
    api.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/kommunen/{slug}/rooms',
        tags: ['Räume'],
        summary: 'Räume der Kommune',
        request: { params: z.object({ slug: slugParam }) },
        responses: { 200: json(z.object({ slug: z.string() }).openapi('RoomList'), 'Räume') },
      }),
      (c) => c.json({ slug: c.req.valid('param').slug }, 200),
    ),
};
const roomsModule: ModuleManifest = { name: 'rooms', apiRoutes: [roomsApi] };

after(() => useModules(modules));

test('a module’s apiRoutes entry is served under /api/v1 and listed in the OpenAPI document with its tag', async () => {
  useModules([...modules, roomsModule]);
  const api = apiModule.routes![0]!();
  const res = await api.request('/api/v1/kommunen/musterland/rooms');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { slug: 'musterland' });

  const doc = (await (await api.request('/api/v1/openapi.json')).json()) as any;
  assert.equal(doc.paths['/api/v1/kommunen/{slug}/rooms'].get.summary, 'Räume der Kommune');
  assert.ok(doc.components.schemas.RoomList);
  const tagNames = doc.tags.map((t: { name: string }) => t.name);
  assert.ok(tagNames.includes('Räume'));
  // The modules' own routes and tags are all still there, each tag once (Maßnahmen is shared by measures and progress).
  assert.ok(doc.paths['/api/v1/kommunen/{slug}/measures/{id}/updates']);
  assert.deepEqual([...tagNames].sort(), ['Akteure', 'Angebote', 'Indikatoren', 'Kommunen', 'Konzept', 'Maßnahmen', 'Räume']);
});

test('without the module, its routes are gone from the API and the document', async () => {
  useModules(modules);
  const api = apiModule.routes![0]!();
  const doc = (await (await api.request('/api/v1/openapi.json')).json()) as any;
  assert.equal(doc.paths['/api/v1/kommunen/{slug}/rooms'], undefined);
  assert.ok(!doc.tags.some((t: { name: string }) => t.name === 'Räume'));
});
