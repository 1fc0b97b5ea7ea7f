import { AsyncLocalStorage } from 'node:async_hooks';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

/**
 * Counts and times the database queries of one unit of work (a request), for the bench and for
 * finding N+1 queries (issue 9). Off unless `enableQueryStats()` ran (the server does so with
 * `IKON_QUERY_STATS=1`): it wraps drizzle's one path to both drivers, `queryWithCache` of every
 * prepared query, so it sees every query on PGlite and PostgreSQL, inside transactions too.
 * The time is the driver's: waiting for PGlite's one connection, running, parsing the rows.
 */
export interface QueryStats {
  count: number;
  ms: number;
  /** The statements with their time, in order of completion (first 200), when asked for with `collectSql`. */
  sql?: { text: string; ms: number }[];
}

const store = new AsyncLocalStorage<QueryStats>();
let enabled = false;

export function enableQueryStats(): void {
  if (enabled) return;
  enabled = true;
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: (q: string, ...rest: unknown[]) => Promise<unknown> };
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, queryString: string, ...rest: unknown[]) {
    const stats = store.getStore();
    if (!stats) return original.call(this, queryString, ...rest);
    const t0 = performance.now();
    try {
      return await original.call(this, queryString, ...rest);
    } finally {
      const ms = performance.now() - t0;
      stats.count++;
      stats.ms += ms;
      if (stats.sql && stats.sql.length < 200) stats.sql.push({ text: queryString, ms });
    }
  };
}

export const queryStatsEnabled = () => enabled;

/** Runs `work` and counts its queries (nothing is counted unless enabled). */
export async function withQueryStats<T>(work: () => Promise<T>, collectSql = false): Promise<{ result: T; stats: QueryStats }> {
  const outer = store.getStore();
  const stats: QueryStats = { count: 0, ms: 0, ...(collectSql || outer?.sql ? { sql: [] } : {}) };
  try {
    return { result: await store.run(stats, work), stats };
  } finally {
    // Nested (a request inside a profiled unit of work): the outer one counts these too.
    if (outer) {
      outer.count += stats.count;
      outer.ms += stats.ms;
      if (outer.sql && stats.sql) outer.sql.push(...stats.sql.slice(0, 200 - outer.sql.length));
    }
  }
}
