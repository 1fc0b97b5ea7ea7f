import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { actors } from '../../actors/schema.js';
import { fields, goals } from '../../concepts/schema.js';
import { tenants } from '../../../platform/tenancy/schema.js';
import { linksOf, listMeasures, type Measure } from '../service.js';

/** Everything a measure table refers to, loaded once per import or export (a handful of queries). */
export interface References {
  fields: { id: string; title: string; position: number; isCrossCutting: boolean }[];
  goals: { id: string; fieldId: string; number: string; title: string; position: number }[];
  actors: { id: string; name: string }[];
  municipalities: { id: string; name: string; ags: string }[];
  /** The edition's measures in display order, with their links. */
  measures: Measure[];
}

export async function loadReferences(db: Db, tenantId: string, editionId: string): Promise<References> {
  // One after another: inside a transaction node-postgres has a single connection anyway.
  const fieldRows = await db
    .select({ id: fields.id, title: fields.title, position: fields.position, isCrossCutting: fields.isCrossCutting })
    .from(fields)
    .where(and(eq(fields.tenantId, tenantId), eq(fields.editionId, editionId)))
    .orderBy(asc(fields.position));
  const goalRows = await db
    .select({ id: goals.id, fieldId: goals.fieldId, number: goals.number, title: goals.title, position: goals.position })
    .from(goals)
    .where(and(eq(goals.tenantId, tenantId), eq(goals.editionId, editionId)))
    .orderBy(asc(goals.position));
  const actorRows = await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.tenantId, tenantId)).orderBy(asc(actors.name));
  const municipalityRows = await db
    .select({ id: tenants.id, name: tenants.name, ags: tenants.ags })
    .from(tenants)
    .where(eq(tenants.parentId, tenantId))
    .orderBy(asc(tenants.name));
  const measureRows = await listMeasures(db, tenantId, editionId);
  const links = await linksOf(db, tenantId, measureRows.map((m) => m.id));
  const measures: Measure[] = measureRows.map(({ fieldTitle: _f, fieldPosition: _p, leadActorName: _l, ...m }) => ({
    ...m,
    ...(links.get(m.id) ?? { goalIds: [], partnerActorIds: [], crossCuttingIds: [], municipalityIds: [], targetGroupIds: [], targetGroups: [] }),
  }));
  return { fields: fieldRows, goals: goalRows, actors: actorRows, municipalities: municipalityRows, measures };
}
