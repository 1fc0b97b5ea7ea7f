import { withVersion, type Audience } from '../../../platform/api/audience.js';
import type { Actor } from '../../actors/index.js';
import type { Measure } from '../service.js';
import type { InternalMeasureOut, PublicActorOut, PublicMeasureOut } from './schemas.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const num = (v: string | number | null) => (v == null ? null : Number(v));

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
