import { withVersion, type Audience } from '../../../platform/api/audience.js';
import { AppError } from '../../../platform/errors.js';
import type { Edition } from '../editions.js';
import type { fields, goals, guidelines, EditionStatus } from '../schema.js';
import type { InternalEditionOut, PublicEditionOut, PublicFieldOut, PublicGoalOut, PublicGuidelineOut } from './schemas.js';

/** The public sees only the adopted edition: the one the council decided. */
export const isPublished = (edition: { status: EditionStatus }) => edition.status === 'beschlossen';

/** For the public, an unpublished edition (and all in it) does not exist: 404, not 403, to reveal nothing. */
export function assertVisible(edition: { status: EditionStatus }, audience: Audience): void {
  if (audience === 'public' && !isPublished(edition)) throw new AppError('not_found');
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentEdition(e: Edition, audience: 'public'): PublicEditionOut;
export function presentEdition(e: Edition, audience: Audience): PublicEditionOut | InternalEditionOut;
export function presentEdition(e: Edition, audience: Audience): PublicEditionOut | InternalEditionOut {
  const shown: PublicEditionOut = { id: e.id, title: e.title, status: e.status, adoptedOn: e.adoptedOn, introduction: e.introduction };
  if (audience === 'public') return shown;
  return { ...shown, predecessorId: e.predecessorId, createdAt: iso(e.createdAt), updatedAt: iso(e.updatedAt), version: e.version };
}

type GuidelineRow = Pick<typeof guidelines.$inferSelect, 'id' | 'editionId' | 'position' | 'title' | 'text' | 'version'>;
type FieldRow = Pick<typeof fields.$inferSelect, 'id' | 'editionId' | 'position' | 'title' | 'description' | 'isCrossCutting' | 'version'>;
type GoalRow = Pick<typeof goals.$inferSelect, 'id' | 'editionId' | 'fieldId' | 'kind' | 'number' | 'position' | 'title' | 'description' | 'version'>;

export const presentGuideline = (g: GuidelineRow, audience: Audience) =>
  withVersion<PublicGuidelineOut>({ id: g.id, editionId: g.editionId, position: g.position, title: g.title, text: g.text }, g, audience);

export const presentField = (f: FieldRow, audience: Audience) =>
  withVersion<PublicFieldOut>(
    { id: f.id, editionId: f.editionId, position: f.position, title: f.title, description: f.description, isCrossCutting: f.isCrossCutting },
    f,
    audience,
  );

export const presentGoal = (g: GoalRow, audience: Audience) =>
  withVersion<PublicGoalOut>(
    { id: g.id, editionId: g.editionId, fieldId: g.fieldId, kind: g.kind, number: g.number, position: g.position, title: g.title, description: g.description },
    g,
    audience,
  );

export function presentEditionDetail(e: Edition, outline: { guidelines: GuidelineRow[]; fields: FieldRow[]; goals: GoalRow[] }, audience: Audience) {
  return {
    ...presentEdition(e, audience),
    guidelines: outline.guidelines.map((g) => presentGuideline(g, audience)),
    fields: outline.fields.map((f) => presentField(f, audience)),
    goals: outline.goals.map((g) => presentGoal(g, audience)),
  };
}
