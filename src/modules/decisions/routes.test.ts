import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb, type TestApp, type TestClient } from '../../../test/support/harness.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { editions } from '../concepts/schema.js';
import { consultations, papers } from './schema.js';

const base = '/app/k/musterland';

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const all = await t.db.select().from(papers).where(eq(papers.tenantId, tenant!.id));
  return { tenant: tenant!, adopted: all.find((p) => p.number === '2024/FD91/457')!, draft: all.find((p) => p.number === '2026/FD91/512')! };
}

const steps = (t: TestApp, paperId: string) => t.db.select().from(consultations).where(eq(consultations.paperId, paperId)).orderBy(consultations.position);

const paperForm = (over: Record<string, string> = {}) => ({
  number: '',
  kind: 'beschlussvorlage',
  subject: 'Bericht zur Integrationsarbeit',
  paperDate: '2027-01-15',
  leadOffice: 'FD Büro des Landrates',
  officeCode: 'FD91',
  clerk: '',
  fileReference: '',
  visibility: 'oeffentlich',
  proposal: 'Der Bericht wird beschlossen.',
  facts: 'Im Landkreis leben {{einwohner}} Menschen.',
  financialEffects: 'nein',
  financialText: '',
  financialAmount: '',
  climateImpact: 'keine',
  climateText: '',
  signature: '',
  editionId: '',
  ...over,
});

async function record(c: TestClient, id: string, version: number, values: Record<string, string>) {
  return c.post(`${base}/beratungen/${id}/ergebnis`, { unanimous: '', votesYes: '', votesNo: '', votesAbstain: '', decisionText: '', ...values, version: String(version) });
}

