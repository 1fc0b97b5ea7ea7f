import { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import { isSpokenLanguage } from '../../platform/i18n/spoken-languages.js';
import {
  checkbox, germanNumber, listOf, optionalDate, optionalWebAddress, optionalText, optionalUuid, parseEachField, requiredText, throwIfProblems, uuid,
} from '../../platform/validation.js';
import { scheduleFromForm } from './schedule-form.js';
import { scheduleSchema } from './schedule.js';
import { barrierFreeValues, offerCategories, offerStatuses } from './schema.js';

const coordinate = (max: number) => z.preprocess(germanNumber, z.number({ error: 'validation.number' }).min(-max, 'validation.offer_coordinate').max(max, 'validation.offer_coordinate').nullable());

/** The fields of an offer as forms, the API and the import give them (the schedule as an object). */
export const offerFields = {
  title: requiredText(300),
  description: optionalText(10_000),
  category: z.enum(offerCategories, { error: 'validation.invalid_choice' }),
  providerIds: listOf(uuid()).pipe(z.array(z.string()).min(1, 'validation.offer_provider_required').max(20)),
  fieldIds: listOf(uuid()).pipe(z.array(z.string()).max(50)),
  municipalityId: optionalUuid(),
  street: optionalText(200),
  postalCode: z.preprocess((v) => (v == null ? '' : typeof v === 'string' ? v.trim() : v), z.string().regex(/^(\d{5})?$/, 'validation.offer_postal_code')),
  city: optionalText(100),
  latitude: coordinate(90),
  longitude: coordinate(180),
  schedule: scheduleSchema,
  temporarilyClosed: checkbox,
  reopensOn: optionalDate(),
  languages: listOf(z.string().trim().toLowerCase().refine((c): boolean => isSpokenLanguage(c), 'validation.offer_language')).pipe(z.array(z.string()).max(40)),
  targetGroupIds: listOf(uuid()).pipe(z.array(z.string()).max(50)),
  femaleContact: checkbox,
  maleContact: checkbox,
  childcare: checkbox,
  barrierFree: z.preprocess((v) => (v == null || v === '' ? 'unbekannt' : v), z.enum(barrierFreeValues, { error: 'validation.invalid_choice' })),
  free: checkbox,
  costNote: optionalText(300),
  registrationRequired: checkbox,
  website: optionalWebAddress(),
  status: z.preprocess((v) => (v == null || v === '' ? 'aktiv' : v), z.enum(offerStatuses, { error: 'validation.invalid_choice' })),
  verifiedOn: optionalDate(),
  published: checkbox,
  measureIds: listOf(uuid()).pipe(z.array(z.string()).max(50)),
  internalNote: optionalText(5000),
};
export const offerInput = z.object(offerFields);
export type OfferInput = z.output<typeof offerInput>;

/** Keys of the form's schedule fields, so that errors about the schedule object land beside them. */
const scheduleErrorField = (e: FieldError) => (e.field.startsWith('schedule') ? { ...e, field: 'scheduleKind' } : e);

/**
 * Reads an offer from a form (schedule as separate fields, see schedule-form.ts) or from JSON
 * (`schedule` as an object); every problem at once, as field errors of the form's names.
 */
export function parseOfferInput(raw: unknown): OfferInput {
  const values = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  let schedule: unknown = values.schedule;
  const problems: FieldError[] = [];
  if (schedule === undefined && values.scheduleKind !== undefined) {
    const form = scheduleFromForm(values);
    problems.push(...form.errors);
    schedule = form.schedule;
  }
  const { valid, errors } = parseEachField(offerInput, { ...values, schedule });
  const latitudeGiven = values.latitude != null && String(values.latitude).trim() !== '';
  const longitudeGiven = values.longitude != null && String(values.longitude).trim() !== '';
  if (latitudeGiven !== longitudeGiven) problems.push({ field: latitudeGiven ? 'longitude' : 'latitude', messageKey: 'validation.offer_coordinates_pair' });
  // A schedule the form could not read has its own messages; zod's view of the gap would repeat them.
  throwIfProblems([...(problems.some((p) => p.field !== 'latitude' && p.field !== 'longitude') ? errors.filter((e) => !e.field.startsWith('schedule')) : errors.map(scheduleErrorField)), ...problems]);
  return valid as OfferInput;
}
