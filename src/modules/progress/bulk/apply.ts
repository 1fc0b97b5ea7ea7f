import type { UploadedFile } from '../../../platform/spreadsheet/upload.js';
import { recordAudit } from '../../../platform/audit/record.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { authorize, type CommandContext } from '../../../platform/commands.js';
import { AppError } from '../../../platform/errors.js';
import { editionById, lockedEdition, type Edition } from '../../concepts/index.js';
import { readTable } from '../../../platform/spreadsheet/parse.js';
import { offThreadWithDb } from '../../../platform/threads/with-database.js';
import type { Db } from '../../../db/client.js';
import { importRejected, type ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { actorActedFor, isCoordinator } from '../../../platform/tenancy/policy.js';
import { todayInGermany } from '../input.js';
import { statusColumnByKey, type StatusColumnKey } from './columns.js';
import { planStatusImport, type StatusChange, type StatusPlan } from './plan.js';
import { recordStatusChanges, statusStamp } from './write.js';


/**
 * Who may import a status table at all: Koordination, and people reporting for an actor
 * (Fachdienst/Redaktion, Partner). Which rows they may change decides the policy per measure.
 */
export function canImportStatus(user: CurrentUser | null, tenantId: string): boolean {
  return isCoordinator(user, tenantId) || actorActedFor(user, tenantId) !== null;
}

/** Sachstand is reported in open and adopted editions, never in a superseded one. */
export function assertEditionReportable(edition: Edition) {
  if (edition.status === 'abgeloest') throw new AppError('conflict', 'bulk_status.error.edition_superseded');
}

/** What importing the file would record (nothing is written); refused with every problem. */
export async function previewStatusImport(ctx: CommandContext, tenantId: string, editionId: string, file: UploadedFile, today = todayInGermany()): Promise<StatusPlan> {
  authorize(canImportStatus(ctx.user, tenantId));
  assertEditionReportable(await editionById(ctx.db, tenantId, editionId));
  const plan = await planStatusImport(ctx.db, ctx.user, tenantId, editionId, await readTable(file.bytes, file.name), today);
  if (plan.problems.length) throw importRejected(plan.problems);
  return plan;
}

export interface StatusImportOutcome {
  recorded: number;
  unchanged: number;
}

/**
 * Records one Sachstandsmeldung per changed row with the rules of recordMeasureUpdate (policy,
 * audit and versions as for a single report), all or nothing: the file checked again, every
 * row's problem collected before the whole import is rolled back. `versions` are the measure
 * versions the preview showed: a measure someone changed since is a row error. The rows are
 * checked before the transaction (on PGlite it holds the only connection); inside it a
 * fingerprint says whether that check still holds (otherwise it runs again there), and the
 * reports are written in batches (write.ts).
 */
export async function applyStatusImport(
  ctx: CommandContext,
  tenantId: string,
  editionId: string,
  file: UploadedFile,
  versions: Record<string, number> = {},
  today = todayInGermany(),
): Promise<StatusImportOutcome> {
  authorize(canImportStatus(ctx.user, tenantId));
  // In the task thread with a connection of its own, as the measure import (issue 8.4).
  return offThreadWithDb(ctx.db, import.meta.url, applyStatusImportWith, [ctx.user, tenantId, editionId, { name: file.name, bytes: file.bytes }, versions, today]);
}

/** applyStatusImport's work, wherever it runs. */
export async function applyStatusImportWith(db: Db, user: CurrentUser, tenantId: string, editionId: string, file: UploadedFile, versions: Record<string, number>, today: string): Promise<StatusImportOutcome> {
  const ctx: CommandContext = { db, user };
  authorize(canImportStatus(ctx.user, tenantId));
  const table = await readTable(file.bytes, file.name);
  assertEditionReportable(await editionById(ctx.db, tenantId, editionId));
  const stamp = await statusStamp(ctx.db, tenantId, editionId);
  let plan = await planStatusImport(ctx.db, ctx.user, tenantId, editionId, table, today);
  if (plan.problems.length) throw importRejected(plan.problems);
  return ctx.db.transaction(async (tx) => {
    // Another Sachstand import into this edition waits here; the fingerprint below then sees its reports.
    assertEditionReportable(await lockedEdition(tx, tenantId, editionId));
    if ((await statusStamp(tx, tenantId, editionId)) !== stamp) {
      plan = await planStatusImport(tx, ctx.user, tenantId, editionId, table, today);
      if (plan.problems.length) throw importRejected(plan.problems);
    }
    const problems = await recordStatusChanges(tx, ctx.user, tenantId, plan.changes, versions, rowProblemsOf);
    if (problems.length) throw importRejected(problems);
    if (plan.changes.length) {
      await recordAudit(tx, ctx.user, {
        tenantId,
        action: 'import',
        entityType: 'edition',
        entityId: editionId,
        after: { file: file.name, kind: 'sachstand', recorded: plan.changes.length, measures: plan.changes.map((c) => c.number) },
      });
    }
    return { recorded: plan.changes.length, unchanged: plan.unchanged };
  });
}

const fieldColumn: Record<string, StatusColumnKey> = {
  status: 'status',
  progress: 'progress',
  text: 'text',
  reportedOn: 'reportedOn',
  isPublic: 'isPublic',
};

/** What recordMeasureUpdate refused, said for the row (the plan checks the same; this is the safety net). */
function rowProblemsOf(change: StatusChange, e: AppError): ImportProblem[] {
  const at = (key: StatusColumnKey) => statusColumnByKey.get(key)!.heading;
  if (e.code === 'edit_conflict') return [{ row: change.row, column: at('number'), messageKey: 'bulk_status.error.changed_meanwhile', params: { number: change.number } }];
  if (e.code === 'forbidden') return [{ row: change.row, column: at('number'), messageKey: 'bulk_status.error.not_allowed', params: { number: change.number } }];
  if (e.code === 'validation_failed' && e.fieldErrors.length) {
    return e.fieldErrors.map((fe) => ({ row: change.row, column: at(fieldColumn[fe.field] ?? 'number'), messageKey: fe.messageKey, ...(fe.params ? { params: fe.params } : {}) }));
  }
  return [{ row: change.row, column: at('number'), messageKey: e.messageKey, ...(e.options.params ? { params: e.options.params } : {}) }];
}

export type { UploadedFile };
