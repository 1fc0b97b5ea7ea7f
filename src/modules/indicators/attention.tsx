import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { AttentionSource } from '../../platform/attention-sources.js';
import { formatDate, formatNumber } from '../../platform/i18n/i18n.js';
import { DataTable } from '../../platform/ui/components.js';
import { goals } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import { indicatorStatus, isBehind } from './status.js';

/** An indicator with the judgement of the indicators module already applied. */
export interface AttentionIndicator {
  id: string;
  name: string;
  unit: string;
  /** The measure it belongs to, or null for an indicator of a goal. */
  measureId: string | null;
  /** "1.2.3 Title" of the measure, or "1.2 Title" of the goal. */
  ownerLabel: string;
  targetValue: number | null;
  targetYear: number | null;
  latestValue: number | null;
  latestOn: string | null;
  behind: boolean;
}

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

/** Only those behind target; the earliest target year first, then by owner and name. */
export const behindTarget = (all: AttentionIndicator[]) =>
  all
    .filter((i) => i.behind)
    .sort((a, b) => (a.targetYear ?? 9999) - (b.targetYear ?? 9999) || a.ownerLabel.localeCompare(b.ownerLabel, 'de', { numeric: true }) || a.name.localeCompare(b.name, 'de'));

const date = (iso: string | null | undefined) => formatDate('de', iso);
const amount = (value: number, unit: string) => `${formatNumber('de', value)}${unit ? ` ${unit}` : ''}`;

/** "Indikatoren hinter dem Ziel" on the attention list. */
export const indicatorAttention: AttentionSource<AttentionIndicator> = {
  id: 'indikatoren',
  titleKey: 'attention.indicators.heading',
  order: 30,
  counted: true,
  items: async (db, { tenant, edition, today }) => behindTarget(await indicatorsOf(db, tenant.id, edition.id, today)),
  body: ({ t, base, items }) =>
    items.length ? (
      <DataTable
        caption={t('attention.indicators.caption')}
        headers={[t('attention.indicators.name'), t('attention.indicators.owner'), t('attention.indicators.target'), t('attention.indicators.latest')]}
      >
        {items.map((i) => (
          <tr>
            <th scope="row">{i.name}</th>
            <td>{i.measureId ? <a href={`${base}/massnahmen/${i.measureId}`}>{i.ownerLabel}</a> : i.ownerLabel}</td>
            <td>
              {i.targetValue == null ? '–' : amount(i.targetValue, i.unit)}
              {i.targetYear ? ` (${i.targetYear})` : ''}
            </td>
            <td>
              {i.latestValue == null ? t('attention.indicators.no_value') : amount(i.latestValue, i.unit)}
              {i.latestOn ? ` (${date(i.latestOn)})` : ''}
            </td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p>{t('attention.indicators.none')}</p>
    ),
  mail: (_t, i, base) => [`- ${i.name} (${i.ownerLabel})`, ...(i.measureId ? [`  ${base}/massnahmen/${i.measureId}`] : [])],
  audit: (items) => ({ indicators: items.length }),
  rules: (t) => [t('attention.rules.indicators')],
};
