import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { isPercentUnit, outsidePercentRange } from './percent.js';
import { demo, indicatorForm } from './test-helpers.js';

const app = '/app/k/musterland';
const api = '/api/v1/kommunen/musterland';
const koordination = 'koordination@musterland.example';
/** The checkbox that confirms such a figure, as the forms render it. */
const confirmBox = /<input class="kern-form-check__checkbox" type="checkbox" id="f-confirmOutOfRange-0" name="confirmOutOfRange" value="true"/;
const warning = /4\.711 % liegt nicht zwischen 0 und 100 %\. Dezimalstellen trennen Sie mit Komma, z\. B\. 47,11\./;

test('which units are per cent, and which figures lie outside 0–100 %', () => {
  for (const unit of ['%', ' % ', 'Prozent', 'Anteil in %', 'in Prozent', 'v. H.']) assert.equal(isPercentUnit(unit), true, unit);
  for (const unit of ['', 'Personen', 'Prozentpunkte', '%-Punkte', 'Beratungen', 'Prozentsatzrechner']) assert.equal(isPercentUnit(unit), false, unit);
  assert.equal(outsidePercentRange('%', 4711), true);
  assert.equal(outsidePercentRange('%', -0.5), true);
  assert.equal(outsidePercentRange('%', 100), false);
  assert.equal(outsidePercentRange('%', 0), false);
  assert.equal(outsidePercentRange('%', null), false);
  assert.equal(outsidePercentRange('Personen', 4711), false);
});

async function upload(c: TestClient, editionId: string, text: string, confirm: boolean) {
  const form = new FormData();
  form.append('datei', new Blob([Buffer.from(`\uFEFF${text}`)]), 'werte.csv');
  if (confirm) form.append('confirmOutOfRange', 'true');
  const res = await c.postMultipart(`${app}/fassungen/${editionId}/indikatoren/import`, form);
  return { status: res.status, html: await res.text() };
}

