import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { listActors } from '../actors/index.js';
import { editionOutline } from '../concepts/index.js';
import { municipalitiesOf } from '../../platform/tenancy/service.js';
import { targetGroupNames } from './target-groups/service.js';

/** Everything a measure form offers to choose from, for one edition. */
export async function measureOptions(db: Db, tenantId: string, editionId: string) {
  const [outline, actors, municipalities, targetGroups] = await readsAtOnce(db, [
    () => editionOutline(db, tenantId, editionId),
    () => listActors(db, tenantId),
    () => municipalitiesOf(db, tenantId),
    () => targetGroupNames(db, tenantId),
  ]);
  return {
    fields: outline.fields.filter((f) => !f.isCrossCutting),
    crossCutting: outline.fields.filter((f) => f.isCrossCutting),
    goals: outline.goals,
    actors,
    municipalities,
    /** The Kommune's Zielgruppen vocabulary, by name. */
    targetGroups,
  };
}
export type MeasureOptions = Awaited<ReturnType<typeof measureOptions>>;
