import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb, type TestApp, type TestClient } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { measures } from '../measures/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { editions } from '../concepts/schema.js';

const base = '/app/k/musterland';

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const [adopted] = await t.db.select().from(editions).where(and(eq(editions.tenantId, tenant!.id), eq(editions.status, 'beschlossen')));
  const [draft] = await t.db.select().from(editions).where(and(eq(editions.tenantId, tenant!.id), eq(editions.status, 'entwurf')));
  return { tenant: tenant!, adopted: adopted!, draft: draft! };
}

/** What the public progress and indicator pages show, in numbers. */
async function publicFigures(t: TestApp) {
  const progress = await (await t.client().get('/k/musterland/umsetzung')).text();
  const indicators = await (await t.client().get('/k/musterland/indikatoren')).text();
  return {
    overall: /<progress id="fortschritt-gesamt" max="100" value="(\d+)"/.exec(progress)?.[1],
    updates: (progress.match(/<li class="portal-result">/g) ?? []).length,
    attachments: [...progress.matchAll(/href="(\/k\/musterland\/umsetzung\/anhang\/[^"]+)"/g)].map((m) => m[1]!),
    indicators: (indicators.match(/<article class="portal-section" aria-labelledby="indikator-/g) ?? []).length,
    values: (indicators.match(/<td[^>]*>[^<]*<\/td>/g) ?? []).length,
  };
}

const adopt = (c: TestClient, edition: { id: string; version: number }, extra: Record<string, string> = {}) =>
  c.post(`${base}/fassungen/${edition.id}/status`, { to: 'beschlossen', adoptedOn: '2026-03-18', version: String(edition.version), ...extra });

async function toCouncil(t: TestApp, c: TestClient, id: string) {
  const [e] = await t.db.select().from(editions).where(eq(editions.id, id));
  assert.equal((await c.post(`${base}/fassungen/${id}/status`, { to: 'zur_beschlussfassung', version: String(e!.version) })).status, 303, 'to the council');
  const [after] = await t.db.select().from(editions).where(eq(editions.id, id));
  return after!;
}

describeEachDb('Beschluss einer Fassung: die öffentliche Seite verliert nichts ungefragt', (t) => {
  test('die Demo-Fortschreibung beschließen: Fortschritt, Sachstände, Anhänge und Indikatoren bleiben öffentlich', async () => {
    const d = await demo(t());
    const before = await publicFigures(t());
    assert.ok(before.updates > 0 && before.attachments.length > 0 && before.indicators > 0, 'the demo publishes Sachstände, attachments and indicators');
    const c = await t().signIn('koordination@musterland.example');
    const ready = await toCouncil(t(), c, d.draft.id);
    const confirm = await (await c.get(`${base}/fassungen/${d.draft.id}/status?to=beschlossen`)).text();
    assert.doesNotMatch(confirm, /keine Fortschreibung|verschwindet von der öffentlichen Seite/, 'a Fortschreibung loses nothing: no warning');
    assert.equal((await adopt(c, ready)).status, 303, 'adopted without an acknowledgement');
    const after = await publicFigures(t());
    assert.deepEqual({ ...after, attachments: after.attachments.length }, { ...before, attachments: before.attachments.length }, 'the public pages show the same');
    for (const href of after.attachments) assert.equal((await t().client().get(href)).status, 200, `${href} still downloadable`);
  });

  test('eine Fassung ohne Abstammung beschließen: Warnung mit Zahlen, ohne Bestätigung abgelehnt, mit Bestätigung protokolliert', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const created = await c.post(`${base}/fassungen`, { title: 'Neues Konzept ohne Herkunft', introduction: '' });
    assert.equal(created.status, 303, 'created');
    const id = created.headers.get('location')!.split('/').pop()!;
    const ready = await toCouncil(t(), c, id);
    const page = await c.get(`${base}/fassungen/${id}/status?to=beschlossen`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.ok(html.includes(`Diese Fassung ist keine Fortschreibung von „${d.adopted.title}“`), 'the warning names the adopted edition');
    const published = { n: (await publicFigures(t())).updates };
    assert.ok(published.n > 0, 'the public page shows Sachstände');
    assert.match(html, new RegExp(`${published.n} veröffentlichte Sachstandsmeldungen`), 'the number of public Sachstände that would go');
    assert.match(html, /name="acceptLoss"/);

    const refused = await adopt(c, ready);
    assert.equal(refused.status, 422, 'not without the acknowledgement');
    assert.match(await refused.text(), /Bitte bestätigen Sie, dass die genannten Inhalte von der öffentlichen Seite verschwinden/);
    const [still] = await t().db.select().from(editions).where(eq(editions.id, d.adopted.id));
    assert.equal(still!.status, 'beschlossen', 'the public edition is unchanged');

    assert.equal((await adopt(c, ready, { acceptLoss: 'on' })).status, 303, 'adopted with the acknowledgement');
    const [accepted] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'accept')));
    assert.ok(accepted, 'the acknowledgement is in the audit log');
    assert.equal((accepted.after as { publicContentDropped: { publicUpdatesDropped: number } }).publicContentDropped.publicUpdatesDropped, published.n, 'with what was dropped');
  });
});

