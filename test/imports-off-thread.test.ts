import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDb } from './support/harness.js';
import { waitingTasks } from '../src/platform/threads/task-thread.js';
import { holdTaskThread } from '../src/platform/threads/testing.js';
import { base, coordination, csv, demo } from '../src/modules/measures/transfer/testing.js';

// Every spreadsheet upload is read in the task thread (issue 8.4): unpacking and parsing a large
// file must not hold the thread that answers other requests. With the task thread held, each
// upload waits there while /healthz and a kept portal page answer; released, it goes on as before.
describeEachDb('Jede Tabellen-Datei wird im Task-Thread gelesen (Issue 8.4)', (t) => {
  test('Sachstand, Indikatorwerte, Akteure, Ansprechpersonen, Angebote, Übersetzungen und Maßnahmen', async () => {
    const { draft } = await demo(t());
    const c = await t().signIn(coordination);
    const visitor = t().client();
    assert.equal((await visitor.get('/k/musterland/konzept')).status, 200, 'the page is kept now');
    const k = '/app/k/musterland';
    const uploads = [`${base}/${draft.id}/import`, `${base}/${draft.id}/sachstand/import`, `${base}/${draft.id}/indikatoren/import`, `${k}/akteure/import`, `${k}/akteure/ansprechpersonen/import`, `${k}/angebote/import`, `${k}/uebersetzungen/import`];
    const file = csv([['Nr.', 'Titel', 'Name', 'Status'], ['1.1', 'Sprachcafé', 'Verein', 'laufend']]);
    for (const path of uploads) {
      const hold = await holdTaskThread();
      const form = new FormData();
      form.append('datei', new Blob([file]), 'liste.csv');
      const uploading = c.postMultipart(path, form);
      let answered = false;
      void uploading.then(() => (answered = true));
      while (waitingTasks() < 2) {
        assert.equal(answered, false, `${path}: the upload did not wait for the task thread`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.equal((await visitor.get('/healthz')).status, 200, `${path}: /healthz answers meanwhile`);
      assert.match(await (await visitor.get('/k/musterland/konzept')).text(), /<h1/, `${path}: the kept page answers meanwhile`);
      assert.equal(waitingTasks(), 2, `${path}: the file was still waiting to be read`);
      await hold.release();
      const res = await uploading;
      assert.ok([200, 422].includes(res.status), `${path}: a preview or the file's problems, not ${res.status}`);
      assert.match(await res.text(), /<h1/, `${path}: a page`);
    }
  });
});
