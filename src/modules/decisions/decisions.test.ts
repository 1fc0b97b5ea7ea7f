import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { AppError } from '../../platform/errors.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { editions, fields, goals } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { createBody } from './bodies.js';
import { addConsultation, consultationsOf, recordResult } from './consultations.js';
import { followUpsIn, followUpsOfPaper } from './follow-ups.js';
import { filesOfPaper, paperFile } from './files.js';
import { finalizePaper } from './finalize.js';
import { createPaper, paperById, paperVersionsOf, updatePaper } from './papers.js';
import { adoptedMeasures, decisionOfEdition, publicDecisions } from './queries.js';
import { paperMeasures } from './schema.js';
import { paperSettingsOf, updatePaperSettings } from './settings.js';
import { liveFigures } from './figures.js';

const ctx = (t: TestApp) => ({ db: t.db, user: systemUser });

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const all = await t.db.select().from(editions).where(eq(editions.tenantId, tenant!.id));
  return { tenant: tenant!, adopted: all.find((e) => e.status === 'beschlossen')!, draft: all.find((e) => e.status === 'entwurf') };
}

const paperFields = (over: Record<string, unknown> = {}) => ({
  kind: 'beschlussvorlage',
  subject: 'Integrationskonzept 2026 der Koordinierungsstelle Migration und Teilhabe',
  paperDate: '2026-11-28',
  leadOffice: 'FD Büro des Landrates',
  officeCode: 'FD91',
  clerk: 'Frau Heldberg',
  fileReference: '31_30 Integrationskonzept',
  visibility: 'oeffentlich',
  proposal: 'Das Integrationskonzept 2026 wird beschlossen. Die Verwaltung legt die Fortschreibung alle zwei Jahre vor.',
  facts: '',
  financialEffects: 'nein',
  financialText: '',
  financialAmount: '',
  climateImpact: 'keine',
  climateText: '',
  signature: 'gez. Heldberg',
  editionId: '',
  ...over,
});

let bodyCounter = 0;
/** Three Gremien of a fresh Beratungsfolge (names unique per test). */
async function threeBodies(t: TestApp, tenantId: string) {
  const n = ++bodyCounter;
  const committee = await createBody(ctx(t), tenantId, { name: `Ausschuss für Soziales ${n}`, kind: 'fachausschuss' });
  const board = await createBody(ctx(t), tenantId, { name: `Kreisausschuss ${n}`, kind: 'hauptausschuss' });
  const council = await createBody(ctx(t), tenantId, { name: `Kreistag ${n}`, kind: 'vertretung' });
  return { committee, board, council };
}

const rejects = async (p: Promise<unknown>, code: string, messageKey?: string) => {
  await assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code && (!messageKey || e.messageKey === messageKey || e.fieldErrors.some((f) => f.messageKey === messageKey)), `expected ${code} ${messageKey ?? ''}`);
};

