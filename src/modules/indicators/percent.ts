import type { FieldError } from '../../platform/errors.js';
import { formatNumber } from '../../platform/i18n/i18n.js';

/**
 * A figure in per cent outside 0–100 is usually a typo: „4.711“ typed for 47,11 % is read as
 * 4 711, because the dot groups thousands in German. Growth rates or a utilisation can exceed
 * 100 %, so such a figure is not refused but must be confirmed: a checkbox in the forms,
 * `confirmOutOfRange` in the API, an option of the import. Percentage points (Prozentpunkte,
 * %-Punkte) are differences and have no such range.
 */
export function isPercentUnit(unit: string | null | undefined): boolean {
  const u = (unit ?? '').trim().toLowerCase();
  if (u === '' || u.includes('punkt')) return false;
  return u.includes('%') || /(^|[^a-zäöüß])prozent($|[^a-zäöüß])/.test(u) || /^v\.\s?h\.$/.test(u);
}

export const outsidePercentRange = (unit: string | null | undefined, value: number | null | undefined): value is number =>
  value != null && isPercentUnit(unit) && (value < 0 || value > 100);

/** The message of a form or API refusal for such a figure; the forms offer the confirmation when they see it. */
export const percentRangeMessage = 'validation.indicator_percent_range';
/** The same for a row of an import file. */
export const percentRangeImportMessage = 'indicators.import.error.percent_range';

/** The field error for such a figure, with the figure as the person reads it. */
export const percentRangeError = (field: string, value: number): FieldError => ({
  field,
  messageKey: percentRangeMessage,
  params: { value: formatNumber('de', value) },
});
