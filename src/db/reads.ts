import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

type Results<T extends readonly (() => PromiseLike<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Independent reads at once where that helps (outside a transaction each takes a connection of
 * the pool), one after another inside a transaction: a transaction is one connection, and
 * node-postgres warns about a query sent while another runs on it (pg@9 will refuse it).
 */
export async function readsAtOnce<const T extends readonly (() => PromiseLike<unknown>)[]>(db: Db, reads: T): Promise<Results<T>> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}

/**
 * A subquery's rows as one JSON array, in the subquery's order (`[]` for none): several lists of
 * a page in one statement (`select ${jsonRows(a)} as a, ${jsonRows(b)} as b`). Keys are the
 * subquery's column names, so alias them as the code reads them (`field_id as "fieldId"`).
 */
export const jsonRows = (subquery: SQL): SQL => sql`(select coalesce(json_agg(q), '[]'::json) from (${subquery}) q)`;
