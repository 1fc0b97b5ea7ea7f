import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { searchSourceOf, searchSourcesOfModules, type SearchDocument, type SearchSource } from '../../platform/search-sources.js';

/** A document found, with the language of its text (from its source). */
export interface SearchHit extends SearchDocument {
  language: SearchSource['language'];
}

/** Who searches: the public portal sees only documents marked public. */
export type SearchAudience = 'public' | 'internal';

/**
 * At most this many index matches per source are ranked. Real editions have a few hundred
 * measures, so this never cuts there; it keeps a very common word on a huge edition from
 * ranking every row (see docs/decisions.md for the measurements).
 */
const candidateLimit = 500;
/** Trigram similarity from which a vocabulary word counts as "meant" ("sprahkurs" ~ "sprachkurs"). */
const typoThreshold = 0.4;

/** Words from this length on also find compounds that contain them ("Sprachkurs" → "Berufssprachkurse"). */
const compoundMinLength = 5;
/** At most this many compounds per word join the query (a common word would otherwise flood it). */
const compoundLimit = 30;

/**
 * German full text over the documents of an edition that the modules' search sources offer (goals,
 * measures, …; see `searchSources` in the manifests), ranked together, best first: stemming ("Sprachkurse" →
 * "sprachkurs"), words as prefixes of compounds ("Beratung" → "Beratungsangebot"), and words
 * inside compounds through the Kommune's vocabulary ("Sprachkurs" → "Berufssprachkurse",
 * "Fachsprachkurs"). Only when that finds nothing are misspelled words replaced by vocabulary
 * words at most one or two edits away ("Sprahkurs" → "sprachkurs"), so a word that exists
 * nowhere ("Sprachcafé") finds nothing instead of everything that shares a few letters.
 */
export async function searchEdition(db: Db, tenantId: string, editionId: string, query: string, limit = 50, audience: SearchAudience = 'internal'): Promise<SearchHit[]> {
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
    const search = { tenantId, editionId, limit, audience };
    const exact = await fullTextHits(tx, search, await compoundTsQuery(tx, tenantId, words));
    if (exact.length > 0) return exact;
    const corrected = await typoTolerantTsQuery(tx, tenantId, words);
    return corrected ? fullTextHits(tx, search, corrected) : [];
  });
}

/** Letters and digits only: user input can never become tsquery syntax. */
const wordsOf = (q: string) => (q.slice(0, 200).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);

/** Every word as a prefix, all required. */
export const prefixTsQuery = (words: string[]) => words.map((w) => `${w}:*`).join(' & ');

const asTerm = (t: string) => /^[\p{L}\p{N}]+$/u.test(t);

/** Each word as a prefix OR any vocabulary word that contains it inside (the trigram index answers LIKE). */
async function compoundTsQuery(db: Db, tenantId: string, words: string[]): Promise<string> {
  const parts: string[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    // Inside a compound the word appears without its plural ending: "Sprachkurse" in "Fachsprachkurs".
    const inner = [...new Set([lower, lower.replace(/(en|e|n|s)$/, '')])].filter((w) => w.length >= compoundMinLength);
    const compounds = inner.length
      ? await queryRows<{ term: string }>(
          db,
          sql`select term from search_terms where tenant_id = ${tenantId}
              and (${sql.join(inner.map((w) => sql`term like ${`%${w}%`}`), sql` or `)}) and term not like ${`${lower}%`}
              order by term limit ${compoundLimit}`,
        )
      : [];
    parts.push(`(${[lower, ...compounds.map((c) => c.term).filter(asTerm)].map((t) => `${t}:*`).join(' | ')})`);
  }
  return parts.join(' & ');
}

/** Edits allowed for a typo: one in short words, two from eight letters on. */
const allowedEdits = (word: string) => (word.length >= 8 ? 2 : 1);

/** Each word OR its vocabulary words within the allowed edits, all required; undefined when nothing is that close. */
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
                order by similarity(term, ${lower}) desc, term limit 10`,
          );
    const alternatives = similar.map((s) => s.term).filter((t) => asTerm(t) && editDistance(t, lower) <= allowedEdits(lower)).slice(0, 3);
    if (alternatives.length) changed = true;
    parts.push(`(${[lower, ...alternatives].map((t) => `${t}:*`).join(' | ')})`);
  }
  return changed ? parts.join(' & ') : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Every source's matches, ranked together: by score, then by number. */
async function fullTextHits(
  db: Db,
  search: { tenantId: string; editionId: string; limit: number; audience: SearchAudience },
  tsquery: string,
): Promise<SearchHit[]> {
  const sources = searchSourcesOfModules();
  if (sources.length === 0) return [];
  const match = { tenantId: search.tenantId, editionId: search.editionId, tsquery, candidateLimit };
  const publicOnly = search.audience === 'public' ? sql`where hits."isPublic"` : sql``;
  const rows = await queryRows<SearchDocument>(
    db,
    sql`
    select * from (${sql.join(sources.map((s) => sql`(${s.matches(match)})`), sql` union all `)}) hits
    ${publicOnly}
    order by score desc, number
    limit ${search.limit}`,
  );
  return rows.map((row) => ({ ...row, language: searchSourceOf(row.kind).language }));
}
