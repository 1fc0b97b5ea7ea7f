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

/** Below this word similarity a trigram match is noise ("Sprahkurs" ~ "Sprachkurs" scores ~0.6). */
const trigramThreshold = 0.45;
/**
 * At most this many index matches per source are ranked. Real editions have a few hundred
 * measures, so this never cuts there; it keeps a query for a very common word on a huge edition
 * from ranking every row (measured: 100k measures, "Sprachkurs" matching 6,000 → 22 ms instead
 * of 2.5 s on PostgreSQL; see docs/decisions.md).
 */
const candidateLimit = 1000;

/**
 * German full text first (stemming: "Sprachkurse" → "sprachkurs"), ranked by ts_rank. Only when
 * that finds fewer than `limit` hits, titles are searched by trigram word similarity for typos
 * ("Sprahkurs"). Each step is one GIN index scan with a bounded candidate set.
 */
export async function searchEdition(db: Db, tenantId: string, editionId: string, query: string, limit = 50): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const fullText = await queryRows<SearchHit>(
    db,
    sql`
    select * from (
      select 'measure' as kind, c.id, c.number, c.title, c.description, f.title as "fieldTitle", c.score from (
        select m.id, m.number, m.title, m.description, m.field_id, m.tenant_id,
               ts_rank(m.search_vector, websearch_to_tsquery('german', ${q}))::float8 as score
        from measures m
        where m.tenant_id = ${tenantId} and m.edition_id = ${editionId}
          and m.search_vector @@ websearch_to_tsquery('german', ${q})
        limit ${candidateLimit}) c
      join fields f on f.tenant_id = c.tenant_id and f.id = c.field_id
      union all
      select 'goal' as kind, g.id, g.number, g.title, g.description, f.title as "fieldTitle",
             ts_rank(g.search_vector, websearch_to_tsquery('german', ${q}))::float8 as score
      from goals g join fields f on f.tenant_id = g.tenant_id and f.id = g.field_id
      where g.tenant_id = ${tenantId} and g.edition_id = ${editionId}
        and g.search_vector @@ websearch_to_tsquery('german', ${q})
    ) hits
    order by score desc, number
    limit ${limit}`,
  );
  if (fullText.length >= limit) return fullText;
  const typos = await trigramTitles(db, tenantId, editionId, q, limit - fullText.length, fullText.map((h) => h.id));
  return [...fullText, ...typos];
}

async function trigramTitles(db: Db, tenantId: string, editionId: string, q: string, limit: number, exclude: string[]): Promise<SearchHit[]> {
  return db.transaction(async (tx) => {
    // `<%` compares against this setting; SET LOCAL keeps it inside this transaction.
    await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${trigramThreshold}`));
    const excluded = exclude.length ? sql`and c.id not in (${sql.join(exclude.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
    return queryRows<SearchHit>(
      tx,
      sql`
      select * from (
        select 'measure' as kind, c.id, c.number, c.title, c.description, f.title as "fieldTitle", c.score from (
          select m.id, m.number, m.title, m.description, m.field_id, m.tenant_id, word_similarity(${q}, m.title)::float8 as score
          from measures m
          where m.tenant_id = ${tenantId} and m.edition_id = ${editionId} and ${q} <% m.title
          limit ${candidateLimit}) c
        join fields f on f.tenant_id = c.tenant_id and f.id = c.field_id
        where true ${excluded}
        union all
        select 'goal' as kind, c.id, c.number, c.title, c.description, f.title as "fieldTitle", c.score from (
          select g.id, g.number, g.title, g.description, g.field_id, g.tenant_id, word_similarity(${q}, g.title)::float8 as score
          from goals g
          where g.tenant_id = ${tenantId} and g.edition_id = ${editionId} and ${q} <% g.title) c
        join fields f on f.tenant_id = c.tenant_id and f.id = c.field_id
        where true ${excluded}
      ) hits
      order by score desc, number
      limit ${limit}`,
    );
  });
}
