/**
 * Lineage across editions: a Fortschreibung copies measures and indicators, and every copy points
 * at its original (`predecessor_id`). What was reported on the original (Sachstände, attachments,
 * indicator values) stays with it; these helpers let pages follow a row back through the editions.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.js';

/** The tables with a `predecessor_id` column whose history pages follow. */
export type LineageTable = 'measures' | 'indicators';

/** More editions than any Kommune will have: guards against a cycle in bad data. */
const maxDepth = 50;

/**
 * For each given id: the id itself and all its predecessors, newest first (one recursive query).
 * Ids of other Kommunen or unknown ids map to themselves only.
 */
export async function ancestry(db: Db, table: LineageTable, tenantId: string, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, [id]]));
  if (ids.length === 0) return out;
  const t = sql.raw(table);
  const rows = await queryRows<{ root: string; id: string }>(
    db,
    sql`with recursive chain(root, id, predecessor_id, depth) as (
          select o.id, o.id, o.predecessor_id, 0 from ${t} o
           where o.tenant_id = ${tenantId} and o.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})
          union all
          select c.root, p.id, p.predecessor_id, c.depth + 1 from chain c
            join ${t} p on p.tenant_id = ${tenantId} and p.id = c.predecessor_id
           where c.depth < ${maxDepth}
        )
        select root, id from chain where depth > 0 order by root, depth`,
  );
  for (const r of rows) out.get(r.root)?.push(r.id);
  return out;
}

/** Whether `id` or one of its successors lies in edition `editionId` (e.g. the adopted one). */
export async function lineageReaches(db: Db, table: LineageTable, tenantId: string, id: string, editionId: string): Promise<boolean> {
  const t = sql.raw(table);
  const rows = await queryRows<{ found: number }>(
    db,
    sql`with recursive line(id, edition_id, depth) as (
          select o.id, o.edition_id, 0 from ${t} o where o.tenant_id = ${tenantId} and o.id = ${id}::uuid
          union all
          select n.id, n.edition_id, l.depth + 1 from line l
            join ${t} n on n.tenant_id = ${tenantId} and n.predecessor_id = l.id
           where l.depth < ${maxDepth}
        )
        select 1 as found from line where edition_id = ${editionId}::uuid limit 1`,
  );
  return rows.length > 0;
}
