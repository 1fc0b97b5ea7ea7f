import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, desc, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { actorOfUser, demoIds, measuresByInvolvement } from '../api/test-helpers.js';
import { measures } from '../measures/schema.js';
import { tinyPdf } from './demo.js';
import { measureUpdates } from './schema.js';
import { buildReport } from '../reports/build.js';
import { cellText, reportContent } from '../reports/content.js';
import { tenantById } from '../../platform/tenancy/service.js';

const app = '/app/k/musterland';
let unique = 0;
/** Portal pages are cached for anonymous visitors: a query parameter of our own gives a fresh render. */
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_t=${Date.now()}-${++unique}`;

describeEachDb('Prüfung: Meldungen von Partnern vor Veröffentlichung', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let cooperating: string;
  let sozialesMeasure: string;
  type Client = Awaited<ReturnType<ReturnType<typeof t>['signIn']>>;

  const version = async (id: string) => (await t().db.select({ v: measures.version }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, id))))[0]!.v;
  const latest = async (id: string) =>
    (await t().db.select().from(measureUpdates).where(and(eq(measureUpdates.tenantId, ids.tenantId), eq(measureUpdates.measureId, id))).orderBy(desc(measureUpdates.createdAt)).limit(1))[0]!;
  const report = async (client: Client, measureId: string, text: string, withPdf = false) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ status: 'in_umsetzung', progress: '40', text, isPublic: 'on', version: String(await version(measureId)) })) form.append(k, v);
    if (withPdf) form.append('attachment', new File([new Uint8Array(tinyPdf('Bericht', ['Zeile']))], 'partnerbericht.pdf', { type: 'application/pdf' }));
    return client.postMultipart(`${app}/massnahmen/${measureId}/umsetzung`, form);
  };
  const portal = async () => (await t().client().get(fresh('/k/musterland/umsetzung'))).text();
  const publicApi = async (measureId: string) => JSON.stringify(await (await t().client().get(`/api/v1/kommunen/musterland/measures/${measureId}/updates`)).json());
  const tenantVersion = async () => (await t().db.select({ v: tenants.version }).from(tenants).where(eq(tenants.id, ids.tenantId)))[0]!.v;

  before(async () => {
    ids = await demoIds(t().db);
    const partnerActor = await actorOfUser(t().db, ids.tenantId, 'partner@musterland.example');
    const byInvolvement = await measuresByInvolvement(t().db, ids.tenantId, ids.adopted.id, partnerActor);
    // A measure where the partner only cooperates (does not lead).
    cooperating = byInvolvement.involved.find((m) => m.leadActorId !== partnerActor)!.id;
    const [soziales] = await t().db.select().from(actors).where(and(eq(actors.tenantId, ids.tenantId), eq(actors.name, 'Fachdienst Soziales')));
    sozialesMeasure = (await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.adopted.id), eq(measures.leadActorId, soziales!.id))))[0]!.id;
  });

  test('a partner’s public report waits for review; approved it is public, with its attachment', async () => {
    const partner = await t().signIn('partner@musterland.example');
    const koordination = await t().signIn('koordination@musterland.example');
    const text = 'PARTNER-Meldung-zur-Pruefung-8812: Kurs startet im Mai.';
    const res = await report(partner, cooperating, text, true);
    assert.equal(res.status, 303, 'the partner may report on a measure it cooperates in');
    const u = await latest(cooperating);
    assert.equal(u.isPublic, false, 'stored as not public');
    assert.equal(u.review, 'pending', 'stored as pending review');

    assert.ok(!(await portal()).includes(text), 'pending: not on the portal');
    assert.ok(!(await publicApi(cooperating)).includes(text), 'pending: not in the public API');
    assert.equal((await t().client().get(`/k/musterland/umsetzung/anhang/${u.id}`)).status, 404, 'pending: the attachment is not public');
    const own = await (await partner.get(`${app}/massnahmen/${cooperating}/umsetzung`)).text();
    assert.match(own, /wartet auf Prüfung durch die Koordination/, 'the partner sees that the report awaits review');

    const queue = await koordination.get(`${app}/pruefung`);
    assert.equal(queue.status, 200, 'Koordination opens the queue');
    const html = await queue.text();
    assert.ok(html.includes(text), 'the queue shows the text');
    assert.ok(html.includes('Paula Partner'), 'the queue names the partner');
    assert.ok(html.includes(`/massnahmen/${cooperating}/umsetzung/anhang/${u.id}`), 'the queue links the attachment');
    assert.ok(html.includes(`/pruefung/${u.id}/freigeben`) && html.includes(`/pruefung/${u.id}/ablehnen`), 'approve and decline forms');

    const approved = await koordination.post(`${app}/pruefung/${u.id}/freigeben`, {});
    assert.equal(approved.status, 303, 'approve redirects');
    const after = await latest(cooperating);
    assert.equal(after.isPublic, true, 'approved: public');
    assert.equal(after.review, 'approved', 'approved: marked');
    assert.ok((await portal()).includes(text), 'approved: on the portal');
    assert.ok((await publicApi(cooperating)).includes(text), 'approved: in the public API');
    assert.equal((await t().client().get(`/k/musterland/umsetzung/anhang/${u.id}`)).status, 200, 'approved: the attachment is public');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, ids.tenantId), eq(auditLog.entityId, u.id), eq(auditLog.action, 'transition')));
    assert.equal((entry?.after as { review?: string } | undefined)?.review, 'approved', 'the approval is audited');
    assert.equal((await koordination.post(`${app}/pruefung/${u.id}/ablehnen`, {})).status, 409, 'a decided report cannot be decided again');
  });

  test('declined: stays internal, the partner sees the reason; other roles cannot decide', async () => {
    const partner = await t().signIn('partner@musterland.example');
    const redaktion = await t().signIn('redaktion@musterland.example');
    const lesend = await t().signIn('lesend@musterland.example');
    const koordination = await t().signIn('koordination@musterland.example');
    const text = 'PARTNER-Meldung-abgelehnt-5521: interne Personalien.';
    assert.equal((await report(partner, cooperating, text)).status, 303, 'reported');
    const u = await latest(cooperating);
    for (const [who, client] of [['partner', partner], ['redaktion', redaktion], ['lesend', lesend]] as const) {
      assert.equal((await client.get(`${app}/pruefung`)).status, 403, `${who} may not open the queue`);
      assert.equal((await client.post(`${app}/pruefung/${u.id}/freigeben`, {})).status, 403, `${who} may not approve`);
      assert.equal((await client.post(`${app}/pruefung/${u.id}/ablehnen`, {})).status, 403, `${who} may not decline`);
    }
    assert.equal((await latest(cooperating)).review, 'pending', 'still pending after the refused attempts');

    const declined = await koordination.post(`${app}/pruefung/${u.id}/ablehnen`, { reason: 'Bitte ohne Namen von Beschäftigten.' });
    assert.equal(declined.status, 303, 'decline redirects');
    const after = await latest(cooperating);
    assert.equal(after.isPublic, false, 'declined: stays internal');
    assert.equal(after.review, 'declined', 'declined: marked');
    assert.equal(after.reviewNote, 'Bitte ohne Namen von Beschäftigten.', 'the reason is kept');
    assert.ok(!(await portal()).includes(text), 'declined: not on the portal');
    assert.ok(!(await publicApi(cooperating)).includes(text), 'declined: not in the public API');
    const own = await (await partner.get(`${app}/massnahmen/${cooperating}/umsetzung`)).text();
    assert.ok(own.includes('Bitte ohne Namen von Beschäftigten.'), 'the partner sees the reason');
    assert.ok(!(await (await koordination.get(`${app}/pruefung`)).text()).includes(text), 'no longer in the queue');
  });

  test('Koordination and Redaktion publish directly; with the setting off, partners do too (audited)', async () => {
    const partner = await t().signIn('partner@musterland.example');
    const redaktion = await t().signIn('redaktion@musterland.example');
    const koordination = await t().signIn('koordination@musterland.example');
    assert.equal((await report(redaktion, sozialesMeasure, 'REDAKTION-direkt-3301')).status, 303, 'Redaktion reports');
    assert.deepEqual([(await latest(sozialesMeasure)).isPublic, (await latest(sozialesMeasure)).review], [true, null], 'Redaktion: public at once');
    assert.equal((await report(koordination, cooperating, 'KOORDINATION-direkt-3302')).status, 303, 'Koordination reports');
    assert.deepEqual([(await latest(cooperating)).isPublic, (await latest(cooperating)).review], [true, null], 'Koordination: public at once');

    assert.equal((await partner.post(`${app}/pruefung/einstellung`, { version: String(await tenantVersion()) })).status, 403, 'a partner cannot turn the review off');
    const off = await koordination.post(`${app}/pruefung/einstellung`, { version: String(await tenantVersion()) });
    assert.equal(off.status, 303, 'Koordination turns the review off');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, ids.tenantId), eq(auditLog.entityType, 'tenant'))).orderBy(desc(auditLog.at)).limit(1);
    assert.deepEqual(entry?.after, { reviewPartnerReports: false }, 'the change is audited');
    assert.equal((await report(partner, cooperating, 'PARTNER-direkt-3303')).status, 303, 'partner reports');
    assert.deepEqual([(await latest(cooperating)).isPublic, (await latest(cooperating)).review], [true, null], 'setting off: the partner publishes directly');
    assert.ok((await portal()).includes('PARTNER-direkt-3303'), 'on the portal at once');

    assert.equal((await koordination.post(`${app}/pruefung/einstellung`, { version: String(await tenantVersion()), reviewPartnerReports: 'on' })).status, 303, 'turned on again');
    assert.equal((await report(partner, cooperating, 'PARTNER-wieder-3304')).status, 303, 'partner reports');
    assert.equal((await latest(cooperating)).review, 'pending', 'setting on again: pending');
    assert.equal((await koordination.post(`${app}/pruefung/einstellung`, { version: '1' })).status, 409, 'a stale setting form is a conflict');
  });
  test('a pending or declined report never changes the measure’s status or progress; approving applies it (issue 7.7)', async () => {
    const partner = await t().signIn('partner@musterland.example');
    const koordination = await t().signIn('koordination@musterland.example');
    const state = async () => (await t().db.select({ status: measures.status, progress: measures.progress, number: measures.number }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, cooperating))))[0]!;
    const reportAs = async (status: string, progress: string, text: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ status, progress, text, isPublic: 'on', version: String(await version(cooperating)) })) form.append(k, v);
      return partner.postMultipart(`${app}/massnahmen/${cooperating}/umsetzung`, form);
    };
    const before = await state();
    const other = before.status === 'zurueckgestellt' ? 'in_umsetzung' : 'zurueckgestellt';
    assert.notEqual(before.progress, 7, 'precondition: the measure is not at 7 %');

    assert.equal((await reportAs(other, '7', 'PARTNER-Status-ausstehend-6610')).status, 303, 'the partner reports');
    const pending = await latest(cooperating);
    assert.equal(pending.review, 'pending', 'held for review');
    assert.deepEqual(await state(), before, 'pending: the measure keeps its status and progress');
    assert.ok(!(await portal()).includes('PARTNER-Status-ausstehend-6610'), 'pending: not on the portal');
    const queue = (await (await koordination.get(`${app}/pruefung`)).text()).replace(/\s+/g, ' ');
    const label = (s: string) => (s === 'zurueckgestellt' ? 'zurückgestellt' : 'in Umsetzung');
    assert.ok(queue.includes(`Gemeldeter Stand: ${label(other)}, 7 %`), 'the queue shows the reported status and progress');
    const listed = ((await (await koordination.get(`/api/v1/kommunen/musterland/measures/${cooperating}/updates`)).json()) as { items: { id: string; review?: string | null }[] }).items;
    assert.equal(listed.find((u) => u.id === pending.id)?.review, 'pending', 'members see the review state in the API');
    const anonymous = ((await (await t().client().get(`/api/v1/kommunen/musterland/measures/${cooperating}/updates`)).json()) as { items: object[] }).items;
    assert.ok(anonymous.every((u) => !('review' in u)), 'the public API has no review state');

    const nav = await (await koordination.get(app)).text();
    const count = (await t().db.select().from(measureUpdates).where(and(eq(measureUpdates.tenantId, ids.tenantId), eq(measureUpdates.review, 'pending')))).length;
    assert.ok(nav.includes(`Prüfung (${count})`), `Koordination's navigation shows the pending count: Prüfung (${count})`);
    assert.ok(!(await (await partner.get(app)).text()).includes('Prüfung ('), 'a partner sees no review entry');

    assert.equal((await koordination.post(`${app}/pruefung/${pending.id}/ablehnen`, {})).status, 303, 'declined');
    assert.deepEqual(await state(), before, 'declined: the measure keeps its status and progress');

    assert.equal((await reportAs(other, '7', 'PARTNER-Status-freigegeben-6611')).status, 303, 'the partner reports again');
    const second = await latest(cooperating);
    assert.deepEqual(await state(), before, 'pending again: unchanged');
    assert.equal((await koordination.post(`${app}/pruefung/${second.id}/freigeben`, {})).status, 303, 'approved');
    const after = await state();
    assert.deepEqual([after.status, after.progress], [other, 7], 'approved: the measure moves to the reported status and progress');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, ids.tenantId), eq(auditLog.entityType, 'measure'), eq(auditLog.entityId, cooperating))).orderBy(desc(auditLog.at)).limit(1);
    assert.equal((entry?.after as { status?: string } | undefined)?.status, other, 'the change of the measure is audited');
  });

  test('a partner’s internal report that changes status or progress waits too; approved, the text stays internal (issue 7.7)', async () => {
    const partner = await t().signIn('partner@musterland.example');
    const koordination = await t().signIn('koordination@musterland.example');
    const state = async () => (await t().db.select({ status: measures.status, progress: measures.progress }).from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, cooperating))))[0]!;
    const reportInternally = async (status: string, progress: string, text: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ status, progress, text, version: String(await version(cooperating)) })) form.append(k, v);
      return partner.postMultipart(`${app}/massnahmen/${cooperating}/umsetzung`, form);
    };
    const before = await state();
    const other = before.status === 'zurueckgestellt' ? 'in_umsetzung' : 'zurueckgestellt';
    assert.equal((await reportInternally(other, '9', 'PARTNER-intern-6620')).status, 303, 'the partner reports internally');
    const held = await latest(cooperating);
    assert.deepEqual([held.review, held.isPublic], ['pending', false], 'a changed status is public: the report waits for review');
    assert.deepEqual(await state(), before, 'pending: the measure keeps its public status and progress');
    assert.ok((await (await koordination.get(`${app}/pruefung`)).text()).includes('PARTNER-intern-6620'), 'in the queue');

    assert.equal((await koordination.post(`${app}/pruefung/${held.id}/freigeben`, {})).status, 303, 'approved');
    const after = await state();
    assert.deepEqual([after.status, after.progress], [other, 9], 'approved: status and progress apply');
    const approved = await latest(cooperating);
    assert.deepEqual([approved.review, approved.isPublic], ['approved', false], 'the internal text stays internal');
    assert.ok(!(await portal()).includes('PARTNER-intern-6620'), 'not on the portal');

    assert.equal((await reportInternally(other, '9', 'PARTNER-intern-nur-Text-6621')).status, 303, 'an internal note without a change');
    const note = await latest(cooperating);
    assert.deepEqual([note.review, note.isPublic], [null, false], 'nothing public changes: no review needed');
  });

  test('the internal Sachstandsbericht marks a pending report “zur Prüfung”', async () => {
    const partner = await t().signIn('partner@musterland.example');
    assert.equal((await report(partner, cooperating, 'PARTNER-im-Bericht-6620')).status, 303, 'the partner reports');
    const model = await buildReport(t().db, await tenantById(t().db, ids.tenantId), ids.adopted.id, { from: '2020-01-01', to: '2099-12-31' }, '2099-12-31', 'internal');
    const cells = reportContent(model).blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [])).map(cellText);
    assert.ok(cells.includes('intern, zur Prüfung: PARTNER-im-Bericht-6620'), 'the change is marked as waiting for review');
    const pub = await buildReport(t().db, await tenantById(t().db, ids.tenantId), ids.adopted.id, { from: '2020-01-01', to: '2099-12-31' }, '2099-12-31', 'public');
    assert.ok(!JSON.stringify(pub).includes('PARTNER-im-Bericht-6620'), 'not in the public report');
  });
});
