import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validate } from '@readme/openapi-parser';
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
  ['get', '/api/v1/kommunen/{slug}/offers'],
  ['post', '/api/v1/kommunen/{slug}/offers'],
  ['get', '/api/v1/kommunen/{slug}/offers/{id}'],
  ['put', '/api/v1/kommunen/{slug}/offers/{id}'],
  ['get', '/api/v1/kommunen/{slug}/offer-providers'],
];

describe('GET /api/v1/openapi.json', () => {
  let t: TestApp;
  let doc: any;
  before(async () => {
    // The document does not depend on data: the empty fixture on PGlite is enough.
    t = await startTestApp('pglite', 'empty', { env: { PUBLIC_URL: 'https://ikon.kreis-beispiel.de/' } });
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
    assert.match(doc.info.description, /Authorization: Bearer ikon_/);
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['bearer', 'csrf', 'session']);
    assert.deepEqual(doc.components.securitySchemes.bearer, { ...doc.components.securitySchemes.bearer, type: 'http', scheme: 'bearer' });
  });

  test('names its licence (EUPL-1.2) and the server it is served from', () => {
    assert.deepEqual(doc.info.license, { name: 'EUPL-1.2', identifier: 'EUPL-1.2' });
    assert.deepEqual(doc.servers.map((s: any) => s.url), ['https://ikon.kreis-beispiel.de'], 'PUBLIC_URL of the installation');
  });

  test('every operation has an operationId, each one different', () => {
    const ids = Object.entries<any>(doc.paths).flatMap(([p, ops]) => Object.entries<any>(ops).map(([m, op]) => [`${m} ${p}`, op.operationId] as const));
    assert.deepEqual(ids.filter(([, id]) => typeof id !== 'string' || !/^[a-z][A-Za-z]+$/.test(id)).map(([op]) => op), [], 'operations without a camelCase operationId');
    const seen = new Map<string, string>();
    for (const [op, id] of ids) {
      assert.ok(!seen.has(id), `${op} and ${seen.get(id)} share the operationId ${id}`);
      seen.set(id, op);
    }
    assert.equal(seen.size, routes.length);
  });

  test('reads work without sign-in, with a session or a token; reports also take an API token with their scope', () => {
    for (const [method, path] of routes.filter(([m]) => m === 'get')) {
      assert.deepEqual(doc.paths[path][method].security, [{}, { session: [] }, { bearer: [] }], `${method} ${path}`);
      assert.ok(doc.paths[path][method].responses['401'], `${method} ${path}: a bad token is 401`);
    }
    assert.deepEqual(doc.paths['/api/v1/kommunen/{slug}/measures/{id}/updates'].post.security, [{ session: [], csrf: [] }, { bearer: ['progress'] }]);
    assert.deepEqual(doc.paths['/api/v1/kommunen/{slug}/indicators/{id}/values'].post.security, [{ session: [], csrf: [] }, { bearer: ['indicator_values'] }]);
  });

  test('is valid OpenAPI 3.1 by an independent validator (@readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(doc));
    assert.equal(result.valid, true, JSON.stringify(result).slice(0, 2000));
    assert.deepEqual(result.warnings, [], 'no warnings');
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
      const tokens = op.security.find((r: any) => r.bearer);
      assert.deepEqual(op.security, [{ session: [], csrf: [] }, ...(tokens ? [tokens] : [])], `${method} ${path}`);
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