describeEachDb('Entwurf löschen', (t) => {
  test('Bestätigungsseite, dann Löschen mit Protokoll; danach lässt sich eine Fortschreibung beginnen', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const confirm = await c.get(`${base}/fassungen/${d.draft.id}/loeschen`);
    assert.equal(confirm.status, 200);
    const html = await confirm.text();
    assert.match(html, /Entwurf „Integrationskonzept 2026 \(Fortschreibung\)“ löschen\?/);
    assert.match(html, new RegExp(`<form method="post" action="${base}/fassungen/${d.draft.id}/loeschen"`));
    assert.match(html, new RegExp(`name="version" value="${d.draft.version}"`));
    assert.equal((await c.post(`${base}/fassungen/${d.draft.id}/loeschen`, { version: String(d.draft.version + 1) })).status, 409, 'a stale version is refused');
    const res = await c.post(`${base}/fassungen/${d.draft.id}/loeschen`, { version: String(d.draft.version) });
    assert.equal(res.status, 303);
    assert.equal((await t().db.select().from(editions).where(eq(editions.id, d.draft.id))).length, 0, 'deleted');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, d.draft.id), eq(auditLog.action, 'delete')));
    assert.equal((entry!.before as { title: string }).title, d.draft.title, 'audited');
    const started = await c.post(`${base}/fassungen/fortschreibung`, { title: 'Neuer Anlauf', from: d.adopted.id });
    assert.equal(started.status, 303, 'a new Fortschreibung can start');
  });

  test('nicht löschbar: ein Entwurf, zu dem schon berichtet wurde, und jede Fassung außer Entwürfen', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const [m] = await t().db.select().from(measures).where(eq(measures.editionId, d.draft.id)).limit(1);
    assert.equal((await c.post(`${base}/massnahmen/${m!.id}/umsetzung`, { status: 'in_umsetzung', progress: '10', text: 'Schon gemeldet.', version: String(m!.version) })).status, 303, 'a report on the draft');
    const refused = await c.post(`${base}/fassungen/${d.draft.id}/loeschen`, { version: String(d.draft.version) });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Zu seinen Maßnahmen und Indikatoren wurde schon berichtet \(Sachstandsmeldungen: 1, Indikatorwerte: 0\)/);
    assert.equal((await c.post(`${base}/fassungen/${d.adopted.id}/loeschen`, { version: String(d.adopted.version) })).status, 409, 'an adopted edition stays');
    assert.equal((await t().db.select().from(editions).where(eq(editions.id, d.draft.id))).length, 1, 'the draft stays');
    const lesend = await t().signIn('lesend@musterland.example');
    assert.equal((await lesend.get(`${base}/fassungen/${d.draft.id}/loeschen`)).status, 403, 'only Koordination');
  });
});
