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
 * German full text (stemming: "Sprachkurse" → "sprachkurs") OR trigram word similarity (typos),
 * over the goals and measures of one edition, best first. Both conditions use GIN indexes.
 */
export async function searchEdition(db: Db, tenantId: string, editionId: string, query: string, limit = 50): Promise<SearchHit[]> {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  return db.transaction(async (tx) => {
    // `<%` compares against this setting; SET LOCAL keeps it inside this transaction.
    await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${trigramThreshold}`));
    return queryRows<SearchHit>(
      tx,
      sql`
      with q as (select websearch_to_tsquery('german', ${q}) as ts, ${q}::text as raw)
      select * from (
        select 'measure' as kind, m.id, m.number, m.title, m.description, f.title as "fieldTitle",
               (ts_rank(m.search_vector, q.ts) + word_similarity(q.raw, m.title || ' ' || m.description))::float8 as score
        from measures m cross join q
        join fields f on f.tenant_id = m.tenant_id and f.id = m.field_id
        where m.tenant_id = ${tenantId} and m.edition_id = ${editionId}
          and (m.search_vector @@ q.ts or q.raw <% (m.title || ' ' || m.description))
        union all
        select 'goal' as kind, g.id, g.number, g.title, g.description, f.title as "fieldTitle",
               (ts_rank(g.search_vector, q.ts) + word_similarity(q.raw, g.title))::float8 as score
        from goals g cross join q
        join fields f on f.tenant_id = g.tenant_id and f.id = g.field_id
        where g.tenant_id = ${tenantId} and g.edition_id = ${editionId}
          and (g.search_vector @@ q.ts or q.raw <% g.title)
      ) hits
      order by score desc, number
      limit ${limit}`,
    );
  });
}
