import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../../test/support/harness.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { systemUser } from '../../../platform/auth/current-user.js';
import { publicChangeChannel, publicChangesOf } from '../../../platform/public-changes.js';
import { measures } from '../schema.js';
import { base, confirm, coordination, csv, demo, upload } from './testing.js';

// Measures imported into a draft edition show on no public page: the import must not make every
// instance drop and render its public pages again (issue 8.4: the concept page rendered once more
// right after a 5,000-row import, holding the requests that waited for it). A public change still does.
describeEachDb('Import in einen Entwurf: die öffentlichen Seiten bleiben im Cache', (t) => {
  test('kein Verwerfen der öffentlichen Seiten; eine öffentliche Änderung verwirft sie weiter', async () => {
    const { draft, adopted } = await demo(t());
    const tenantId = adopted.tenantId;
    const announced: (string | undefined)[] = [];
    await publicChangesOf(t().database).subscribe((id) => announced.push(id));
    // Every announcement sent before this marker has arrived once the marker has (one listening connection, in commit order).
    const allArrived = async () => {
      const marker = randomUUID();
      await t().db.execute(sql`select pg_notify(${publicChangeChannel}, ${marker})`);
      while (!announced.includes(marker)) await new Promise((resolve) => setTimeout(resolve, 10));
    };

    const visitor = t().client();
    const page = '/k/musterland/konzept';
    const [shown] = await t().db.select().from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, adopted.id))).limit(1);
    assert.ok((await (await visitor.get(page)).text()).includes(shown!.title), 'the public page shows the measure and is kept now');
    // Changed behind the application's back (no audit entry, no announcement): only a new render shows it.
    const renamed = `${shown!.title} (neu gerendert)`;
    await t().db.update(measures).set({ title: renamed }).where(eq(measures.id, shown!.id));

    const c = await t().signIn(coordination);
    const file = csv([['Nr.', 'Themenfeld', 'Titel', 'Status', 'Zeithorizont'], ['950.1', 'Teilhabe durch Sprache', 'Entwurfsmaßnahme A', 'geplant', 'kurz'], ['950.2', 'Teilhabe durch Sprache', 'Entwurfsmaßnahme B', 'geplant', 'kurz']]);
    // The draft's page, kept for a reader in another session (the import runs in the task thread: this thread must still learn of it).
    const reader = await t().signIn(coordination);
    assert.doesNotMatch(await (await reader.get(`${base}/${draft.id}`)).text(), /Entwurfsmaßnahme A/);
    const preview = await upload(c, draft.id, file, 'entwurf.csv');
    assert.equal(preview.status, 200);
    announced.length = 0;
    assert.equal((await confirm(c, draft.id, preview.html, false)).status, 303);
    await allArrived();
    assert.ok(!announced.includes(tenantId), 'the import into the draft announced no public change');
    const kept = await (await visitor.get(page)).text();
    assert.ok(kept.includes(shown!.title) && !kept.includes(renamed), 'visitors still get the kept public page');
    assert.match(await (await c.get(`${base}/${draft.id}`)).text(), /Entwurfsmaßnahme A/, 'the Koordination sees the imported measures at once');
    assert.match(await (await reader.get(`${base}/${draft.id}`)).text(), /Entwurfsmaßnahme A/, 'and so does the reader whose page was kept');

    // A write without the hint (what every public change is) still drops the page.
    await t().db.transaction((tx) => recordAudit(tx, systemUser, { tenantId, action: 'update', entityType: 'measure', entityId: shown!.id, after: { title: renamed } }));
    await allArrived();
    assert.ok(announced.includes(tenantId), 'an ordinary write announces the change');
    assert.ok((await (await visitor.get(page)).text()).includes(renamed), 'and the public page is rendered again');
  });
});