describeEachDb('Vorlagen: Nummern', (t) => {
  test('Vorschlag nach dem Format der Kommune, eindeutig, zwei gleichzeitige Vorlagen bekommen verschiedene Nummern', async () => {
    const { tenant } = await demo(t());
    await updatePaperSettings(ctx(t()), tenant.id, { numberFormat: '{Jahr}/{Amt}/{lfd}', officeCode: 'FD91', version: 0 }).catch(() => undefined);
    const first = await createPaper(ctx(t()), tenant.id, paperFields({ paperDate: '2031-03-01', number: '2031/FD91/456' }));
    assert.equal(first.number, '2031/FD91/456', 'typed by hand');
    const [a, b] = await Promise.all([createPaper(ctx(t()), tenant.id, paperFields({ paperDate: '2031-03-02' })), createPaper(ctx(t()), tenant.id, paperFields({ paperDate: '2031-03-02' }))]);
    assert.deepEqual([a.number, b.number].sort(), ['2031/FD91/457', '2031/FD91/458'], 'the counter continues after the number typed by hand, one number each');
    const office = await createPaper(ctx(t()), tenant.id, paperFields({ paperDate: '2031-05-01', officeCode: 'FD50' }));
    assert.equal(office.number, '2031/FD50/1', 'each office and year counts on its own');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ number: '2031/FD91/457' })), 'validation_failed', 'decisions.validation.number_taken');
    const same = await Promise.allSettled([createPaper(ctx(t()), tenant.id, paperFields({ number: '2031/X/1' })), createPaper(ctx(t()), tenant.id, paperFields({ number: '2031/X/1' }))]);
    assert.equal(same.filter((r) => r.status === 'fulfilled').length, 1, 'the same number typed twice at once: one wins');
    const lost = same.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(lost.reason instanceof AppError && lost.reason.fieldErrors[0]?.messageKey === 'decisions.validation.number_taken', 'the other gets the clear message, not a 500');
  });

  test('ungültige Eingaben: Pflichtfelder, Datum, Auswahl, unbekannte Kennzahl, fremde Fassung – nichts gespeichert', async () => {
    const { tenant } = await demo(t());
    const before = (await t().db.select().from(auditLog).where(eq(auditLog.entityType, 'paper'))).length;
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ subject: ' ' })), 'validation_failed', 'validation.required');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ paperDate: '2024-02-30' })), 'validation_failed', 'validation.date');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ kind: 'antrag' })), 'validation_failed', 'validation.invalid_choice');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ climateImpact: 'gut' })), 'validation_failed', 'validation.invalid_choice');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ facts: 'Es gibt {{fluggaeste}} Gäste.' })), 'validation_failed', 'decisions.validation.unknown_figure');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ editionId: '00000000-0000-4000-8000-000000000000' })), 'validation_failed', 'validation.invalid_choice');
    await rejects(createPaper(ctx(t()), tenant.id, paperFields({ subject: 'a\u0000b' })), 'validation_failed', 'validation.control_characters');
    await rejects(updatePaperSettings(ctx(t()), tenant.id, { numberFormat: '{Jahr}/{Amt}', version: 0 }), 'validation_failed', 'validation.paper_number_format');
    assert.equal((await t().db.select().from(auditLog).where(eq(auditLog.entityType, 'paper'))).length, before, 'nothing stored');
  });
});

