import assert from 'node:assert/strict';
import { offerAttention } from '../offers/attention.js';
import { offersWithLinks } from '../offers/service.js';
import { test } from 'node:test';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { adoptedEdition } from '../concepts/index.js';
import { fields } from '../concepts/schema.js';
import { measureMunicipalities, measures } from '../measures/schema.js';
import { offerHistory } from '../offers/index.js';
import { offerFields, offerMeasures, offerProviders, offers } from '../offers/schema.js';
import { similarOffers } from './index.js';
import { municipalityPopulations, offerPairDecisions } from './schema.js';
import { duplicateThreshold } from './scoring.js';
import { comparableOffers, likelyDuplicates, type ScoredPair } from './service.js';

const base = '/app/k/musterland';

/** The downloaded .xlsx, read by ExcelJS. */
async function workbookOf(res: Response) {
  assert.equal(res.status, 200, 'the export answers');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return wb;
}

describeEachDb('Doppelstrukturen und Lücken', (t) => {
  // Seeded once per database: the second test reads what the first stored.
  let seeded: Promise<{ county: typeof tenants.$inferSelect; heidewald: typeof tenants.$inferSelect }> | undefined;
  const seed = () => (seeded ??= seedOnce());
  const seedOnce = async () => {
    const [county] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const [heidewald] = await t().db.select().from(tenants).where(eq(tenants.slug, 'heidewald'));
    demo = await measureDemo(county!.id);
    // The counts below are of this test's own offers: the demo's are removed from this database copy first.
    await t().db.delete(offers).where(eq(offers.tenantId, county!.id));
    const weekly = (start: string, end: string) => ({ kind: 'wiederkehrend' as const, rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-09-01', start, end, exceptions: [] });
    const row = (title: string, description: string, category: 'treff' | 'recht', start: string, municipalityId: string | null, status: 'aktiv' | 'beendet' = 'aktiv') =>
      ({ tenantId: county!.id, title, description, category, municipalityId, schedule: weekly(start, '17:00'), weekdays: [2], languages: ['de'], status });
    await t().db.insert(offers).values([
      row('Sprachcafé Heidewald', 'Deutsch sprechen üben bei Kaffee und Kuchen, ohne Anmeldung.', 'treff', '15:00', heidewald!.id),
      row('Sprach-Cafe in Heidewald', 'Offener Treff zum Deutschüben, Kaffee und Kuchen gibt es auch.', 'treff', '15:30', heidewald!.id),
      row('Asylrechtsberatung', 'Rechtliche Beratung im Asylverfahren.', 'recht', '14:00', null),
      row('Sprachcafé Heidewald (alt)', 'Deutsch sprechen üben bei Kaffee und Kuchen.', 'treff', '15:00', heidewald!.id, 'beendet'),
    ]);
    return { county: county!, heidewald: heidewald! };
  };

  // The demo before and after the same-provider rule (the demo's offers are measured before the seed removes them).
  let demo: { before: ScoredPair[]; after: ScoredPair[]; networks: ScoredPair[] } | undefined;
  const measureDemo = async (countyId: string) => {
    const all = await comparableOffers(t().db, countyId);
    const networks: ScoredPair[] = [];
    const after = likelyDuplicates(all, duplicateThreshold, new Set(), networks);
    // The check of one offer before saving reads bounded candidate sets only; it still finds every likely duplicate of the demo.
    for (const p of after) {
      const found = await similarOffers(t().db, countyId, p.a);
      assert.ok(found.some((f) => f.id === p.b.id), `the check of „${p.a.title}“ finds „${p.b.title}“ (${p.score})`);
    }
    return { before: likelyDuplicates(all.map((o) => ({ ...o, providerIds: [] }))), after, networks };
  };

  /** The internal offer form, filled in: a weekly Sprach-Café on Tuesdays. */
  const offerForm = (actorId: string, municipalityId: string) => ({
    title: 'Sprach-Café Heidewald', description: 'Deutsch üben bei Kaffee und Kuchen.', category: 'treff', providerIds: [actorId], municipalityId,
    scheduleKind: 'wiederkehrend', recurFrequency: 'weekly', recurWeekdays: ['TU'], recurFirstDate: '2026-09-01', recurStart: '15:00', recurEnd: '17:00', recurExceptions: '',
    languages: ['de'], barrierFree: 'ja', free: 'on', status: 'aktiv',
  });
  const weekly = (day: string, start: string, end: string) => ({ kind: 'wiederkehrend' as const, rrule: `FREQ=WEEKLY;BYDAY=${day}`, firstDate: '2026-09-01', start, end, exceptions: [] });
  /** Two offers of this test that look like one (own titles, so the other tests' clusters stay as they are). */
  const insertPair = async (countyId: string, municipalityId: string, title: string, other: string) => {
    const rows = await t().db.insert(offers).values([
      { tenantId: countyId, title, description: 'Gemeinsam kochen und essen, Rezepte aus aller Welt.', category: 'freizeit' as const, municipalityId, schedule: weekly('FR', '17:00', '20:00'), weekdays: [5], languages: ['de'], published: true },
      { tenantId: countyId, title: other, description: 'Rezepte aus vielen Ländern gemeinsam kochen und essen.', category: 'freizeit' as const, municipalityId, schedule: weekly('FR', '17:30', '20:00'), weekdays: [5], languages: ['de'], published: true },
    ]).returning();
    return rows as [typeof offers.$inferSelect, typeof offers.$inferSelect];
  };

  test('die Koordination sieht Gruppen möglicher Duplikate mit Wert und Gründen; beendete Angebote zählen nicht', async () => {
    await seed();
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`${base}/doppelstrukturen`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Eine Gruppe möglicher Duplikate\./);
    assert.match(html, /Sprachcafé Heidewald<\/a>/);
    assert.match(html, /Sprach-Cafe in Heidewald<\/a>/);
    assert.match(html, /gleiche Kategorie, gleiche Gemeinde, überschneidende Zeiten/);
    assert.doesNotMatch(html, /\(alt\)/, 'an ended offer is no duplicate');
    assert.doesNotMatch(html, /Asylrechtsberatung/);
  });

  test('die Lückenmatrix zählt aktive Angebote je Kategorie und Gemeinde, markiert Lücken mit Text und exportiert .xlsx', async () => {
    const { heidewald } = await seed();
    const c = await t().signIn('koordination@musterland.example');
    const html = await (await c.get(`${base}/luecken`)).text();
    assert.match(html, /Einwohnerzahlen der Gemeinden sind noch nicht erfasst/);
    const municipalities = await t().db.select().from(tenants).where(eq(tenants.parentId, heidewald.parentId!));
    // 12 categories × the Gemeinden, minus the one filled cell (Treff/Café in Heidewald).
    const gaps = 12 * municipalities.length - 1;
    assert.match(html, new RegExp(`Lücken \\(Kategorie ohne Angebot in einer Gemeinde\\): ${gaps}\\.`));
    assert.match(html, /<th scope="row">Treff\/Café<\/th>/);
    assert.match(html, /<strong>keins<\/strong>/, 'a gap is marked in words, not only by colour');
    const wb = await workbookOf(await c.get(`${base}/luecken.xlsx`));
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Heidewald') + 1;
    const treff = sheet.getRows(2, 12)!.find((r) => r.getCell(1).value === 'Treff/Café')!;
    assert.equal(treff.getCell(col).value, 2);
    assert.equal(treff.getCell(header.length).value, 2, 'total');
    const recht = sheet.getRows(2, 12)!.find((r) => r.getCell(1).value === 'Recht')!;
    assert.equal(recht.getCell(header.indexOf('kreisweit') + 1).value, 1);
  });

  test('Netz statt Duplikat: der Digitaltreff desselben Trägers je Gemeinde zählt in der Demo nicht mehr, die eingebauten Duplikate schon', async () => {
    await seed();
    const digital = (ps: ScoredPair[]) => ps.filter((p) => p.a.title.startsWith('Digitaltreff') && p.b.title.startsWith('Digitaltreff'));
    console.log(`demo: ${demo!.before.length} pairs before the rule, ${demo!.after.length} after; Digitaltreff ${digital(demo!.before).length} → ${digital(demo!.after).length}; networks ${demo!.networks.length}`);
    assert.ok(digital(demo!.before).length > 0, 'without the rule the templated Digitaltreff pairs count as duplicates');
    assert.equal(digital(demo!.after).length, 0);
    assert.ok(digital(demo!.networks).length > 0, 'they are listed as a network');
    assert.ok(demo!.after.some((p) => [p.a.title, p.b.title].includes('Internationales Café in Heidewald')), 'a planted duplicate of another provider is still found');
  });

  test('vor dem Speichern: ähnliche Angebote mit Wert und Gründen, erst die Bestätigung speichert; similarOffers für andere Module', async () => {
    const { county, heidewald } = await seed();
    const [actor] = await t().db.select().from(actors).where(eq(actors.tenantId, county.id)).limit(1);
    const c = await t().signIn('koordination@musterland.example');
    const form = offerForm(actor!.id, heidewald.id);
    const count = async () => (await t().db.select().from(offers).where(eq(offers.tenantId, county.id))).length;
    const before = await count();
    const step = await c.post('/app/k/musterland/angebote', form);
    assert.equal(step.status, 200);
    const html = await step.text();
    assert.match(html, /Es gibt schon 2 ähnliche Angebote/);
    assert.match(html, /Sprachcafé Heidewald<\/a> – Ähnlichkeit \d+ von 100: ähnlicher Text \(\d+ %\), gleiche Kategorie, gleiche Gemeinde, überschneidende Zeiten/);
    assert.match(html, /name="similarSeen" value="1"/);
    assert.match(html, /Trotzdem anlegen/);
    assert.equal(await count(), before, 'nothing stored before the confirmation');
    const saved = await c.post('/app/k/musterland/angebote', { ...form, similarSeen: '1' });
    assert.equal(saved.status, 303);
    assert.equal(await count(), before + 1);
    const [mine] = await t().db.select().from(offers).where(eq(offers.title, 'Sprach-Café Heidewald'));
    // Editing asks again (not about the offer itself) and changes nothing until confirmed.
    const edit = await c.post(`/app/k/musterland/angebote/${mine!.id}`, { ...form, title: 'Sprach-Café Heidewald (Di)', version: mine!.version });
    assert.equal(edit.status, 200);
    assert.match(await edit.text(), /Trotzdem speichern/);
    assert.equal((await t().db.select().from(offers).where(eq(offers.id, mine!.id)))[0]!.title, 'Sprach-Café Heidewald');
    // Something new saves at once.
    assert.equal((await c.post('/app/k/musterland/angebote', { ...form, title: 'Schuldnerberatung', description: 'Hilfe bei Mahnungen.', category: 'beratung', recurWeekdays: ['MO'] })).status, 303);
    // Bad input is not checked for similarity: the form's own messages, nothing stored.
    const bad = await c.post('/app/k/musterland/angebote', { ...form, title: '' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Bitte ausfüllen\./);

    const found = await similarOffers(t().db, county.id, { title: 'Sprachcafe Heidewald', category: 'treff', municipalityId: heidewald.id, schedule: weekly('TU', '15:00', '16:00'), languages: ['de'] });
    assert.deepEqual(found.map((f) => f.title).sort(), ['Sprach-Café Heidewald', 'Sprach-Cafe in Heidewald', 'Sprachcafé Heidewald'].sort());
    assert.ok(found.every((f) => f.score >= duplicateThreshold && f.reasons.some((r) => r.kind === 'same_municipality')));
    assert.ok(!(await similarOffers(t().db, county.id, { id: mine!.id, title: 'Sprach-Café Heidewald', category: 'treff', municipalityId: heidewald.id, schedule: weekly('TU', '15:00', '16:00') })).some((f) => f.id === mine!.id), 'never itself');
    const reader = await t().signIn('lesend@musterland.example');
    assert.equal((await reader.post('/app/k/musterland/angebote', form)).status, 403, 'readers learn nothing about similar offers');
  });

  test('die Prüfung vor dem Speichern findet Angebote mit seltenen gemeinsamen Wörtern auch in anderer Kategorie und Gemeinde; eine Titeländerung zählt sofort', async () => {
    const { county, heidewald } = await seed();
    const [x] = await t().db.insert(offers).values({ tenantId: county.id, title: 'Nähwerkstatt Zuckertüte', category: 'freizeit', municipalityId: heidewald.id, schedule: weekly('MO', '10:00', '12:00'), weekdays: [1], languages: ['de'] }).returning();
    const ids = async (title: string) => (await similarOffers(t().db, county.id, { title, category: 'bildung', municipalityId: null, schedule: weekly('MO', '10:00', '12:00') }, 0)).map((f) => f.id);
    assert.ok((await ids('Zuckertüte: Nähwerkstatt für alle')).includes(x!.id), 'found through its title words, not its category and Gemeinde');
    await t().db.update(offers).set({ title: 'Fahrradwerkstatt Sonnenschein' }).where(eq(offers.id, x!.id));
    assert.ok(!(await ids('Zuckertüte: Nähwerkstatt für alle')).includes(x!.id), 'the old title words are gone');
    assert.ok((await ids('Sonnenschein-Fahrradwerkstatt')).includes(x!.id), 'the new ones count');
    await t().db.delete(offers).where(eq(offers.id, x!.id));
  });

  test('„kein Duplikat“ wird je Paar gemerkt, protokolliert und lässt sich aufheben; falsche Eingaben speichern nichts', async () => {
    const { county, heidewald } = await seed();
    const [a, b] = await insertPair(county.id, heidewald.id, 'Internationaler Kochtreff Heidewald', 'Kochtreff International Heidewald');
    const c = await t().signIn('koordination@musterland.example');
    const page = async () => (await c.get(`${base}/doppelstrukturen`)).text();
    assert.match(await page(), /Kochtreff International Heidewald<\/a>/);
    const decisions = async () => t().db.select().from(offerPairDecisions).where(eq(offerPairDecisions.tenantId, county.id));
    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat`, { a: a.id, b: a.id })).status, 409);
    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat`, { a: a.id, b: 'kein-uuid' })).status, 404);
    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat`, { a: a.id, b: b.id, _csrf: 'falsch' })).status, 403);
    const long = await c.post(`${base}/doppelstrukturen/kein-duplikat`, { a: a.id, b: b.id, note: 'x'.repeat(1001) });
    assert.equal(long.status, 303);
    assert.match(await page(), /Die Notiz ist zu lang/);
    assert.equal((await (await t().signIn('lesend@musterland.example')).post(`${base}/doppelstrukturen/kein-duplikat`, { a: a.id, b: b.id })).status, 403);
    assert.equal((await decisions()).length, 0, 'nothing stored');

    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat`, { b: a.id, a: b.id })).status, 303, 'either order');
    const html = await page();
    assert.match(html, /Vermerkt: Die beiden Angebote sind kein Duplikat/);
    const decidedAt = html.indexOf('Als „kein Duplikat“ entschieden');
    assert.ok(decidedAt > 0);
    assert.doesNotMatch(html.slice(0, decidedAt), /Kochtreff International Heidewald/, 'no longer in a cluster');
    assert.match(html.slice(decidedAt), /Kochtreff International Heidewald/, 'listed as decided');
    assert.equal((await decisions()).length, 1);
    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat`, { a: a.id, b: b.id })).status, 303, 'twice is once');
    assert.equal((await decisions()).length, 1);
    const logged = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'offer'), inArray(auditLog.entityId, [a.id, b.id])));
    assert.equal(logged.length, 2, 'one entry on each offer');
    assert.ok(logged.every((e) => (e.after as { notDuplicateOf?: unknown }).notDuplicateOf));
    assert.ok(!(await similarOffers(t().db, county.id, { ...a, id: a.id })).some((f) => f.id === b.id), 'the check before saving leaves the pair out too');

    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat/aufheben`, { a: a.id, b: b.id })).status, 303);
    assert.equal((await decisions()).length, 0);
    assert.match((await page()).split('Als „kein Duplikat“ entschieden')[0]!, /Kochtreff International Heidewald/, 'back in a cluster');
    assert.equal((await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'offer'), inArray(auditLog.entityId, [a.id, b.id])))).length, 4);
    assert.equal((await c.post(`${base}/doppelstrukturen/kein-duplikat/aufheben`, { a: a.id, b: b.id })).status, 404, 'nothing to undo');
  });

  test('Zusammenführen: erst bestätigen; Verknüpfungen vereint, Geschichte bleibt, die öffentliche Adresse leitet um', async () => {
    const { county, heidewald } = await seed();
    const [keep, gone] = await insertPair(county.id, heidewald.id, 'Fahrradwerkstatt Heidewald (Verein)', 'Offene Fahrrad-Werkstatt Heidewald');
    const edition = await adoptedEdition(t().db, county.id);
    const [measure] = await t().db.select().from(measures).where(eq(measures.editionId, edition!.id)).limit(1);
    await t().db.insert(offerMeasures).values({ tenantId: county.id, offerId: gone.id, measureId: measure!.id });
    const [actor] = await t().db.select().from(actors).where(eq(actors.tenantId, county.id)).limit(1);
    await t().db.insert(offerProviders).values({ tenantId: county.id, offerId: keep.id, actorId: actor!.id });
    const c = await t().signIn('koordination@musterland.example');
    await c.post(`/app/k/musterland/angebote/${gone.id}/geprueft`, { version: gone.version }); // an audit entry of the duplicate
    const [goneNow] = await t().db.select().from(offers).where(eq(offers.id, gone.id));
    const url = `${base}/doppelstrukturen/zusammenfuehren`;
    const confirm = await c.get(`${url}?a=${keep.id}&b=${gone.id}`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Welches Angebot bleibt\?/);
    const unchanged = async () => (await t().db.select().from(offers).where(eq(offers.id, gone.id)))[0]!;
    const noChoice = await c.post(url, { a: keep.id, b: gone.id, versionA: keep.version, versionB: goneNow!.version });
    assert.equal(noChoice.status, 422);
    assert.match(await noChoice.text(), /Bitte wählen Sie, welches der beiden Angebote bleibt\./);
    assert.equal((await c.post(url, { a: keep.id, b: gone.id, versionA: keep.version, versionB: goneNow!.version, survivor: 'x' })).status, 422);
    const stale = await c.post(url, { a: keep.id, b: gone.id, versionA: keep.version, versionB: goneNow!.version - 1, survivor: keep.id });
    assert.equal(stale.status, 303);
    assert.equal((await unchanged()).mergedIntoId, null, 'a stale version merges nothing');
    assert.equal((await c.post(url, { a: keep.id, b: gone.id, versionA: keep.version, versionB: goneNow!.version, survivor: keep.id, _csrf: 'falsch' })).status, 403);
    assert.equal((await unchanged()).mergedIntoId, null);

    const merged = await c.post(url, { a: keep.id, b: gone.id, versionA: keep.version, versionB: goneNow!.version, survivor: keep.id });
    assert.equal(merged.status, 303);
    assert.equal(merged.headers.get('location'), `${base}/angebote/${keep.id}`);
    assert.equal((await unchanged()).mergedIntoId, keep.id, 'kept, marked as merged');
    const links = await t().db.select().from(offerMeasures).where(eq(offerMeasures.offerId, keep.id));
    assert.deepEqual(links.map((l) => l.measureId), [measure!.id], 'the measure link moved to the survivor');
    const detail = await (await c.get(`${base}/angebote/${keep.id}`)).text();
    assert.match(detail, /Zusammengeführt mit: <a href="[^"]+">Offene Fahrrad-Werkstatt Heidewald<\/a>/);
    const history = await offerHistory(t().db, county.id, keep.id);
    assert.ok(history.some((h) => h.entityId === gone.id && h.action === 'merge'), "the duplicate's entries are in the survivor's history");
    assert.ok(history.some((h) => h.entityId === gone.id && (h.after as { verifiedOn?: string }).verifiedOn), 'including those from before the merge');
    assert.ok(history.some((h) => h.entityId === keep.id && (h.after as { mergedFromId?: string }).mergedFromId === gone.id));
    const dueForReview = await offerAttention.items(t().db, { tenant: county, today: '2099-01-01' } as Parameters<typeof offerAttention.items>[1]);
    assert.ok(dueForReview.some((o) => o.id === keep.id), 'years later the survivor is due for review');
    assert.ok(!dueForReview.some((o) => o.id === gone.id), 'the merged offer never is');
    const exported = await offersWithLinks(t().db, county.id);
    assert.ok(exported.some((o) => o.id === keep.id) && !exported.some((o) => o.id === gone.id), 'export, import and API know the survivor only');
    assert.match(await (await c.get(`${base}/angebote/${gone.id}`)).text(), /wurde mit einem anderen zusammengeführt/);
    assert.doesNotMatch(await (await c.get(`${base}/angebote?q=Fahrrad`)).text(), /Offene Fahrrad-Werkstatt Heidewald/, 'gone from the list');
    assert.doesNotMatch(await (await c.get(`${base}/doppelstrukturen`)).text(), /Offene Fahrrad-Werkstatt Heidewald/);
    const anon = t().client();
    const redirect = await anon.request(`/k/musterland/angebote/${gone.id}`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), `/k/musterland/angebote/${keep.id}`);
    assert.equal((await anon.get(`/k/musterland/angebote/${keep.id}`)).status, 200);
    const again = await c.post(url, { a: keep.id, b: gone.id, versionA: keep.version + 1, versionB: goneNow!.version + 1, survivor: keep.id });
    assert.equal(again.status, 409, 'merged once only');
    const editMerged = await c.post(`${base}/angebote/${gone.id}`, { ...offerForm(actor!.id, heidewald.id), similarSeen: '1', version: goneNow!.version + 1 });
    assert.equal(editMerged.status, 409, 'a merged offer is not edited any more');
    assert.match(await editMerged.text(), /kann nicht mehr bearbeitet werden/);
  });

  test('Einwohnerzahlen: falsche Eingaben mit deutschen Meldungen, nichts gespeichert; dann je 1.000 Einwohner, Sprache, Maßnahmen zu Lücken, .xlsx', async () => {
    const { county, heidewald } = await seed();
    const c = await t().signIn('koordination@musterland.example');
    const url = `${base}/luecken/einwohner/${heidewald.id}`;
    const stored = async () => t().db.select().from(municipalityPopulations).where(eq(municipalityPopulations.tenantId, county.id));
    const cases: [Record<string, string>, RegExp][] = [
      [{ population: '', referenceDate: '', source: '' }, /Bitte ausfüllen\./],
      [{ population: 'viele', referenceDate: '2025-12-31', source: 'LSN' }, /Bitte eine Zahl eingeben/],
      [{ population: '0', referenceDate: '2025-12-31', source: 'LSN' }, /zwischen 1 und 10\.000\.000/],
      [{ population: '12,5', referenceDate: '2025-12-31', source: 'LSN' }, /ganze Zahl/],
      [{ population: '12000', referenceDate: '2999-01-01', source: 'LSN' }, /nicht in der Zukunft/],
      [{ population: '12000', referenceDate: '31.12.2025x', source: 'LSN' }, /Bitte ein Datum/],
      [{ population: '12000', referenceDate: '2025-12-31', source: 'x'.repeat(301) }, /höchstens 300/],
    ];
    for (const [form, message] of cases) {
      const res = await c.post(url, form);
      assert.equal(res.status, 422, JSON.stringify(form));
      assert.match(await res.text(), message);
    }
    assert.equal((await c.post(url, { population: '12000', referenceDate: '2025-12-31', source: 'LSN', _csrf: 'falsch' })).status, 403);
    assert.equal((await c.post(`${base}/luecken/einwohner/${county.id}`, { population: '12000', referenceDate: '2025-12-31', source: 'LSN' })).status, 404, 'only its own Gemeinden');
    assert.equal((await (await t().signIn('lesend@musterland.example')).post(url, { population: '12000', referenceDate: '2025-12-31', source: 'LSN' })).status, 403);
    assert.equal((await stored()).length, 0, 'nothing stored');

    assert.equal((await c.post(url, { population: '4.000', referenceDate: '2025-12-31', source: 'LSN, Bevölkerungsfortschreibung' })).status, 303);
    assert.equal((await c.post(url, { population: '5.000', referenceDate: '2025-12-31', source: 'LSN, Bevölkerungsfortschreibung' })).status, 303);
    assert.equal((await stored())[0]!.population, 5000);
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'municipality_population'), eq(auditLog.entityId, heidewald.id)));
    assert.equal(audit.length, 2);
    assert.ok(audit.some((e) => (e.before as { population?: number } | null)?.population === 4000), 'the former figure stays in the log');

    // Arabic counselling in Heidewald, linked to a measure that names no Gemeinde.
    const edition = await adoptedEdition(t().db, county.id);
    const restricted = new Set((await t().db.select().from(measureMunicipalities)).map((m) => m.measureId));
    const measure = (await t().db.select().from(measures).where(eq(measures.editionId, edition!.id))).find((m) => !restricted.has(m.id));
    const [counselling] = await t().db.insert(offers).values({ tenantId: county.id, title: 'Sozialberatung auf Arabisch', category: 'beratung', municipalityId: heidewald.id, schedule: { kind: 'nach_vereinbarung' }, languages: ['de', 'ar'] }).returning();
    await t().db.insert(offerMeasures).values({ tenantId: county.id, offerId: counselling!.id, measureId: measure!.id });

    const html = await (await c.get(`${base}/luecken`)).text();
    assert.match(html, /Einwohnerzahlen sind für 1 von \d+ Gemeinden erfasst/);
    assert.match(html, /\(0,6 je 1\.000 Einw\.\)/, 'Treff/Café in Heidewald: 3 offers / 5,000 inhabitants');
    assert.ok(html.includes(`/massnahmen/${measure!.id}"`), 'the measure that addresses the Beratung gaps');
    const arabic = await (await c.get(`${base}/luecken?sprache=ar`)).text();
    assert.match(arabic, /Gezählt sind nur Angebote, in denen العربية/);
    const row = (page: string, label: string) => page.split(`<th scope="row">${label}</th>`)[1]!.split('</tr>')[0]!;
    assert.doesNotMatch(row(arabic, 'Treff/Café'), /<td>[1-9]/, 'no café in Arabic');
    assert.match(row(arabic, 'Beratung'), /<td>1 /, 'the Arabic counselling');

    const wb = await workbookOf(await c.get(`${base}/luecken.xlsx?sprache=ar`));
    const rates = wb.getWorksheet('Je 1.000 Einwohner')!;
    assert.deepEqual((rates.getRow(1).values as unknown[]).slice(1), ['Kategorie', 'Heidewald']);
    assert.equal(rates.getRow(2).getCell(2).value, 5000);
    assert.equal(rates.getRow(4).getCell(2).value, 'LSN, Bevölkerungsfortschreibung');
    const beratung = rates.getRows(5, 12)!.find((r) => r.getCell(1).value === 'Beratung')!;
    assert.equal(beratung.getCell(2).value, 0.2);
    const sheet3 = wb.getWorksheet('Maßnahmen zu Lücken')!;
    assert.ok(sheet3.getRows(2, sheet3.rowCount - 1)!.some((r) => String(r.getCell(2).value).startsWith(measure!.number)));
  });

  test('die Lückenmatrix nach Themenfeld: Zeilen sind die Themenfelder des beschlossenen Konzepts, mit ihren Maßnahmen zu den Lücken und im .xlsx', async () => {
    const { county, heidewald } = await seed();
    const c = await t().signIn('koordination@musterland.example');
    const edition = await adoptedEdition(t().db, county.id);
    const themes = await t().db.select().from(fields).where(and(eq(fields.tenantId, county.id), eq(fields.editionId, edition!.id))).orderBy(asc(fields.position));
    assert.ok(themes.length >= 2, 'the demo concept has Themenfelder');
    const [cafe] = await t().db.select().from(offers).where(and(eq(offers.title, 'Sprachcafé Heidewald'), eq(offers.status, 'aktiv')));
    await t().db.insert(offerFields).values({ tenantId: county.id, offerId: cafe!.id, fieldId: themes[0]!.id });
    const municipalities = await t().db.select().from(tenants).where(eq(tenants.parentId, county.id));
    const html = await (await c.get(`${base}/luecken?nach=themenfeld`)).text();
    const row = (page: string, label: string) => page.split(`<th scope="row">${label}</th>`)[1]?.split('</tr>')[0] ?? '';
    for (const f of themes) assert.ok(row(html, f.title), `a row for the Themenfeld ${f.title}`);
    assert.doesNotMatch(html, /<th scope="row">Treff\/Café<\/th>/, 'no category rows');
    assert.match(row(html, themes[0]!.title), /<td>1<\/td>/, 'the café counts in its Themenfeld');
    assert.match(html, new RegExp(`Lücken \\(Themenfeld ohne Angebot in einer Gemeinde\\): ${themes.length * municipalities.length - 1}\\.`));
    assert.match(html, /name="nach"/, 'the switch is part of the filter form');
    const [measure] = await t().db.select().from(measures).where(and(eq(measures.editionId, edition!.id), eq(measures.fieldId, themes[1]!.id))).orderBy(asc(measures.position)).limit(1);
    assert.ok(measure, 'a measure in the second Themenfeld');
    assert.ok(html.includes(`/massnahmen/${measure.id}"`), 'the measure of a Themenfeld with gaps is shown');
    assert.match(await (await c.get(`${base}/luecken?nach=unsinn`)).text(), /<th scope="row">Treff\/Café<\/th>/, 'an unknown switch value shows categories');

    const wb = await workbookOf(await c.get(`${base}/luecken.xlsx?nach=themenfeld`));
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.equal(header[0], 'Themenfeld');
    const first = sheet.getRows(2, themes.length)!.find((r) => r.getCell(1).value === themes[0]!.title)!;
    assert.equal(first.getCell(header.indexOf(heidewald.name) + 1).value, 1);
    const sheet3 = wb.getWorksheet('Maßnahmen zu Lücken')!;
    assert.equal(sheet3.getRow(1).getCell(1).value, 'Themenfeld');
    assert.ok(sheet3.getRows(2, sheet3.rowCount - 1)!.some((r) => r.getCell(1).value === themes[1]!.title && String(r.getCell(2).value).startsWith(measure.number)), 'the measure beside its Themenfeld');
  });
});
