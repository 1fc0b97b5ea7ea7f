import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Edition } from '../concepts/index.js';
import { nextUpdateDue } from '../fortschreibung/index.js';
import { goals } from '../concepts/schema.js';
import { indicatorStatus, isBehind } from '../indicators/index.js';
import { measures } from '../measures/schema.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import type { AttentionIndicator } from './rules.js';

/** What the attention list takes from other modules (indicators, Fortschreibung), in one place. */

const num = (v: string | null) => (v == null ? null : Number(v));

/** The edition's indicators, judged as of `today` by the indicators module (on track / behind target). */
export async function indicatorsOf(db: Db, tenantId: string, editionId: string, today: string): Promise<AttentionIndicator[]> {
  const rows = await db
    .select({
      id: indicators.id,
      name: indicators.name,
      unit: indicators.unit,
      measureId: indicators.measureId,
      measureNumber: measures.number,
      measureTitle: measures.title,
      goalNumber: goals.number,
      goalTitle: goals.title,
      baselineValue: indicators.baselineValue,
      baselineDate: indicators.baselineDate,
      targetValue: indicators.targetValue,
      targetYear: indicators.targetYear,
      direction: indicators.direction,
    })
    .from(indicators)
    .leftJoin(measures, and(eq(measures.tenantId, indicators.tenantId), eq(measures.id, indicators.measureId)))
    .leftJoin(goals, and(eq(goals.tenantId, indicators.tenantId), eq(goals.id, indicators.goalId)))
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.editionId, editionId)))
    .orderBy(asc(indicators.position));
  if (rows.length === 0) return [];
  const values = await db
    .select({ indicatorId: indicatorValues.indicatorId, measuredOn: indicatorValues.measuredOn, value: indicatorValues.value })
    .from(indicatorValues)
    .innerJoin(indicators, and(eq(indicators.tenantId, indicatorValues.tenantId), eq(indicators.id, indicatorValues.indicatorId)))
    .where(and(eq(indicatorValues.tenantId, tenantId), eq(indicators.editionId, editionId)));
  const byIndicator = new Map<string, { measuredOn: string; value: number }[]>();
  for (const v of values) {
    const list = byIndicator.get(v.indicatorId) ?? [];
    list.push({ measuredOn: v.measuredOn, value: Number(v.value) });
    byIndicator.set(v.indicatorId, list);
  }
  return rows.map((r) => {
    const judged = indicatorStatus(
      { baselineValue: num(r.baselineValue), baselineDate: r.baselineDate, targetValue: num(r.targetValue), targetYear: r.targetYear, direction: r.direction },
      byIndicator.get(r.id) ?? [],
      today,
    );
    return {
      id: r.id,
      name: r.name,
      unit: r.unit,
      measureId: r.measureId,
      ownerLabel: r.measureNumber ? `${r.measureNumber} ${r.measureTitle}` : r.goalNumber ? `${r.goalNumber} ${r.goalTitle}` : '',
      targetValue: num(r.targetValue),
      targetYear: r.targetYear,
      latestValue: judged.latest?.value ?? null,
      latestOn: judged.latest?.measuredOn ?? null,
      behind: isBehind(judged),
    };
  });
}

/** When the next Fortschreibung is due (the Fortschreibung module's rule), judged as of `today`. */
export function nextUpdateOf(tenant: Tenant, edition: Edition, today: string): { due: string; overdue: boolean } | undefined {
  return nextUpdateDue(tenant, edition, new Date(`${today}T12:00:00Z`));
}
