import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { createActor } from '../actors/service.js';
import { createEdition } from '../concepts/editions.js';
import { createItem, fieldKind } from '../concepts/items.js';
import { measures } from '../measures/schema.js';
import { createMeasure } from '../measures/service.js';
import { createTenant } from '../tenants/service.js';
import { actorOfUser, demoIds, measuresByInvolvement, problemType } from '../api/test-helpers.js';
import { measureUpdates } from './schema.js';
import { tenants } from '../../platform/tenancy/schema.js';

const base = '/api/v1/kommunen/musterland';

describeEachDb('API: Sachstandsmeldungen', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let mine: { id: string; version: number };
  let notMine: { id: string; version: number };
  let withInternal: string;
  const other: Record<string, string> = {};

  const problem = async (res: Response, status: number, code: string) => {
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type')?.split(';')[0], problemType);
    const body = (await res.json()) as any;
    assert.equal(body.code, code);
    return body;
  };
  const version = async (id: string) => (await t().db.select({ v: measures.version }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, id))))[0]!.v;
  const count = async (id: string) => (await t().db.select({ n: sql<number>`count(*)::int` }).from(measureUpdates).where(eq(measureUpdates.measureId, id)))[0]!.n;

  before(async () => {
    ids = await demoIds(t().db);
    const actorId = await actorOfUser(t().db, ids.tenantId, 'partner@musterland.example');
    const { involved, uninvolved } = await measuresByInvolvement(t().db, ids.tenantId, ids.adopted.id, actorId);
    mine = involved[0]!;
    notMine = uninvolved[0]!;
    // A measure of the adopted edition with both public and internal demo reports.
    const [row] = await t().db.execute(sql`
      select measure_id from measure_updates where tenant_id = ${ids.tenantId}
      group by measure_id having bool_or(is_public) and bool_or(not is_public) limit 1`).then((r: any) => r.rows);
    withInternal = row.measure_id;

    const ctx = { db: t().db, user: systemUser };
    const tenant = await createTenant(ctx, { ags: '03497000', name: 'Landkreis Anderswo', kind: 'landkreis', slug: 'anderswo' });
    other.tenant = tenant.id;
    const edition = await createEdition(ctx, tenant.id, { title: 'Entwurf Anderswo' });
    const field = await createItem(ctx, fieldKind, tenant.id, edition.id, { title: 'Sprache' });
    const actor = await createActor(ctx, tenant.id, { name: 'Akteur Anderswo', kind: 'sonstige' });
    other.measure = (await createMeasure(ctx, tenant.id, { editionId: edition.id, number: '1.1.1', title: 'Fremde Maßnahme', fieldId: field.id, horizon: 'kurz', leadActorId: actor.id })).id;
  });

  test('GET: anonymous callers get public reports without names, members get all', async () => {
    const anon = await t().client().get(`${base}/measures/${withInternal}/updates`);
    assert.equal(anon.status, 200);
    const pub = ((await anon.json()) as any).items;
    assert.ok(pub.length > 0);
    assert.ok(pub.every((u: any) => u.isPublic === true && !('authorName' in u) && !('createdAt' in u)));
    const member = await t().signIn('lesend@musterland.example');
    const all = ((await (await member.get(`${base}/measures/${withInternal}/updates`)).json()) as any).items;
    assert.ok(all.length > pub.length);
    assert.ok(all.some((u: any) => u.isPublic === false));
    assert.ok(all.every((u: any) => typeof u.authorName === 'string'));
    // Newest first.
    const dates = all.map((u: any) => u.reportedOn);
    assert.deepEqual(dates, [...dates].sort().reverse());
    // A draft measure is invisible to the public.
    const [draftMeasure] = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).limit(1);
    await problem(await t().client().get(`${base}/measures/${draftMeasure!.id}/updates`), 404, 'not_found');
    assert.equal((await member.get(`${base}/measures/${draftMeasure!.id}/updates`)).status, 200);
  });

  test('POST: the partner reports on his measure (201, new measure version); the stale version is a 409', async () => {
    const partner = await t().signIn('partner@musterland.example');
    // With the Kommune's review on, a partner's change of status or progress waits (review.test.ts);
    // here the Kommune has it off, so the report moves the measure at once.
    await t().db.update(tenants).set({ reviewPartnerReports: false }).where(eq(tenants.id, ids.tenantId));
    const v = await version(mine.id);
    const res = await partner.json('POST', `${base}/measures/${mine.id}/updates`, { status: 'in_umsetzung', progress: 70, text: 'Aus dem Fachverfahren: 18 Teilnehmende.', isPublic: false, version: v, reportedOn: '2026-02-01' });
    assert.equal(res.status, 201);
    const body = (await res.json()) as any;
    assert.equal(body.progress, 70);
    assert.equal(body.reportedOn, '2026-02-01');
    assert.equal(body.authorName, 'Paula Partner');
    assert.equal(body.measureVersion, v + 1);
    assert.equal(body.attachment, null);
    const n = await count(mine.id);
    const stale = await problem(await partner.json('POST', `${base}/measures/${mine.id}/updates`, { status: 'umgesetzt', text: 'doppelt', version: v }), 409, 'edit_conflict');
    assert.equal(stale.currentVersion, v + 1);
    assert.equal(await count(mine.id), n);
    // Without progress the status implies it.
    const done = (await (await partner.json('POST', `${base}/measures/${mine.id}/updates`, { status: 'umgesetzt', text: 'Fertig.', version: v + 1 })).json()) as any;
    assert.equal(done.progress, 100);
    await t().db.update(tenants).set({ reviewPartnerReports: true }).where(eq(tenants.id, ids.tenantId));
  });

  test('POST: 401 without a session, 403 for others’ measures and for lesend, 422 with field errors', async () => {
    const body = async (id: string) => ({ status: 'in_umsetzung', text: 'x', version: await version(id) });
    const n = await count(mine.id);
    await problem(await t().client().json('POST', `${base}/measures/${mine.id}/updates`, await body(mine.id)), 401, 'unauthenticated');
    const partner = await t().signIn('partner@musterland.example');
    await problem(await partner.json('POST', `${base}/measures/${notMine.id}/updates`, await body(notMine.id)), 403, 'forbidden');
    await problem(await (await t().signIn('lesend@musterland.example')).json('POST', `${base}/measures/${mine.id}/updates`, await body(mine.id)), 403, 'forbidden');
    const bad = await problem(await partner.json('POST', `${base}/measures/${mine.id}/updates`, { status: 'fertig', progress: 150, text: '', version: await version(mine.id) }), 422, 'validation_failed');
    const fields = Object.fromEntries(bad.errors.map((e: any) => [e.field, e.message]));
    assert.equal(fields.progress, 'Der Fortschritt liegt zwischen 0 und 100 Prozent.');
    assert.equal(fields.status, 'Bitte einen der angebotenen Werte wählen.');
    assert.equal(fields.text, 'Bitte ausfüllen.');
    assert.equal(await count(mine.id), n);
  });

  test('cross-Kommune: another Kommune’s measure is 404 under this slug, and no write gets through', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    await problem(await koordination.get(`${base}/measures/${other.measure}/updates`), 404, 'not_found');
    await problem(await koordination.json('POST', `${base}/measures/${other.measure}/updates`, { status: 'umgesetzt', text: 'x', version: 1 }), 404, 'not_found');
    // Under its own slug: a draft (404 for outsiders to read), and no right to write.
    await problem(await koordination.get(`/api/v1/kommunen/anderswo/measures/${other.measure}/updates`), 404, 'not_found');
    await problem(await koordination.json('POST', `/api/v1/kommunen/anderswo/measures/${other.measure}/updates`, { status: 'umgesetzt', text: 'x', version: 1 }), 403, 'forbidden');
    await problem(await koordination.get(`/api/v1/kommunen/anderswo/measures/${mine.id}/updates`), 404, 'not_found');
    assert.equal(await count(other.measure!), 0);
  });

  test('the OpenAPI document describes both operations', async () => {
    const doc = (await (await t().client().get('/api/v1/openapi.json')).json()) as any;
    const path = doc.paths['/api/v1/kommunen/{slug}/measures/{id}/updates'];
    assert.ok(path.get && path.post);
    assert.ok(path.post.responses['201'] && path.post.responses['409'] && path.post.responses['401']);
    assert.ok(doc.components.schemas.ProgressUpdateInput);
    assert.ok(doc.components.schemas.ProgressUpdate);
    assert.ok(doc.components.schemas.ProgressUpdateInput.required.includes('version'));
    assert.ok(doc.components.schemas.MeasureUpdate.required.includes('title'), 'the measure PUT body keeps its name');
  });
});
