import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { describeEachDb, type TestApp } from '../../../../test/support/harness.js';
import { enableQueryStats, withQueryStats } from '../../../db/query-stats.js';
import { waitingTasks } from '../../../platform/threads/task-thread.js';
import { holdTaskThread, holdTransactionInTaskThread } from '../../../platform/threads/testing.js';
import { base, coordination, csv, demo } from './testing.js';

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
  before(() => enableQueryStats());

  test('/healthz und eine gespeicherte Portalseite antworten, solange eine Transaktion des Task-Threads offen ist (wie die eines Imports)', async () => {
    const { d, c, visitor, page, before, form } = await largeImport(t(), '600', 1000);
    // On PGlite every query of the request thread now waits for it (one connection), as during an import's.
    const hold = await holdTransactionInTaskThread(t().db);
    const health = await visitor.get('/healthz');
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; busy?: boolean };
    assert.equal(body.status, 'ok');
    if (t().kind === 'pglite') assert.equal(body.busy, true, "PGlite's one connection is the task thread's: /healthz says so instead of waiting");
    const cached = await visitor.get(page);
    assert.equal(cached.status, 200);
    assert.match(await cached.text(), /<h1/);
    assert.equal(waitingTasks(), 1, 'both answered while the transaction was still open');
    assert.equal(await hold.release(), 'released');

    assert.equal((await c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form)).status, 303);
    assert.equal(await d.count(), before + 1000, 'the import goes through whole');
  });

  test('Die Bestätigung schreibt nicht über den Request-Thread: seine Abfragen hängen nicht von der Zahl der Zeilen ab', async () => {
    const { d, c, before, form } = await largeImport(t(), '650', 1500);
    const { result, stats } = await withQueryStats(() => c.postMultipart(`${base}/${d.draft.id}/import/bestaetigen`, form));
    assert.equal(result.status, 303);
    assert.equal(await d.count(), before + 1500);
    // Signing in, the Kommune, the edition and the page's frame: a handful, whatever the file holds
    // (written on the request thread, 1,500 rows took 30 and more statements).
    assert.ok(stats.count <= 12, `${stats.count} queries on the request thread`);
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