describeEachDb('Prozentangaben außerhalb von 0 bis 100 % (ein Tippfehler wie 4.711 für 47,11)', (t) => {
  test('a value by hand is refused with the checkbox that confirms it; confirmed, it is saved and logged', async () => {
    const d = await demo(t().db);
    const quota = await d.indicator('Abschlussquote Sprachkurse B1'); // unit %
    const c = await t().signIn(koordination);
    const before = await d.counts();
    const refused = await c.post(`${app}/indikatoren/${quota.id}/werte`, { measuredOn: '2026-09-30', value: '4.711' });
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, warning);
    assert.match(html, confirmBox, 'the form asks for the confirmation');
    assert.match(html, /value="4\.711"/, 'what was typed stays in the form');
    assert.deepEqual(await d.counts(), before, 'nothing saved');

    const plain = await (await c.get(`${app}/indikatoren/${quota.id}`)).text();
    assert.doesNotMatch(plain, /name="confirmOutOfRange"/, 'the checkbox appears only once it is needed');
    assert.match(plain, /In %\. Zahl zwischen 0 und 100, Dezimalstellen mit Komma, z\. B\. 45,5\./, 'the hint gives no thousands example for a share');

    const typo = await c.post(`${app}/indikatoren/${quota.id}/werte`, { measuredOn: '2026-09-30', value: '47,11' });
    assert.equal(typo.status, 303, 'the corrected figure needs no confirmation');
    const confirmed = await c.post(`${app}/indikatoren/${quota.id}/werte`, { measuredOn: '2026-10-31', value: '104,5', confirmOutOfRange: 'true' });
    assert.equal(confirmed.status, 303);
    const values = await d.valuesOf(quota.id);
    assert.deepEqual(values.filter((v) => v.measuredOn >= '2026-09-30').map((v) => Number(v.value)), [47.11, 104.5]);
    const audits = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'indicator_value'), eq(auditLog.action, 'create')));
    assert.equal(audits.length, 2);

    const people = await d.indicator('Teilnehmende an Integrationskursen'); // unit Personen
    assert.equal((await c.post(`${app}/indikatoren/${people.id}/werte`, { measuredOn: '2026-09-30', value: '4.711' })).status, 303, 'other units are not asked about');
  });

  test('baseline and target of a new indicator in per cent are asked about; an edit that keeps them is not', async () => {
    const d = await demo(t().db);
    const goal = await d.goal('1.3');
    const c = await t().signIn(koordination);
    const form = indicatorForm({ goalId: goal.id, name: 'Anteil beratener Familien', unit: '%', baselineValue: '4.711', targetValue: '150' });
    const refused = await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, form);
    assert.equal(refused.status, 422);
    const html = await refused.text();
    assert.match(html, /Ausgangswert: 4\.711 % liegt nicht zwischen 0 und 100 %/);
    assert.match(html, /Zielwert: 150 % liegt nicht zwischen 0 und 100 %/);
    assert.match(html, confirmBox);
    assert.equal(await d.indicator('Anteil beratener Familien'), undefined, 'nothing saved');

    assert.equal((await c.post(`${app}/fassungen/${d.adopted.id}/indikatoren`, { ...form, baselineValue: '47,11', confirmOutOfRange: 'true' })).status, 303);
    const created = await d.indicator('Anteil beratener Familien');
    assert.equal(Number(created.targetValue), 150);

    const edit = { ...form, baselineValue: '47,11', name: 'Anteil beratener Familien (neu)', version: String(created.version) };
    assert.equal((await c.post(`${app}/indikatoren/${created.id}/bearbeiten`, edit)).status, 303, 'the confirmed target kept as it was is not asked about again');
    const raised = await c.post(`${app}/indikatoren/${created.id}/bearbeiten`, { ...edit, targetValue: '160', version: String(created.version + 1) });
    assert.equal(raised.status, 422, 'a changed one is');
    assert.match(await raised.text(), /Zielwert: 160 % liegt nicht zwischen 0 und 100 %/);
  });

  test('API: 422 problem with the German message, unless confirmOutOfRange is true', async () => {
    const d = await demo(t().db);
    const quota = await d.indicator('Abschlussquote Sprachkurse B1');
    const k = await t().signIn(koordination);
    const refused = await k.json('POST', `${api}/indicators/${quota.id}/values`, { measuredOn: '2026-08-31', value: 4711 });
    assert.equal(refused.status, 422);
    assert.equal(refused.headers.get('content-type')?.split(';')[0], 'application/problem+json');
    const problem = (await refused.json()) as any;
    assert.equal(problem.code, 'validation_failed');
    assert.equal(problem.errors[0].field, 'value');
    assert.match(problem.errors[0].message, warning);
    assert.equal((await d.valuesOf(quota.id)).some((v) => v.measuredOn === '2026-08-31'), false);

    const confirmed = await k.json('POST', `${api}/indicators/${quota.id}/values`, { measuredOn: '2026-08-31', value: 4711, confirmOutOfRange: true });
    assert.equal(confirmed.status, 201);
    const doc = (await (await k.request('/api/v1/openapi.json')).json()) as any;
    const documented = doc.components.schemas.IndicatorValueInput.properties.confirmOutOfRange;
    assert.ok(documented.type.includes('boolean'), 'the API documents the field');
    assert.match(documented.description, /außerhalb von 0 bis 100/);
  });

  test('import: such rows refuse the file, each named; with the confirmation it is imported; values stored so are not asked about again', async () => {
    const d = await demo(t().db);
    const quota = await d.indicator('Abschlussquote Sprachkurse B1');
    const c = await t().signIn(koordination);
    // 56,5 decides the file's number format: German.
    const file = ['Indikator;Datum;Wert', `${quota.name};30.06.2026;4.711`, `${quota.name};31.05.2026;56,5`, 'Teilnehmende an Integrationskursen;30.06.2026;4.711'].join('\r\n');
    const before = await d.counts();
    const refused = await upload(c, d.adopted.id, file, false);
    assert.equal(refused.status, 422);
    assert.match(refused.html, /4\.711 % für „Abschlussquote Sprachkurse B1“ liegt nicht zwischen 0 und 100 %/);
    assert.match(refused.html, /<th scope="row" class="kern-table__header kern-table__header--numeric">2<\/th><td class="kern-table__cell">Wert<\/td>/, 'row and column named');
    assert.equal((refused.html.match(/liegt nicht zwischen 0 und 100/g) ?? []).length, 1, 'only the per-cent row');
    assert.match(refused.html, /Ja, die Prozentzahlen außerhalb von 0 bis 100 % stimmen so\./);
    assert.deepEqual(await d.counts(), before, 'nothing imported');

    const imported = await upload(c, d.adopted.id, file, true);
    assert.equal(imported.status, 303, imported.html.slice(0, 1500));
    assert.equal(Number((await d.valuesOf(quota.id)).find((v) => v.measuredOn === '2026-06-30')?.value), 4711);

    const again = await upload(c, d.adopted.id, file, false);
    assert.equal(again.status, 303, 'the same file again changes nothing and asks nothing');
    assert.match(await (await c.get(`${app}/fassungen/${d.adopted.id}/indikatoren`)).text(), /Werte importiert: 0 neu, 0 ersetzt, 3 unverändert\./);
  });
});
