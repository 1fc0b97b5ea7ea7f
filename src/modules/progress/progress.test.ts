import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, desc, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { queryRows } from '../../db/client.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { auditLog } from '../../platform/audit/schema.js';
import { actors } from '../actors/schema.js';
import { demoIds, actorOfUser, measuresByInvolvement } from '../api/test-helpers.js';
import { createEdition } from '../concepts/editions.js';
import { createItem, fieldKind } from '../concepts/items.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { createMeasure } from '../measures/service.js';
import { tinyPdf } from './demo.js';
import { editionRollup, rollupAllEditions } from './rollup.js';
import { statusRulesOf } from '../measures/status-rules.js';
import { measureUpdates } from './schema.js';
import { latestUpdates, recordMeasureUpdate, updatesOf } from './updates.js';

const app = '/app/k/musterland';
let unique = 0;
/** Portal pages are cached for anonymous visitors: a query parameter of our own gives a fresh render. */
/** A copy on a plain ArrayBuffer, as File wants it. */
const bytes = (b: Buffer) => new Uint8Array(b);
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_t=${Date.now()}-${++unique}`;

describeEachDb('Umsetzung: Sachstandsmeldungen, Regeln, Gesamtsicht', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let partnerActor: string;
  let partnerMeasures: Awaited<ReturnType<typeof measuresByInvolvement>>;
  let sozialesMeasure: string;
  let otherMeasure: string;

  const measureRow = async (id: string) => (await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, id))))[0]!;
  const updateCount = async (id: string) =>
    (await t().db.select({ n: sql<number>`count(*)::int` }).from(measureUpdates).where(and(eq(measureUpdates.tenantId, ids.tenantId), eq(measureUpdates.measureId, id))))[0]!.n;
  const auditCount = async () => (await t().db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.tenantId, ids.tenantId)))[0]!.n;
  const report = async (client: Awaited<ReturnType<ReturnType<typeof t>['signIn']>>, measureId: string, extra: Record<string, string> = {}) => {
    const m = await measureRow(measureId);
    return client.post(`${app}/massnahmen/${measureId}/umsetzung`, { status: 'in_umsetzung', progress: '40', text: 'Kurs läuft seit März, 14 Teilnehmende.', version: String(m.version), ...extra });
  };

  before(async () => {
    ids = await demoIds(t().db);
    partnerActor = await actorOfUser(t().db, ids.tenantId, 'partner@musterland.example');
    partnerMeasures = await measuresByInvolvement(t().db, ids.tenantId, ids.adopted.id, partnerActor);
    const [soziales] = await t().db.select().from(actors).where(and(eq(actors.tenantId, ids.tenantId), eq(actors.name, 'Fachdienst Soziales')));
    const own = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.adopted.id), eq(measures.leadActorId, soziales!.id)));
    sozialesMeasure = own[0]!.id;
    const involvedIds = new Set([...partnerMeasures.involved.map((m) => m.id), ...own.map((m) => m.id)]);
    otherMeasure = partnerMeasures.uninvolved.find((m) => !involvedIds.has(m.id))!.id;
  });

  test('demo data: reports match each measure’s status and progress; some public, some with a PDF', async () => {
    const rows = await queryRows<{ n: number; measures: number; pub: number; att: number }>(
      t().db,
      sql`select count(*)::int as n, count(distinct measure_id)::int as measures, count(*) filter (where is_public)::int as pub, count(attachment)::int as att from measure_updates where tenant_id = ${ids.tenantId}`,
    );
    const s = rows[0]!;
    assert.ok(s.measures >= 50 && s.measures <= 80, `about 60 measures with reports, got ${s.measures}`);
    assert.ok(s.pub > 0 && s.pub < s.n, 'some public, some internal');
    assert.ok(s.att >= 1);
    const all = await t().db.select({ id: measures.id, status: measures.status, progress: measures.progress }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.adopted.id)));
    const latest = await latestUpdates(t().db, ids.tenantId, all.map((m) => m.id));
    for (const m of all) {
      const u = latest.get(m.id);
      if (!u) continue;
      assert.equal(u.status, m.status, `latest report of ${m.id} has the measure's status`);
      assert.equal(u.progress, m.progress);
    }
    assert.ok(partnerMeasures.involved.some((m) => latest.has(m.id)), 'the partner account has reports on its measures');
  });

  test('each role: Koordination everywhere, Fachdienst on its own, partner on involved measures, lesend never', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const redaktion = await t().signIn('redaktion@musterland.example');
    const partner = await t().signIn('partner@musterland.example');
    const lesend = await t().signIn('lesend@musterland.example');
    const mine = partnerMeasures.involved[0]!.id;

    assert.equal((await report(koordination, otherMeasure)).status, 303);
    assert.equal((await report(redaktion, sozialesMeasure)).status, 303);
    assert.equal((await report(redaktion, otherMeasure)).status, 403);
    assert.equal((await report(partner, mine, { progress: '55' })).status, 303);
    assert.equal((await report(partner, otherMeasure)).status, 403);
    const before = await updateCount(mine);
    assert.equal((await report(lesend, mine)).status, 403);
    assert.equal(await updateCount(mine), before);

    // The partner's progress is public: it waits for the Koordination's review (issue 7.7).
    const [latest] = await updatesOf(t().db, ids.tenantId, mine);
    assert.equal(latest!.authorName, 'Paula Partner');
    assert.equal(latest!.isPublic, false);
    assert.notEqual((await measureRow(mine)).progress, 55, 'held for review: the measure keeps its progress');
    assert.equal((await koordination.post(`${app}/pruefung/${latest!.id}/freigeben`, {})).status, 303, 'approved');
    const m = await measureRow(mine);
    assert.equal(m.progress, 55, 'approved: the reported progress applies');
    assert.equal(m.status, 'in_umsetzung');
    assert.equal((await updatesOf(t().db, ids.tenantId, mine))[0]!.isPublic, false, 'an internal report stays internal');

    // The form page: everyone may read it, only the responsible see the form.
    assert.match(await (await partner.get(`${app}/massnahmen/${mine}/umsetzung`)).text(), /Sachstand melden/);
    const readOnly = await (await lesend.get(`${app}/massnahmen/${mine}/umsetzung`)).text();
    assert.ok(!readOnly.includes('Sachstand speichern'));
    assert.ok(readOnly.includes('Kurs läuft seit März, 14 Teilnehmende.'));
  });

  test('a report moves status and progress, bumps the version and writes two audit entries', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const m = await measureRow(otherMeasure);
    const audits = await auditCount();
    const res = await report(koordination, otherMeasure, { status: 'umgesetzt', progress: '', text: 'Abgeschlossen.', isPublic: 'on', reportedOn: '2026-01-15' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${app}/massnahmen/${otherMeasure}/umsetzung`);
    const after = await measureRow(otherMeasure);
    assert.equal(after.status, 'umgesetzt');
    assert.equal(after.progress, 100, 'umgesetzt implies 100 %');
    assert.equal(after.version, m.version + 1);
    assert.equal(await auditCount(), audits + 2);
    const entries = await t().db.select().from(auditLog).where(eq(auditLog.tenantId, ids.tenantId)).orderBy(desc(auditLog.id)).limit(2);
    assert.deepEqual(entries.map((e) => e.entityType).sort(), ['measure', 'measure_update']);
    const page = await (await koordination.get(res.headers.get('location')!)).text();
    assert.match(page, /Der Sachstand vom 15\.01\.2026 wurde gespeichert\./);
    assert.match(page, /aus dem Status abgeleitet \(Regel: „umgesetzt“ = 100/);
  });

  test('a stale version is a 409 with a clear message, and nothing is written', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const m = await measureRow(sozialesMeasure);
    const [count, audits] = [await updateCount(sozialesMeasure), await auditCount()];
    const res = await koordination.post(`${app}/massnahmen/${sozialesMeasure}/umsetzung`, { status: 'umgesetzt', text: 'Zu spät', version: String(m.version - 1) });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /Ihre Meldung wurde nicht gespeichert/);
    assert.ok(html.includes(`name="version" value="${m.version}"`), 'the form now carries the current version');
    assert.ok(html.includes('Zu spät'), 'the input is kept');
    assert.equal(await updateCount(sozialesMeasure), count);
    assert.equal(await auditCount(), audits);
    const after = await measureRow(sozialesMeasure);
    assert.deepEqual([after.status, after.progress, after.version], [m.status, m.progress, m.version]);
  });

  test('validation errors: 422 with an error summary, nothing written', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const count = await updateCount(otherMeasure);
    const res = await report(koordination, otherMeasure, { progress: '120', text: '', reportedOn: '2099-01-01' });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Bitte prüfen Sie Ihre Eingaben/);
    assert.match(html, /Der Fortschritt liegt zwischen 0 und 100 Prozent\./);
    assert.match(html, /Das Datum darf nicht in der Zukunft liegen\./);
    assert.match(html, /href="#f-text"/);
    assert.equal(await updateCount(otherMeasure), count);
  });

  test('attachments: wrong type or too large is refused; a PDF is stored and downloads as an attachment', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const upload = async (file: File, extra: Record<string, string> = {}) => {
      const m = await measureRow(otherMeasure);
      const form = new FormData();
      for (const [k, v] of Object.entries({ status: 'in_umsetzung', progress: '60', text: 'Zwischenbericht', version: String(m.version), ...extra })) form.append(k, v);
      form.append('attachment', file);
      return koordination.postMultipart(`${app}/massnahmen/${otherMeasure}/umsetzung`, form);
    };
    const count = await updateCount(otherMeasure);
    const exe = await upload(new File([bytes(Buffer.from('MZ\x90\x00'))], 'setup.exe', { type: 'application/x-msdownload' }));
    assert.equal(exe.status, 422);
    assert.match(await exe.text(), /Bitte eine Datei im Format PDF, DOCX, XLSX, PNG oder JPG anhängen\./);
    const fake = await upload(new File([bytes(Buffer.from('<script>alert(1)</script>'))], 'bericht.pdf', { type: 'application/pdf' }));
    assert.equal(fake.status, 422);
    const big = await upload(new File([bytes(tinyPdf('x', [])), bytes(Buffer.alloc(5 * 1024 * 1024))], 'gross.pdf', { type: 'application/pdf' }));
    assert.equal(big.status, 422);
    assert.match(await big.text(), /höchstens 5 MB/);
    assert.equal(await updateCount(otherMeasure), count);

    const pdf = tinyPdf('Sachbericht März', ['Zeile eins']);
    const ok = await upload(new File([bytes(pdf)], 'Sachbericht März.pdf', { type: 'application/pdf' }));
    assert.equal(ok.status, 303);
    const [u] = await updatesOf(t().db, ids.tenantId, otherMeasure);
    assert.equal(u!.attachmentName, 'Sachbericht März.pdf');
    assert.equal(u!.attachmentSize, pdf.length);
    assert.equal(u!.isPublic, false);
    const dl = await koordination.get(`${app}/massnahmen/${otherMeasure}/umsetzung/anhang/${u!.id}`);
    assert.equal(dl.status, 200);
    assert.equal(dl.headers.get('content-type'), 'application/pdf');
    assert.match(dl.headers.get('content-disposition')!, /^attachment; filename="Sachbericht Marz\.pdf"; filename\*=UTF-8''Sachbericht%20M%C3%A4rz\.pdf$/);
    assert.deepEqual(Buffer.from(await dl.arrayBuffer()), pdf);
    // Internal: never on the portal, not even by its id.
    assert.equal((await t().client().get(`/k/musterland/umsetzung/anhang/${u!.id}`)).status, 404);
    // Under another measure's path it does not exist either.
    assert.equal((await koordination.get(`${app}/massnahmen/${sozialesMeasure}/umsetzung/anhang/${u!.id}`)).status, 404);
    // Signed out: to the sign-in page.
    assert.equal((await t().client().get(`${app}/massnahmen/${otherMeasure}/umsetzung/anhang/${u!.id}`)).status, 303);

    const pub = await upload(new File([bytes(pdf)], 'oeffentlich.pdf', { type: 'application/pdf' }), { isPublic: 'on' });
    assert.equal(pub.status, 303);
    const [p] = await updatesOf(t().db, ids.tenantId, otherMeasure);
    const publicDl = await t().client().get(`/k/musterland/umsetzung/anhang/${p!.id}`);
    assert.equal(publicDl.status, 200);
    assert.match(publicDl.headers.get('content-disposition')!, /^attachment;/);
  });

  test('the public page shows public reports only, in German and English', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const secret = 'GEHEIM-Haushaltssperre-4711';
    const open = 'Sprachcafé läuft jeden Dienstag, 23 Gäste.';
    assert.equal((await report(koordination, sozialesMeasure, { text: secret, progress: '45' })).status, 303);
    assert.equal((await report(koordination, sozialesMeasure, { text: open, progress: '50', isPublic: 'on' })).status, 303);
    const res = await t().client().get(fresh('/k/musterland/umsetzung'));
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(!html.includes(secret), 'internal report text never appears');
    assert.ok(html.includes(open));
    assert.ok(!html.includes('Paula Partner') && !html.includes('Katrin Koordination'), 'no names of people');
    assert.match(html, /<h1[^>]*>Stand der Umsetzung<\/h1>/);
    assert.match(html, /gewichtete Mittelwert des Fortschritts der Maßnahmen, ohne Maßnahmen mit Status entfallen/);
    assert.ok(html.includes('<progress'));
    assert.ok(html.includes('href="/k/musterland/indikatoren"'));
    assert.ok(!html.includes('Fortschreibung)'), 'nothing of the draft edition');
    const en = await (await t().client().get(fresh('/k/musterland/umsetzung?lang=en'))).text();
    assert.match(en, /<html lang="en"/);
    assert.match(en, /Implementation progress/);
    assert.ok(en.includes('href="/k/musterland/indikatoren?lang=en"'));
    assert.ok(!en.includes(secret));
    // The API's public view agrees.
    const api = (await (await t().client().get(`/api/v1/kommunen/musterland/measures/${sozialesMeasure}/updates`)).json()) as any;
    assert.ok(api.items.every((u: any) => u.isPublic && !('authorName' in u)));
    assert.ok(!JSON.stringify(api).includes(secret));
  });

  test('status rules: Koordination only; they change the roll-up; a stale form is a 409', async () => {
    const koordination = await t().signIn('koordination@musterland.example');
    const partner = await t().signIn('partner@musterland.example');
    assert.equal((await partner.get(`${app}/einstellungen/status`)).status, 403);
    const page = await (await koordination.get(`${app}/einstellungen/status`)).text();
    assert.match(page, /ohne Maßnahmen mit Status entfallen/);
    const form = (version: number, extra: Record<string, string> = {}) => ({
      version: String(version),
      impliedProgress_geplant: '0', countsInRollup_geplant: 'on',
      impliedProgress_in_umsetzung: '', countsInRollup_in_umsetzung: 'on',
      impliedProgress_umgesetzt: '100', countsInRollup_umgesetzt: 'on',
      impliedProgress_verstetigt: '100', countsInRollup_verstetigt: 'on',
      impliedProgress_zurueckgestellt: '', // not ticked: left out of roll-ups
      impliedProgress_entfallen: '', countsInRollup_entfallen: 'on',
      ...extra,
    });
    assert.equal((await partner.post(`${app}/einstellungen/status`, form(0))).status, 403);
    const bad = await koordination.post(`${app}/einstellungen/status`, form(0, { impliedProgress_geplant: '150' }));
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /href="#f-impliedProgress_geplant"/);

    const before = await editionRollup(t().db, ids.tenantId, ids.adopted.id);
    assert.equal((await koordination.post(`${app}/einstellungen/status`, form(0))).status, 303);
    const rules = await statusRulesOf(t().db, ids.tenantId);
    assert.equal(rules.zurueckgestellt.countsInRollup, false);
    assert.equal(rules.entfallen.countsInRollup, true);
    const after = await editionRollup(t().db, ids.tenantId, ids.adopted.id);
    assert.equal(after.edition.excluded, before.edition.byStatus.zurueckgestellt);
    assert.equal((await koordination.post(`${app}/einstellungen/status`, form(0))).status, 409, 'the same form again is stale');
    const rollupPage = await (await koordination.get(`${app}/fassungen/${ids.adopted.id}/umsetzung`)).text();
    assert.match(rollupPage, /ohne Maßnahmen mit Status zurückgestellt\./);

    // Back to the defaults (version 1 now).
    assert.equal((await koordination.post(`${app}/einstellungen/status`, form(1, { countsInRollup_zurueckgestellt: 'on', countsInRollup_entfallen: '' }))).status, 303);
    assert.equal((await statusRulesOf(t().db, ids.tenantId)).entfallen.countsInRollup, false);
  });

  test('roll-up page: edition, fields and goals with bars and the rule; set-based roll-up agrees', async () => {
    const lesend = await t().signIn('lesend@musterland.example');
    const res = await lesend.get(`${app}/fassungen/${ids.adopted.id}/umsetzung`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Fortschritt je Themenfeld/);
    assert.match(html, /Fortschritt je Ziel/);
    assert.match(html, /gewichteter Mittelwert/);
    assert.ok(html.includes('<progress'));
    assert.ok(!html.includes('Status-Regeln ändern'), 'only Koordination gets the link to the rules');
    const one = await editionRollup(t().db, ids.tenantId, ids.adopted.id);
    const all = await rollupAllEditions(t().db, { tenantIds: [ids.tenantId] });
    const set = all.get(ids.adopted.id)!;
    assert.ok(Math.abs(set.progress! - one.edition.progress!) < 1e-9);
    assert.deepEqual({ ...set, tenantId: undefined, editionId: undefined, progress: undefined }, { ...one.edition, tenantId: undefined, editionId: undefined, progress: undefined });
    // Fields and goals: the goal roll-ups cover every goal of the edition.
    const [goalCount] = await queryRows<{ n: number }>(t().db, sql`select count(*)::int as n from goals where tenant_id = ${ids.tenantId} and edition_id = ${ids.adopted.id}`);
    assert.equal(one.goals.size, goalCount!.n);
  });

  test('a superseded edition takes no reports', async () => {
    const ctx = { db: t().db, user: systemUser };
    const edition = await createEdition(ctx, ids.tenantId, { title: 'Alte Fassung 2019' });
    const field = await createItem(ctx, fieldKind, ids.tenantId, edition.id, { title: 'Sprache' });
    const m = await createMeasure(ctx, ids.tenantId, { editionId: edition.id, number: '1.1.1', title: 'Alt', fieldId: field.id, horizon: 'kurz' });
    await t().db.update(editions).set({ status: 'abgeloest' }).where(and(eq(editions.tenantId, ids.tenantId), eq(editions.id, edition.id)));
    await assert.rejects(
      recordMeasureUpdate(ctx, ids.tenantId, m.id, { status: 'umgesetzt', text: 'x', version: m.version }),
      (e: any) => e.code === 'conflict' && e.messageKey === 'progress.error.edition_superseded',
    );
    // …but open drafts do (and so does the adopted one, see above).
    const draftMeasure = (await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).limit(1))[0]!;
    const u = await recordMeasureUpdate(ctx, ids.tenantId, draftMeasure.id, { status: 'in_umsetzung', progress: 10, text: 'Entwurf', version: draftMeasure.version, isPublic: true });
    assert.equal(u.progress, 10);
    // A public report of a DRAFT measure is still not on the portal (only the adopted edition is).
    assert.equal((await t().client().get(`/api/v1/kommunen/musterland/measures/${draftMeasure.id}/updates`)).status, 404);
  });
});
