import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { measures } from '../measures/schema.js';
import { demoIds, keysIn, problemType } from './test-helpers.js';

const secret = 'VERTRAULICH: Förderzusage noch offen';
const base = '/api/v1/kommunen/musterland';

describeEachDb('API: what anonymous callers and members read', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let adoptedMeasureId: string;
  let draftMeasureId: string;

  before(async () => {
    ids = await demoIds(t().db);
    // Internal notes on one measure of each edition: they must reach members only.
    const [a] = await t().db.select({ id: measures.id }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.adopted.id))).limit(1);
    const [d] = await t().db.select({ id: measures.id }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).limit(1);
    adoptedMeasureId = a!.id;
    draftMeasureId = d!.id;
    await t().db.update(measures).set({ internalNote: secret }).where(eq(measures.tenantId, ids.tenantId));
  });

  test('anonymous: Kommunen, the adopted edition and its content, never an internal note', async () => {
    const client = t().client();
    const bodies: unknown[] = [];
    const get = async (path: string) => {
      const res = await client.get(path);
      assert.equal(res.status, 200, path);
      const text = await res.text();
      assert.ok(!text.includes(secret), `${path} leaks the internal note`);
      const body = JSON.parse(text);
      bodies.push(body);
      return body;
    };

    const kommunen = await get('/api/v1/kommunen');
    const musterland = kommunen.items.find((k: any) => k.slug === 'musterland');
    assert.deepEqual(Object.keys(musterland).sort(), ['ags', 'id', 'kind', 'name', 'parentId', 'slug']);
    assert.ok(kommunen.items.some((k: any) => k.parentId === musterland.id), 'Gemeinden name their Kreis');

    assert.equal((await get(base)).adoptedEditionId, ids.adopted.id);

    const editions = await get(`${base}/editions`);
    assert.deepEqual(editions.items.map((e: any) => e.id), [ids.adopted.id]);
    assert.equal(editions.items[0].status, 'beschlossen');

    const detail = await get(`${base}/editions/${ids.adopted.id}`);
    assert.ok(detail.guidelines.length > 0 && detail.fields.length > 0 && detail.goals.length > 0);

    const list = await get(`${base}/editions/${ids.adopted.id}/measures`);
    assert.ok(list.items.length >= 100, `expected the demo's measures, got ${list.items.length}`);
    assert.ok(list.items.some((m: any) => m.id === adoptedMeasureId));
    await get(`${base}/measures/${adoptedMeasureId}`);
    const actors = await get(`${base}/actors`);
    assert.ok(actors.items.length > 0);

    const keys = keysIn(bodies);
    for (const internal of ['internalNote', 'version', 'createdAt', 'updatedAt', 'tenantId', 'searchVector', 'predecessorId']) {
      assert.ok(!keys.has(internal), `anonymous responses contain ${internal}`);
    }
  });

  test('anonymous: the draft edition, its measures and its content do not exist (404 problem)', async () => {
    const client = t().client();
    for (const path of [`${base}/editions/${ids.draft.id}`, `${base}/editions/${ids.draft.id}/measures`, `${base}/measures/${draftMeasureId}`]) {
      const res = await client.get(path);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      const body = (await res.json()) as any;
      assert.equal(body.code, 'not_found');
      assert.ok(!JSON.stringify(body).includes(secret));
    }
  });

  test('members see drafts, internal notes and versions of their Kommune', async () => {
    const client = await t().signIn('lesend@musterland.example');
    const editions = (await (await client.get(`${base}/editions`)).json()) as any;
    assert.deepEqual(editions.items.map((e: any) => e.id).sort(), [ids.adopted.id, ids.draft.id].sort());
    assert.ok(editions.items.every((e: any) => typeof e.version === 'number'));

    const draft = await client.get(`${base}/editions/${ids.draft.id}`);
    assert.equal(draft.status, 200);
    const measure = (await (await client.get(`${base}/measures/${draftMeasureId}`)).json()) as any;
    assert.equal(measure.internalNote, secret);
    assert.equal(typeof measure.version, 'number');
    const list = (await (await client.get(`${base}/editions/${ids.adopted.id}/measures`)).json()) as any;
    assert.ok(list.items.every((m: any) => m.internalNote === secret));
  });

  test('measure filters narrow the list; a bad filter is a 422 problem in German', async () => {
    const client = t().client();
    const all = ((await (await client.get(`${base}/editions/${ids.adopted.id}/measures`)).json()) as any).items;
    const first = all[0];
    const byField = ((await (await client.get(`${base}/editions/${ids.adopted.id}/measures?fieldId=${first.fieldId}`)).json()) as any).items;
    assert.ok(byField.length > 0 && byField.length < all.length && byField.every((m: any) => m.fieldId === first.fieldId));
    const byStatus = ((await (await client.get(`${base}/editions/${ids.adopted.id}/measures?status=${first.status}&horizon=${first.horizon}`)).json()) as any).items;
    assert.ok(byStatus.length > 0 && byStatus.every((m: any) => m.status === first.status && m.horizon === first.horizon));
    const group = first.targetGroups[0];
    if (group) {
      const byGroup = ((await (await client.get(`${base}/editions/${ids.adopted.id}/measures?targetGroup=${encodeURIComponent(group)}`)).json()) as any).items;
      assert.ok(byGroup.length > 0 && byGroup.every((m: any) => m.targetGroups.includes(group)));
    }
    if (first.leadActorId) {
      const byLead = ((await (await client.get(`${base}/editions/${ids.adopted.id}/measures?leadActorId=${first.leadActorId}`)).json()) as any).items;
      assert.ok(byLead.length > 0 && byLead.every((m: any) => m.leadActorId === first.leadActorId));
    }

    const bad = await client.get(`${base}/editions/${ids.adopted.id}/measures?horizon=bald`);
    assert.equal(bad.status, 422);
    assert.equal(bad.headers.get('content-type')?.split(';')[0], problemType);
    const problem = (await bad.json()) as any;
    assert.deepEqual(problem.errors, [{ field: 'horizon', code: 'validation.invalid_choice', message: 'Bitte einen der angebotenen Werte wählen.' }]);
  });

  test('unknown Kommune, unknown or malformed ids and unknown API paths are 404 problems', async () => {
    const client = t().client();
    for (const path of ['/api/v1/kommunen/gibt-es-nicht', `${base}/measures/kein-uuid`, `${base}/measures/00000000-0000-4000-8000-000000000000`, '/api/v1/gibt-es-nicht']) {
      const res = await client.get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers.get('content-type')?.split(';')[0], problemType, path);
    }
  });
});
