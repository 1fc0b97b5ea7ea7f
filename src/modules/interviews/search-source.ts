import { sql } from 'drizzle-orm';
import type { SearchSource } from '../../platform/search-sources.js';

/**
 * Interview notes of the Bestandsaufnahme: internal (never in the portal), not bound to an
 * edition, so every search of the Kommune finds them; the Gemeinde is the context.
 */
export const interviewSearchSource: SearchSource = {
  kind: 'interview',
  language: 'de',
  matches: ({ tenantId, editionId, tsquery, candidateLimit }) => sql`
    select 'interview' as kind, i.id, ${editionId}::uuid as "editionId", to_char(i.held_on, 'DD.MM.YYYY') as number, i.title,
           i.findings as text, coalesce(m.name, '') as context, null::uuid as "contextId", false as "isPublic",
           ts_rank(i.search_vector, to_tsquery('german', ${tsquery}))::float8 as score
    from interviews i
    left join tenants m on m.id = i.municipality_id
    where i.tenant_id = ${tenantId} and i.search_vector @@ to_tsquery('german', ${tsquery})
    limit ${candidateLimit}`,
  appUrl: (hit, base) => `${base}/gespraeche/${hit.id}`,
  // Never public: the portal filters on isPublic; a link here would lead nowhere.
  publicUrl: (_hit, links) => links.search(''),
  appLabel: (t, hit) => t('interviews.search_label', { date: hit.number }),
  publicLabel: (t, hit) => t('interviews.search_label', { date: hit.number }),
  contextLabel: 'interviews.municipality',
};
