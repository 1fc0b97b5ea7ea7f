import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts many rows as ONE JSON parameter (`jsonb_populate_recordset` over the table's row type)
 * instead of a parameter per value: drizzle's multi-row `values()` built and serialized ~12,500
 * parameters for 500 measures, 20–40 ms on the request thread per statement (bench/import-stalls.ts);
 * one JSON.stringify costs a few. Keys are the schema's property names (camelCase = the column in
 * snake case); every row has the same keys; columns not named take their defaults. The rows are
 * inserted in the given order (serial ids follow it). `replacer` is JSON.stringify's.
 */
export async function insertAsJson(db: Db, table: PgTable, rows: readonly Record<string, unknown>[], replacer?: (key: string, value: unknown) => unknown): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const names = keys.map(snake);
  const columns = sql.raw(names.map((name) => `"${name}"`).join(', '));
  // jsonb_populate_recordset matches keys to column names: the rows' keys in snake case.
  const records = rows.map((row) => Object.fromEntries(keys.map((key, i) => [names[i], row[key]])));
  await db.execute(sql`
    insert into ${table} (${columns})
    select ${columns} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records, replacer)}::jsonb) with ordinality as v
    order by v.ordinality`);
}
