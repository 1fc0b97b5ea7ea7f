import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { describeEachDb, type TestClient } from './support/harness.js';
import { demoIds } from '../src/modules/api/test-helpers.js';
import { actors } from '../src/modules/actors/schema.js';
import { fields, goals, guidelines } from '../src/modules/concepts/schema.js';
import { measures } from '../src/modules/measures/schema.js';
import { indicators } from '../src/modules/progress/schema.js';

/**
 * Issue 8 point 8: a delete form without `version` skipped the conflict check and deleted a
 * measure someone else had changed. Every destructive form action now needs the version the
 * person saw: missing → 422 with a German message, stale → the conflict view (409), nothing deleted.
 */
type Table = typeof measures | typeof guidelines | typeof fields | typeof goals | typeof actors | typeof indicators;
interface Target {
  what: string;
  table: Table;
  /** Makes (or picks) a row that may be deleted; returns its id. */
  make(c: TestClient): Promise<string>;
  path(id: string): string;
}

describeEachDb('Deleting needs the version the person saw', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let k: TestClient;
  before(async () => {
    ids = await demoIds(t().db);
    k = await t().signIn('koordination@musterland.example');
  });
  const app = '/app/k/musterland';
  const newest = async (table: Table, title: string) => {
    const column = 'title' in table ? table.title : table.name;
    const [row] = await t().db.select({ id: table.id }).from(table as typeof measures).where(eq(column, title));
    return row!.id;
  };
  const created = async (res: Response, what: string) => assert.equal(res.status, 303, `${what} created`);

  const targets: Target[] = [
    {
      what: 'Maßnahme',
      table: measures,
      async make() {
        const [m] = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).orderBy(asc(measures.number)).limit(1);
        return m!.id;
      },
      path: (id) => `${app}/massnahmen/${id}/loeschen`,
    },
    {
      what: 'Leitlinie',
      table: guidelines,
      async make(c) {
        await created(await c.post(`${app}/fassungen/${ids.draft.id}/leitlinien`, { title: 'Leitlinie zum Löschen' }), 'Leitlinie');
        return newest(guidelines, 'Leitlinie zum Löschen');
      },
      path: (id) => `${app}/leitlinien/${id}/loeschen`,
    },
    {
      what: 'Themenfeld',
      table: fields,
      async make(c) {
        await created(await c.post(`${app}/fassungen/${ids.draft.id}/themenfelder`, { title: 'Themenfeld zum Löschen' }), 'Themenfeld');
        return newest(fields, 'Themenfeld zum Löschen');
      },
      path: (id) => `${app}/themenfelder/${id}/loeschen`,
    },
    {
      what: 'Ziel',
      table: goals,
      async make(c) {
        const [field] = await t().db.select().from(fields).where(and(eq(fields.editionId, ids.draft.id), eq(fields.isCrossCutting, false))).limit(1);
        await created(await c.post(`${app}/fassungen/${ids.draft.id}/ziele`, { number: 'Z9', title: 'Ziel zum Löschen', fieldId: field!.id, kind: 'handlungsziel' }), 'Ziel');
        return newest(goals, 'Ziel zum Löschen');
      },
      path: (id) => `${app}/ziele/${id}/loeschen`,
    },
    {
      what: 'Akteur',
      table: actors,
      async make(c) {
        await created(await c.post(`${app}/akteure`, { name: 'Akteur zum Löschen', kind: 'sonstige' }), 'Akteur');
        return newest(actors, 'Akteur zum Löschen');
      },
      path: (id) => `${app}/akteure/${id}/loeschen`,
    },
    {
      what: 'Indikator',
      table: indicators,
      async make() {
        const [i] = await t().db.select().from(indicators).where(and(eq(indicators.tenantId, ids.tenantId), eq(indicators.editionId, ids.adopted.id))).limit(1);
        return i!.id;
      },
      path: (id) => `${app}/indikatoren/${id}/loeschen`,
    },
  ];

  for (const target of targets) {
    test(`${target.what}: without version 422, stale version the conflict view, current version deleted`, async () => {
      const id = await target.make(k);
      const table = target.table as typeof measures;
      const row = async () => (await t().db.select({ version: table.version }).from(table).where(eq(table.id, id)))[0];
      const seen = (await row())!.version;

      const missing = await k.post(target.path(id), {});
      assert.equal(missing.status, 422, `${target.what} without version: 422`);
      assert.match(await missing.text(), /Die Version des Eintrags fehlt/, `${target.what}: German message`);
      assert.ok(await row(), `${target.what} still there after a delete without version`);

      // Someone else saves meanwhile (another tab, another person).
      await t().db.update(table).set({ version: sql`${table.version} + 1` }).where(eq(table.id, id));
      const stale = await k.post(target.path(id), { version: seen });
      assert.equal(stale.status, 409, `${target.what} with the old version: 409`);
      const html = await stale.text();
      assert.match(html, /Nicht gelöscht: der Eintrag wurde inzwischen geändert/, `${target.what}: the conflict view says nothing was deleted`);
      assert.match(html, new RegExp(`name="version" value="${seen + 1}"`), `${target.what}: the page now carries the current version`);
      assert.ok(await row(), `${target.what} still there after a stale delete`);

      const deleted = await k.post(target.path(id), { version: seen + 1 });
      assert.equal(deleted.status, 303, `${target.what} with the current version: deleted`);
      assert.equal(await row(), undefined, `${target.what} is gone`);
    });
  }

  test('the API refuses a delete without version too (as before): 422 problem', async () => {
    const [m] = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).limit(1);
    const res = await k.json('DELETE', `/api/v1/kommunen/musterland/measures/${m!.id}`);
    assert.equal(res.status, 422, 'API delete without version: 422');
  });
});
