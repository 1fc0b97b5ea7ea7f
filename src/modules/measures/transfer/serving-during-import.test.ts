import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb, type TestApp } from '../../../../test/support/harness.js';
import type { Db } from '../../../db/client.js';
import { waitingTasks } from '../../../platform/threads/task-thread.js';
import { holdTaskThread } from '../../../platform/threads/testing.js';
import { base, coordination, csv, demo } from './testing.js';

/**
 * Holds the next transaction open after its work is done (all its statements ran, nothing is
 * committed yet) until `release`; only that one transaction, the wrapper removes itself.
 */
function holdNextTransaction(db: Db) {
  const original = db.transaction;
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let open = false;
  db.transaction = ((work, config) => {
    db.transaction = original;
    return original.call(
      db,
      async (tx) => {
        const result = await work(tx);
        open = true;
        entered();
        await held;
        open = false;
        return result;
      },
      config,
    );
  }) as Db['transaction'];
  return { inside, release, isOpen: () => open };
}

/** A visitor with a kept portal page, and the confirmation form of `count` new measures numbered `prefix`.1, … */
async function largeImport(t: TestApp, prefix: string, count: number) {
  const d = await demo(t);
  const c = await t.signIn(coordination);
  const visitor = t.client();
  const page = '/k/musterland/konzept';
  assert.equal((await visitor.get(page)).status, 200, 'the page is in the cache now');
  const before = await d.count();
  const rows = Array.from({ length: count }, (_, i) => [`${prefix}.${i + 1}`, 'Teilhabe durch Sprache', `Maßnahme ${i + 1}`, 'geplant', 'kurz']);
  const form = new FormData();
  form.append('inhalt', Buffer.from(csv([['Nr.', 'Themenfeld', 'Titel', 'Status', 'Zeithorizont'], ...rows])).toString('base64'));
  form.append('dateiname', 'gross.csv');
  form.append('viele_neu', '1');
  return { d, c, visitor, page, before, form };
}

describeEachDb('Andere Anfragen, während ein Import bestätigt wird (Issue 8.4)', (t) => {
  test('/healthz und eine gespeicherte Portalseite antworten, solange die Transaktion des Imports offen ist', async () => {
    const { d, c, visitor, page, before, form } = await largeImport(t(), '600', 1000);
    const hold = holdNextTransaction(t().db);
    const confirming = c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form);
    await hold.inside;

    const health = await visitor.get('/healthz');
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; busy?: boolean };
    assert.equal(body.status, 'ok');
    if (t().kind === 'pglite') assert.equal(body.busy, true, "PGlite's one connection is the import's: /healthz says so instead of waiting");
    const cached = await visitor.get(page);
    assert.equal(cached.status, 200);
    assert.match(await cached.text(), /<h1/);
    assert.ok(hold.isOpen(), "both answered while the import's transaction was still open");

    hold.release();
    assert.equal((await confirming).status, 303);
    assert.equal(await d.count(), before + 1000, 'and the import went through whole');
  });

  test('Die Datei wird im Task-Thread gelesen und geprüft: währenddessen antwortet der Request-Thread', async () => {
    const { d, c, visitor, page, before, form } = await largeImport(t(), '700', 2000);
    // The task thread busy with something else: the confirmation's reading and planning queue behind it.
    const hold = await holdTaskThread();
    const confirming = c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form);
    let answered = false;
    void confirming.then(() => (answered = true));
    while (waitingTasks() < 2) {
      assert.equal(answered, false, 'the confirmation did not wait for the task thread');
      await new Promise((resolve) => setImmediate(resolve));
    }

    assert.equal((await visitor.get('/healthz')).status, 200);
    const cached = await visitor.get(page);
    assert.equal(cached.status, 200);
    assert.match(await cached.text(), /<h1/);
    assert.equal(waitingTasks(), 2, "both answered while the file's plan was still waiting for the task thread");
    assert.equal(await d.count(), before, 'nothing written yet');

    await hold.release();
    assert.equal((await confirming).status, 303);
    assert.equal(await d.count(), before + 2000, 'and the import went through whole');
  });
});
