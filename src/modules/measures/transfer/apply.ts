import type { UploadedFile } from '../../../platform/spreadsheet/upload.js';
import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../../platform/commands.js';
import { AppError } from '../../../platform/errors.js';
import { createActor } from '../../actors/index.js';
import { assertEditionOpen, editionById, createItem, fieldKind, goalKind } from '../../concepts/index.js';
import { canCreateMeasure } from '../policy.js';
import { insertMeasure, writeMeasure } from '../service.js';
import { columnByKey, type ColumnKey } from './columns.js';
import { readTable } from '../../../platform/spreadsheet/parse.js';
import { planImport, type Plan, type PlannedRow, type PlanOptions } from './plan.js';
import { blockingProblems, importRejected, type ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { breathe } from '../../../platform/breathe.js';


/**
 * What importing the file would do (nothing is written). Problems that creating missing actors,
 * Themenfelder and Ziele would solve are not blocking here: the preview offers to create them.
 */
export async function previewImport(ctx: CommandContext, tenantId: string, editionId: string, file: UploadedFile, opts: PlanOptions = {}): Promise<Plan> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  assertEditionOpen(await editionById(ctx.db, tenantId, editionId));
  const plan = await planImport(ctx.db, tenantId, editionId, await readTable(file.bytes, file.name), opts);
  const blocking = blockingProblems(plan.problems, true);
  if (blocking.length) throw importRejected(blocking);
  return plan;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  newActors: number;
  newFields: number;
  newGoals: number;
  newTargetGroups: number;
}

export interface ApplyOptions extends PlanOptions {
  /** Create actors, Themenfelder and Ziele the file names but the Kommune does not have. */
  createMissing: boolean;
  /** The user confirmed explicitly that the file may create many new measures (see Plan.manyNew). */
  confirmManyNew?: boolean;
}

/** The problem that sends the user back to the preview to confirm the many new measures. */
export const manyNewUnconfirmed = 'transfer.error.many_new_unconfirmed';

/**
 * Imports the file into the edition, all or nothing: one transaction, every row validated again
 * (the file came back from the browser), missing references created only when asked to, many
 * new measures only when confirmed explicitly.
 */
export async function applyImport(ctx: CommandContext, tenantId: string, editionId: string, file: UploadedFile, opts: ApplyOptions): Promise<ImportOutcome> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  const table = await readTable(file.bytes, file.name);
  const { createMissing } = opts;
  const planOpts: PlanOptions = { numberFormat: opts.numberFormat };
  return ctx.db.transaction(async (tx) => {
    assertEditionOpen(await editionById(tx, tenantId, editionId));
    let plan = await planImport(tx, tenantId, editionId, table, planOpts);
    const rejectIfBlocked = (p: Plan, create: boolean) => {
      const blocking = blockingProblems(p.problems, create);
      // Every missing confirmation at once, not one per round.
      if (p.manyNew && !opts.confirmManyNew) blocking.push({ row: null, column: null, messageKey: manyNewUnconfirmed, params: { created: p.counts.created, existing: p.existingMeasures } });
      if (blocking.length) throw importRejected(blocking);
    };
    rejectIfBlocked(plan, createMissing);
    const created = { newActors: plan.newActors.map((a) => a.name), newFields: plan.newFields.map((f) => f.title), newGoals: [] as string[], newTargetGroups: plan.newTargetGroups };
    // The commands of the actors and concepts modules, so each new item is checked and audited;
    // inside this transaction they run as savepoints.
    const inner: CommandContext = { db: tx, user: ctx.user };
    for (const a of plan.newActors) await createActor(inner, tenantId, { name: a.name, kind: 'sonstige' });
    for (const f of plan.newFields) await createItem(inner, fieldKind, tenantId, editionId, { title: f.title, description: '', isCrossCutting: f.crossCutting });
    if (plan.newActors.length || plan.newFields.length) plan = await planImport(tx, tenantId, editionId, table, planOpts);
    // Ziele of new Themenfelder need the fields' real ids: plan again, then create them.
    for (const g of plan.newGoals) {
      await createItem(inner, goalKind, tenantId, editionId, { fieldId: g.fieldId, kind: 'handlungsziel', number: g.number, title: g.title, description: '' });
      created.newGoals.push(`${g.number} ${g.title}`);
    }
    if (plan.newGoals.length) plan = await planImport(tx, tenantId, editionId, table, planOpts);
    rejectIfBlocked(plan, false);

    for (const [index, r] of plan.rows.entries()) {
      await breathe(index);
      await writeRow(tx, ctx, tenantId, editionId, r);
    }
    const outcome: ImportOutcome = {
      ...plan.counts,
      newActors: created.newActors.length,
      newFields: created.newFields.length,
      newGoals: created.newGoals.length,
      newTargetGroups: created.newTargetGroups.length,
    };
    if (outcome.created + outcome.updated + outcome.newActors + outcome.newFields + outcome.newGoals + outcome.newTargetGroups > 0) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'import', entityType: 'edition', entityId: editionId, after: { file: file.name, ...plan.counts, ...created } });
    }
    return outcome;
  });
}

const columnOfField: Record<string, ColumnKey> = { fieldId: 'field', goalIds: 'goals', leadActorId: 'lead', partnerActorIds: 'partners', crossCuttingIds: 'crossCutting', municipalityIds: 'municipalities', endDate: 'endDate', number: 'number' };

async function writeRow(tx: Db, ctx: CommandContext, tenantId: string, editionId: string, r: PlannedRow) {
  if (r.action === 'unchanged') return;
  try {
    if (r.action === 'create') {
      const measure = await insertMeasure(tx, ctx.user, tenantId, editionId, r.data);
      await recordAudit(tx, ctx.user, { tenantId, action: 'import', entityType: 'measure', entityId: measure.id, after: measure });
    } else {
      await writeMeasure(tx, ctx.user, r.existing!, r.data, r.existing!.version, 'import');
    }
  } catch (e) {
    // The plan checks what writeMeasure checks; should they ever disagree, still say which row.
    if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
    const problems: ImportProblem[] = e.fieldErrors.map((fe) => ({
      row: r.row,
      column: columnByKey.get(columnOfField[fe.field] ?? 'number')!.heading,
      messageKey: fe.messageKey,
      ...(fe.params ? { params: fe.params } : {}),
    }));
    throw importRejected(problems);
  }
}

export type { UploadedFile };
