import { z } from 'zod';
import {
  expectedVersion, listOf, plainText, nullableText, optionalDate, optionalNumber, optionalText, optionalUuid, requiredText, uuid,
} from '../../platform/validation.js';
import { horizons, measureStatuses, priorities, sdgGoals } from './schema.js';

/** "Eltern, Frauen; Neuzugewanderte" or ["Eltern", …] → a clean list. */
const targetGroupList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,;\n]/) : v ?? []),
  z.array(plainText()).transform((xs) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))]),
);

/** One schema for the measure form, the API and each import row. */
export const measureFields = z.object({
  number: requiredText(20),
  title: requiredText(300),
  description: optionalText(10_000),
  fieldId: uuid(),
  goalIds: listOf(uuid()),
  targetGroups: targetGroupList,
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
