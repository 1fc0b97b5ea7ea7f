import { z } from '@hono/zod-openapi';
import { date, id, memberOnly, timestamp, versioned } from '../../../platform/api/schemas.js';
import { actorKinds } from '../../actors/schema.js';
import { horizons, measureStatuses, priorities } from '../schema.js';

const publicMeasure = z.object({
  id: id(),
  editionId: id(),
  fieldId: id(),
  number: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  goalIds: z.array(id()),
  targetGroups: z.array(z.string()).openapi({ description: 'Zielgruppen: Namen aus den Zielgruppen der Kommune, alphabetisch' }),
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
