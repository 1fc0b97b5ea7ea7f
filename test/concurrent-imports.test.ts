import assert from 'node:assert/strict';
import { test } from 'node:test';
import { like, sql } from 'drizzle-orm';
import { describeEachDb } from './support/harness.js';
import { confirmTable, csvOf, problemRows, uploadTable } from './support/record-import.js';
import { actors } from '../src/modules/actors/schema.js';
import { offers } from '../src/modules/offers/schema.js';

/**
 * The same file confirmed twice at once (a double click, two people with the same preview): the
 * second import runs after the first and finds everything there. Before, both planned against the
 * same state and each created every row: twice the actors, twice the offers.
 */
describeEachDb('Verzeichnis-Importe: dieselbe Datei zweimal zugleich bestätigt', (t) => {
  const coordination = 'koordination@musterland.example';
  for (const [what, path, table, column, heading] of [
    ['Akteure', '/app/k/musterland/akteure', actors, actors.name, 'Name'],
    ['Angebote', '/app/k/musterland/angebote', offers, offers.title, 'Titel'],
  ] as const) {
    test(`${what}: jede Zeile entsteht genau einmal, keine 5xx`, async () => {
      // An offer names its Träger (an actor of the Kommune).
      const [provider] = await t().db.select({ name: actors.name }).from(actors).limit(1);
      const rows = what === 'Angebote' ? [[heading, 'Träger']] : [[heading]];
      for (let i = 1; i <= 40; i++) rows.push([`Zugleich importiert ${what} ${i}`, ...(what === 'Angebote' ? [provider!.name] : [])]);
      const file = csvOf(rows);
      const [a, b] = [await t().signIn(coordination), await t().signIn(coordination)];
      const [previewA, previewB] = [await uploadTable(a, path, file, 'zugleich.csv'), await uploadTable(b, path, file, 'zugleich.csv')];
      assert.equal(previewA.status, 200, JSON.stringify(problemRows(previewA.html).slice(0, 3)));
      const answers = await Promise.all([confirmTable(a, path, previewA.html), confirmTable(b, path, previewB.html)]);
      assert.deepEqual(answers.map((r) => r.status), [303, 303]);
      const [{ n }] = (await t().db.select({ n: sql<number>`count(*)::int` }).from(table).where(like(column, `Zugleich importiert ${what} %`))) as [{ n: number }];
      assert.equal(n, 40, 'each row once');
    });
  }
});
