import type { CurrentUser } from '../../platform/auth/current-user.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../actors/index.js';
import type { Edition } from '../concepts/index.js';
import type { fields, goals, guidelines, EditionStatus } from '../concepts/schema.js';
import type { Measure } from '../measures/index.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { canReadInternal } from '../../platform/tenancy/policy.js';
import type {
  InternalEditionOut, InternalMeasureOut, KommuneDetailOut, KommuneOut, PublicActorOut, PublicEditionOut, PublicFieldOut, PublicGoalOut,
  PublicGuidelineOut, PublicMeasureOut, Versioned,
} from './schemas.js';

/**
 * Presenters: the only way data leaves the server through the API. Every field is listed by
 * name (never `...row`), so a column added to a table stays inside until someone decides to
 * publish it. The public shape is what the portal shows; members of the Kommune get more.
 */
export type Audience = 'public' | 'internal';

/** Members of the Kommune (and platform admins) see drafts and internal notes; everyone else the portal's view. */
export const audienceFor = (user: CurrentUser | null, tenantId: string): Audience => (canReadInternal(user, tenantId) ? 'internal' : 'public');

/** The public sees only the adopted edition: the one the council decided. */
export const isPublished = (edition: { status: EditionStatus }) => edition.status === 'beschlossen';

/** For the public, an unpublished edition (and all in it) does not exist: 404, not 403, to reveal nothing. */
export function assertVisible(edition: { status: EditionStatus }, audience: Audience): void {
  if (audience === 'public' && !isPublished(edition)) throw new AppError('not_found');
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const num = (v: string | number | null) => (v == null ? null : Number(v));

export const presentKommune = (t: Tenant): KommuneOut => ({ id: t.id, ags: t.ags, name: t.name, kind: t.kind, slug: t.slug, parentId: t.parentId });

export const presentKommuneDetail = (t: Tenant, adopted: Edition | undefined): KommuneDetailOut => ({ ...presentKommune(t), adoptedEditionId: adopted?.id ?? null });

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

const withVersion = <T>(shown: T, row: { version: number }, audience: Audience): T | Versioned<T> =>
  audience === 'public' ? shown : { ...shown, version: row.version };

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

export function presentMeasure(m: Measure, audience: 'public'): PublicMeasureOut;
export function presentMeasure(m: Measure, audience: Audience): PublicMeasureOut | InternalMeasureOut;
export function presentMeasure(m: Measure, audience: Audience): PublicMeasureOut | InternalMeasureOut {
  const shown: PublicMeasureOut = {
    id: m.id,
    editionId: m.editionId,
    fieldId: m.fieldId,
    number: m.number,
    position: m.position,
    title: m.title,
    description: m.description,
    goalIds: m.goalIds,
    targetGroups: m.targetGroups,
    leadActorId: m.leadActorId,
    partnerActorIds: m.partnerActorIds,
    horizon: m.horizon,
    startDate: m.startDate,
    endDate: m.endDate,
    priority: m.priority,
    staffFte: num(m.staffFte),
    costEur: num(m.costEur),
    fundingSource: m.fundingSource,
    indicator: m.indicator,
    targetValue: m.targetValue,
    status: m.status,
    crossCuttingIds: m.crossCuttingIds,
    sdgs: m.sdgs,
    municipalityIds: m.municipalityIds,
  };
  if (audience === 'public') return shown;
  return { ...shown, internalNote: m.internalNote, createdAt: iso(m.createdAt), updatedAt: iso(m.updatedAt), version: m.version };
}

type ActorRow = Pick<Actor, 'id' | 'name' | 'kind' | 'municipalityId' | 'version'>;
export const presentActor = (a: ActorRow, audience: Audience) =>
  withVersion<PublicActorOut>({ id: a.id, name: a.name, kind: a.kind, municipalityId: a.municipalityId }, a, audience);
