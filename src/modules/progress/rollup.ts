/**
 * Roll-ups: how far an edition, a Themenfeld or a goal has come, from the progress of its
 * measures. The rule (shown next to every figure): the weighted mean of the measures' progress —
 * the progress last reported, else the progress the status implies, else 0 — leaving out measures
 * whose status does not count (by default "entfallen").
 */
import { isUuid } from '../../platform/validation.js';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { measures, measureStatuses, type MeasureStatus } from '../measures/schema.js';
import { defaultRulesValues, statusRulesOf, type StatusRules } from '../measures/index.js';

export interface Progress {
  /** Weighted mean progress in percent (0–100), null when no measure counts. */
  progress: number | null;
  /** Measures in the mean. */
  counted: number;
  /** Measures left out because their status does not count. */
  excluded: number;
  /** Sum of the weights of the counted measures. */
  weightSum: number;
  /** Every measure (counted or not) by status. */
  byStatus: Record<MeasureStatus, number>;
}

export interface RollupMeasure {
  status: MeasureStatus;
  progress: number | null;
  weight: number;
  /** Overrides the rule's implied progress for this measure, when given. */
  impliedProgress?: number | null;
}

export const emptyByStatus = (): Record<MeasureStatus, number> => Object.fromEntries(measureStatuses.map((s) => [s, 0])) as Record<MeasureStatus, number>;

/** The progress one measure contributes: reported, else implied by its status, else 0. */
export function effectiveProgress(m: RollupMeasure, rules: StatusRules): number {
  if (m.progress != null) return m.progress;
  const implied = m.impliedProgress !== undefined ? m.impliedProgress : rules[m.status]?.impliedProgress;
  return implied ?? 0;
}

/** Pure: the weighted mean of the measures that count; null for none (or zero total weight). */
export function rollup(list: RollupMeasure[], rules: StatusRules): Progress {
  const byStatus = emptyByStatus();
  let counted = 0;
  let excluded = 0;
  let weightSum = 0;
  let weighted = 0;
  for (const m of list) {
    byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
    if (rules[m.status] && !rules[m.status].countsInRollup) {
      excluded++;
      continue;
    }
    counted++;
    const w = Number(m.weight);
    weightSum += w;
    weighted += w * effectiveProgress(m, rules);
  }
  return { progress: weightSum > 0 ? weighted / weightSum : null, counted, excluded, weightSum, byStatus };
}

export interface EditionRollup {
  edition: Progress;
  /** Every Themenfeld (and Querschnittsthema) of the edition by id; a measure counts in its Themenfeld. */
  fields: Map<string, Progress>;
  /** Every goal of the edition by id; a measure counts in each goal it serves. */
  goals: Map<string, Progress>;
}

/** Edition, field and goal progress of one edition: five queries however many measures. */
export async function editionRollup(db: Db, tenantId: string, editionId: string, statusRules?: StatusRules): Promise<EditionRollup> {
  if (!isUuid(editionId)) throw new AppError('not_found');
  const rules = statusRules ?? (await statusRulesOf(db, tenantId));
  const rows = await db
    .select({ id: measures.id, fieldId: measures.fieldId, status: measures.status, progress: measures.progress, weight: measures.weight })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)));
  // The edition's Themenfelder, goals and goal links in one query (issue 9.2: three before).
  const items = await queryRows<{ kind: 'field' | 'goal' | 'link'; id: string; goal_id: string | null }>(
    db,
    sql`select 'field' as kind, id, null::uuid as goal_id from fields where tenant_id = ${tenantId} and edition_id = ${editionId}
      union all select 'goal', id, null from goals where tenant_id = ${tenantId} and edition_id = ${editionId}
      union all select 'link', l.measure_id, l.goal_id from measure_goals l join measures m on m.tenant_id = l.tenant_id and m.id = l.measure_id
        where l.tenant_id = ${tenantId} and m.edition_id = ${editionId}`,
  );
  const fieldRows = items.filter((r) => r.kind === 'field');
  const goalRows = items.filter((r) => r.kind === 'goal');
  const links = items.filter((r) => r.kind === 'link').map((r) => ({ measureId: r.id, goalId: r.goal_id! }));

  const list = rows.map((r) => ({ ...r, weight: Number(r.weight) }));
  const byField = new Map<string, RollupMeasure[]>(fieldRows.map((f) => [f.id, []]));
  for (const m of list) byField.get(m.fieldId)?.push(m);
  const byId = new Map(list.map((m) => [m.id, m]));
  const byGoal = new Map<string, RollupMeasure[]>(goalRows.map((g) => [g.id, []]));
  for (const l of links) {
    const m = byId.get(l.measureId);
    if (m) byGoal.get(l.goalId)?.push(m);
  }
  return {
    edition: rollup(list, rules),
    fields: new Map([...byField].map(([id, ms]) => [id, rollup(ms, rules)])),
    goals: new Map([...byGoal].map(([id, ms]) => [id, rollup(ms, rules)])),
  };
}

export interface EditionProgress extends Progress {
  tenantId: string;
  editionId: string;
}

/**
 * Edition progress of every edition of every Kommune (or of the given Kommunen) in ONE
 * set-based query: each measure joined with its Kommune's rule for its status (the Kommune's
 * row, else the default), grouped by edition. Used for platform-wide overviews and the bench;
 * it gives the same numbers as `editionRollup(…).edition`.
 */
export async function rollupAllEditions(db: Db, opts: { tenantIds?: string[] } = {}): Promise<Map<string, EditionProgress>> {
  const scope = opts.tenantIds ? (opts.tenantIds.length ? sql`where m.tenant_id in (${sql.join(opts.tenantIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`where false`) : sql``;
  const statusCounts = sql.join(
    measureStatuses.map((s) => sql`count(*) filter (where m.status = ${s})::int as ${sql.identifier(`n_${s}`)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, unknown> & { tenant_id: string; edition_id: string; counted: number; excluded: number; weight_sum: string | null; weighted: string | null }>(
    db,
    sql`
      with defaults (status, implied_progress, counts_in_rollup) as (values ${defaultRulesValues()}),
      rated as (
        select m.tenant_id, m.edition_id, m.status, m.weight,
               coalesce(m.progress, case when r.tenant_id is null then d.implied_progress else r.implied_progress end, 0) as effective,
               coalesce(case when r.tenant_id is null then d.counts_in_rollup else r.counts_in_rollup end, true) as counts
        from measures m
        left join defaults d on d.status = m.status
        left join status_rules r on r.tenant_id = m.tenant_id and r.status = m.status
        ${scope}
      )
      select m.tenant_id, m.edition_id,
             count(*) filter (where m.counts)::int as counted,
             count(*) filter (where not m.counts)::int as excluded,
             sum(m.weight) filter (where m.counts) as weight_sum,
             sum(m.weight * m.effective) filter (where m.counts) as weighted,
             ${statusCounts}
      from rated m
      group by m.tenant_id, m.edition_id`,
  );
  const out = new Map<string, EditionProgress>();
  for (const r of rows) {
    const weightSum = Number(r.weight_sum ?? 0);
    const byStatus = emptyByStatus();
    for (const s of measureStatuses) byStatus[s] = Number(r[`n_${s}`] ?? 0);
    out.set(r.edition_id, {
      tenantId: r.tenant_id,
      editionId: r.edition_id,
      progress: weightSum > 0 ? Number(r.weighted) / weightSum : null,
      counted: Number(r.counted),
      excluded: Number(r.excluded),
      weightSum,
      byStatus,
    });
  }
  return out;
}
