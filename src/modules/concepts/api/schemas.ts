import { z } from '@hono/zod-openapi';
import { date, id, memberOnly, timestamp, versioned } from '../../../platform/api/schemas.js';
import { editionStatuses, goalKinds } from '../schema.js';

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
export const guidelineSchema = publicGuideline.extend(versioned).openapi('Guideline', { description: 'Leitlinie' });
export const fieldSchema = publicField.extend(versioned).openapi('Field', { description: 'Themenfeld (Handlungsfeld) oder Querschnittsthema' });
export const goalSchema = publicGoal.extend(versioned).openapi('Goal', { description: 'Ziel: Leitziel oder Handlungsziel eines Themenfelds' });

export const editionDetailSchema = editionSchema
  .extend({ guidelines: z.array(guidelineSchema), fields: z.array(fieldSchema), goals: z.array(goalSchema) })
  .openapi('EditionDetail');
