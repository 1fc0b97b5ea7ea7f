import { z } from '@hono/zod-openapi';
import { actorKinds } from '../actors/schema.js';
import { editionStatuses, goalKinds } from '../concepts/schema.js';
import { horizons, measureStatuses, priorities } from '../measures/schema.js';
import { tenantKinds } from '../../platform/tenancy/schema.js';

/**
 * What the API sends back, as zod schemas for the OpenAPI document. Each resource has a public
 * shape and an internal one (public + fields only members of the Kommune see); the presenters in
 * present.ts build exactly these, so the types forbid an internal field in a public answer.
 */

const id = () => z.string().uuid();
const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ format: 'date', example: '2024-12-16' });
const timestamp = () => z.string().openapi({ format: 'date-time' });
const memberOnly = <T extends z.ZodType>(schema: T) => schema.optional().openapi({ description: 'Nur für Mitglieder der Kommune.' });

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://ikon.invalid/problems/validation_failed' }),
    code: z.string().openapi({
      description: 'Stabiler Fehlercode, z. B. validation_failed, not_found, forbidden, unauthenticated, csrf_failed, edit_conflict, conflict.',
      example: 'validation_failed',
    }),
    title: z.string().openapi({ description: 'Deutsche Meldung für Menschen.' }),
    status: z.number().int(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Bei validation_failed: ein Eintrag je fehlerhaftem Feld, mit deutscher Meldung.' }),
    currentVersion: z.number().int().optional().openapi({ description: 'Bei edit_conflict: die aktuelle Version des Eintrags.' }),
  })
  .openapi('Problem', { description: 'RFC 9457 Problem Details (application/problem+json).' });

export const kommuneSchema = z
  .object({ id: id(), ags: z.string().openapi({ example: '03499000' }), name: z.string(), kind: z.enum(tenantKinds), slug: z.string(), parentId: id().nullable() })
  .openapi('Kommune');
export type KommuneOut = z.infer<typeof kommuneSchema>;

export const kommuneDetailSchema = kommuneSchema
  .extend({ adoptedEditionId: id().nullable().openapi({ description: 'Die beschlossene Fassung des Integrationskonzepts, falls es eine gibt.' }) })
  .openapi('KommuneDetail');
export type KommuneDetailOut = z.infer<typeof kommuneDetailSchema>;

const publicEdition = z.object({ id: id(), title: z.string(), status: z.enum(editionStatuses), adoptedOn: date().nullable(), introduction: z.string() });
export type PublicEditionOut = z.infer<typeof publicEdition>;
export type InternalEditionOut = PublicEditionOut & { predecessorId: string | null; createdAt: string; updatedAt: string; version: number };
export const editionSchema = publicEdition
  .extend({ predecessorId: memberOnly(id().nullable()), createdAt: memberOnly(timestamp()), updatedAt: memberOnly(timestamp()), version: memberOnly(z.number().int()) })
  .openapi('Edition', { description: 'Eine Fassung des Integrationskonzepts. Öffentlich sichtbar ist nur die beschlossene Fassung.' });

const publicGuideline = z.object({ id: id(), editionId: id(), position: z.number().int(), title: z.string(), text: z.string() });
const publicField = z.object({ id: id(), editionId: id(), position: z.number().int(), title: z.string(), description: z.string(), isCrossCutting: z.boolean() });
const publicGoal = z.object({
  id: id(), editionId: id(), fieldId: id(), kind: z.enum(goalKinds), number: z.string(), position: z.number().int(), title: z.string(), description: z.string(),
});
export type PublicGuidelineOut = z.infer<typeof publicGuideline>;
export type PublicFieldOut = z.infer<typeof publicField>;
export type PublicGoalOut = z.infer<typeof publicGoal>;
export type Versioned<T> = T & { version: number };
const versioned = { version: memberOnly(z.number().int()) };
export const guidelineSchema = publicGuideline.extend(versioned).openapi('Guideline', { description: 'Leitlinie' });
export const fieldSchema = publicField.extend(versioned).openapi('Field', { description: 'Themenfeld (Handlungsfeld) oder Querschnittsthema' });
export const goalSchema = publicGoal.extend(versioned).openapi('Goal', { description: 'Ziel: Leitziel oder Handlungsziel eines Themenfelds' });

export const editionDetailSchema = editionSchema
  .extend({ guidelines: z.array(guidelineSchema), fields: z.array(fieldSchema), goals: z.array(goalSchema) })
  .openapi('EditionDetail');

const publicMeasure = z.object({
  id: id(),
  editionId: id(),
  fieldId: id(),
  number: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  goalIds: z.array(id()),
  targetGroups: z.array(z.string()),
  leadActorId: id().nullable(),
  partnerActorIds: z.array(id()),
  horizon: z.enum(horizons),
  startDate: date().nullable(),
  endDate: date().nullable(),
  priority: z.enum(priorities),
  staffFte: z.number().nullable().openapi({ description: 'Personal in Vollzeitäquivalenten (VZÄ)' }),
  costEur: z.number().nullable(),
  fundingSource: z.string().nullable(),
  indicator: z.string().nullable(),
  targetValue: z.string().nullable(),
  status: z.enum(measureStatuses),
  crossCuttingIds: z.array(id()),
  sdgs: z.array(z.number().int()),
  municipalityIds: z.array(id()),
});
export type PublicMeasureOut = z.infer<typeof publicMeasure>;
export type InternalMeasureOut = PublicMeasureOut & { internalNote: string; createdAt: string; updatedAt: string; version: number };
export const measureSchema = publicMeasure
  .extend({
    internalNote: memberOnly(z.string()).openapi({ description: 'Interne Notiz; nur für Mitglieder der Kommune, nie öffentlich.' }),
    createdAt: memberOnly(timestamp()),
    updatedAt: memberOnly(timestamp()),
    version: memberOnly(z.number().int()).openapi({ description: 'Für Änderungen mitzuschicken (Bearbeitungskonflikte). Nur für Mitglieder.' }),
  })
  .openapi('Measure', { description: 'Maßnahme' });

const publicActor = z.object({ id: id(), name: z.string(), kind: z.enum(actorKinds), municipalityId: id().nullable() });
export type PublicActorOut = z.infer<typeof publicActor>;
export const actorSchema = publicActor.extend(versioned).openapi('Actor', { description: 'Akteur (Fachdienst, Verband, Migrantenorganisation …)' });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
