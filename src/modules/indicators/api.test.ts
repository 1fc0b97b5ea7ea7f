import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { editions, fields, goals } from '../concepts/schema.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { demo } from './test-helpers.js';

const base = '/api/v1/kommunen/musterland';
const problemType = 'application/problem+json';

describeEachDb('API: Indikatoren', (t) => {
  let d: Awaited<ReturnType<typeof demo>>;
  const other = { tenantId: '', editionId: '', indicatorId: '' };

  before(async () => {
    d = await demo(t().db);
    // A second Kommune with an adopted edition and a public indicator, written straight into the database.
    const db = t().db;
    const [tenant] = await db.insert(tenants).values({ ags: '03457000', name: 'Landkreis Nebenan', kind: 'landkreis', slug: 'nebenan' }).returning();
    other.tenantId = tenant!.id;
    const [edition] = await db.insert(editions).values({ tenantId: other.tenantId, title: 'Konzept Nebenan', status: 'beschlossen', adoptedOn: '2025-01-01' }).returning();
    other.editionId = edition!.id;
    const [field] = await db.insert(fields).values({ tenantId: other.tenantId, editionId: other.editionId, position: 1, title: 'Arbeit' }).returning();
    const [goal] = await db.insert(goals).values({ tenantId: other.tenantId, editionId: other.editionId, fieldId: field!.id, kind: 'handlungsziel', number: '1.1', position: 1, title: 'Arbeit' }).returning();
    const [ind] = await db.insert(indicators).values({ tenantId: other.tenantId, editionId: other.editionId, goalId: goal!.id, name: 'Kennzahl Nebenan', kind: 'output' }).returning();
    other.indicatorId = ind!.id;
    await db.insert(indicatorValues).values({ tenantId: other.tenantId, indicatorId: other.indicatorId, measuredOn: '2025-12-31', value: '7', note: 'geheim-nebenan', createdBy: 'Nebenan' });
  });

  const problem = async (res: Response, status: number, code: string) => {
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type')?.split(';')[0], problemType);
    const body = (await res.json()) as any;
    assert.equal(body.code, code);
    return body;
  };

  test('GET the indicators of the adopted edition: anonymous callers get the public ones without internal fields', async () => {
    const res = await t().client().get(`${base}/editions/${d.adopted.id}/indicators`);
    assert.equal(res.status, 200);
    const { items } = (await res.json()) as any;
    assert.equal(items.length, 20);
    assert.ok(!items.some((i: any) => i.name === 'Aktiv vermittelte Ehrenamtliche in Integrationsprojekten'));
    const courses = items.find((i: any) => i.name === 'Teilnehmende an Integrationskursen');
    assert.equal(courses.kind, 'output');
    assert.equal(courses.baselineValue, 820);
    assert.equal(courses.targetValue, 1100);
    assert.equal(courses.targetYear, 2027);
    assert.equal(courses.latestValue, 1030);
    assert.equal(courses.latestOn, '2026-06-30');
    assert.ok(['on_track', 'behind', 'reached'].includes(courses.status));
    assert.ok(!('version' in courses) && !('isPublic' in courses));
    // Drafts do not exist for the public.
    await problem(await t().client().get(`${base}/editions/${d.draft.id}/indicators`), 404, 'not_found');
  });

  test('members see every indicator with version; GET one with its values (notes only for members)', async () => {
    const c = await t().signIn('lesend@musterland.example');
    const { items } = (await (await c.get(`${base}/editions/${d.adopted.id}/indicators`)).json()) as any;
    assert.equal(items.length, 21);
    assert.ok(items.every((i: any) => typeof i.version === 'number'));
    const hidden = items.find((i: any) => i.isPublic === false);
    assert.equal(hidden.name, 'Aktiv vermittelte Ehrenamtliche in Integrationsprojekten');
    const detail = (await (await c.get(`${base}/indicators/${hidden.id}`)).json()) as any;
    assert.equal(detail.values.length, 3);
    assert.deepEqual(detail.values.map((v: any) => v.measuredOn), ['2024-12-31', '2025-12-31', '2026-06-30']);
    assert.equal(typeof detail.values[0].createdBy, 'string');
    // For the public the internal-only indicator does not exist.
    await problem(await t().client().get(`${base}/indicators/${hidden.id}`), 404, 'not_found');
    const pub = (await (await t().client().get(`${base}/indicators/${items.find((i: any) => i.isPublic).id}`)).json()) as any;
    assert.ok(pub.values.length > 0);
    assert.ok(pub.values.every((v: any) => !('note' in v) && !('createdBy' in v)));
  });

  test('POST a value: 201 for Koordination and for Redaktion on its own measure; 401, 403, 404, 422 as problems', async () => {
    const own = await d.indicator('Vermittelte Mietverhältnisse aus Gemeinschaftsunterkünften');
    const goalIndicator = await d.indicator('Abschlussquote Sprachkurse B1');
    const k = await t().signIn('koordination@musterland.example');
    const created = await k.json('POST', `${base}/indicators/${goalIndicator.id}/values`, { measuredOn: '2026-10-31', value: '56,5', note: 'aus dem Fachverfahren' });
    assert.equal(created.status, 201);
    const body = (await created.json()) as any;
    assert.equal(body.value, 56.5);
    assert.equal(body.measuredOn, '2026-10-31');
    assert.equal(body.note, 'aus dem Fachverfahren');
    assert.equal(body.createdBy, 'Katrin Koordination');
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_value'), eq(auditLog.entityId, body.id)));
    assert.equal(audit.length, 1);

    const r = await t().signIn('redaktion@musterland.example');
    assert.equal((await r.json('POST', `${base}/indicators/${own.id}/values`, { measuredOn: '2026-10-31', value: 62 })).status, 201);
    await problem(await r.json('POST', `${base}/indicators/${goalIndicator.id}/values`, { measuredOn: '2026-10-30', value: 1 }), 403, 'forbidden');
    for (const email of ['partner@musterland.example', 'lesend@musterland.example']) {
      const c = await t().signIn(email);
      await problem(await c.json('POST', `${base}/indicators/${own.id}/values`, { measuredOn: '2026-10-29', value: 1 }), 403, 'forbidden');
    }
    await problem(await t().client().json('POST', `${base}/indicators/${own.id}/values`, { measuredOn: '2026-10-29', value: 1 }), 401, 'unauthenticated');
    await problem(await k.json('POST', `${base}/indicators/00000000-0000-4000-8000-000000000000/values`, { measuredOn: '2026-10-29', value: 1 }), 404, 'not_found');
    const invalid = await problem(await k.json('POST', `${base}/indicators/${own.id}/values`, { measuredOn: '2099-01-01', value: 'viel' }), 422, 'validation_failed');
    const byField = Object.fromEntries(invalid.errors.map((e: any) => [e.field, e.message]));
    assert.equal(byField.measuredOn, 'Das Datum darf nicht in der Zukunft liegen.');
    assert.equal(byField.value, 'Bitte eine Zahl eingeben, z. B. 0,5.');
    const twice = await problem(await k.json('POST', `${base}/indicators/${own.id}/values`, { measuredOn: '2026-10-31', value: 1 }), 422, 'validation_failed');
    assert.equal(twice.errors[0].field, 'measuredOn');
    // Without the CSRF header a browser-borne request is refused.
    const noCsrf = await k.request(`${base}/indicators/${own.id}/values`, { method: 'POST', body: JSON.stringify({ measuredOn: '2026-10-28', value: 1 }), headers: { 'content-type': 'application/json' } });
    await problem(noCsrf, 403, 'csrf_failed');
  });

  test('one Kommune cannot reach another: not under its slug, not with its ids under our slug', async () => {
    const k = await t().signIn('koordination@musterland.example');
    const before = await t().db.select().from(indicatorValues).where(eq(indicatorValues.tenantId, other.tenantId));
    for (const res of [
      await k.get(`${base}/indicators/${other.indicatorId}`),
      await k.get(`${base}/editions/${other.editionId}/indicators`),
      await k.json('POST', `${base}/indicators/${other.indicatorId}/values`, { measuredOn: '2026-01-31', value: 1 }),
    ]) {
      const text = await res.text();
      assert.equal(res.status, 404, text);
      assert.ok(!text.includes('geheim-nebenan') && !text.includes('Kennzahl Nebenan'));
    }
    // Under the other slug Musterland's coordinator is a stranger: public view only, and no writes.
    const publicView = (await (await k.get(`/api/v1/kommunen/nebenan/indicators/${other.indicatorId}`)).json()) as any;
    assert.ok(!JSON.stringify(publicView).includes('geheim-nebenan'), 'notes stay internal');
    await problem(await k.json('POST', `/api/v1/kommunen/nebenan/indicators/${other.indicatorId}/values`, { measuredOn: '2026-01-31', value: 1 }), 403, 'forbidden');
    const ours = await d.indicator('Abschlussquote Sprachkurse B1');
    await problem(await k.get(`/api/v1/kommunen/nebenan/indicators/${ours.id}`), 404, 'not_found');
    await problem(await k.json('POST', `/api/v1/kommunen/nebenan/indicators/${ours.id}/values`, { measuredOn: '2026-01-31', value: 1 }), 404, 'not_found');
    assert.deepEqual(await t().db.select().from(indicatorValues).where(eq(indicatorValues.tenantId, other.tenantId)), before);
    // Internal pages of the other Kommune are not there for us either.
    assert.equal((await k.get(`/app/k/musterland/indikatoren/${other.indicatorId}`)).status, 404);
    assert.equal((await k.get(`/app/k/nebenan/indikatoren/${other.indicatorId}`)).status, 404);
  });

  test('the OpenAPI document lists the indicator routes', async () => {
    const doc = (await (await t().client().get('/api/v1/openapi.json')).json()) as any;
    assert.ok(doc.paths['/api/v1/kommunen/{slug}/editions/{id}/indicators'].get.summary);
    assert.ok(doc.paths['/api/v1/kommunen/{slug}/indicators/{id}'].get.summary);
    const post = doc.paths['/api/v1/kommunen/{slug}/indicators/{id}/values'].post;
    assert.deepEqual(post.security, [{ session: [], csrf: [] }, { bearer: ['indicator_values'] }], 'a session with CSRF, or an API-Zugang that may report values');
    assert.ok(post.responses['201']);
    for (const s of ['401', '403', '404', '409', '422']) assert.ok(post.responses[s], s);
    assert.ok(doc.components.schemas.IndicatorValueInput.required.includes('measuredOn'));
  });
});
