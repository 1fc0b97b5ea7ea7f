import { sql } from 'drizzle-orm';
import type { SearchSource } from '../../platform/search-sources.js';

/** Ziele of the edition searched, with their Themenfeld. */
export const goalSearchSource: SearchSource = {
  kind: 'goal',
  language: 'de',
  matches: ({ tenantId, editionId, tsquery }) => sql`
    select 'goal' as kind, g.id, g.edition_id as "editionId", g.number, g.title, g.description as text, f.title as context, f.id as "contextId",
           true as "isPublic", ts_rank(g.search_vector, to_tsquery('german', ${tsquery}))::float8 as score
    from goals g join fields f on f.tenant_id = g.tenant_id and f.id = g.field_id
    where g.tenant_id = ${tenantId} and g.edition_id = ${editionId}
      and g.search_vector @@ to_tsquery('german', ${tsquery})`,
  appUrl: (hit, base) => `${base}/fassungen/${hit.editionId}#ziel-${hit.id}`,
  publicUrl: (hit, links) => links.goal(hit.number),
  // Leitziele and Handlungsziele come from one table; a hit carries no kind, so it is a "Ziel".
  appLabel: (t, hit) => t('editions.search_goal', { number: hit.number }),
  publicLabel: (t, hit) => t('portal.search.kind_goal', { number: hit.number }),
  contextLabel: 'portal.measure.field',
};
