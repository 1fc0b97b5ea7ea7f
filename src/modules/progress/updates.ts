/**
 * Sachstandsmeldungen: what happened in a measure, with its status and progress at that date.
 * Recording one also moves the measure to that status and progress (one transaction, one new
 * measure version), so the measure always shows its latest reported state — except a partner's
 * report held for review: it moves the measure only once approved (review.ts), so a pending or
 * declined report never changes what the public sees.
 */
import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { auditLog } from '../../platform/audit/schema.js';
import { assertNotStale, authorize, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/i18n.js';
import { tenantById } from '../../platform/tenancy/service.js';
import { isUuid, parseInput } from '../../platform/validation.js';
import { adoptedEdition, editionById } from '../concepts/index.js';
import { ancestry, lineageReaches } from '../../db/lineage.js';
import { editions } from '../concepts/schema.js';
import { measures, type MeasureStatus } from '../measures/schema.js';
import { measureById, statusRulesOf, type StatusRule } from '../measures/index.js';
import { measureUpdateInput, todayInGermany } from './input.js';
import { canRecordUpdate } from './policy.js';
import { reportNeedsReview } from './review.js';
import { measureUpdates } from './schema.js';

/** A stored update without the attachment's bytes (their size instead). */
export type MeasureUpdateRow = Omit<typeof measureUpdates.$inferSelect, 'attachment'> & { attachmentSize: number | null };

const { attachment: _bytes, ...updateColumns } = getTableColumns(measureUpdates);
/** The columns of a stored update as readers get them (the attachment's size instead of its bytes). */
export const updateRowColumns = { ...updateColumns, attachmentSize: sql<number | null>`octet_length(${measureUpdates.attachment})`.mapWith((v) => (v == null ? null : Number(v))) };

/**
 * Where the progress of an update came from: given with the report, implied by the status's
 * rule, kept from the measure's previous progress, or 0 when there was none.
 */
export type ProgressSource = 'reported' | 'implied' | 'previous' | 'default';

export function resolveProgress(given: number | null | undefined, rule: StatusRule, previous: number | null): { progress: number; source: ProgressSource } {
  // A status with a fixed progress (umgesetzt = 100 %) always has it; see progressContradiction.
  if (rule.impliedProgress != null) return { progress: rule.impliedProgress, source: given != null ? 'reported' : 'implied' };
  if (given != null) return { progress: given, source: 'reported' };
  if (previous != null) return { progress: previous, source: 'previous' };
  return { progress: 0, source: 'default' };
}

/**
 * The rule: a status whose rule fixes the progress ("umgesetzt" = 100 %) cannot be reported with
 * another figure; the report is refused with a message naming the rule instead of storing a
 * measure "umgesetzt" at 50 %.
 */
export function progressContradiction(given: number | null | undefined, status: MeasureStatus, rule: StatusRule): FieldError | null {
  if (given == null || rule.impliedProgress == null || given === rule.impliedProgress) return null;
  return { field: 'progress', messageKey: 'validation.progress_contradicts_status', params: { status: statusLabel(status), progress: rule.impliedProgress } };
}

const statusLabel = (status: MeasureStatus) => translator('de')(`measure_status.${status}`);


/**
 * Records a Sachstand for a measure: Koordination, the leading Fachdienst and involved partners;
 * in open and adopted editions (implementation goes on after adoption), never in a superseded one.
 */
export async function recordMeasureUpdate(ctx: CommandContext, tenantId: string, measureId: string, input: unknown): Promise<MeasureUpdateRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await measureById(tx, tenantId, measureId);
    authorize(canRecordUpdate(ctx.user, before));
    const data = parseInput(measureUpdateInput, input);
    const edition = await editionById(tx, tenantId, before.editionId);
    if (edition.status === 'abgeloest') throw new AppError('conflict', 'progress.error.edition_superseded');
    const rules = await statusRulesOf(tx, tenantId);
    const contradiction = progressContradiction(data.progress, data.status as MeasureStatus, rules[data.status as MeasureStatus]);
    if (contradiction) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [contradiction] });
    const { progress, source } = resolveProgress(data.progress, rules[data.status as MeasureStatus], before.progress);
    // A partner's report that changes what the public sees (its text, the measure's status or
    // progress) waits for the Koordination: internal until approved.
    const changesPublic = data.isPublic || data.status !== before.status || progress !== before.progress;
    const held = changesPublic && reportNeedsReview(ctx.user, await tenantById(tx, tenantId));

    // A held report leaves the measure as it is: its status and progress are what the public
    // sees, so they change only when the Koordination approves (review.ts applies them then).
    const moved = held
      ? before.version === data.version
        ? [before]
        : []
      : await tx
          .update(measures)
          .set({ status: data.status as MeasureStatus, progress, version: before.version + 1, updatedAt: new Date() })
          .where(and(eq(measures.tenantId, tenantId), eq(measures.id, measureId), eq(measures.version, data.version)))
          .returning({ id: measures.id });
    assertNotStale(moved, before.version);

    const [row] = await tx
      .insert(measureUpdates)
      .values({
        tenantId,
        measureId,
        reportedOn: data.reportedOn ?? todayInGermany(),
        status: data.status as MeasureStatus,
        progress,
        text: data.text,
        isPublic: data.isPublic && !held,
        review: held ? 'pending' : null,
        publishRequested: data.isPublic,
        authorId: ctx.user.id,
        authorName: ctx.user.name,
        attachmentName: data.attachment?.name ?? null,
        attachmentType: data.attachment?.type ?? null,
        attachment: data.attachment?.bytes ?? null,
      })
      .returning(updateRowColumns);
    const update = row!;
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'measure_update', entityId: update.id, after: { ...update, progressSource: source } });
    if (!held) {
      const after = await measureById(tx, tenantId, measureId);
      await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'measure', entityId: measureId, before, after });
    }
    return update;
  });
}

