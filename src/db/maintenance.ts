import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

/**
 * What PostgreSQL's autovacuum does in the background: refresh planner statistics and merge
 * GIN pending lists (search indexes). PGlite has no autovacuum, so ikon runs this itself on the
 * embedded database: at start-up and periodically (see main.ts). Without it the planner works
 * from missing statistics after a large import and full-text search slows down by an order of
 * magnitude (measured: search p95 at 100k measures 103 ms before, see docs/decisions.md).
 */
export async function runMaintenance(database: Database): Promise<void> {
  await database.db.execute(sql.raw('vacuum analyze'));
}

/** Every `intervalMs` on PGlite; PostgreSQL has autovacuum. Returns a stop function. */
export function scheduleMaintenance(database: Database, intervalMs = 15 * 60_000): () => void {
  if (database.kind !== 'pglite') return () => {};
  const timer = setInterval(() => {
    runMaintenance(database).catch((e) => console.error('Datenbankpflege fehlgeschlagen:', e));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
