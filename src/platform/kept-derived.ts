import type { Database } from '../db/client.js';
import { contentChangedSince, contentSnapshot, type ContentSnapshot } from './public-changes.js';

interface Entry<T> {
  value: T;
  snapshot: ContentSnapshot;
}

/**
 * Data derived from a Kommune's content that costs much to compute and changes only when that
 * content does (issue 9.2: the edition comparison loads both editions whole to show what differs).
 * Kept per database and key, and used again only while `contentChangedSince` says that no write in
 * the Kommune committed outside the snapshot it was computed from (every write is audited, and
 * auditing notes it): on PGlite without a query, on PostgreSQL with one indexed query. So whoever
 * reads it sees every committed change at once; there is no expiry by time. The key names what the
 * value is computed from besides the Kommune's content (ids, versions). At most `max` entries, the
 * one used longest ago goes first.
 */
export function keptWhileUnchanged<T>(max: number) {
  const byDatabase = new WeakMap<Database, Map<string, Entry<T>>>();
  return async (database: Database, tenantId: string, key: string, compute: () => Promise<T>): Promise<T> => {
    let kept = byDatabase.get(database);
    if (!kept) byDatabase.set(database, (kept = new Map()));
    const fullKey = `${tenantId}\0${key}`;
    const hit = kept.get(fullKey);
    let snapshot: ContentSnapshot | undefined;
    if (hit) {
      const check = await contentChangedSince(database, tenantId, hit.snapshot);
      if (!check.changed) {
        // Maps iterate in insertion order: moved to the end, it is the most recently used.
        kept.delete(fullKey);
        kept.set(fullKey, hit);
        return hit.value;
      }
      snapshot = check.snapshot;
    }
    // Taken before the first query of the computation: a write that commits while it runs counts as a change.
    snapshot ??= await contentSnapshot(database);
    const value = await compute();
    kept.delete(fullKey);
    kept.set(fullKey, { value, snapshot });
    for (const oldest of kept.keys()) {
      if (kept.size <= max) break;
      kept.delete(oldest);
    }
    return value;
  };
}