describeEachDb('Vorlagen: Seiten', (t) => {
  test('die Demo: Vorlage 2024/FD91/457 mit Beratungsfolge, Kennzahlen mit Quelle, Beschlusskontrolle und Verlauf; lesend sieht sie, ändert nichts', async () => {
    const d = await demo(t());
    const lesend = await t().signIn('lesend@musterland.example');
    const list = await (await lesend.get(`${base}/vorlagen`)).text();
    assert.match(list, /2024\/FD91\/457/);
    assert.match(list, /Kreistag, 16\.12\.2024: beschlossen \(einstimmig\)/, 'where the adopted paper stands');
    assert.match(list, /in Vorbereitung/, 'the draft paper');
    const page = await lesend.get(`${base}/vorlagen/${d.adopted.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const text of ['Ausschuss für Soziales, Gesundheit, Integration', 'Kreisausschuss', '28.11.2024', '09.12.2024', '16.12.2024', 'Frau Heldberg', '31_30 Integrationskonzept', 'gez. Heldberg']) assert.ok(html.includes(text), `shows ${text}`);
    assert.match(html, /<strong data-figure="auslaender">10\.055<\/strong>/, 'the figure, frozen');
    assert.match(html, /Ausländerzentralregister, Stand 31\.12\.2023/, 'with source and date');
    assert.match(html, /Beschlossen wurden \d+ Maßnahmen/, 'Beschlusskontrolle');
    assert.match(html, /Kreistag am 16\.12\.2024: beschlossen/, 'the timeline');
    assert.doesNotMatch(html, /Ergebnis eintragen|Endgültig machen/, 'no actions for lesend');
    assert.equal((await lesend.get(`${base}/vorlagen/neu`)).status, 403);
    assert.equal((await lesend.post(`${base}/vorlagen`, paperForm())).status, 403);
  });

  test('neue Vorlage: Nummer vorgeschlagen, leeres Feld vergibt sie; falsche Eingaben 422 mit deutscher Meldung, nichts gespeichert', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const form = await (await c.get(`${base}/vorlagen/neu`)).text();
    assert.match(form, /zurzeit \d{4}\/FD91\/\d+/, 'the proposed number');
    const before = (await t().db.select().from(papers).where(eq(papers.tenantId, d.tenant.id))).length;
    for (const [bad, message] of [
      [{ subject: '' }, /Bitte ausfüllen/],
      [{ paperDate: '2027-02-30' }, /Datum/],
      [{ facts: 'Es gibt {{sterne}} Sterne.' }, /Diese Platzhalter kennt ikon nicht: \{\{sterne\}\}/],
      [{ number: '2024/FD91/457' }, /Die Nummer 2024\/FD91\/457 ist schon vergeben/],
      [{ financialAmount: 'viel' }, /Zahl/],
    ] as const) {
      const res = await c.post(`${base}/vorlagen`, paperForm(bad));
      assert.equal(res.status, 422, JSON.stringify(bad));
      assert.match(await res.text(), message);
    }
    assert.equal((await t().db.select().from(papers).where(eq(papers.tenantId, d.tenant.id))).length, before, 'nothing stored');
    const made = await c.post(`${base}/vorlagen`, paperForm());
    assert.equal(made.status, 303);
    const [paper] = await t().db.select().from(papers).where(and(eq(papers.tenantId, d.tenant.id), eq(papers.subject, 'Bericht zur Integrationsarbeit')));
    assert.match(paper!.number, /^2027\/FD91\/\d+$/);
    const page = await (await c.get(made.headers.get('location')!)).text();
    assert.match(page, /<strong data-figure="einwohner">89\.870<\/strong>/, 'the live figure while in preparation');
  });

  test('der Entwurf geht durch die Gremien: endgültig, vertagt, beschlossen – die Fortschreibung wird beschlossen, öffentlich „einstimmig beschlossen am“', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const confirm = await c.get(`${base}/vorlagen/${d.draft.id}/endgueltig`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /geht damit in den Status „zur Beschlussfassung“/);
    assert.equal((await c.post(`${base}/vorlagen/${d.draft.id}/endgueltig`, { version: String(d.draft.version) })).status, 303);
    const [committee, board, council] = await steps(t(), d.draft.id);
    const bad = await record(c, committee!.id, committee!.version, { result: 'beschlossen', unanimous: 'on', votesNo: '2' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Einstimmig heißt: keine Gegenstimmen/);
    assert.equal((await record(c, committee!.id, committee!.version, { result: 'beschlossen', votesYes: '10', votesNo: '1', votesAbstain: '0' })).status, 303);
    assert.equal((await record(c, board!.id, board!.version, { result: 'vertagt' })).status, 303);
    const resultForm = await (await c.get(`${base}/beratungen/${council!.id}/ergebnis`)).text();
    assert.match(resultForm, /wird die Fassung „Integrationskonzept 2026 \(Fortschreibung\)“ beschlossen, zum Tag dieser Sitzung, und „Integrationskonzept 2024“ abgelöst/);
    assert.equal((await record(c, council!.id, council!.version, { result: 'beschlossen', unanimous: 'on' })).status, 303);
    const edition = (await t().db.select().from(editions).where(eq(editions.id, d.draft.editionId!)))[0]!;
    assert.equal(edition.status, 'beschlossen');
    assert.equal(edition.adoptedOn, '2027-03-18');

    const list = await (await t().client().get('/k/musterland/beschluesse')).text();
    assert.match(list, /einstimmig beschlossen am 18\.03\.2027/);
    assert.match(list, /einstimmig beschlossen am 16\.12\.2024/);
    const page = await (await t().client().get(`/k/musterland/beschluesse/${d.draft.id}`)).text();
    assert.match(page, /vertagt/);
    assert.match(page, /Beschlusskontrolle/);
    assert.doesNotMatch(page, /Heldberg/, 'no clerk on the public page');
    const concept = await (await t().client().get('/k/musterland/konzept')).text();
    assert.match(concept, /einstimmig beschlossen am 18\.03\.2027 · <span>Kreistag<\/span> · <a class="kern-link" href="\/k\/musterland\/beschluesse\//, 'the concept page names its decision');
  });

  test('nichtöffentliche Vorlagen erscheinen nirgends öffentlich: Beschlüsse, Einzelseite, Konzeptseite, Suche', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const secretSubject = 'Vertrauliche Personalangelegenheit Integrationslotsen';
    const made = await c.post(`${base}/vorlagen`, paperForm({ subject: secretSubject, visibility: 'nichtoeffentlich', proposal: 'Geheimer Beschlussvorschlag.', facts: '' }));
    assert.equal(made.status, 303);
    const [paper] = await t().db.select().from(papers).where(eq(papers.subject, secretSubject));
    const [body] = await t().db.select({ id: consultations.bodyId }).from(consultations).where(eq(consultations.paperId, d.adopted.id)).limit(1);
    assert.equal((await c.post(`${base}/vorlagen/${paper!.id}/beratungen`, { bodyId: body!.id, meetsOn: '2027-01-20', role: 'entscheidung', agendaNumber: '' })).status, 303);
    assert.equal((await c.post(`${base}/vorlagen/${paper!.id}/endgueltig`, { version: String(paper!.version) })).status, 303);
    const [step] = await steps(t(), paper!.id);
    assert.equal((await record(c, step!.id, step!.version, { result: 'beschlossen', unanimous: 'on' })).status, 303);
    assert.match(await (await c.get(`${base}/vorlagen`)).text(), new RegExp(secretSubject), 'inside it is listed');
    for (const lang of ['', '?lang=en', '?lang=ar']) {
      assert.doesNotMatch(await (await t().client().get(`/k/musterland/beschluesse${lang}`)).text(), /Vertrauliche|Geheimer/);
    }
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${paper!.id}`)).status, 404);
    assert.doesNotMatch(await (await t().client().get('/k/musterland/konzept')).text(), /Vertrauliche|Geheimer/);
    assert.doesNotMatch(await (await t().client().get(`/k/musterland/suche?q=${encodeURIComponent('Personalangelegenheit Integrationslotsen')}`)).text(), /Vertrauliche/);
    assert.doesNotMatch(await (await t().client().get('/api/v1/openapi.json')).text(), /papers|Vorlage/i, 'the API publishes no papers');
  });

  test('öffentliche Seiten in allen Sprachen; unbekannte und ungültige Kennungen 404', async () => {
    const d = await demo(t());
    for (const lang of ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa']) {
      const q = lang === 'de' ? '' : `?lang=${lang}`;
      assert.equal((await t().client().get(`/k/musterland/beschluesse${q}`)).status, 200, lang);
      const page = await t().client().get(`/k/musterland/beschluesse/${d.adopted.id}${q}`);
      assert.equal(page.status, 200, lang);
      assert.doesNotMatch(await page.text(), /decisions\.public\./, `no raw keys in ${lang}`);
    }
    assert.equal((await t().client().get('/k/musterland/beschluesse/keine-id')).status, 404);
    assert.equal((await t().client().get('/k/musterland/beschluesse/00000000-0000-4000-8000-000000000000')).status, 404);
    const c = await t().signIn('koordination@musterland.example');
    const made = await c.post(`${base}/vorlagen`, paperForm({ subject: 'Noch in Vorbereitung' }));
    const id = made.headers.get('location')!.split('/').pop()!;
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${id}`)).status, 404, 'a paper in preparation is no decision');
  });
});
