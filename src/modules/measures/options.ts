import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { jsonRows } from '../../db/reads.js';
import { AppError } from '../../platform/errors.js';
import { isUuid } from '../../platform/validation.js';
import type { ActorKind } from '../actors/schema.js';

type Named = { id: string; name: string };
type Field = { id: string; title: string; isCrossCutting: boolean };

/**
 * Everything a measure form offers to choose from, for one edition, and what its page needs to name
 * ids: one query, each list as a JSON array in its order, only the columns shown (issue 9.2: six
 * queries before, the actors with every column and their Gemeinde's name).
 */
export async function measureOptions(db: Db, tenantId: string, editionId: string) {
  if (!isUuid(editionId)) throw new AppError('not_found');
  const [row] = await queryRows<{ fields: Field[]; goals: { id: string; fieldId: string; number: string; title: string }[]; actors: (Named & { kind: ActorKind })[]; municipalities: Named[]; targetGroups: Named[] }>(
    db,
    sql`select ${jsonRows(sql`select id, title, is_cross_cutting as "isCrossCutting" from fields where tenant_id = ${tenantId} and edition_id = ${editionId} order by position`)} as fields,
      ${jsonRows(sql`select id, field_id as "fieldId", number, title from goals where tenant_id = ${tenantId} and edition_id = ${editionId} order by position`)} as goals,
      ${jsonRows(sql`select id, name, kind from actors where tenant_id = ${tenantId} order by name`)} as actors,
      ${jsonRows(sql`select id, name from tenants where parent_id = ${tenantId} order by name`)} as municipalities,
      ${jsonRows(sql`select id, name from target_groups where tenant_id = ${tenantId}`)} as "targetGroups"`,
  );
  const { fields, goals, actors, municipalities, targetGroups } = row!;
  return {
    fields: fields.filter((f) => !f.isCrossCutting),
    crossCutting: fields.filter((f) => f.isCrossCutting),
    goals,
    actors,
    municipalities,
    /** The Kommune's Zielgruppen vocabulary, by name. */
    targetGroups: targetGroups.sort((a, b) => a.name.localeCompare(b.name, 'de')),
  };
}
export type MeasureOptions = Awaited<ReturnType<typeof measureOptions>>;
