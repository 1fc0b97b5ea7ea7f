import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { measures } from '../measures/schema.js';
import { editions, fields } from './schema.js';

describeEachDb('Themenfelder löschen', (t) => {
  // concepts does not know measures: the count comes from the measures manifest's usage check.
  test('ein Themenfeld mit Maßnahmen lässt sich nicht löschen (mit Anzahl), ein leeres schon', async () => {
    const [draft] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const [used] = await t()
      .db.select({ id: fields.id, version: fields.version, n: sql<number>`count(${measures.id})::int` })
      .from(fields)
      .innerJoin(measures, and(eq(measures.tenantId, fields.tenantId), eq(measures.fieldId, fields.id)))
      .where(eq(fields.editionId, draft!.id))
      .groupBy(fields.id, fields.version)
      .limit(1);
    assert.ok(used && used.n > 0, 'the demo draft has a Themenfeld with measures');
    const c = await t().signIn('koordination@musterland.example');
    const refused = await c.post(`/app/k/musterland/themenfelder/${used!.id}/loeschen`, { version: String(used!.version) });
    assert.equal(refused.status, 409, 'a Themenfeld with measures stays');
    assert.match(await refused.text(), new RegExp(`enthält noch ${used!.n} Maßnahmen`), 'the message names how many measures');
    assert.equal((await t().db.select().from(fields).where(eq(fields.id, used!.id))).length, 1, 'the Themenfeld is still there');

    const created = await c.post(`/app/k/musterland/fassungen/${draft!.id}/themenfelder`, { title: 'Leeres Themenfeld' });
    assert.equal(created.status, 303, 'a new Themenfeld is created');
    const [empty] = await t().db.select().from(fields).where(and(eq(fields.editionId, draft!.id), eq(fields.title, 'Leeres Themenfeld')));
    assert.equal((await c.post(`/app/k/musterland/themenfelder/${empty!.id}/loeschen`, { version: String(empty!.version) })).status, 303, 'an empty Themenfeld can be deleted');
    assert.equal((await t().db.select().from(fields).where(eq(fields.id, empty!.id))).length, 0, 'and is gone');
  });
});
