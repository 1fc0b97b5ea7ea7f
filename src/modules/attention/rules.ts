import type { AttentionSource } from '../../platform/attention-sources.js';
import type { Horizon, MeasureStatus } from '../measures/schema.js';
import { addMonths, addYears, daysBetween, monthsBetween } from '../../platform/dates.js';

/**
 * The rules of the attention list ("Aufmerksamkeit"), as a pure function of rows and a date so
 * that they can be tested around every boundary. The page states the same rules in German
 * (attention.rules.* in messages.ts); change both together.
 */

/** Years after the adoption of the edition by which a measure without an end date should be done. */
export const horizonYears: Record<Horizon, number> = { kurz: 1, mittel: 3, lang: 5 };

/** Finished measures are never overdue; dropped ones (entfallen) are not pursued any more. */
export const doneStatuses: readonly MeasureStatus[] = ['umgesetzt', 'verstetigt'];
const notPursued: readonly MeasureStatus[] = ['entfallen'];
/** Measures in these statuses need no further Sachstandsmeldungen. */
export const closedStatuses: readonly MeasureStatus[] = [...doneStatuses, ...notPursued];

export interface AttentionMeasure {
  id: string;
  number: string;
  title: string;
  status: MeasureStatus;
  horizon: Horizon;
  endDate: string | null;
  leadActorId: string | null;
  leadActorName: string | null;
  /** Date of the latest Sachstandsmeldung; null if there is none. */
  lastReportedOn: string | null;
}

export interface AttentionInput {
  /** The adopted edition the Kommune is implementing; undefined if it has none. */
  edition: { id: string; title: string; adoptedOn: string | null } | undefined;
  measures: AttentionMeasure[];
  silentAfterMonths: number;
  /** The other modules' sections (attention sources), already judged. */
  sections?: AttentionSection[];
}

/** A section from another module (see `attentionSources` in the manifests) with what it found. */
export interface AttentionSection {
  source: AttentionSource;
  items: unknown[];
}

export interface OverdueMeasure {
  measure: AttentionMeasure;
  /** The date by which it should have been done. */
  due: string;
  basis: 'end_date' | 'horizon';
  daysOverdue: number;
}

export interface SilentMeasure {
  measure: AttentionMeasure;
  /** The date silence is counted from: the latest Sachstandsmeldung, else the adoption. */
  since: string;
  neverReported: boolean;
  months: number;
}

export interface AttentionList {
  today: string;
  silentAfterMonths: number;
  overdue: OverdueMeasure[];
  silent: SilentMeasure[];
  sections: AttentionSection[];
}

const byNumber = (a: { number: string }, b: { number: string }) => a.number.localeCompare(b.number, 'de', { numeric: true });

/**
 * When a measure should be done: its end date, else adoption + 1/3/5 years by horizon (kurz,
 * mittel, lang); undefined without either.
 */
export function dueDateOf(m: Pick<AttentionMeasure, 'endDate' | 'horizon'>, adoptedOn: string | null): { due: string; basis: 'end_date' | 'horizon' } | undefined {
  if (m.endDate) return { due: m.endDate, basis: 'end_date' };
  if (adoptedOn) return { due: addYears(adoptedOn, horizonYears[m.horizon]), basis: 'horizon' };
  return undefined;
}

/** Overdue: the due date lies before today (on the due date itself the measure is still on time). */
export function isOverdue(m: AttentionMeasure, adoptedOn: string | null, today: string): OverdueMeasure | undefined {
  if (doneStatuses.includes(m.status) || notPursued.includes(m.status)) return undefined;
  const due = dueDateOf(m, adoptedOn);
  if (!due || due.due >= today) return undefined;
  return { measure: m, ...due, daysOverdue: daysBetween(due.due, today) };
}

/**
 * Silent: no Sachstandsmeldung for `months` months, counted from the latest one or (never
 * reported) from the adoption. From the day the months have passed (latest 21.05., 6 months:
 * silent from 21.11.).
 */
export function isSilent(m: AttentionMeasure, adoptedOn: string | null, months: number, today: string): SilentMeasure | undefined {
  if (closedStatuses.includes(m.status)) return undefined;
  const since = m.lastReportedOn ?? adoptedOn;
  if (!since || addMonths(since, months) > today) return undefined;
  return { measure: m, since, neverReported: m.lastReportedOn === null, months: monthsBetween(since, today) };
}

/** Everything that needs the Koordination's attention today, most urgent first in every list. */
export function attentionList(input: AttentionInput, today: string): AttentionList {
  const adoptedOn = input.edition?.adoptedOn ?? null;
  const overdue = input.measures
    .map((m) => isOverdue(m, adoptedOn, today))
    .filter((x): x is OverdueMeasure => !!x)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || byNumber(a.measure, b.measure));
  const silent = input.measures
    .map((m) => isSilent(m, adoptedOn, input.silentAfterMonths, today))
    .filter((x): x is SilentMeasure => !!x)
    .sort((a, b) => a.since.localeCompare(b.since) || Number(b.neverReported) - Number(a.neverReported) || byNumber(a.measure, b.measure));
  return { today, silentAfterMonths: input.silentAfterMonths, overdue, silent, sections: input.sections ?? [] };
}

/** What a person responsible for an actor's measures needs to hear: that actor's overdue and silent measures. */
export function forActor(list: AttentionList, actorId: string): Pick<AttentionList, 'overdue' | 'silent'> {
  return {
    overdue: list.overdue.filter((o) => o.measure.leadActorId === actorId),
    silent: list.silent.filter((s) => s.measure.leadActorId === actorId),
  };
}

export const isEmpty = (l: Pick<AttentionList, 'overdue' | 'silent'> & Partial<Pick<AttentionList, 'sections'>>) =>
  l.overdue.length === 0 && l.silent.length === 0 && (l.sections ?? []).every((s) => s.items.length === 0);
