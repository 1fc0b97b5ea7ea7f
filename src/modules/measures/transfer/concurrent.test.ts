import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, like, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../../test/support/harness.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { measures } from '../schema.js';
import { confirm, coordination, csv, demo, upload } from './testing.js';

describeEachDb('Maßnahmen-Import: zwei Bestätigungen derselben Datei zugleich', (t) => {
  test('beide werden beantwortet (keine 5xx), jede Maßnahme entsteht genau einmal', async () => {
    const d = await demo(t());
    const rows = [['Nr.', 'Themenfeld', 'Titel', 'Status', 'Zeithorizont']];
    for (let i = 1; i <= 120; i++) rows.push([`95.${i}`, 'Teilhabe durch Sprache', `Gleichzeitig importiert ${i}`, 'geplant', 'kurz']);
    const file = csv(rows);
    // Two people (two sessions) saw the same preview and both confirm it at once.
    const [a, b] = [await t().signIn(coordination), await t().signIn(coordination)];
    const [previewA, previewB] = [await upload(a, d.draft.id, file, 'gleichzeitig.csv'), await upload(b, d.draft.id, file, 'gleichzeitig.csv')];
    assert.equal(previewA.status, 200, previewA.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(-3000));
    const imports = async () => (await t().db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, 'import'), eq(auditLog.entityId, d.draft.id))))[0]!.n;
    const importsBefore = await imports();
    const answers = await Promise.all([confirm(a, d.draft.id, previewA.html, false, { viele_neu: '1' }), confirm(b, d.draft.id, previewB.html, false, { viele_neu: '1' })]);
    assert.deepEqual(answers.map((r) => r.status), [303, 303], 'both confirmations end as a person expects, none with a server error');
    const [{ n }] = (await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(and(eq(measures.editionId, d.draft.id), like(measures.number, '95.%')))) as [{ n: number }];
    assert.equal(n, 120, 'each measure once');
    // The second ran after the first (the edition is locked for an import) and found nothing left to do.
    assert.equal(await imports(), importsBefore + 1, 'one import wrote, the other changed nothing');
  });
});
