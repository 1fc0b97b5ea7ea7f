import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';
import { recordAudits, type AuditEntry } from '../../../platform/audit/record.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { inBatches } from '../../../platform/breathe.js';
import { AppError } from '../../../platform/errors.js';
import { tenantById } from '../../../platform/tenancy/service.js';
import { parseInput } from '../../../platform/validation.js';
import { linksOf, measureColumns, statusRulesOf, type Measure } from '../../measures/index.js';
import type { ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { measures, type MeasureStatus } from '../../measures/schema.js';
import { measureUpdateInput, todayInGermany } from '../input.js';
import { canRecordUpdate } from '../policy.js';
import { reportNeedsReview } from '../review.js';
import { measureUpdates } from '../schema.js';
import { progressContradiction, resolveProgress, updateRowColumns, type ProgressSource } from '../updates.js';
import type { StatusChange } from './plan.js';

/**
 * Recording the Sachstandsmeldungen of a status import set-based (issue 8.4): the rules of
 * recordMeasureUpdate (policy, validation, the status's progress rule, review of partners'
 * public reports, the version the preview showed) checked for every row in memory, then a few
 * multi-row statements per batch, with a turn for other requests in between. Per row the same
 * result: the measure's new status, progress and version (not for a report held for review),
 * one report, and the same audit entries (the report; the measure before and after).
 */
interface Ready {
  change: StatusChange;
  before: Measure;
  id: string;
  status: MeasureStatus;
  progress: number;
  source: ProgressSource;
  text: string;
  reportedOn: string;
  isPublic: boolean;
  publishRequested: boolean;
  held: boolean;
}

/** Every row's problem, or (none) the reports written; `problemOf` says a refusal for the row. */
export async function recordStatusChanges(
  tx: Db,
  user: CurrentUser,
  tenantId: string,
  changes: StatusChange[],
  versions: Record<string, number>,
  problemOf: (change: StatusChange, e: AppError) => ImportProblem[],
): Promise<ImportProblem[]> {
  if (changes.length === 0) return [];
  const tenant = await tenantById(tx, tenantId);
  const rules = await statusRulesOf(tx, tenantId);
  const ids = changes.map((c) => c.measureId);
  const rows = await tx.select(measureColumns).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.id, ids)));
  const links = await linksOf(tx, tenantId, ids);
  const current = new Map(rows.map((m) => [m.id, { ...m, ...links.get(m.id)! } as Measure]));

  const problems: ImportProblem[] = [];
  const ready: Ready[] = [];
  for (const change of changes) {
    try {
      const before = current.get(change.measureId);
      if (!before) throw new AppError('not_found');
      if (!canRecordUpdate(user, before)) throw new AppError('forbidden');
      const data = parseInput(measureUpdateInput, {
        status: change.after.status,
        progress: change.after.progressGiven ?? undefined,
        text: change.after.text,
        isPublic: change.after.isPublic,
        reportedOn: change.after.reportedOn,
        version: versions[change.measureId] ?? change.version,
      });
      const status = data.status as MeasureStatus;
      const contradiction = progressContradiction(data.progress, status, rules[status]);
      if (contradiction) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [contradiction] });
      if (before.version !== data.version) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: before.version } });
      const { progress, source } = resolveProgress(data.progress, rules[status], before.progress);
      // A partner's report that changes what the public sees (its text, the status or progress) waits for review.
      const changesPublic = data.isPublic || status !== before.status || progress !== before.progress;
      const held = changesPublic && reportNeedsReview(user, tenant);
      ready.push({ change, before, id: randomUUID(), status, progress, source, text: data.text, reportedOn: data.reportedOn ?? todayInGermany(), isPublic: data.isPublic && !held, publishRequested: data.isPublic, held });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push(...problemOf(change, e));
    }
  }
  if (problems.length) return problems;

  await inBatches(ready, async (batch) => {
    // A partner's report held for review leaves its measure as it is (recordMeasureUpdate): only the others move theirs.
    const moving = batch.filter((r) => !r.held);
    if (moving.length) {
      const moves = moving.map((r) => ({ id: r.before.id, version: r.before.version, status: r.status, progress: r.progress }));
      const moved = await queryRows<{ id: string }>(
        tx,
        sql`update ${measures} as m set status = v.status, progress = v.progress, version = m.version + 1, updated_at = now()
            from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) as v(id uuid, version integer, status text, progress integer)
            where m.tenant_id = ${tenantId} and m.id = v.id and m.version = v.version
            returning m.id`,
      );
      if (moved.length !== moving.length) throw new AppError('edit_conflict', 'error.edit_conflict');
    }
    const reports = await tx
      .insert(measureUpdates)
      .values(
        batch.map((r) => ({
          id: r.id,
          tenantId,
          measureId: r.before.id,
          reportedOn: r.reportedOn,
          status: r.status,
          progress: r.progress,
          text: r.text,
          isPublic: r.isPublic,
          review: r.held ? ('pending' as const) : null,
          publishRequested: r.publishRequested,
          authorId: user.id,
          authorName: user.name,
        })),
      )
      .returning(updateRowColumns);
    const report = new Map(reports.map((u) => [u.id, u]));
    const after = moving.length
      ? new Map((await tx.select(measureColumns).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.id, moving.map((r) => r.before.id))))).map((m) => [m.id, m]))
      : new Map();
    await recordAudits(
      tx,
      user,
      batch.flatMap((r): AuditEntry[] => [
        { tenantId, action: 'create', entityType: 'measure_update', entityId: r.id, after: { ...report.get(r.id)!, progressSource: r.source } },
        ...(r.held
          ? []
          : [
              {
                tenantId,
                action: 'update' as const,
                entityType: 'measure',
                entityId: r.before.id,
                before: r.before,
                after: { ...after.get(r.before.id)!, goalIds: r.before.goalIds, partnerActorIds: r.before.partnerActorIds, crossCuttingIds: r.before.crossCuttingIds, municipalityIds: r.before.municipalityIds },
              },
            ]),
      ]),
    );
  });
  return [];
}

/**
 * A fingerprint of what planStatusImport reads: the edition's measures (ids, versions; a report
 * moves its measure's version), the reports' visibility and review, the status rules and the
 * Kommune's review setting. Equal stamps mean a plan made before still holds.
 */
export async function statusStamp(db: Db, tenantId: string, editionId: string): Promise<string> {
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select coalesce((select md5(string_agg(m.id::text || ':' || m.version, ',' order by m.id)) from measures m where m.tenant_id = ${tenantId} and m.edition_id = ${editionId}), '')
      || coalesce((select md5(string_agg(u.id::text || ':' || u.is_public || ':' || coalesce(u.review, ''), ',' order by u.id)) from measure_updates u
           join measures m on m.tenant_id = u.tenant_id and m.id = u.measure_id where u.tenant_id = ${tenantId} and m.edition_id = ${editionId}), '')
      || coalesce((select string_agg(r.status || ':' || r.version, ',' order by r.status) from status_rules r where r.tenant_id = ${tenantId}), '')
      || (select t.version::text from tenants t where t.id = ${tenantId}) as stamp`,
  );
  return row!.stamp;
}
