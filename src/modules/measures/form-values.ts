import type { Measure } from './service.js';

/** German decimal display for form fields ("0,5"); the validation accepts it back. */
const decimal = (v: string | null) => (v == null ? '' : String(Number(v)).replace('.', ','));

/** A saved measure as the values of its edit form. */
export function measureFormValues(m: Measure): Record<string, unknown> {
  return {
    number: m.number,
    title: m.title,
    description: m.description,
    fieldId: m.fieldId,
    goalIds: m.goalIds,
    targetGroupIds: m.targetGroupIds,
    targetGroups: '',
    leadActorId: m.leadActorId ?? '',
    partnerActorIds: m.partnerActorIds,
    horizon: m.horizon,
    startDate: m.startDate ?? '',
    endDate: m.endDate ?? '',
    priority: m.priority,
    staffFte: decimal(m.staffFte),
    costEur: decimal(m.costEur),
    fundingSource: m.fundingSource ?? '',
    indicator: m.indicator ?? '',
    targetValue: m.targetValue ?? '',
    status: m.status,
    crossCuttingIds: m.crossCuttingIds,
    sdgs: m.sdgs.map(String),
    municipalityIds: m.municipalityIds,
    internalNote: m.internalNote,
    version: m.version,
  };
}

/** The form fields in display order with their label keys: for error summaries and conflict tables. */
export const measureFieldLabels: [string, string][] = [
  ['number', 'measure.number'],
  ['title', 'measure.title'],
  ['description', 'measure.description'],
  ['fieldId', 'measure.field'],
  ['goalIds', 'measure.goals'],
  ['targetGroups', 'measure.target_groups'],
  ['leadActorId', 'measure.lead'],
  ['partnerActorIds', 'measure.partners'],
  ['horizon', 'measure.horizon'],
  ['startDate', 'measure.start'],
  ['endDate', 'measure.end'],
  ['priority', 'measure.priority'],
  ['staffFte', 'measure.staff_fte'],
  ['costEur', 'measure.cost_eur'],
  ['fundingSource', 'measure.funding_source'],
  ['indicator', 'measure.indicator'],
  ['targetValue', 'measure.target_value'],
  ['status', 'measure.status'],
  ['crossCuttingIds', 'measure.cross_cutting'],
  ['sdgs', 'measure.sdgs'],
  ['municipalityIds', 'measure.municipalities'],
  ['internalNote', 'measure.internal_note'],
];
