import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { checkbox, germanNumber, maxInteger, parseInput } from '../../platform/validation.js';
import { canManageStatusRules } from './policy.js';
import { DEFAULT_STATUS_RULES, measureStatuses, statusRules, type MeasureStatus } from './schema.js';

export interface StatusRule {
  /** The progress a measure in this status has (null: keep the progress reported with the update). */
  impliedProgress: number | null;
  /** Whether measures in this status count in roll-ups of goals, fields and editions. */
  countsInRollup: boolean;
}
export type StatusRules = Record<MeasureStatus, StatusRule>;

/** The Kommune's status vocabulary: its own rows in status_rules over DEFAULT_STATUS_RULES. */
export async function statusRulesOf(db: Db, tenantId: string): Promise<StatusRules> {
  return (await statusRulesWithVersion(db, tenantId)).rules;
}

/**
 * The rules and the version the settings form carries. Every save writes all six rows with the
 * same new version, so the highest version is the version of the whole vocabulary (0 = defaults).
 */
export async function statusRulesWithVersion(db: Db, tenantId: string): Promise<{ rules: StatusRules; version: number; customised: boolean }> {
  const rows = await db.select().from(statusRules).where(eq(statusRules.tenantId, tenantId));
  const rules = Object.fromEntries(measureStatuses.map((s) => [s, { ...DEFAULT_STATUS_RULES[s] }])) as StatusRules;
  let version = 0;
  for (const r of rows) {
    if (!(measureStatuses as readonly string[]).includes(r.status)) continue;
    rules[r.status] = { impliedProgress: r.impliedProgress, countsInRollup: r.countsInRollup };
    version = Math.max(version, r.version);
  }
  return { rules, version, customised: rows.length > 0 };
}

const percent = z.preprocess(
  germanNumber,
  z.number({ error: 'validation.number' }).int('validation.progress_whole_percent').min(0, 'validation.progress_percent_range').max(100, 'validation.progress_percent_range').nullable(),
);
/** Field names of the settings form (flat, so form and JSON look the same): impliedProgress_geplant, countsInRollup_geplant, … */
export const impliedField = (s: MeasureStatus) => `impliedProgress_${s}`;
export const countsField = (s: MeasureStatus) => `countsInRollup_${s}`;

export const statusRulesInput = z.object({
  version: z.coerce.number({ error: 'validation.invalid' }).int().min(0).max(maxInteger, 'validation.invalid'),
  ...Object.fromEntries(measureStatuses.flatMap((s) => [[impliedField(s), percent], [countsField(s), checkbox]])),
}) as unknown as z.ZodType<{ version: number } & Record<string, number | null | boolean>>;

/**
 * Koordination sets, per status, the progress it implies and whether it counts in roll-ups.
 * All six rows are written with the next version; a save based on an older version is refused.
 */
export async function updateStatusRules(ctx: CommandContext, tenantId: string, input: unknown): Promise<void> {
  authorize(canManageStatusRules(ctx.user, tenantId));
  const data = parseInput(statusRulesInput, input);
  const next = Object.fromEntries(
    measureStatuses.map((s) => [s, { impliedProgress: data[impliedField(s)] as number | null, countsInRollup: data[countsField(s)] as boolean }]),
  ) as StatusRules;
  await ctx.db.transaction(async (tx) => {
    const before = await statusRulesWithVersion(tx, tenantId);
    const conflict = () => new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: before.version } });
    if (data.version !== before.version) throw conflict();
    for (const status of measureStatuses) {
      const values = { impliedProgress: next[status].impliedProgress, countsInRollup: next[status].countsInRollup, version: data.version + 1 };
      // Only rows no newer than what the client saw: a concurrent save that committed first
      // (PostgreSQL re-checks the condition after the row lock) makes this match nothing.
      const updated = await tx
        .update(statusRules)
        .set(values)
        .where(and(eq(statusRules.tenantId, tenantId), eq(statusRules.status, status), lte(statusRules.version, data.version)))
        .returning({ status: statusRules.status });
      if (updated.length) continue;
      const inserted = await tx.insert(statusRules).values({ tenantId, status, ...values }).onConflictDoNothing().returning({ status: statusRules.status });
      if (!inserted.length) throw conflict();
    }
    await recordAudit(tx, ctx.user, {
      tenantId,
      action: 'update',
      entityType: 'status_rules',
      entityId: tenantId,
      before: before.rules,
      after: next,
    });
  });
}

/** For raw SQL: the defaults as a VALUES list (status, implied_progress, counts_in_rollup). */
export const defaultRulesValues = () =>
  sql.join(
    measureStatuses.map((s) => sql`(${s}::text, ${DEFAULT_STATUS_RULES[s].impliedProgress}::integer, ${DEFAULT_STATUS_RULES[s].countsInRollup}::boolean)`),
    sql`, `,
  );
