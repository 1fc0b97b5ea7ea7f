/**
 * What the public portal may show, field by field. Every function here copies an allow-list of
 * fields into a new object, so a column added to a table later (or one that exists already,
 * like `internalNote`) can never reach a public page by accident. Views use only these shapes.
 */
import type { GoalKind } from '../concepts/schema.js';
import type { PublicField, PublicGoal } from '../concepts/index.js';
import type { Horizon, MeasureStatus, Priority } from '../measures/schema.js';
import type { Measure } from '../measures/index.js';
import type { PublicSearchDocument } from '../../platform/search-sources.js';
import type { SearchHit } from '../search/index.js';

/** A row of the public measure tables. */
export interface PublicMeasureRow {
  id: string;
  number: string;
  title: string;
  fieldId: string;
  fieldTitle: string;
  leadName: string | null;
  horizon: Horizon;
  status: MeasureStatus;
}

/** Everything the public measure page shows. Deliberately no internal note, no ids of people. */
export interface PublicMeasure {
  /** Keys the measure's translations. */
  id: string;
  number: string;
  title: string;
  description: string;
  field: { id: string; title: string; index: number } | null;
  goals: { id: string; kind: GoalKind; number: string; title: string }[];
  targetGroups: string[];
  leadName: string | null;
  partnerNames: string[];
  horizon: Horizon;
  startDate: string | null;
  endDate: string | null;
  priority: Priority;
  staffFte: number | null;
  costEur: number | null;
  fundingSource: string | null;
  indicator: string | null;
  targetValue: string | null;
  status: MeasureStatus;
  crossCutting: string[];
  sdgs: number[];
  /** Names of the Gemeinden; empty means the whole area of the Kommune. */
  municipalities: string[];
}

export interface PublicSearchHit extends PublicSearchDocument {
  language: SearchHit['language'];
}

/** Names and titles the measure refers to by id, resolved by the caller in a few queries. */
export interface MeasureReferences {
  fields: ReadonlyMap<string, PublicField>;
  goals: ReadonlyMap<string, PublicGoal & { position: number }>;
  actorNames: ReadonlyMap<string, string>;
  municipalityNames: ReadonlyMap<string, string>;
}

const byGerman = (a: string, b: string) => a.localeCompare(b, 'de');
const numberOrNull = (v: string | number | null | undefined) => (v == null || v === '' ? null : Number(v));
const textOrNull = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v);

export const presentMeasureRow = (m: {
  id: string;
  number: string;
  title: string;
  fieldId: string;
  fieldTitle: string;
  leadActorName: string | null;
  horizon: Horizon;
  status: MeasureStatus;
}): PublicMeasureRow => ({
  id: m.id,
  number: m.number,
  title: m.title,
  fieldId: m.fieldId,
  fieldTitle: m.fieldTitle,
  leadName: m.leadActorName,
  horizon: m.horizon,
  status: m.status,
});

export function presentMeasure(m: Measure, refs: MeasureReferences): PublicMeasure {
  const field = refs.fields.get(m.fieldId);
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    description: m.description,
    field: field ? { id: field.id, title: field.title, index: field.index } : null,
    goals: m.goalIds
      .map((id) => refs.goals.get(id))
      .filter((g) => g !== undefined)
      .sort((a, b) => a.position - b.position)
      .map((g) => ({ id: g.id, kind: g.kind, number: g.number, title: g.title })),
    targetGroups: [...m.targetGroups],
    leadName: m.leadActorId ? refs.actorNames.get(m.leadActorId) ?? null : null,
    partnerNames: m.partnerActorIds
      .map((id) => refs.actorNames.get(id))
      .filter((n) => n !== undefined)
      .sort(byGerman),
    horizon: m.horizon,
    startDate: m.startDate,
    endDate: m.endDate,
    priority: m.priority,
    staffFte: numberOrNull(m.staffFte),
    costEur: numberOrNull(m.costEur),
    fundingSource: textOrNull(m.fundingSource),
    indicator: textOrNull(m.indicator),
    targetValue: textOrNull(m.targetValue),
    status: m.status,
    crossCutting: m.crossCuttingIds
      .map((id) => refs.fields.get(id))
      .filter((f) => f !== undefined)
      .sort((a, b) => a.index - b.index)
      .map((f) => f.title),
    sdgs: [...m.sdgs].sort((a, b) => a - b),
    municipalities: m.municipalityIds
      .map((id) => refs.municipalityNames.get(id))
      .filter((n) => n !== undefined)
      .sort(byGerman),
  };
}

export const presentSearchHit = (h: SearchHit): PublicSearchHit => ({
  kind: h.kind,
  id: h.id,
  number: h.number,
  title: h.title,
  text: h.text,
  context: h.context,
  contextId: h.contextId,
  language: h.language,
});
