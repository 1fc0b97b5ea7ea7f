/**
 * The Beratungsfolge of a paper: ordered consultations in the Kommune's Gremien, and their
 * results. The deciding consultation of a Beschlussvorlage drives its edition: "beschlossen" or
 * "geändert beschlossen" adopts it (the previously adopted one is superseded, with
 * fortschreibung's rules about published content); every other result leaves it where it was.
 */
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { checkbox, expectedVersion, isoDate, isUuid, optionalText, parseInput, throwIfProblems, uuid, versionFrom } from '../../platform/validation.js';
import { editionById, isEditionOpen, transitionEdition } from '../concepts/index.js';
import { changeEditionStatus } from '../fortschreibung/index.js';
import { bodyById, meetingById, meetingOn } from './bodies.js';
import { followUpsIn, replaceFollowUps } from './follow-ups.js';
import { paperById, type Paper } from './papers.js';
import { canManagePapers } from './policy.js';
import { consultationResults, consultationRoles, consultations, councilBodies, councilMeetings, paperMeasures, type ConsultationResult } from './schema.js';

export type Consultation = typeof consultations.$inferSelect;

/** Results that adopt what the paper proposes. */
export const adoptingResults: readonly ConsultationResult[] = ['beschlossen', 'geaendert_beschlossen'];
export const isAdopting = (c: Pick<Consultation, 'role' | 'result'>) => c.role === 'entscheidung' && !!c.result && adoptingResults.includes(c.result);

export const consultationInput = z.object({
  bodyId: uuid(),
  meetsOn: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), isoDate({ error: 'validation.required' })),
  role: z.enum(consultationRoles, { error: 'validation.invalid_choice' }),
  agendaNumber: optionalText(20),
});

/** Steps with their Gremium and Sitzung. */
const stepsWhere = (db: Db, where: SQL | undefined) =>
  db
    .select({ consultation: consultations, body: councilBodies, meeting: councilMeetings })
    .from(consultations)
    .innerJoin(councilBodies, and(eq(councilBodies.tenantId, consultations.tenantId), eq(councilBodies.id, consultations.bodyId)))
    .innerJoin(councilMeetings, and(eq(councilMeetings.tenantId, consultations.tenantId), eq(councilMeetings.id, consultations.meetingId)))
    .where(where);

/** The Beratungsfolge with Gremium and Sitzung, in order. */
export const consultationsOf = (db: Db, tenantId: string, paperId: string) =>
  stepsWhere(db, and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, paperId), isNull(consultations.deletedAt))).orderBy(asc(consultations.position));
export type ConsultationRow = Awaited<ReturnType<typeof consultationsOf>>[number];

/** The Beratungsfolge of every paper of the Kommune in one query (the list of papers; one query per paper before, issue 9.2), each in order. */
export async function consultationsOfPapers(db: Db, tenantId: string): Promise<Map<string, ConsultationRow[]>> {
  const rows = await stepsWhere(db, and(eq(consultations.tenantId, tenantId), isNull(consultations.deletedAt))).orderBy(asc(consultations.paperId), asc(consultations.position));
  const byPaper = new Map<string, ConsultationRow[]>();
  for (const r of rows) {
    const list = byPaper.get(r.consultation.paperId);
    if (list) list.push(r);
    else byPaper.set(r.consultation.paperId, [r]);
  }
  return byPaper;
}

export async function consultationById(db: Db, tenantId: string, id: string): Promise<Consultation> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(consultations).where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, id), isNull(consultations.deletedAt)));
  return found(row);
}

async function assertBody(tx: Db, tenantId: string, bodyId: string) {
  try {
    await bodyById(tx, tenantId, bodyId);
  } catch {
    throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'bodyId', messageKey: 'validation.invalid_choice' }] });
  }
}