describeEachDb('Vorlagen: Beratungsfolge und Status der Fassung', (t) => {
  /** A final Beschlussvorlage for a fresh draft edition with the seed's three-step Beratungsfolge. */
  async function paperForDraft(title: string) {
    const { tenant, adopted } = await demo(t());
    const [edition] = await t().db.insert(editions).values({ tenantId: tenant.id, title, predecessorId: adopted.id }).returning();
    const bodies = await threeBodies(t(), tenant.id);
    const paper = await createPaper(ctx(t()), tenant.id, paperFields({ editionId: edition!.id, subject: title, facts: 'Das Konzept enthält {{massnahmen}} Maßnahmen.' }));
    await addConsultation(ctx(t()), tenant.id, paper.id, { bodyId: bodies.committee.id, meetsOn: '2026-11-28', role: 'vorberatung' });
    await addConsultation(ctx(t()), tenant.id, paper.id, { bodyId: bodies.board.id, meetsOn: '2026-12-09', role: 'vorberatung' });
    await addConsultation(ctx(t()), tenant.id, paper.id, { bodyId: bodies.council.id, meetsOn: '2026-12-16', role: 'entscheidung' });
    return { tenant, adopted, edition: edition!, paper, bodies };
  }
  const steps = async (tenantId: string, paperId: string) => (await consultationsOf(t().db, tenantId, paperId)).map((r) => r.consultation);
  const editionNow = async (id: string) => (await t().db.select().from(editions).where(eq(editions.id, id)))[0]!;

  test('Versionen bis endgültig; endgültig friert die Kennzahlen ein und bringt die Fassung zur Beschlussfassung', async () => {
    const { tenant, edition, paper } = await paperForDraft('Konzept Versionen');
    const saved = await updatePaper(ctx(t()), tenant.id, paper.id, paperFields({ editionId: edition.id, subject: 'Konzept Versionen (überarbeitet)', facts: 'Das Konzept enthält {{massnahmen}} Maßnahmen.', version: paper.version }));
    assert.deepEqual((await paperVersionsOf(t().db, tenant.id, paper.id)).map((v) => [v.version, v.content.subject]), [
      [1, 'Konzept Versionen'],
      [2, 'Konzept Versionen (überarbeitet)'],
    ]);
    await rejects(recordResult(ctx(t()), tenant.id, (await steps(tenant.id, paper.id))[0]!.id, { result: 'beschlossen', version: 1 }), 'conflict', 'decisions.error.paper_not_final');
    const final = await finalizePaper(ctx(t()), tenant.id, paper.id, { version: saved.version });
    assert.equal(final.state, 'final');
    assert.equal(final.figures?.massnahmen?.value, '0', 'the figure is frozen with its value');
    assert.equal(final.figures?.massnahmen?.source, edition.title, 'and its source');
    assert.equal((await editionNow(edition.id)).status, 'zur_beschlussfassung');
    // Its documents are stored once: the Vorlage as main file (listing the concept as Anlage), the concept as Anlage.
    const files = await filesOfPaper(t().db, tenant.id, paper.id);
    assert.deepEqual(files.map((f) => [f.role, f.name, f.mimeType]).sort(), [
      ['auxiliary', edition.title, 'application/pdf'],
      ['main', `Vorlage ${paper.number}`, 'application/pdf'],
    ]);
    for (const f of files) {
      const stored = await paperFile(t().db, tenant.id, paper.id, f.id);
      assert.equal(stored.content.length, f.size, `${f.name}: size is the stored bytes`);
      assert.equal(Buffer.from(stored.content).subarray(0, 5).toString(), '%PDF-', `${f.name} is a PDF`);
    }
    await rejects(updatePaper(ctx(t()), tenant.id, paper.id, paperFields({ editionId: edition.id, version: final.version })), 'conflict', 'decisions.error.paper_final');
  });

  test('Vorberatung, Vertagung und Ablehnung lassen die Fassung, der Beschluss des Kreistags beschließt sie und löst die alte ab', async () => {
    const { tenant, adopted, edition, paper } = await paperForDraft('Konzept Beschluss');
    // Measures of the new edition: copy two of the adopted edition's.
    const source = await t().db.select().from(measures).where(eq(measures.editionId, adopted.id)).limit(2);
    await t().db.insert(measures).values(source.map(({ id: _i, editionId: _e, searchVector: _s, createdAt: _c, updatedAt: _u, ...m }) => ({ ...m, editionId: edition.id, predecessorId: _i })));
    await finalizePaper(ctx(t()), tenant.id, paper.id, { version: paper.version });
    const [committee, board, council] = await steps(tenant.id, paper.id);

    await recordResult(ctx(t()), tenant.id, committee!.id, { result: 'beschlossen', unanimous: 'on', version: committee!.version });
    await recordResult(ctx(t()), tenant.id, board!.id, { result: 'beschlossen', votesYes: '9', votesNo: '2', votesAbstain: '1', version: board!.version });
    assert.equal((await editionNow(edition.id)).status, 'zur_beschlussfassung', 'a Vorberatung decides nothing');

    const deferred = await recordResult(ctx(t()), tenant.id, council!.id, { result: 'vertagt', version: council!.version });
    assert.equal((await editionNow(edition.id)).status, 'zur_beschlussfassung', 'deferred: unchanged');
    const rejected = await recordResult(ctx(t()), tenant.id, council!.id, { result: 'abgelehnt', votesYes: '10', votesNo: '30', version: deferred.consultation.version });
    assert.equal((await editionNow(edition.id)).status, 'zur_beschlussfassung', 'rejected: unchanged');
    assert.equal((await editionNow(adopted.id)).status, 'beschlossen', 'the adopted edition stays');

    // Not a full Fortschreibung: adopting it would take published content off the public site (fortschreibung's rule).
    await rejects(recordResult(ctx(t()), tenant.id, council!.id, { result: 'beschlossen', unanimous: 'on', version: rejected.consultation.version }), 'validation_failed', 'fortschreibung.adopt.accept_required');
    assert.equal((await steps(tenant.id, paper.id))[2]!.result, 'abgelehnt', 'nothing recorded without the acknowledgement');
    const done = await recordResult(ctx(t()), tenant.id, council!.id, { result: 'beschlossen', unanimous: 'on', acceptLoss: 'on', version: rejected.consultation.version });
    assert.equal(done.adoptedEditionId, edition.id);
    const now = await editionNow(edition.id);
    assert.equal(now.status, 'beschlossen');
    assert.equal(now.adoptedOn, '2026-12-16', 'adopted as of the Kreistag meeting');
    assert.equal((await editionNow(adopted.id)).status, 'abgeloest', 'the previous edition is superseded');
    const linked = await adoptedMeasures(t().db, tenant.id, paper.id);
    assert.equal(linked.length, 2, 'the measures of the edition rest on the decision');
    const [followUp] = await followUpsOfPaper(t().db, tenant.id, paper.id);
    assert.equal(followUp?.dueOn, '2028-12-16', '"Fortschreibung alle zwei Jahre" is due two years after the decision');
    const decision = await decisionOfEdition(t().db, tenant.id, edition.id);
    assert.equal(decision?.paper.id, paper.id, 'the edition knows the decision that adopted it');
    assert.equal(decision?.consultation.unanimous, true);

    await rejects(recordResult(ctx(t()), tenant.id, council!.id, { result: 'abgelehnt', version: done.consultation.version }), 'conflict', 'decisions.error.adoption_final');
    const audited = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'consultation'), eq(auditLog.entityId, council!.id)));
    assert.equal(audited.length, 4, 'created and three results, each audited');
  });

  test('geändert beschlossen: braucht den Beschlusstext und beschließt die Fassung', async () => {
    const { tenant, edition, paper } = await paperForDraft('Konzept geändert');
    await finalizePaper(ctx(t()), tenant.id, paper.id, { version: paper.version });
    const council = (await steps(tenant.id, paper.id))[2]!;
    await rejects(recordResult(ctx(t()), tenant.id, council.id, { result: 'geaendert_beschlossen', version: council.version }), 'validation_failed', 'decisions.validation.changed_needs_text');
    await rejects(recordResult(ctx(t()), tenant.id, council.id, { result: 'beschlossen', unanimous: 'on', votesNo: '1', version: council.version }), 'validation_failed', 'decisions.validation.unanimous_with_no');
    await rejects(recordResult(ctx(t()), tenant.id, council.id, { result: 'zur_kenntnis_genommen', version: council.version }), 'validation_failed', 'decisions.validation.result_needs_noting');
    await rejects(recordResult(ctx(t()), tenant.id, council.id, { result: 'beschlossen', votesYes: '-3', version: council.version }), 'validation_failed');
    await rejects(recordResult(ctx(t()), tenant.id, council.id, { result: 'vertagt', votesYes: '3', version: council.version }), 'validation_failed', 'decisions.validation.votes_without_vote');
    assert.equal((await editionNow(edition.id)).status, 'zur_beschlussfassung', 'nothing happened');
    await recordResult(ctx(t()), tenant.id, council.id, { result: 'geaendert_beschlossen', votesYes: '40', votesNo: '3', decisionText: 'Das Konzept wird mit der Ergänzung um Maßnahme 2.4 beschlossen. Bericht bis zum 30.06.2027.', acceptLoss: 'on', version: council.version });
    assert.equal((await editionNow(edition.id)).status, 'beschlossen');
    assert.deepEqual((await followUpsOfPaper(t().db, tenant.id, paper.id)).map((f) => f.dueOn), ['2027-06-30'], 'the follow-up of the decision text, not of the proposal');
  });

  test('nicht öffentliche Vorlagen erscheinen nicht unter den öffentlichen Beschlüssen', async () => {
    const { tenant, edition, paper } = await paperForDraft('Konzept nichtöffentlich');
    const secret = await updatePaper(ctx(t()), tenant.id, paper.id, paperFields({ editionId: edition.id, subject: 'Geheime Vorlage', visibility: 'nichtoeffentlich', version: paper.version }));
    await finalizePaper(ctx(t()), tenant.id, paper.id, { version: secret.version });
    const council = (await steps(tenant.id, paper.id))[2]!;
    await recordResult(ctx(t()), tenant.id, council.id, { result: 'beschlossen', unanimous: 'on', acceptLoss: 'on', version: council.version });
    assert.equal((await publicDecisions(t().db, tenant.id)).some((d) => d.paper.id === paper.id), false);
    assert.equal(await decisionOfEdition(t().db, tenant.id, edition.id), undefined, 'the concept page does not name it');
    assert.equal((await decisionOfEdition(t().db, tenant.id, edition.id, false))?.paper.id, paper.id, 'inside it does');
    assert.equal((await t().db.select().from(paperMeasures).where(inArray(paperMeasures.paperId, [paper.id]))).length, 0, 'the edition had no measures');
    assert.equal((await paperById(t().db, tenant.id, paper.id)).isPublic, false);
  });
});

