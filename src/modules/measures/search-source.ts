import { sql } from 'drizzle-orm';
import type { SearchSource } from '../../platform/search-sources.js';

/** Measures of the edition searched, with their Themenfeld. */
export const measureSearchSource: SearchSource = {
  kind: 'measure',
  language: 'de',
  matches: ({ tenantId, editionId, tsquery, candidateLimit }) => sql`
    select 'measure' as kind, c.id, c.edition_id as "editionId", c.number, c.title, c.description as text, f.title as context,
           true as "isPublic", c.score from (
      select m.id, m.edition_id, m.number, m.title, m.description, m.field_id, m.tenant_id,
             ts_rank(m.search_vector, to_tsquery('german', ${tsquery}))::float8 as score
      from measures m
      where m.tenant_id = ${tenantId} and m.edition_id = ${editionId}
        and m.search_vector @@ to_tsquery('german', ${tsquery})
      limit ${candidateLimit}) c
    join fields f on f.tenant_id = c.tenant_id and f.id = c.field_id`,
  appUrl: (hit, base) => `${base}/massnahmen/${hit.id}`,
  publicUrl: (hit, links) => links.measure(hit.number),
  appLabel: (_t, hit) => hit.number,
  publicLabel: (t, hit) => t('portal.search.kind_measure', { number: hit.number }),
  contextLabel: 'portal.measure.field',
};
