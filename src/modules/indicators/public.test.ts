import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb } from '../../../test/support/harness.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { editions } from '../concepts/schema.js';
import { indicatorValues } from '../progress/schema.js';
import { addIndicatorValue, createIndicator } from './service.js';
import { demo, indicatorForm } from './test-helpers.js';

describeEachDb('Öffentliche Seite /k/{slug}/indikatoren', (t) => {
  test('shows the public indicators of the adopted edition with chart and table, nothing internal', async () => {
    const d = await demo(t().db);
    const ctx = { db: t().db, user: systemUser };
    // An indicator of the draft edition, and a value note: neither may appear.
    const draftGoal = await d.goal('1.1', d.draft.id);
    await createIndicator(ctx, d.tenantId, d.draft.id, indicatorForm({ goalId: draftGoal.id, name: 'Entwurfsindikator XY' }));
    const b1 = await d.indicator('Abschlussquote Sprachkurse B1');
    await addIndicatorValue(ctx, d.tenantId, b1.id, { measuredOn: '2026-09-30', value: '55', note: 'INTERNE-NOTIZ-4711' });

    const res = await t().client().get('/k/musterland/indikatoren');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="de"/);
    assert.match(html, /<h1 class="kern-heading-x-large">Indikatoren<\/h1>/);
    assert.match(html, /Teilnehmende an Integrationskursen/);
    assert.match(html, /Anteil Kinder mit Migrationsgeschichte in Kitas/);
    assert.ok(!html.includes('Aktiv vermittelte Ehrenamtliche'), 'the internal-only indicator is not shown');
    assert.ok(!html.includes('Entwurfsindikator XY'), 'indicators of the draft are not shown');
    assert.ok(!html.includes('INTERNE-NOTIZ-4711'), 'notes on values are internal');
    assert.ok(!html.includes('Demo-Daten'), 'who entered values is internal');
    const charts = html.match(/<svg [^>]*role="img"/g) ?? [];
    assert.equal(charts.length, 20, '20 public demo indicators, one chart each');
    assert.equal((html.match(/<caption class="kern-title"[^>]*>Werte in Zahlen/g) ?? []).length, 20, 'and one table each');
    assert.match(html, /<th scope="col" class="kern-table__header">Stichtag<\/th>/);
    assert.match(html, /<th scope="row" class="kern-table__header">31\.12\.2025<\/th>/);
    assert.match(html, /hinter dem Plan/);
    assert.match(html, /href="\/k\/musterland\/massnahmen\/1\.2\.1"/, 'links to the measure');
    assert.match(html, /href="\/k\/musterland\/konzept#ziel-1-1"/, 'links to the goal');
  });

  test('in English: labels translated, German content marked lang="de", English number format', async () => {
    const res = await t().client().get('/k/musterland/indikatoren?lang=en');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="en"/);
    assert.match(html, /<h1 class="kern-heading-x-large">Indicators<\/h1>/);
    assert.match(html, /<h3 class="kern-heading-medium" id="indikator-[^"]+" lang="de" dir="ltr">Teilnehmende an Integrationskursen <span class="portal-content-mark" lang="en" dir="ltr"><span aria-hidden="true">DE<\/span>/, 'German, with the visible hint');
    assert.match(html, /Behind target|On track/);
    assert.match(html, /Reference date/);
    assert.match(html, /<title id="[^"]+" lang="de">/);
    assert.match(html, /1,100 Personen/);
    assert.match(html, /href="\/k\/musterland\?lang=en"/, 'links keep the language');
  });

  test('a Kommune without adopted edition: a normal page saying so', async () => {
    const d = await demo(t().db);
    await t().db.update(editions).set({ status: 'abgeloest' }).where(eq(editions.id, d.adopted.id));
    try {
      const res = await t().client().get('/k/musterland/indikatoren?ohne=1');
      assert.equal(res.status, 200);
      assert.match(await res.text(), /Noch kein Integrationskonzept veröffentlicht/);
    } finally {
      await t().db.update(editions).set({ status: 'beschlossen' }).where(eq(editions.id, d.adopted.id));
    }
    assert.equal((await t().client().get('/k/gibt-es-nicht/indikatoren')).status, 404);
  });

  test('anonymous visitors get the cached page for a while; signed-in members see every committed change', async () => {
    const d = await demo(t().db);
    const ind = await d.indicator('Arbeitsaufnahmen Geflüchteter');
    const first = await (await t().client().get('/k/musterland/indikatoren?cache=1')).text();
    await t().db.insert(indicatorValues).values({ tenantId: d.tenantId, indicatorId: ind.id, measuredOn: '2026-10-31', value: '987654', createdBy: 'Test' });
    await noteChangeWithoutNotify(t().db, { id: d.tenantId });
    const again = await (await t().client().get('/k/musterland/indikatoren?cache=1')).text();
    assert.equal(again, first);
    const member = await t().signIn('lesend@musterland.example');
    assert.match(await (await member.get('/k/musterland/indikatoren?cache=1')).text(), /987\.654/);
  });
});
