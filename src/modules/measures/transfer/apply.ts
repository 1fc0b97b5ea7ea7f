import type { UploadedFile } from '../../../platform/spreadsheet/upload.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../../platform/commands.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { offThreadWithDb } from '../../../platform/threads/with-database.js';
import type { Db } from '../../../db/client.js';
import { createActor } from '../../actors/index.js';
import { assertEditionOpen, editionById, createItem, fieldKind, goalKind, lockedEdition } from '../../concepts/index.js';
import { canCreateMeasure } from '../policy.js';
import type { Plan, PlanOptions } from './plan.js';
import { planFile } from './plan-file.js';
import { blockingProblems, importRejected } from '../../../platform/spreadsheet/problems.js';
import { loadReferences, referencesStamp } from './references.js';
import { writePlannedRows } from './write.js';

/**
 * What importing the file would do (nothing is written). Problems that creating missing actors,
 * Themenfelder and Ziele would solve are not blocking here: the preview offers to create them.
 */
export async function previewImport(ctx: CommandContext, tenantId: string, editionId: string, file: UploadedFile, opts: PlanOptions = {}): Promise<Plan> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  assertEditionOpen(await editionById(ctx.db, tenantId, editionId));
  const plan = await planFile(file, await loadReferences(ctx.db, tenantId, editionId), opts);
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
 * Imports the file into the edition, all or nothing: every row validated again (the file came
 * back from the browser), missing references created only when asked to, many new measures
 * only when confirmed explicitly. The rows are checked before the transaction (on PGlite a
 * transaction holds the only connection, so every other request waits for it); inside it a
 * fingerprint of the edition says whether that check still holds (otherwise it runs again
 * there), and the plan is written in batches (write.ts).
 *
 * All of it runs in the task thread with a connection of its own (offThreadWithDb): the
 * statements, audit entries and their garbage no longer hold the thread that answers other
 * requests (issue 8.4).
 */
export async function applyImport(ctx: CommandContext, tenantId: string, editionId: string, file: UploadedFile, opts: ApplyOptions): Promise<ImportOutcome> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  return offThreadWithDb(ctx.db, import.meta.url, applyImportWith, [ctx.user, tenantId, editionId, { name: file.name, bytes: file.bytes }, opts]);
}

/** applyImport's work, wherever it runs. */
export async function applyImportWith(db: Db, user: CurrentUser, tenantId: string, editionId: string, file: UploadedFile, opts: ApplyOptions): Promise<ImportOutcome> {
  const ctx: CommandContext = { db, user };
  authorize(canCreateMeasure(ctx.user, tenantId));
  const { createMissing } = opts;
  const planOpts: PlanOptions = { numberFormat: opts.numberFormat };
  const rejectIfBlocked = (p: Plan, create: boolean) => {
    const blocking = blockingProblems(p.problems, create);
    // Every missing confirmation at once, not one per round.
    if (p.manyNew && !opts.confirmManyNew) blocking.push({ row: null, column: null, messageKey: manyNewUnconfirmed, params: { created: p.counts.created, existing: p.existingMeasures } });
    if (blocking.length) throw importRejected(blocking);
  };
  assertEditionOpen(await editionById(ctx.db, tenantId, editionId));
  const stamp = await referencesStamp(ctx.db, tenantId, editionId);
  let refs = await loadReferences(ctx.db, tenantId, editionId);
  let plan = await planFile(file, refs, planOpts);
  rejectIfBlocked(plan, createMissing);
  return ctx.db.transaction(async (tx) => {
    // Another import into this edition waits here until it ended; the fingerprint below then sees its rows.
    const edition = await lockedEdition(tx, tenantId, editionId);
    assertEditionOpen(edition);
    // A draft's measures show on no public page: their audit entries leave the public caches alone.
    const internalOnly = edition.status === 'entwurf' ? ({ internalOnly: true } as const) : {};
    const replan = async () => {
      refs = await loadReferences(tx, tenantId, editionId);
      plan = await planFile(file, refs, planOpts);
    };
    if ((await referencesStamp(tx, tenantId, editionId)) !== stamp) {
      await replan();
      rejectIfBlocked(plan, createMissing);
    }
    const created = { newActors: plan.newActors.map((a) => a.name), newFields: plan.newFields.map((f) => f.title), newGoals: [] as string[], newTargetGroups: plan.newTargetGroups };
    // The commands of the actors and concepts modules, so each new item is checked and audited;
    // inside this transaction they run as savepoints.
    const inner: CommandContext = { db: tx, user: ctx.user };
    for (const a of plan.newActors) await createActor(inner, tenantId, { name: a.name, kind: 'sonstige' });
    for (const f of plan.newFields) await createItem(inner, fieldKind, tenantId, editionId, { title: f.title, description: '', isCrossCutting: f.crossCutting });
    if (plan.newActors.length || plan.newFields.length) await replan();
    // Ziele of new Themenfelder need the fields' real ids: plan again, then create them.
    for (const g of plan.newGoals) {
      await createItem(inner, goalKind, tenantId, editionId, { fieldId: g.fieldId, kind: 'handlungsziel', number: g.number, title: g.title, description: '' });
      created.newGoals.push(`${g.number} ${g.title}`);
    }
    if (plan.newGoals.length) await replan();
    rejectIfBlocked(plan, false);

    await writePlannedRows(tx, ctx.user, tenantId, editionId, refs.measures, plan.rows, internalOnly);
    const outcome: ImportOutcome = {
      ...plan.counts,
      newActors: created.newActors.length,
      newFields: created.newFields.length,
      newGoals: created.newGoals.length,
      newTargetGroups: created.newTargetGroups.length,
    };
    if (outcome.created + outcome.updated + outcome.newActors + outcome.newFields + outcome.newGoals + outcome.newTargetGroups > 0) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'import', entityType: 'edition', entityId: editionId, after: { file: file.name, ...plan.counts, ...created }, ...internalOnly });
    }
    return outcome;
  });
}

export type { UploadedFile };
