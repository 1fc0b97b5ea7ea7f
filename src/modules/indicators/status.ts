import type { IndicatorDirection } from '../progress/schema.js';

/** What the judgement needs of an indicator (numbers, not the database's numeric strings). */
export interface JudgedIndicator {
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetYear: number | null;
  direction: IndicatorDirection;
}

export interface MeasuredValue {
  measuredOn: string;
  value: number;
}

/**
 * - `reached`: the latest value meets the target already.
 * - `on_track`: the latest value is at least where the straight path from baseline to target
 *   would be at its date (by direction: at or above it when higher is better, at or below it when
 *   lower is better).
 * - `behind`: below that path, or the target year is over and the target was not reached.
 * - `no_values`: a target exists but nothing has been measured yet.
 * - `not_assessable`: no target (typical of context indicators), or no baseline to draw the path from.
 */
export const indicatorStatuses = ['reached', 'on_track', 'behind', 'no_values', 'not_assessable'] as const;
export type IndicatorStatusKind = (typeof indicatorStatuses)[number];

export interface IndicatorStatus {
  status: IndicatorStatusKind;
  /** The latest value measured up to `today`, if any. */
  latest: MeasuredValue | null;
  /** Where the straight path from baseline to target stands at the latest value's date. */
  expected: number | null;
  /** The last day of the target year ("2027-12-31"). */
  targetDate: string | null;
}

const dayMs = 86_400_000;
const time = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** The end of the target year: "target 2027" means "by the end of 2027". */
export const targetDateOf = (targetYear: number) => `${targetYear}-12-31`;

/** true when `value` is at least as good as `reference` in the indicator's direction. */
export const atLeastAsGood = (direction: IndicatorDirection, value: number, reference: number) =>
  direction === 'higher' ? value >= reference : value <= reference;

/**
 * On track or behind target? Values dated after `today` (YYYY-MM-DD) are not counted. The
 * expected value follows a straight line from (baseline date, baseline value) to (end of the
 * target year, target value); before the baseline it is the baseline, after the target date the
 * target.
 */
export function indicatorStatus(indicator: JudgedIndicator, values: readonly MeasuredValue[], today: string): IndicatorStatus {
  const usable = values.filter((v) => v.measuredOn <= today && Number.isFinite(v.value));
  const latest = usable.reduce<MeasuredValue | null>((a, v) => (a === null || v.measuredOn >= a.measuredOn ? v : a), null);
  const { targetValue, targetYear, baselineValue, baselineDate, direction } = indicator;
  if (targetValue == null || targetYear == null) return { status: 'not_assessable', latest, expected: null, targetDate: null };
  const targetDate = targetDateOf(targetYear);
  if (!latest) return { status: 'no_values', latest, expected: null, targetDate };
  if (atLeastAsGood(direction, latest.value, targetValue)) return { status: 'reached', latest, expected: targetValue, targetDate };
  const targetPassed = today > targetDate;
  if (baselineValue == null || baselineDate == null) {
    return { status: targetPassed ? 'behind' : 'not_assessable', latest, expected: null, targetDate };
  }
  const start = time(baselineDate);
  const end = time(targetDate);
  const span = Math.max(end - start, dayMs);
  const fraction = Math.min(1, Math.max(0, (time(latest.measuredOn) - start) / span));
  const expected = baselineValue + (targetValue - baselineValue) * fraction;
  if (targetPassed) return { status: 'behind', latest, expected, targetDate };
  // Rounding noise of the linear interpolation must not turn "exactly on the path" into "behind".
  const tolerance = Math.abs(targetValue - baselineValue) * 1e-9;
  const onTrack = direction === 'higher' ? latest.value >= expected - tolerance : latest.value <= expected + tolerance;
  return { status: onTrack ? 'on_track' : 'behind', latest, expected, targetDate };
}

/** Behind target: what the attention list shows. */
export const isBehind = (s: IndicatorStatus) => s.status === 'behind';
