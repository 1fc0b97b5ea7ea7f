import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { actors } from '../actors/schema.js';
import { editions, fields, goals } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { demoIds, problemType } from './test-helpers.js';

/**
 * A second Kommune, written straight into the database: a Musterland coordinator must not reach
 * any of it through the API, neither under its own slug nor by smuggling its ids into Musterland's.
 */
describeEachDb('API: one Kommune cannot reach another', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const other = { tenantId: '', editionId: '', fieldId: '', goalId: '', actorId: '', measureId: '' };
  const mine = '/api/v1/kommunen/musterland';
  const theirs = '/api/v1/kommunen/anderswo';

  before(async () => {
    ids = await demoIds(t().db);
    const db = t().db;
    const [tenant] = await db.insert(tenants).values({ ags: '03458000', name: 'Landkreis Anderswo', kind: 'landkreis', slug: 'anderswo' }).returning();
    other.tenantId = tenant!.id;
    const [actor] = await db.insert(actors).values({ tenantId: other.tenantId, name: 'Diakonie Anderswo', kind: 'wohlfahrtsverband' }).returning();
    other.actorId = actor!.id;
    const [edition] = await db.insert(editions).values({ tenantId: other.tenantId, title: 'Konzept Anderswo (Entwurf)', status: 'entwurf' }).returning();
    other.editionId = edition!.id;
    const [field] = await db.insert(fields).values({ tenantId: other.tenantId, editionId: other.editionId, position: 1, title: 'Arbeit' }).returning();
    other.fieldId = field!.id;
    const [goal] = await db.insert(goals).values({ tenantId: other.tenantId, editionId: other.editionId, fieldId: other.fieldId, kind: 'leitziel', number: '1', position: 1, title: 'Arbeit für alle' }).returning();
    other.goalId = goal!.id;
    const [measure] = await db
      .insert(measures)
      .values({ tenantId: other.tenantId, editionId: other.editionId, fieldId: other.fieldId, number: '1.1', position: 1, title: 'Jobpatenschaften', horizon: 'kurz', leadActorId: other.actorId, internalNote: 'geheim in Anderswo' })
      .returning();
    other.measureId = measure!.id;
  });

  const expectProblem = async (res: Response, statuses: number[], what: string) => {
    assert.ok(statuses.includes(res.status), `${what}: got ${res.status}`);
    assert.equal(res.headers.get('content-type')?.split(';')[0], problemType, what);
    const text = await res.text();
    assert.ok(!text.includes('geheim in Anderswo') && !text.includes('Jobpatenschaften'), `${what} leaks`);
  };

  test('reads: the other Kommune’s draft edition, measures and actors are invisible', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const list = (await (await client.get(`${theirs}/editions`)).json()) as any;
    assert.deepEqual(list.items, []);
    const actorList = (await (await client.get(`${theirs}/actors`)).json()) as any;
    assert.deepEqual(actorList.items, []);
    const ownActors = (await (await client.get(`${mine}/actors`)).json()) as any;
    assert.ok(!ownActors.items.some((a: any) => a.id === other.actorId));
    const ownEditions = (await (await client.get(`${mine}/editions`)).json()) as any;
    assert.ok(!ownEditions.items.some((e: any) => e.id === other.editionId));

    for (const path of [
      `${theirs}/editions/${other.editionId}`,
      `${theirs}/editions/${other.editionId}/measures`,
      `${theirs}/measures/${other.measureId}`,
      `${mine}/editions/${other.editionId}`,
      `${mine}/editions/${other.editionId}/measures`,
      `${mine}/measures/${other.measureId}`,
    ]) {
      await expectProblem(await client.get(path), [404], `GET ${path}`);
    }
  });

  test('writes: neither under the other slug (403/404) nor with its ids under Musterland (404/422)', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const measureBody = { number: '1.2', title: 'Übernahme', fieldId: other.fieldId, horizon: 'kurz', version: 1 };
    const attempts: [string, string, unknown, number[]][] = [
      ['PUT', `${mine}/measures/${other.measureId}`, measureBody, [404]],
      ['PATCH', `${mine}/measures/${other.measureId}/status`, { status: 'entfallen', version: 1 }, [404]],
      ['DELETE', `${mine}/measures/${other.measureId}?version=1`, undefined, [404]],
      ['PUT', `${theirs}/measures/${other.measureId}`, measureBody, [403]],
      ['PATCH', `${theirs}/measures/${other.measureId}/status`, { status: 'entfallen', version: 1 }, [403]],
      ['DELETE', `${theirs}/measures/${other.measureId}?version=1`, undefined, [403]],
      ['POST', `${theirs}/editions/${other.editionId}/measures`, measureBody, [403]],
      ['POST', `${mine}/editions/${other.editionId}/measures`, measureBody, [404]],
      ['POST', `${theirs}/editions`, { title: 'Fremde Fassung' }, [403]],
      ['POST', `${theirs}/editions/${other.editionId}/fields`, { title: 'Fremd' }, [403]],
      ['POST', `${mine}/editions/${other.editionId}/fields`, { title: 'Fremd' }, [404]],
      ['PUT', `${mine}/fields/${other.fieldId}`, { title: 'Fremd', version: 1 }, [404]],
      ['PUT', `${mine}/goals/${other.goalId}`, { fieldId: other.fieldId, kind: 'leitziel', number: '1', title: 'Fremd', version: 1 }, [404]],
      ['POST', `${theirs}/actors`, { name: 'Unterwandert e. V.', kind: 'ehrenamt' }, [403]],
      ['PUT', `${theirs}/actors/${other.actorId}`, { name: 'Umbenannt', kind: 'ehrenamt', version: 1 }, [403]],
      ['PUT', `${mine}/actors/${other.actorId}`, { name: 'Umbenannt', kind: 'ehrenamt', version: 1 }, [404]],
      // Musterland's own measure may not point at the other Kommune's field or actor.
      ['POST', `${mine}/editions/${ids.draft.id}/measures`, { ...measureBody, number: '9.8.1' }, [422]],
    ];
    for (const [method, path, body, statuses] of attempts) {
      await expectProblem(await client.json(method, path, body), statuses, `${method} ${path}`);
    }

    const [m] = await t().db.select().from(measures).where(and(eq(measures.tenantId, other.tenantId), eq(measures.id, other.measureId)));
    assert.equal(m!.version, 1);
    assert.equal(m!.status, 'geplant');
    assert.equal(m!.title, 'Jobpatenschaften');
    const [a] = await t().db.select().from(actors).where(and(eq(actors.tenantId, other.tenantId), eq(actors.id, other.actorId)));
    assert.equal(a!.name, 'Diakonie Anderswo');
    const theirActors = await t().db.select().from(actors).where(eq(actors.tenantId, other.tenantId));
    assert.equal(theirActors.length, 1);
    const theirEditions = await t().db.select().from(editions).where(eq(editions.tenantId, other.tenantId));
    assert.equal(theirEditions.length, 1);
  });

  test('a Musterland measure cannot take the other Kommune’s actor as lead', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const [ownField] = await t().db.select().from(fields).where(and(eq(fields.tenantId, ids.tenantId), eq(fields.editionId, ids.draft.id), eq(fields.isCrossCutting, false))).limit(1);
    const res = await client.json('POST', `${mine}/editions/${ids.draft.id}/measures`, { number: '9.8.2', title: 'Fremde Federführung', fieldId: ownField!.id, horizon: 'kurz', leadActorId: other.actorId });
    assert.equal(res.status, 422);
    const body = (await res.json()) as any;
    assert.deepEqual(body.errors.map((e: any) => e.field), ['leadActorId']);
  });
});
