import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client.js';

/**
 * The trigrams pg_trgm makes of each lower-case name of a Kommune's Zielgruppen (`show_trgm`: the
 * very set `similarity()` compares), as numbers: equal trigrams, equal numbers. One query; the
 * pairs are then compared here (`trigramSimilarity`) instead of by PostgreSQL, which took one
 * index probe per name (issue 9: 18 ms on PostgreSQL, ~60 ms in PGlite for the demo's 198 names).
 */
export async function nameTrigrams(db: Db, tenantId: string): Promise<Map<string, Int32Array>> {
  const rows = await queryRows<{ id: string; trgm: string[] }>(db, sql`select id, show_trgm(lower(name)) as trgm from target_groups where tenant_id = ${tenantId}`);
  const numberOf = new Map<string, number>();
  const out = new Map<string, Int32Array>();
  for (const r of rows) {
    const numbers = r.trgm.map((t) => numberOf.get(t) ?? (numberOf.set(t, numberOf.size), numberOf.size - 1));
    out.set(r.id, Int32Array.from(numbers).sort());
  }
  return out;
}

/**
 * The pairs among `sets` (trigram sets as `nameTrigrams` gives them) whose pg_trgm `similarity()`
 * (shared ÷ all trigrams, rounded to float4 as PostgreSQL computes it) is at least `threshold`
 * (> 0), as [index, index, similarity]. Counts shared trigrams through each trigram's list of names,
 * so only pairs that share one are looked at, each once per shared trigram.
 */
export function similarPairs(sets: Int32Array[], threshold: number): [number, number, number][] {
  const namesWith: number[][] = [];
  const shared = new Int32Array(sets.length);
  const pairs: [number, number, number][] = [];
  sets.forEach((set, i) => {
    const met: number[] = [];
    for (const t of set) for (const j of namesWith[t] ?? []) if (shared[j]!++ === 0) met.push(j);
    for (const j of met) {
      const s = Math.fround(shared[j]! / (set.length + sets[j]!.length - shared[j]!));
      if (s >= threshold) pairs.push([j, i, s]);
      shared[j] = 0;
    }
    for (const t of set) {
      const list = namesWith[t];
      if (list) list.push(i);
      else namesWith[t] = [i];
    }
  });
  return pairs;
}
