/**
 * What the public may see of indicators, field by field (allow-list, as in the portal's
 * presenters): no notes on values, no names of the people who entered them, no internal flags.
 */
import type { IndicatorDirection, IndicatorKind } from '../progress/schema.js';
import type { FieldGroup, Indicator, IndicatorValue } from './service.js';
import type { IndicatorStatusKind } from './status.js';

export interface PublicIndicator {
  id: string;
  name: string;
  definition: string;
  unit: string;
  source: string;
  kind: IndicatorKind;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetYear: number | null;
  direction: IndicatorDirection;
  status: IndicatorStatusKind;
  owner: { kind: 'goal' | 'measure'; number: string; title: string };
  values: { measuredOn: string; value: number }[];
}

export interface PublicIndicatorField {
  title: string;
  indicators: PublicIndicator[];
}

export const presentValue = (v: IndicatorValue) => ({ measuredOn: v.measuredOn, value: v.value });

/** What defines an indicator, as the portal and the API show it to anyone. */
export const indicatorDefinition = (i: Indicator) => ({
  name: i.name,
  definition: i.definition,
  unit: i.unit,
  source: i.source,
  kind: i.kind,
  baselineValue: i.baselineValue,
  baselineDate: i.baselineDate,
  targetValue: i.targetValue,
  targetYear: i.targetYear,
  direction: i.direction,
});

export function presentIndicator(i: Indicator, values: IndicatorValue[], status: IndicatorStatusKind, owner: PublicIndicator['owner']): PublicIndicator {
  return {
    id: i.id,
    ...indicatorDefinition(i),
    status,
    owner: { kind: owner.kind, number: owner.number, title: owner.title },
    values: values.map(presentValue),
  };
}

/** The overview (already limited to public indicators) in the public shape. */
export const presentOverview = (overview: FieldGroup[]): PublicIndicatorField[] =>
  overview.map((f) => ({
    title: f.field.title,
    indicators: f.groups.flatMap((g) => g.entries.filter((e) => e.indicator.isPublic).map((e) => presentIndicator(e.indicator, e.values, e.status.status, g.owner))),
  }));
