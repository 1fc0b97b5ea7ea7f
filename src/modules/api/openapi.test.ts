import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/support/harness.js';

/** Every route of the API, as the OpenAPI document must list it. */
const routes: [string, string][] = [
  ['get', '/api/v1/kommunen'],
  ['get', '/api/v1/kommunen/{slug}'],
  ['get', '/api/v1/kommunen/{slug}/editions'],
  ['post', '/api/v1/kommunen/{slug}/editions'],
  ['get', '/api/v1/kommunen/{slug}/editions/{id}'],
  ['post', '/api/v1/kommunen/{slug}/editions/{id}/guidelines'],
  ['put', '/api/v1/kommunen/{slug}/guidelines/{id}'],
  ['post', '/api/v1/kommunen/{slug}/editions/{id}/fields'],
  ['put', '/api/v1/kommunen/{slug}/fields/{id}'],
  ['post', '/api/v1/kommunen/{slug}/editions/{id}/goals'],
  ['put', '/api/v1/kommunen/{slug}/goals/{id}'],
  ['get', '/api/v1/kommunen/{slug}/editions/{id}/measures'],
  ['post', '/api/v1/kommunen/{slug}/editions/{id}/measures'],
  ['get', '/api/v1/kommunen/{slug}/measures/{id}'],
  ['put', '/api/v1/kommunen/{slug}/measures/{id}'],
  ['patch', '/api/v1/kommunen/{slug}/measures/{id}/status'],
  ['delete', '/api/v1/kommunen/{slug}/measures/{id}'],
  ['get', '/api/v1/kommunen/{slug}/actors'],
  ['post', '/api/v1/kommunen/{slug}/actors'],
  ['put', '/api/v1/kommunen/{slug}/actors/{id}'],
  ['get', '/api/v1/kommunen/{slug}/measures/{id}/updates'],
  ['post', '/api/v1/kommunen/{slug}/measures/{id}/updates'],
  ['get', '/api/v1/kommunen/{slug}/editions/{id}/indicators'],
  ['get', '/api/v1/kommunen/{slug}/indicators/{id}'],
  ['post', '/api/v1/kommunen/{slug}/indicators/{id}/values'],
];

describe('GET /api/v1/openapi.json', () => {
  let t: TestApp;
  let doc: any;
  before(async () => {
    // The document does not depend on data: the empty fixture on PGlite is enough.
    t = await startTestApp('pglite', 'empty');
    const res = await t.client().get('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    doc = await res.json();
  });
  after(() => t?.close());

  test('is an OpenAPI 3.1 document titled "ikon API" that explains visibility and CSRF', () => {
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.info.title, 'ikon API');
    assert.ok(doc.info.version);
    assert.match(doc.info.description, /X-CSRF-Token/);
    assert.match(doc.info.description, /ikon_csrf/);
    assert.match(doc.info.description, /beschlossene Fassung/);
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['csrf', 'session']);
  });

  test('lists every route, each with its responses; no undocumented extras', () => {
    for (const [method, path] of routes) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method.toUpperCase()} ${path} missing`);
      assert.ok(op.summary, `${method} ${path} has a summary`);
      const success = Object.keys(op.responses).find((s) => s.startsWith('2'));
      assert.ok(success, `${method} ${path} documents success`);
    }
    const documented = Object.entries<any>(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    assert.deepEqual(documented.sort(), routes.map(([m, p]) => `${m} ${p}`).sort());
  });

  test('writes document their JSON body, the security requirement and problem responses', () => {
    for (const [method, path] of routes.filter(([m]) => m !== 'get')) {
      const op = doc.paths[path][method];
      assert.deepEqual(op.security, [{ session: [], csrf: [] }], `${method} ${path}`);
      for (const status of ['401', '403', '404', '409', '422']) {
        assert.equal(op.responses[status]?.content?.['application/problem+json']?.schema?.$ref, '#/components/schemas/Problem', `${method} ${path} ${status}`);
      }
      if (method !== 'delete') assert.ok(op.requestBody?.content?.['application/json']?.schema, `${method} ${path} body`);
    }
    const create = doc.components.schemas.MeasureInput;
    assert.ok(create.required.includes('title') && create.required.includes('fieldId'));
    assert.ok(doc.components.schemas.MeasureUpdate.required.includes('version'));
    assert.ok(doc.components.schemas.Problem.properties.errors);
    assert.ok(doc.components.schemas.Measure.properties.internalNote.description.includes('nie öffentlich'));
  });
});
