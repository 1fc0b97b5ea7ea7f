import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

export interface SearchHit {
  kind: 'measure' | 'goal';
  id: string;
  number: string;
  title: string;
  description: string;
  fieldTitle: string;
  score: number;
}

/**
 * At most this many index matches per source are ranked. Real editions have a few hundred
 * measures, so this never cuts there; it keeps a very common word on a huge edition from
 * ranking every row (see docs/decisions.md for the measurements).
 */
const candidateLimit = 500;
/** Trigram similarity from which a vocabulary word counts as "meant" ("sprahkurs" ~ "sprachkurs"). */
const typoThreshold = 0.4;

/**
 * German full text over an edition's goals and measures, best first: stemming ("Sprachkurse" →
 * "sprachkurs"), words as prefixes of compounds ("Beratung" → "Beratungsangebot"). When that finds
 * fewer than `limit` hits, misspelled words are replaced by similar words of the Kommune's
 * vocabulary ("Sprahkurs" → "sprachkurs") and searched again.
 */
export async function searchEdition(db: Db, tenantId: string, editionId: string, query: string, limit = 50): Promise<SearchHit[]> {
  const words = wordsOf(query);
  if (words.length === 0) return [];
  return db.transaction(async (tx) => {
    // The planner underestimates prefix queries and, with LIMIT, walks a whole table (sequential
    // or primary-key scan) hoping to meet matches early: for a rare word at 100k measures that is
    // ~120 ms instead of ~5 ms with the GIN bitmap scan. Only bitmap scans are left allowed here.
    // `%` compares against the similarity threshold. SET LOCAL keeps all of it in this transaction.
    await tx.execute(sql.raw('set local enable_seqscan = off'));
    await tx.execute(sql.raw('set local enable_indexscan = off'));
    await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${typoThreshold}`));
    const exact = await fullTextHits(tx, tenantId, editionId, prefixTsQuery(words), limit, []);
    if (exact.length >= limit) return exact;
    const corrected = await typoTolerantTsQuery(tx, tenantId, words);
    if (!corrected) return exact;
    const fuzzy = await fullTextHits(tx, tenantId, editionId, corrected, limit - exact.length, exact.map((h) => h.id));
    return [...exact, ...fuzzy];
  });
}

/** Letters and digits only: user input can never become tsquery syntax. */
const wordsOf = (q: string) => (q.slice(0, 200).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);

/** Every word as a prefix, all required. */
export const prefixTsQuery = (words: string[]) => words.map((w) => `${w}:*`).join(' & ');

/** Each word OR its closest vocabulary words, all required; undefined when nothing similar exists. */
async function typoTolerantTsQuery(db: Db, tenantId: string, words: string[]): Promise<string | undefined> {
  let changed = false;
  const parts: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const similar =
      lower.length < 4
        ? []
        : await queryRows<{ term: string }>(
            db,
            sql`select term from search_terms where tenant_id = ${tenantId} and term % ${lower} and term <> ${lower}
                order by similarity(term, ${lower}) desc, term limit 3`,
          );
    const alternatives = similar.map((s) => s.term).filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
    if (alternatives.length) changed = true;
    parts.push(`(${[lower, ...alternatives].map((t) => `${t}:*`).join(' | ')})`);
  }
  return changed ? parts.join(' & ') : undefined;
}

async function fullTextHits(db: Db, tenantId: string, editionId: string, tsquery: string, limit: number, exclude: string[]): Promise<SearchHit[]> {
  const excluded = exclude.length ? sql`and hits.id not in (${sql.join(exclude.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return queryRows<SearchHit>(
    db,
    sql`
    select * from (
      select 'measure' as kind, c.id, c.number, c.title, c.description, f.title as "fieldTitle", c.score from (
        select m.id, m.number, m.title, m.description, m.field_id, m.tenant_id,
               ts_rank(m.search_vector, to_tsquery('german', ${tsquery}))::float8 as score
        from measures m
        where m.tenant_id = ${tenantId} and m.edition_id = ${editionId}
          and m.search_vector @@ to_tsquery('german', ${tsquery})
        limit ${candidateLimit}) c
      join fields f on f.tenant_id = c.tenant_id and f.id = c.field_id
      union all
      select 'goal' as kind, g.id, g.number, g.title, g.description, f.title as "fieldTitle",
             ts_rank(g.search_vector, to_tsquery('german', ${tsquery}))::float8 as score
      from goals g join fields f on f.tenant_id = g.tenant_id and f.id = g.field_id
      where g.tenant_id = ${tenantId} and g.edition_id = ${editionId}
        and g.search_vector @@ to_tsquery('german', ${tsquery})
    ) hits
    where true ${excluded}
    order by score desc, number
    limit ${limit}`,
  );
}
