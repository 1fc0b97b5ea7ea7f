import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.js';
import { expectedVersion, germanNumber, isoDate as calendarDate, optionalText, optionalUuid, parseInput, requiredText } from '../../platform/validation.js';
import { parseDate } from '../measures/index.js';
import { todayInGermany } from '../progress/index.js';
import { indicatorDirections, indicatorKinds } from '../progress/schema.js';
import { outsidePercentRange, percentRangeError } from './percent.js';

/** Largest magnitude a value may have: the columns are numeric(16, 4). */
export const maxMagnitude = 100_000_000_000;

const blank = (v: unknown) => v == null || (typeof v === 'string' && v.trim() === '');

/**
 * "1.234,5", "0,5", "45 %" or a JSON number → a number; blank → null; anything else stays as it
 * was, so the schema rejects it with "Bitte eine Zahl eingeben".
 */
export const numberOf = (v: unknown) => germanNumber(typeof v === 'string' ? v.replace(/%/g, '') : v);

/** "31.12.2025", "31.12.25" or "2025-12-31" → "2025-12-31"; blank → null; not a real date → false (rejected). */
export const dateOf = (v: unknown) => {
  if (blank(v)) return null;
  if (typeof v !== 'string') return false;
  return parseDate(v) ?? false;
};

const number = z
  .number({ error: (issue) => (issue.input == null ? 'validation.required' : 'validation.number') })
  .min(-maxMagnitude, 'validation.indicator_number_range')
  .max(maxMagnitude, 'validation.indicator_number_range');

export const optionalNumberInput = () => z.preprocess(numberOf, number.nullable());
export const requiredNumberInput = () => z.preprocess(numberOf, number);

const isoDate = calendarDate({ error: (issue) => (issue.input == null ? 'validation.required' : 'validation.date') });
export const optionalDateInput = () => z.preprocess(dateOf, isoDate.nullable());
export const requiredDateInput = () => z.preprocess(dateOf, isoDate);

const yearInput = z.preprocess(
  (v) => (blank(v) ? null : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'validation.indicator_year' }).int('validation.indicator_year').min(2000, 'validation.indicator_year').max(2100, 'validation.indicator_year').nullable(),
);

/** An HTML checkbox ("on", "true") or a JSON boolean; absent = false. */
const checkbox = z.preprocess((v) => {
  const x = Array.isArray(v) ? v.at(-1) : v;
  return x === true || x === 'on' || x === 'true' || x === '1';
}, z.boolean());

/** One schema for the indicator form and any client that sends JSON. */
export const indicatorFields = z.object({
  goalId: optionalUuid(),
  measureId: optionalUuid(),
  name: requiredText(300),
  definition: optionalText(5000),
  unit: optionalText(100),
  source: optionalText(500),
  kind: z.enum(indicatorKinds, { error: 'validation.invalid_choice' }),
  baselineValue: optionalNumberInput(),
  baselineDate: optionalDateInput(),
  targetValue: optionalNumberInput(),
  targetYear: yearInput,
  direction: z.enum(indicatorDirections, { error: 'validation.invalid_choice' }).default('higher'),
  isPublic: checkbox,
  /** A baseline or target in per cent outside 0–100 is meant so (percent.ts). */
  confirmOutOfRange: checkbox,
});
export type IndicatorFields = z.output<typeof indicatorFields>;
export const indicatorUpdate = indicatorFields.extend({ version: expectedVersion() });

/** A measured value: the date it refers to (not in the future), the figure, a note. */
export const valueFields = z.object({
  measuredOn: requiredDateInput().refine((d) => d <= todayInGermany(), 'validation.indicator_value_in_future'),
  value: requiredNumberInput(),
  note: optionalText(1000),
  /** A value in per cent outside 0–100 is meant so (percent.ts). */
  confirmOutOfRange: checkbox.describe('true bestätigt einen Prozentwert außerhalb von 0 bis 100 (sonst 422).'),
});
export type ValueFields = z.output<typeof valueFields>;

/** What parseIndicator compares a changed indicator with: figures kept as they were need no confirmation again. */
export interface StoredFigures {
  unit: string;
  baselineValue: number | null;
  targetValue: number | null;
}

/**
 * Parses the indicator form and adds what one field alone cannot say: exactly one of goal and
 * measure, baseline value and date together, target value and year together, target not before
 * baseline, a new figure in per cent outside 0–100 confirmed. Every problem is reported at once
 * (also when single fields are wrong already).
 */
export function parseIndicator<S extends typeof indicatorFields | typeof indicatorUpdate>(schema: S, input: unknown, stored?: StoredFigures): z.output<S> {
  let data: z.output<S> | undefined;
  let errors: FieldError[] = [];
  try {
    data = parseInput(schema, input) as z.output<S>;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'validation_failed')) throw e;
    errors = [...e.fieldErrors];
  }
  const raw = (input ?? {}) as Record<string, unknown>;
  const field = <K extends keyof IndicatorFields>(k: K): IndicatorFields[K] | undefined => {
    const r = indicatorFields.shape[k].safeParse(raw[k]);
    return r.success ? (r.data as IndicatorFields[K]) : undefined;
  };
  const failed = new Set(errors.map((e) => e.field));
  const add = (f: string, messageKey: string, params?: FieldError['params']) => {
    if (!failed.has(f)) errors.push({ field: f, messageKey, params }), failed.add(f);
  };
  const goalId = field('goalId');
  const measureId = field('measureId');
  if (goalId !== undefined && measureId !== undefined) {
    if (goalId === null && measureId === null) add('goalId', 'validation.indicator_target_missing');
    if (goalId && measureId) add('goalId', 'validation.indicator_target_both');
  }
  const [bv, bd, tv, ty] = [field('baselineValue'), field('baselineDate'), field('targetValue'), field('targetYear')];
  if (bv != null && bd === null) add('baselineDate', 'validation.indicator_baseline_date_missing');
  if (bd != null && bv === null) add('baselineValue', 'validation.indicator_baseline_value_missing');
  if (tv != null && ty === null) add('targetYear', 'validation.indicator_target_year_missing');
  if (ty != null && tv === null) add('targetValue', 'validation.indicator_target_value_missing');
  if (ty != null && bd != null && ty < Number(bd.slice(0, 4))) add('targetYear', 'validation.indicator_target_before_baseline');
  const unit = field('unit');
  if (field('confirmOutOfRange') !== true) {
    for (const [key, value] of [['baselineValue', bv], ['targetValue', tv]] as const) {
      const unchanged = stored && stored.unit === unit && stored[key] === value;
      if (outsidePercentRange(unit, value) && !unchanged) {
        const { messageKey, params } = percentRangeError(key, value);
        add(key, messageKey, params);
      }
    }
  }
  if (errors.length) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: errors });
  return data!;
}
