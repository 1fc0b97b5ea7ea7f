import { z } from 'zod';
import {
  expectedVersion, listOf, plainText, nullableText, optionalDate, optionalNumber, optionalText, optionalUuid, requiredText, uuid,
} from '../../platform/validation.js';
import { splitNames } from './target-groups/names.js';
import { horizons, measureStatuses, priorities, sdgGoals } from './schema.js';

/**
 * Zielgruppen by name: "Eltern, Frauen; Neuzugewanderte" or ["Eltern", …] → a clean list (the
 * API, the import, the form's "new Zielgruppe" field). Matched against the vocabulary when written.
 */
const targetGroupList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,;\n]/) : v ?? []),
  z.array(plainText().max(200)).transform((xs) => splitNames(xs)),
);

/** One schema for the measure form, the API and each import row. */
export const measureFields = z.object({
  number: requiredText(20),
  title: requiredText(300),
  description: optionalText(10_000),
  fieldId: uuid(),
  goalIds: listOf(uuid()),
  targetGroups: targetGroupList.describe(
    'Zielgruppen als Namen (Liste oder Text, getrennt durch Komma/Semikolon). Abgeglichen mit den Zielgruppen der Kommune ohne Rücksicht auf Groß-/Kleinschreibung; unbekannte Namen werden als neue Zielgruppen angelegt.',
  ),
  /** Entries of the vocabulary chosen in the form (checkbox list). */
  targetGroupIds: listOf(uuid()).describe('Zielgruppen als IDs (optional, zusätzlich zu `targetGroups`).'),
  leadActorId: optionalUuid(),
  partnerActorIds: listOf(uuid()),
  horizon: z.enum(horizons, { error: 'validation.invalid_choice' }),
  startDate: optionalDate(),
  endDate: optionalDate(),
  priority: z.enum(priorities, { error: 'validation.invalid_choice' }).default('normal'),
  staffFte: optionalNumber(1000),
  costEur: optionalNumber(1_000_000_000),
  fundingSource: nullableText(300),
  indicator: nullableText(500),
  targetValue: nullableText(200),
  status: z.enum(measureStatuses, { error: 'validation.invalid_choice' }).default('geplant'),
  crossCuttingIds: listOf(uuid()),
  sdgs: listOf(z.coerce.number().int().refine((n) => (sdgGoals as readonly number[]).includes(n), 'validation.invalid_choice')),
  municipalityIds: listOf(uuid()),
  internalNote: optionalText(10_000),
});
export type MeasureFields = z.output<typeof measureFields>;

export const createMeasureInput = measureFields.extend({ editionId: uuid() });
export const updateMeasureInput = measureFields.extend({ version: expectedVersion() });
export const statusInput = z.object({
  status: z.enum(measureStatuses, { error: 'validation.invalid_choice' }),
  version: expectedVersion(),
});