test('Aufträge im Beschlusstext: alle zwei Jahre, jährlich, bis zu einem Datum, bis Ende eines Jahres', () => {
  assert.deepEqual(followUpsIn('Das Konzept wird beschlossen. Die Fortschreibung erfolgt alle zwei Jahre.', '2024-12-16'), [{ text: 'Die Fortschreibung erfolgt alle zwei Jahre.', dueOn: '2026-12-16' }]);
  assert.deepEqual(followUpsIn('Der Ausschuss erhält jährlich einen Bericht.', '2024-12-16').map((f) => f.dueOn), ['2025-12-16']);
  assert.deepEqual(followUpsIn('Bericht bis zum 31.3.2025.', '2024-12-16').map((f) => f.dueOn), ['2025-03-31']);
  assert.deepEqual(followUpsIn('Umsetzung bis Ende 2026.', '2024-12-16').map((f) => f.dueOn), ['2026-12-31']);
  assert.deepEqual(followUpsIn('Bericht bis zum 31.02.2025.', '2024-12-16'), [], 'no such day');
  assert.deepEqual(followUpsIn('Das Integrationskonzept 2024 wird beschlossen.', '2024-12-16'), []);
});

describeEachDb('Vorlagen: Zahlen der Fassung', (t) => {
  // Issue 9.2: the figures were four queries; their per-Themenfeld counts compared a goal's field with the goal's own
  // id (an unqualified column inside the subquery) and were always 0.
  test('the live figures count the edition’s fields, goals and measures, overall and per Themenfeld', async () => {
    const { tenant, adopted } = await demo(t());
    const figures = new Map((await liveFigures(t().db, tenant.id, adopted.id, await paperSettingsOf(t().db, tenant.id))).map((f) => [f.key, f]));
    const fieldRows = await t().db.select().from(fields).where(and(eq(fields.tenantId, tenant.id), eq(fields.editionId, adopted.id)));
    const goalRows = await t().db.select().from(goals).where(and(eq(goals.tenantId, tenant.id), eq(goals.editionId, adopted.id)));
    const measureRows = await t().db.select().from(measures).where(and(eq(measures.tenantId, tenant.id), eq(measures.editionId, adopted.id)));
    assert.ok(fieldRows.length > 1 && goalRows.length > 0, 'the demo edition has fields and goals');
    assert.equal(figures.get('themenfelder')?.value, String(fieldRows.length), 'Themenfelder');
    assert.equal(figures.get('ziele')?.value, String(goalRows.length), 'goals');
    assert.equal(figures.get('massnahmen')?.value, String(measureRows.length), 'measures');
    assert.equal(figures.get('massnahmen')?.source, adopted.title, 'the edition is the source');
    for (const f of fieldRows) {
      const goalsIn = goalRows.filter((g) => g.fieldId === f.id).length;
      const measuresIn = measureRows.filter((m) => m.fieldId === f.id).length;
      assert.equal(figures.get(`ziele.feld-${f.position}`)?.value, String(goalsIn), `goals in ${f.title}`);
      assert.equal(figures.get(`massnahmen.feld-${f.position}`)?.value, String(measuresIn), `measures in ${f.title}`);
    }
    assert.ok(fieldRows.some((f) => goalRows.some((g) => g.fieldId === f.id)), 'some field has goals');
    assert.deepEqual((await liveFigures(t().db, tenant.id, null, await paperSettingsOf(t().db, tenant.id))).filter((f) => f.source === adopted.title), [], 'no edition, no counts');
  });
});
