/**
 * Review of partners' reports: with the Kommune's setting on (the default), a Sachstandsmeldung a
 * partner marks public, or one that changes the measure's status or progress (public either way),
 * is stored as 'pending' and stays internal (isPublic false, so every public
 * reader leaves it out) until the Koordination approves it (then public) or declines it (stays
 * internal, with an optional reason); an internal report's text stays internal when approved. A pending report does not move its measure either: the
 * measure's status and progress (what the portal, the roll-up and the API show) change only when
 * the report is approved.
 */
import { and, asc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { membershipIn, type CurrentUser } from '../../platform/auth/current-user.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { updateTenantSettings, type Tenant } from '../../platform/tenancy/service.js';
import { checkbox, expectedVersion, isUuid, optionalText, parseInput } from '../../platform/validation.js';
import { editionById } from '../concepts/index.js';
import { measures, type MeasureStatus } from '../measures/schema.js';
import { measureById } from '../measures/index.js';
import { measureUpdates } from './schema.js';

/** Approving, declining and the setting are the Koordination's call. */
export const canReviewReports = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);

/** Whether a report by this person that changes something public waits for review: partners, while the Kommune's setting is on. */
export const reportNeedsReview = (user: CurrentUser, tenant: Pick<Tenant, 'id' | 'reviewPartnerReports'>) =>
  tenant.reviewPartnerReports && !user.isPlatformAdmin && membershipIn(user, tenant.id)?.role === 'partner';

export interface PendingReport {
  id: string;
  measureId: string;
  number: string;
  title: string;
  authorName: string;
  reportedOn: string;
  text: string;
  attachmentName: string | null;
  createdAt: Date;
  /** false: an internal report held only for its status and progress; its text stays internal. */
  publishRequested: boolean;
  /** What the report says, and what the measure has now (approval applies the report's). */
  status: MeasureStatus;
  progress: number;
  measureStatus: MeasureStatus;
  measureProgress: number | null;
}

const pendingOf = (tenantId: string) => and(eq(measureUpdates.tenantId, tenantId), eq(measureUpdates.review, 'pending'));

/** The queue: pending reports, oldest first. */
export async function pendingReports(db: Db, tenantId: string): Promise<PendingReport[]> {
  return db
    .select({
      id: measureUpdates.id,
      measureId: measureUpdates.measureId,
      number: measures.number,
      title: measures.title,
      authorName: measureUpdates.authorName,
      reportedOn: measureUpdates.reportedOn,
      text: measureUpdates.text,
      attachmentName: measureUpdates.attachmentName,
      createdAt: measureUpdates.createdAt,
      publishRequested: measureUpdates.publishRequested,
      status: measureUpdates.status,
      progress: measureUpdates.progress,
      measureStatus: measures.status,
      measureProgress: measures.progress,
    })
    .from(measureUpdates)
    .innerJoin(measures, and(eq(measures.tenantId, measureUpdates.tenantId), eq(measures.id, measureUpdates.measureId)))
    .where(pendingOf(tenantId))
    .orderBy(asc(measureUpdates.createdAt));
}

/** The navigation's count (a scalar subquery: the frame asks all its counts in one query). */
export const pendingReportCountSql = (tenantId: string) => sql<number>`(select count(*)::int from ${measureUpdates} where ${pendingOf(tenantId)})`;

export const declineInput = z.object({ reason: optionalText(2000) });

/** Approves (→ public) or declines (stays internal, reason kept) one pending report; anything not pending is a conflict. */
export async function decideReport(ctx: CommandContext, tenantId: string, updateId: string, decision: 'approved' | 'declined', input: unknown = {}): Promise<void> {
  authorize(canReviewReports(ctx.user, tenantId));
  const { reason } = parseInput(declineInput, input);
  if (!isUuid(updateId)) throw new AppError('not_found');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        id: measureUpdates.id,
        measureId: measureUpdates.measureId,
        review: measureUpdates.review,
        isPublic: measureUpdates.isPublic,
        publishRequested: measureUpdates.publishRequested,
        status: measureUpdates.status,
        progress: measureUpdates.progress,
        reportedOn: measureUpdates.reportedOn,
        createdAt: measureUpdates.createdAt,
      })
      .from(measureUpdates)
      .where(and(eq(measureUpdates.tenantId, tenantId), eq(measureUpdates.id, updateId)));
    if (!before) throw new AppError('not_found');
    const set = {
      review: decision,
      isPublic: decision === 'approved' && before.publishRequested,
      reviewNote: decision === 'declined' && reason ? reason : null,
      reviewedByName: ctx.user.name,
      reviewedAt: new Date(),
    };
    const rows = await tx
      .update(measureUpdates)
      .set(set)
      .where(and(pendingOf(tenantId), eq(measureUpdates.id, updateId)))
      .returning({ id: measureUpdates.id });
    if (!rows.length) throw new AppError('conflict', 'progress.review.already_decided');
    await recordAudit(tx, ctx.user, {
      tenantId,
      action: 'transition',
      entityType: 'measure_update',
      entityId: updateId,
      before: { measureId: before.measureId, review: before.review, isPublic: before.isPublic },
      after: { measureId: before.measureId, review: set.review, isPublic: set.isPublic, reviewNote: set.reviewNote },
    });
    if (decision === 'approved') await applyApprovedReport(ctx, tx, tenantId, before);
  });
}

/**
 * An approved report moves its measure to the status and progress it reported, as any other
 * report does when it is recorded — unless a newer report already counts (by date reported, then
 * by entry) or the measure's edition is superseded. A declined report never moves the measure.
 */
async function applyApprovedReport(
  ctx: CommandContext,
  tx: Db,
  tenantId: string,
  report: { id: string; measureId: string; status: MeasureStatus; progress: number; reportedOn: string; createdAt: Date },
): Promise<void> {
  const [newer] = await tx
    .select({ id: measureUpdates.id })
    .from(measureUpdates)
    .where(
      and(
        eq(measureUpdates.tenantId, tenantId),
        eq(measureUpdates.measureId, report.measureId),
        ne(measureUpdates.id, report.id),
        or(isNull(measureUpdates.review), eq(measureUpdates.review, 'approved')),
        or(gt(measureUpdates.reportedOn, report.reportedOn), and(eq(measureUpdates.reportedOn, report.reportedOn), gt(measureUpdates.createdAt, report.createdAt))),
      ),
    )
    .limit(1);
  if (newer) return;
  const before = await measureById(tx, tenantId, report.measureId);
  if ((await editionById(tx, tenantId, before.editionId)).status === 'abgeloest') return;
  if (before.status === report.status && before.progress === report.progress) return;
  await tx
    .update(measures)
    .set({ status: report.status, progress: report.progress, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(measures.tenantId, tenantId), eq(measures.id, report.measureId)));
  const after = await measureById(tx, tenantId, report.measureId);
  await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'measure', entityId: report.measureId, before, after });
}

export const reviewSettingInput = z.object({ version: expectedVersion(), reviewPartnerReports: checkbox });

/** Koordination turns the review of partners' reports on or off (audited like the other Kommune settings). */
export async function updateReviewSetting(ctx: CommandContext, tenantId: string, input: unknown): Promise<Tenant> {
  authorize(canReviewReports(ctx.user, tenantId));
  const data = parseInput(reviewSettingInput, input);
  return updateTenantSettings(ctx, tenantId, data.version, { reviewPartnerReports: data.reviewPartnerReports });
}