/** The updates of a measure, newest first (by date reported, then by entry). */
export async function updatesOf(db: Db, tenantId: string, measureId: string, opts: { publicOnly?: boolean } = {}): Promise<MeasureUpdateRow[]> {
  if (!isUuid(measureId)) return [];
  return db
    .select(updateRowColumns)
    .from(measureUpdates)
    .where(and(eq(measureUpdates.tenantId, tenantId), eq(measureUpdates.measureId, measureId), opts.publicOnly ? eq(measureUpdates.isPublic, true) : undefined))
    .orderBy(desc(measureUpdates.reportedOn), desc(measureUpdates.createdAt));
}

/** The public updates of many measures at once, newest first per measure (portal pages). */
export async function updatesOfMany(db: Db, tenantId: string, measureIds: string[], opts: { publicOnly?: boolean } = {}): Promise<Map<string, MeasureUpdateRow[]>> {
  const out = new Map<string, MeasureUpdateRow[]>();
  if (measureIds.length === 0) return out;
  const rows = await db
    .select(updateRowColumns)
    .from(measureUpdates)
    .where(and(eq(measureUpdates.tenantId, tenantId), inArray(measureUpdates.measureId, measureIds), opts.publicOnly ? eq(measureUpdates.isPublic, true) : undefined))
    .orderBy(desc(measureUpdates.reportedOn), desc(measureUpdates.createdAt));
  for (const r of rows) {
    const list = out.get(r.measureId);
    if (list) list.push(r);
    else out.set(r.measureId, [r]);
  }
  return out;
}

/**
 * The updates of many measures together with those of their predecessors in earlier editions,
 * newest first per measure: a measure's history follows its lineage (Fortschreibung), so the
 * adopted Fortschreibung shows what was reported before it was adopted.
 */
export async function updatesAlongLineage(db: Db, tenantId: string, measureIds: string[], opts: { publicOnly?: boolean } = {}): Promise<Map<string, MeasureUpdateRow[]>> {
  const lines = await ancestry(db, 'measures', tenantId, measureIds);
  const own = await updatesOfMany(db, tenantId, [...new Set([...lines.values()].flat())], opts);
  const out = new Map<string, MeasureUpdateRow[]>();
  for (const [id, line] of lines) {
    const list = line.flatMap((x) => own.get(x) ?? []);
    list.sort((a, b) => b.reportedOn.localeCompare(a.reportedOn) || b.createdAt.getTime() - a.createdAt.getTime());
    if (list.length) out.set(id, list);
  }
  return out;
}

