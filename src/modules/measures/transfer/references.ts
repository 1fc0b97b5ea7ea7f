import { and, asc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from '../../../db/client.js';
import { measures as measureTable, targetGroups as targetGroupTable } from '../schema.js';
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
  /** The Kommune's Zielgruppen (vocabulary). */
  targetGroups: { id: string; name: string }[];
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
  const groupRows = await db.select({ id: targetGroupTable.id, name: targetGroupTable.name }).from(targetGroupTable).where(eq(targetGroupTable.tenantId, tenantId));
  return { fields: fieldRows, goals: goalRows, actors: actorRows, municipalities: municipalityRows, targetGroups: groupRows, measures };
}

/**
 * A fingerprint of everything loadReferences reads (ids and versions; links change only with
 * their measure's version; Zielgruppen renamed or merged change their own): equal stamps mean a plan made from the references still holds.
 */
export async function referencesStamp(db: Db, tenantId: string, editionId: string): Promise<string> {
  const digest = (table: PgTable, id: AnyColumn, version: AnyColumn, where: SQL) =>
    sql`(select coalesce(md5(string_agg(${id}::text || ':' || ${version}, ',' order by ${id})), '') from ${table} where ${where})`;
  const [row] = await queryRows<{ stamp: string }>(
    db,
    sql`select ${digest(measureTable, measureTable.id, measureTable.version, and(eq(measureTable.tenantId, tenantId), eq(measureTable.editionId, editionId))!)}
      || ${digest(fields, fields.id, fields.version, and(eq(fields.tenantId, tenantId), eq(fields.editionId, editionId))!)}
      || ${digest(goals, goals.id, goals.version, and(eq(goals.tenantId, tenantId), eq(goals.editionId, editionId))!)}
      || ${digest(actors, actors.id, actors.version, eq(actors.tenantId, tenantId))}
      || ${digest(tenants, tenants.id, tenants.version, eq(tenants.parentId, tenantId))}
      || ${digest(targetGroupTable, targetGroupTable.id, targetGroupTable.version, eq(targetGroupTable.tenantId, tenantId))} as stamp`,
  );
  return row!.stamp;
}