/** Adds a step at the end of the Beratungsfolge (the Sitzung is made when first named). */
export async function addConsultation(ctx: CommandContext, tenantId: string, paperId: string, input: unknown): Promise<Consultation> {
  authorize(canManagePapers(ctx.user, tenantId));
  const data = parseInput(consultationInput, input);
  return ctx.db.transaction(async (tx) => {
    const paper = await paperById(tx, tenantId, paperId);
    await assertBody(tx, tenantId, data.bodyId);
    const meeting = await meetingOn(tx, tenantId, data.bodyId, data.meetsOn);
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${consultations.position}), 0)::int` }).from(consultations).where(and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, paper.id)));
    const [row] = await tx
      .insert(consultations)
      .values({ tenantId, paperId: paper.id, position: (last?.n ?? 0) + 1, bodyId: data.bodyId, meetingId: meeting.id, role: data.role, agendaNumber: data.agendaNumber })
      .returning();
    await tx.update(councilMeetings).set({ updatedAt: new Date() }).where(and(eq(councilMeetings.tenantId, tenantId), eq(councilMeetings.id, meeting.id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'consultation', entityId: row!.id, after: { ...row, meetsOn: meeting.meetsOn } });
    return found(row);
  });
}

const decided = () => new AppError('conflict', 'decisions.error.consultation_decided');

/** Changes Gremium, day, role or TOP of a step that has no result yet. */
export async function updateConsultation(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Consultation> {
  authorize(canManagePapers(ctx.user, tenantId));
  const data = parseInput(consultationInput.extend({ version: expectedVersion() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await consultationById(tx, tenantId, id);
    if (before.result) throw decided();
    await assertBody(tx, tenantId, data.bodyId);
    const meeting = await meetingOn(tx, tenantId, data.bodyId, data.meetsOn);
    const rows = await tx
      .update(consultations)
      .set({ bodyId: data.bodyId, meetingId: meeting.id, role: data.role, agendaNumber: data.agendaNumber, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, id), eq(consultations.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'consultation', entityId: id, before, after: { ...rows[0], meetsOn: meeting.meetsOn } });
    return found(rows[0]);
  });
}

/** Removes a step without a result from the Beratungsfolge (kept as deleted for OParl). */
export async function removeConsultation(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Consultation> {
  authorize(canManagePapers(ctx.user, tenantId));
  const version = versionFrom((input as Record<string, unknown> | null)?.version);
  return ctx.db.transaction(async (tx) => {
    const before = await consultationById(tx, tenantId, id);
    assertCurrentVersion(before.version, version);
    if (before.result) throw decided();
    const now = new Date();
    await tx.update(consultations).set({ deletedAt: now, updatedAt: now, version: before.version + 1 }).where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'consultation', entityId: id, before });
    return before;
  });
}

/** Swaps a step with its neighbour above or below. */
export async function moveConsultation(ctx: CommandContext, tenantId: string, id: string, direction: unknown): Promise<void> {
  authorize(canManagePapers(ctx.user, tenantId));
  if (direction !== 'hoch' && direction !== 'runter') throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'richtung', messageKey: 'validation.invalid_choice' }] });
  await ctx.db.transaction(async (tx) => {
    const me = await consultationById(tx, tenantId, id);
    const steps = await tx
      .select()
      .from(consultations)
      .where(and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, me.paperId), isNull(consultations.deletedAt)))
      .orderBy(asc(consultations.position));
    const at = steps.findIndex((s) => s.id === id);
    const other = steps[direction === 'hoch' ? at - 1 : at + 1];
    if (!other) return;
    const now = new Date();
    await tx.update(consultations).set({ position: other.position, updatedAt: now, version: me.version + 1 }).where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, me.id)));
    await tx.update(consultations).set({ position: me.position, updatedAt: now, version: other.version + 1 }).where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, other.id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'move', entityType: 'consultation', entityId: id, before: { position: me.position }, after: { position: other.position } });
  });
}

const votes = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : v) : v ?? null),
  z.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.not_negative').max(100_000, 'validation.number').nullable(),
);

export const resultInput = z.object({
  result: z.enum(consultationResults, { error: 'validation.invalid_choice' }),
  unanimous: checkbox,
  votesYes: votes,
  votesNo: votes,
  votesAbstain: votes,
  decisionText: optionalText(20_000),
  acceptLoss: checkbox.optional(),
  version: expectedVersion(),
});

/** Results that only fit some roles: a Kenntnisnahme is taken note of, the others are decided. */
function resultProblems(c: Consultation, d: z.output<typeof resultInput>): FieldError[] {
  const problems: FieldError[] = [];
  const noting = c.role === 'kenntnisnahme';
  if (noting && ['beschlossen', 'geaendert_beschlossen', 'abgelehnt'].includes(d.result)) problems.push({ field: 'result', messageKey: 'decisions.validation.result_for_noting' });
  if (!noting && c.role !== 'anhoerung' && d.result === 'zur_kenntnis_genommen') problems.push({ field: 'result', messageKey: 'decisions.validation.result_needs_noting' });
  if (d.result === 'geaendert_beschlossen' && !d.decisionText.trim()) problems.push({ field: 'decisionText', messageKey: 'decisions.validation.changed_needs_text' });
  if (d.unanimous && (d.votesNo ?? 0) > 0) problems.push({ field: 'votesNo', messageKey: 'decisions.validation.unanimous_with_no' });
  const voted = ['beschlossen', 'geaendert_beschlossen', 'abgelehnt'].includes(d.result);
  if (!voted && (d.unanimous || d.votesYes != null || d.votesNo != null || d.votesAbstain != null)) problems.push({ field: 'votesYes', messageKey: 'decisions.validation.votes_without_vote' });
  return problems;
}

export interface RecordedResult {
  consultation: Consultation;
  /** Set when this result adopted the paper's edition. */
  adoptedEditionId?: string;
}

/**
 * Records the result of a consultation. A deciding "beschlossen"/"geändert beschlossen" on a
 * Beschlussvorlage adopts its edition as of the Sitzung's day (through zur Beschlussfassung if
 * needed), links the edition's measures to the decision and files the follow-ups its text asks
 * for. Once the edition is adopted this way the result cannot be turned into another one.
 */
export async function recordResult(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<RecordedResult> {
  authorize(canManagePapers(ctx.user, tenantId));
  const data = parseInput(resultInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await consultationById(tx, tenantId, id);
    const paper = await paperById(tx, tenantId, before.paperId);
    if (paper.state !== 'final') throw new AppError('conflict', 'decisions.error.paper_not_final');
    throwIfProblems(resultProblems(before, data));
    const next = { ...before, result: data.result };
    if (isAdopting(before) && !isAdopting(next) && (await adoptedBy(tx, tenantId, paper, id))) throw new AppError('conflict', 'decisions.error.adoption_final');
    const rows = await tx
      .update(consultations)
      .set({
        result: data.result,
        unanimous: data.unanimous,
        votesYes: data.votesYes,
        votesNo: data.votesNo,
        votesAbstain: data.votesAbstain,
        decisionText: data.decisionText,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, id), eq(consultations.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    const after = found(rows[0]);
    const meeting = await meetingById(tx, tenantId, after.meetingId);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'consultation', entityId: id, before, after: { ...after, meetsOn: meeting.meetsOn } });
    let adoptedEditionId: string | undefined;
    if (isAdopting(after) && paper.kind === 'beschlussvorlage') {
      adoptedEditionId = await adoptEdition(ctx, tx, tenantId, paper, after, meeting.meetsOn, data.acceptLoss ?? false);
      await replaceFollowUps(tx, tenantId, paper.id, id, followUpsIn(after.decisionText || paper.proposal, meeting.meetsOn));
    } else {
      await replaceFollowUps(tx, tenantId, paper.id, id, []);
    }
    return { consultation: after, adoptedEditionId };
  });
}

/** Whether this consultation adopted the paper's edition (its measures link to it, or the edition is adopted meanwhile). */
async function adoptedBy(tx: Db, tenantId: string, paper: Paper, consultationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(paperMeasures)
    .where(and(eq(paperMeasures.tenantId, tenantId), eq(paperMeasures.paperId, paper.id), eq(paperMeasures.consultationId, consultationId)));
  if ((row?.n ?? 0) > 0) return true;
  if (!paper.editionId) return false;
  const edition = await editionById(tx, tenantId, paper.editionId).catch(() => undefined);
  return edition?.status === 'beschlossen' || edition?.status === 'abgeloest';
}

/** Adopts the paper's edition (unless already adopted) and records which measures the decision adopted. */
async function adoptEdition(ctx: CommandContext, tx: Db, tenantId: string, paper: Paper, consultation: Consultation, decidedOn: string, acceptLoss: boolean): Promise<string | undefined> {
  if (!paper.editionId) return undefined;
  let edition = await editionById(tx, tenantId, paper.editionId).catch(() => undefined);
  if (!edition) return undefined;
  if (edition.status !== 'beschlossen' && edition.status !== 'abgeloest') {
    const inner = { db: tx, user: ctx.user };
    if (isEditionOpen(edition.status)) edition = await transitionEdition(inner, tenantId, edition.id, { to: 'zur_beschlussfassung', version: edition.version });
    edition = await changeEditionStatus(inner, tenantId, edition.id, { to: 'beschlossen', adoptedOn: decidedOn, version: edition.version, acceptLoss });
  }
  await tx.execute(
    sql`insert into paper_measures (tenant_id, paper_id, measure_id, consultation_id, adopted_on)
        select m.tenant_id, ${paper.id}::uuid, m.id, ${consultation.id}::uuid, ${decidedOn}::date from measures m
         where m.tenant_id = ${tenantId} and m.edition_id = ${edition.id}::uuid
        on conflict (tenant_id, paper_id, measure_id) do nothing`,
  );
  return edition.id;
}
