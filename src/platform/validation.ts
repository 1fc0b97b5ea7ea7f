import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { AppError, type FieldError } from './errors.js';

/**
 * Parse input with a zod schema; on failure throw one AppError listing every field's problem as
 * a message key (the schemas use catalog keys as messages; zod's own codes map to generic keys).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: result.error.issues.map(toFieldError) });
}

/**
 * Like parseInput, but hands back every field that is valid along with the problems of the
 * others, so that checks against the database (a number already taken, an end before the start)
 * can report their problems in the same round as the form's own.
 */
export function parseEachField<S extends z.ZodObject>(schema: S, input: unknown): { valid: Partial<z.output<S>>; errors: FieldError[] } {
  const result = schema.safeParse(input);
  if (result.success) return { valid: result.data as Partial<z.output<S>>, errors: [] };
  const values = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const valid: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const field = (fieldSchema as z.ZodType).safeParse(values[key]);
    if (field.success) valid[key] = field.data;
  }
  return { valid: valid as Partial<z.output<S>>, errors: result.error.issues.map(toFieldError) };
}

/** Throws the collected problems of a form at once. */
export function throwIfProblems(problems: FieldError[]): void {
  if (problems.length) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: problems });
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.') || '_';
  if (issue.message.startsWith('validation.')) return { field, messageKey: issue.message };
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1
        ? { field, messageKey: 'validation.required' }
        : { field, messageKey: 'validation.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { field, messageKey: 'validation.too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_type':
      return { field, messageKey: issue.input === undefined ? 'validation.required' : 'validation.invalid' };
    case 'invalid_value':
      return { field, messageKey: 'validation.invalid_choice' };
    default:
      return { field, messageKey: 'validation.invalid' };
  }
}

// Form fields arrive as strings; these accept both form strings and JSON values, so one schema
// serves the HTML form and the API.
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/**
 * C0 control characters other than tab and line breaks, DEL, and lone surrogates: PostgreSQL
 * cannot store NUL at all, and none of them belong in text that people read.
 */
// eslint-disable-next-line no-control-regex
const forbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;
export const hasForbiddenCharacters = (s: string) => forbiddenCharacters.test(s);

/** Any text a person may type (line breaks allowed), without control characters. */
export const plainText = (params?: Parameters<typeof z.string>[0]) => z.string(params).refine((s) => !hasForbiddenCharacters(s), 'validation.control_characters');

// The `error` of z.string() applies to every issue of that schema: only a missing value is "Bitte
// ausfüllen"; a text over `max` keeps its own issue (too_big → "höchstens {max}").
export const requiredText = (max = 500) =>
  z.preprocess(trimmed, plainText({ error: (issue) => (issue.code === 'invalid_type' ? 'validation.required' : undefined) }).min(1, 'validation.required').max(max));
export const optionalText = (max = 10_000) =>
  z.preprocess((v) => (v == null ? '' : trimmed(v)), plainText().max(max));
export const nullableText = (max = 500) =>
  z.preprocess((v) => blankToUndefined(trimmed(v)) ?? null, plainText().max(max).nullable());

/** The largest value of PostgreSQL's integer columns (versions, months, positions). */
export const maxInteger = 2_147_483_647;

/** Accepts 0,5 and 0.5, 1.500 and 1.234,50 (German grouping) as well as JSON numbers; blank = null. */
export const germanNumber = (v: unknown) => {
  const blank = blankToUndefined(v);
  if (blank === undefined || blank === null) return null;
  if (typeof blank !== 'string') return blank;
  const s = blank.replace(/\s|€|EUR/gi, '');
  const grouped = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s);
  const normalised = grouped || s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : blank;
};
export const optionalNumber = (max: number) =>
  z.preprocess(germanNumber, z.number({ error: 'validation.number' }).min(0, 'validation.not_negative').max(max).nullable());

/** An ISO date ("2026-03-31") that exists in the calendar. */
export const isoDate = (params?: Parameters<typeof z.string>[0]) => z.string(params).refine(isCalendarDate, 'validation.date');
export const optionalDate = () => z.preprocess((v) => blankToUndefined(v) ?? null, isoDate().nullable());

/** A multi-value form field (checkboxes, multi-select) or a JSON array; absent = empty. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), z.array(item));

// A blank choice is a missing one ("Bitte ausfüllen"), not an invalid value.
export const uuid = () => z.preprocess(blankToUndefined, z.string({ error: 'validation.required' }).uuid('validation.invalid'));
/** For ids from paths and queries: one that is not a UUID names nothing (and would fail in PostgreSQL). */
export const isUuid = (v: unknown): v is string => z.string().uuid().safeParse(v).success;
export const optionalUuid = () => z.preprocess((v) => blankToUndefined(v) ?? null, z.string().uuid('validation.invalid').nullable());

/**
 * The version a form or client last saw: the basis of edit-conflict detection. Required (a form
 * without it would skip the conflict check), a whole number from "3" or 3, within the column's range.
 */
export const expectedVersion = () =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
    z
      .number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.version_missing' : 'validation.invalid') })
      .int('validation.invalid')
      .min(1, 'validation.invalid')
      .max(maxInteger, 'validation.invalid'),
  );

/**
 * The version a destructive action (delete, remove) was based on, as the form or query sent it.
 * Missing or malformed is refused (422, "Die Version des Eintrags fehlt …"): without it the
 * conflict check would be skipped and someone else's newer change deleted unseen.
 */
export function versionFrom(input: unknown): number {
  const result = expectedVersion().safeParse(input);
  if (result.success) return result.data;
  const messageKey = result.error.issues[0]?.message.startsWith('validation.') ? result.error.issues[0].message : 'validation.invalid';
  throw new AppError('validation_failed', messageKey, { fieldErrors: [{ field: 'version', messageKey }] });
}

/** An e-mail address or nothing ('' when left empty). */
export const optionalEmail = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v == null ? '' : v),
    z.union([z.literal(''), z.string().max(254).email('validation.optional_email')], { error: 'validation.optional_email' }),
  );

/** A web address starting with http:// or https://, or nothing (''); no other schemes (javascript:, data:). */
export const optionalWebAddress = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v == null ? '' : v),
    z.string().max(500).refine((s) => s === '' || /^https?:\/\/[^\s<>"]+$/.test(s), 'validation.web_address'),
  );

/** A checkbox ("on" when ticked, absent when not) or a JSON boolean. */
export const checkbox = z.preprocess((v) => {
  if (typeof v === 'boolean') return v;
  if (v == null || v === '') return false;
  if (Array.isArray(v)) v = v.at(-1);
  if (typeof v === 'string') return ['on', 'true', '1', 'ja', 'yes'].includes(v.trim().toLowerCase()) ? true : ['false', '0', 'nein', 'no', 'off'].includes(v.trim().toLowerCase()) ? false : v;
  return v;
}, z.boolean({ error: 'validation.invalid' }));