/** The newest update of each measure that has one (optionally: the newest public one). */
export async function latestUpdates(db: Db, tenantId: string, measureIds: string[], opts: { publicOnly?: boolean } = {}): Promise<Map<string, MeasureUpdateRow>> {
  const out = new Map<string, MeasureUpdateRow>();
  if (measureIds.length === 0) return out;
  const rows = await db
    .selectDistinctOn([measureUpdates.measureId], updateRowColumns)
    .from(measureUpdates)
    .where(and(eq(measureUpdates.tenantId, tenantId), inArray(measureUpdates.measureId, measureIds), opts.publicOnly ? eq(measureUpdates.isPublic, true) : undefined))
    .orderBy(measureUpdates.measureId, desc(measureUpdates.reportedOn), desc(measureUpdates.createdAt));
  for (const r of rows) out.set(r.measureId, r);
  return out;
}

export interface StoredAttachment {
  name: string;
  type: string;
  bytes: Buffer;
}

/** The attachment of an update of this Kommune (members' download); not_found without one. */
export async function attachmentOf(db: Db, tenantId: string, updateId: string): Promise<StoredAttachment> {
  const a = await attachmentWithContext(db, tenantId, updateId);
  return { name: a.name, type: a.type, bytes: a.bytes };
}

/** The attachment with what decides who may see it: its measure, public flag and edition status. */
export async function attachmentWithContext(db: Db, tenantId: string, updateId: string) {
  if (!isUuid(updateId)) throw new AppError('not_found');
  const [row] = await db
    .select({
      measureId: measureUpdates.measureId,
      isPublic: measureUpdates.isPublic,
      editionStatus: editions.status,
      name: measureUpdates.attachmentName,
      type: measureUpdates.attachmentType,
      bytes: measureUpdates.attachment,
    })
    .from(measureUpdates)
    .innerJoin(measures, and(eq(measures.tenantId, measureUpdates.tenantId), eq(measures.id, measureUpdates.measureId)))
    .innerJoin(editions, and(eq(editions.tenantId, measures.tenantId), eq(editions.id, measures.editionId)))
    .where(and(eq(measureUpdates.tenantId, tenantId), eq(measureUpdates.id, updateId)));
  if (!row || row.bytes == null) throw new AppError('not_found');
  return { ...row, name: row.name ?? 'anhang', type: row.type ?? 'application/octet-stream', bytes: Buffer.from(row.bytes) };
}

/**
 * For the portal: only attachments of PUBLIC updates of measures in the ADOPTED edition or of
 * their predecessors (the history the public page shows); anything else does not exist.
 */
export async function publicAttachmentOf(db: Db, tenantId: string, updateId: string): Promise<StoredAttachment> {
  const a = await attachmentWithContext(db, tenantId, updateId);
  if (!a.isPublic) throw new AppError('not_found');
  if (a.editionStatus !== 'beschlossen') {
    const adopted = await adoptedEdition(db, tenantId);
    if (!adopted || !(await lineageReaches(db, 'measures', tenantId, a.measureId, adopted.id))) throw new AppError('not_found');
  }
  return { name: a.name, type: a.type, bytes: a.bytes };
}

/** How the progress of each update was found (from the audit entry written with it); absent for seeded data. */
export async function progressSources(db: Db, tenantId: string, updateIds: string[]): Promise<Map<string, ProgressSource>> {
  const out = new Map<string, ProgressSource>();
  if (updateIds.length === 0) return out;
  const rows = await db
    .select({ entityId: auditLog.entityId, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'measure_update'), eq(auditLog.action, 'create'), inArray(auditLog.entityId, updateIds)));
  for (const r of rows) {
    const source = (r.after as { progressSource?: ProgressSource } | null)?.progressSource;
    if (source) out.set(r.entityId, source);
  }
  return out;
}
