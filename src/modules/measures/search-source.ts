import { sql } from 'drizzle-orm';
import type { SearchSource } from '../../platform/search-sources.js';

/** Measures of the edition searched, with their Themenfeld. */
export const measureSearchSource: SearchSource = {
  kind: 'measure',
  language: 'de',
  // Also by the name of a Zielgruppe a measure addresses (the Kommune's vocabulary, a few hundred
  // names), ranked at half a match in its own text; each measure once, with its best score.
  matches: ({ tenantId, editionId, tsquery, candidateLimit }) => sql`
    select distinct on (id) * from (
      select 'measure' as kind, c.id, c.edition_id as "editionId", c.number, c.title, c.description as text, f.title as context, f.id as "contextId",
             true as "isPublic", c.score from (
        select m.id, m.edition_id, m.number, m.title, m.description, m.field_id, m.tenant_id,
               ts_rank(m.search_vector, to_tsquery('german', ${tsquery}))::float8 as score
        from measures m
        where m.tenant_id = ${tenantId} and m.edition_id = ${editionId}
          and m.search_vector @@ to_tsquery('german', ${tsquery})
        limit ${candidateLimit}) c
      join fields f on f.tenant_id = c.tenant_id and f.id = c.field_id
      union all
      select 'measure' as kind, m.id, m.edition_id as "editionId", m.number, m.title, m.description as text, f.title as context, f.id as "contextId",
             true as "isPublic", 0.5 * ts_rank(to_tsvector('german', g.name), to_tsquery('german', ${tsquery}))::float8 as score
      from target_groups g
      join measure_target_groups l on l.tenant_id = g.tenant_id and l.target_group_id = g.id
      join measures m on m.tenant_id = l.tenant_id and m.id = l.measure_id
      join fields f on f.tenant_id = m.tenant_id and f.id = m.field_id
      where g.tenant_id = ${tenantId} and m.edition_id = ${editionId}
        and to_tsvector('german', g.name) @@ to_tsquery('german', ${tsquery})
    ) hits
    order by id, score desc`,
  appUrl: (hit, base) => `${base}/massnahmen/${hit.id}`,
  publicUrl: (hit, links) => links.measure(hit.number),
  appLabel: (_t, hit) => hit.number,
  publicLabel: (t, hit) => t('portal.search.kind_measure', { number: hit.number }),
  contextLabel: 'portal.measure.field',
};
