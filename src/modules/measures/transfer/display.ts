import type { MeasureFields } from '../input.js';
import type { Measure } from '../service.js';
import { columnByKey, horizonLabels, priorityLabels, statusLabels, type ColumnKey } from './columns.js';
import { germanDate } from '../../../platform/i18n/german.js';
import type { References } from './references.js';
import type { Resolver } from './resolve.js';

/** One changed cell of the preview: the column as the file names it, the value before and after. */
export interface CellChange {
  key: ColumnKey;
  column: string;
  before: string;
  after: string;
}

/** What a measure's cell shows, stored or imported alike (lists joined with "; "). */
type Shown = Record<ColumnKey, string>;

const amount = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const number = (v: string | number | null | undefined) => (v == null || v === '' ? '' : amount.format(Number(v)));

/** Names of ids the edition has, and of those the import would create (placeholder ids). */
function namesOf(refs: References, resolver: Resolver) {
  const name = new Map<string, string>();
  for (const f of refs.fields) name.set(f.id, f.title);
  for (const g of refs.goals) name.set(g.id, `${g.number} ${g.title}`);
  for (const a of refs.actors) name.set(a.id, a.name);
  for (const m of refs.municipalities) name.set(m.id, m.name);
  for (const f of resolver.newFields) name.set(f.id, f.title);
  for (const g of resolver.newGoals) name.set(g.id, `${g.number} ${g.title}`);
  for (const a of resolver.newActors) name.set(a.id, a.name);
  return (ids: readonly string[]) => ids.map((id) => name.get(id) ?? '').filter(Boolean).join('; ');
}

function shown(m: Measure | MeasureFields, names: (ids: readonly string[]) => string): Shown {
  return {
    number: m.number,
    field: names([m.fieldId]),
    goals: names(m.goalIds),
    title: m.title,
    description: m.description ?? '',
    targetGroups: m.targetGroups.join('; '),
    lead: m.leadActorId ? names([m.leadActorId]) : '',
    partners: names(m.partnerActorIds),
    horizon: m.horizon ? horizonLabels[m.horizon] : '',
    priority: m.priority ? priorityLabels[m.priority] : '',
    status: m.status ? statusLabels[m.status] : '',
    startDate: germanDate(m.startDate),
    endDate: germanDate(m.endDate),
    staffFte: number(m.staffFte),
    costEur: number(m.costEur),
    fundingSource: m.fundingSource ?? '',
    indicator: m.indicator ?? '',
    targetValue: m.targetValue ?? '',
    crossCutting: names(m.crossCuttingIds),
    sdgs: [...m.sdgs].map(String).join('; '),
    municipalities: names(m.municipalityIds),
  };
}

/** The changed cells of an update, each as the table shows it before and after. */
export function cellChanges(changed: ColumnKey[], existing: Measure, data: MeasureFields, refs: References, resolver: Resolver): CellChange[] {
  const names = namesOf(refs, resolver);
  const before = shown(existing, names);
  const after = shown(data, names);
  return changed.map((key) => ({ key, column: columnByKey.get(key)!.heading, before: before[key], after: after[key] }));
}
