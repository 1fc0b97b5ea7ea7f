import type { MeasureFields } from '../input.js';
import type { Measure } from '../service.js';
import type { ColumnKey } from './columns.js';
import { nameKey } from '../target-groups/names.js';

const text = (v: string | null | undefined) => (v ?? '').trim();
const num = (v: string | number | null | undefined) => (v == null || v === '' ? null : Number(v));
const set = (xs: readonly (string | number)[]) => [...new Set(xs.map(String))].sort().join('\u0000');
/** Zielgruppen as a set of names compared like the vocabulary does (case, spaces). */
const names = (xs: readonly string[]) => set(xs.map(nameKey).filter(Boolean));

/**
 * The columns in which the imported content differs from the stored measure, compared the way
 * the table shows them: blank and empty text are the same, order of links does not matter,
 * 0.5 and "0.50" are equal. An export imported again therefore differs in nothing.
 */
export function changedColumns(m: Measure, d: MeasureFields): ColumnKey[] {
  const pairs: [ColumnKey, unknown, unknown][] = [
    ['number', text(m.number), text(d.number)],
    ['field', m.fieldId, d.fieldId],
    ['goals', set(m.goalIds), set(d.goalIds)],
    ['title', text(m.title), text(d.title)],
    ['description', text(m.description), text(d.description)],
    ['targetGroups', names(m.targetGroups), names(d.targetGroups)],
    ['lead', m.leadActorId ?? null, d.leadActorId ?? null],
    ['partners', set(m.partnerActorIds), set(d.partnerActorIds)],
    ['horizon', m.horizon, d.horizon],
    ['priority', m.priority, d.priority],
    ['status', m.status, d.status],
    ['startDate', m.startDate ?? null, d.startDate ?? null],
    ['endDate', m.endDate ?? null, d.endDate ?? null],
    ['staffFte', num(m.staffFte), num(d.staffFte)],
    ['costEur', num(m.costEur), num(d.costEur)],
    ['fundingSource', text(m.fundingSource), text(d.fundingSource)],
    ['indicator', text(m.indicator), text(d.indicator)],
    ['targetValue', text(m.targetValue), text(d.targetValue)],
    ['crossCutting', set(m.crossCuttingIds), set(d.crossCuttingIds)],
    ['sdgs', set(m.sdgs), set(d.sdgs)],
    ['municipalities', set(m.municipalityIds), set(d.municipalityIds)],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([key]) => key);
}
