import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * A labelled relevance set for the search over the demo draft edition: each query with the rule
 * that decides which goals and measures a person asking it wants (a pattern over title and
 * description). Typos are in the query, never in the rule; queries for things that exist
 * nowhere expect nothing. `npm run bench` reports precision and recall over the whole set;
 * search.test.ts keeps a floor under both.
 */
export interface RelevanceCase {
  query: string;
  /** What the person means, matched against title + description of every goal and measure. */
  relevant: RegExp | null;
  kind: 'word' | 'compound' | 'typo' | 'phrase' | 'nothing';
}

export const relevanceSet: RelevanceCase[] = [
  // Plain words, with German inflection.
  { query: 'Sprachkurs', relevant: /sprachkurs/i, kind: 'compound' },
  { query: 'Sprachkurse', relevant: /sprachkurs/i, kind: 'compound' },
  { query: 'Kita', relevant: /kita/i, kind: 'word' },
  { query: 'Pflege', relevant: /pflege/i, kind: 'compound' },
  { query: 'Jobcenter', relevant: /jobcenter/i, kind: 'word' },
  { query: 'Ehrenamt', relevant: /ehrenamt/i, kind: 'word' },
  { query: 'Ausbildung', relevant: /ausbildung/i, kind: 'compound' },
  { query: 'Patenschaften', relevant: /patenschaft/i, kind: 'word' },
  { query: 'Mehrsprachigkeit', relevant: /mehrsprachigkeit/i, kind: 'word' },
  { query: 'Diskriminierung', relevant: /diskriminierung/i, kind: 'compound' },
  { query: 'Ausländerbehörde', relevant: /ausländerbehörde/i, kind: 'word' },
  { query: 'Anerkennung', relevant: /anerkennung/i, kind: 'compound' },
  { query: 'Wohnraum', relevant: /wohnraum/i, kind: 'word' },
  { query: 'Prävention', relevant: /prävention/i, kind: 'word' },
  { query: 'Kreisvolkshochschule', relevant: /kreisvolkshochschule/i, kind: 'word' },
  { query: 'Praktikumsbörse', relevant: /praktikumsbörse/i, kind: 'word' },
  { query: 'Integrationscafé', relevant: /integrationscaf/i, kind: 'word' },
  { query: 'Freiwilligenagentur', relevant: /freiwilligenagentur/i, kind: 'word' },
  { query: 'Gesundheitslotsen', relevant: /gesundheitslots/i, kind: 'word' },
  { query: 'Kreissportbund', relevant: /kreissportbund/i, kind: 'word' },
  // Words inside compounds.
  { query: 'Beratung', relevant: /beratung/i, kind: 'compound' },
  { query: 'Sprachmittlung', relevant: /sprachmittlung/i, kind: 'compound' },
  { query: 'Lotsen', relevant: /lots(en|innen)/i, kind: 'compound' },
  { query: 'Unterkünfte', relevant: /unterkünft|unterkunft/i, kind: 'compound' },
  { query: 'Förderung', relevant: /förderung/i, kind: 'compound' },
  { query: 'Betreuung', relevant: /betreuung/i, kind: 'compound' },
  { query: 'Kurse', relevant: /kurs/i, kind: 'compound' },
  // Typos.
  { query: 'Sprahkurs', relevant: /sprachkurs/i, kind: 'typo' },
  { query: 'Jobcentre', relevant: /jobcenter/i, kind: 'typo' },
  { query: 'Ehrenamtlishe', relevant: /ehrenamtlich/i, kind: 'typo' },
  { query: 'Mehrsprachigkiet', relevant: /mehrsprachigkeit/i, kind: 'typo' },
  { query: 'Auslanderbehorde', relevant: /ausländerbehörde/i, kind: 'typo' },
  { query: 'Praktikumsbörde', relevant: /praktikumsbörse/i, kind: 'typo' },
  { query: 'Kreisvolkshochschle', relevant: /kreisvolkshochschule/i, kind: 'typo' },
  { query: 'Diskrimminierung', relevant: /diskriminierung/i, kind: 'typo' },
  // Two words: both must occur.
  { query: 'Sprachkurs Kinderbetreuung', relevant: /^(?=[\s\S]*sprachkurs)(?=[\s\S]*kinderbetreuung)/i, kind: 'phrase' },
  { query: 'Frauen Beratung', relevant: /^(?=[\s\S]*frauen)(?=[\s\S]*beratung)/i, kind: 'phrase' },
  { query: 'Eltern Kita', relevant: /^(?=[\s\S]*eltern)(?=[\s\S]*kita)/i, kind: 'phrase' },
  { query: 'Pflege Ausbildung', relevant: /^(?=[\s\S]*pflege)(?=[\s\S]*ausbildung)/i, kind: 'phrase' },
  // Things that exist nowhere in the demo: nothing, not a flood of near misses.
  { query: 'Sprachcafé', relevant: null, kind: 'nothing' },
  { query: 'language', relevant: null, kind: 'nothing' },
  { query: 'Schwimmbad', relevant: null, kind: 'nothing' },
  { query: 'Raumfahrt', relevant: null, kind: 'nothing' },
  { query: 'Fußballstadion', relevant: null, kind: 'nothing' },
];

export interface RelevanceResult {
  query: string;
  kind: RelevanceCase['kind'];
  hits: number;
  relevantHits: number;
  relevantTotal: number;
  precision: number;
  recall: number;
}

/** Precision and recall of one query, given what the search returned and every document's text. */
export function judge(c: RelevanceCase, hitIds: string[], documents: { id: string; text: string }[], limit: number): RelevanceResult {
  const relevant = new Set(c.relevant ? documents.filter((d) => c.relevant!.test(d.text)).map((d) => d.id) : []);
  const relevantHits = hitIds.filter((id) => relevant.has(id)).length;
  // Recall counts against what fits on one result page: 200 relevant measures cannot all be on a page of 50.
  const reachable = Math.min(relevant.size, limit);
  return {
    query: c.query,
    kind: c.kind,
    hits: hitIds.length,
    relevantHits,
    relevantTotal: relevant.size,
    precision: hitIds.length ? relevantHits / hitIds.length : relevant.size ? 0 : 1,
    recall: reachable ? Math.min(1, relevantHits / reachable) : hitIds.length ? 0 : 1,
  };
}

/** Runs every query of the set against one edition and judges it; the test and the bench share this. */
export async function evaluateRelevance(
  search: (query: string, limit: number) => Promise<{ id: string }[]>,
  documents: { id: string; text: string }[],
  limit = 50,
): Promise<{ results: RelevanceResult[]; precision: number; recall: number }> {
  const results: RelevanceResult[] = [];
  for (const c of relevanceSet) results.push(judge(c, (await search(c.query, limit)).map((h) => h.id), documents, limit));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { results, precision: mean(results.map((r) => r.precision)), recall: mean(results.map((r) => r.recall)) };
}

/**
 * Title and description of every goal and measure of an edition, and the Kommune's interview notes
 * (the internal search finds them in every edition): what the search's sources read, for judging it.
 */
export async function searchableTexts(db: Db, editionId: string): Promise<{ id: string; text: string }[]> {
  return queryRows(
    db,
    sql`select m.id, m.title || ' ' || m.description || coalesce((select ' ' || string_agg(g.name, ' ') from measure_target_groups l
          join target_groups g on g.tenant_id = l.tenant_id and g.id = l.target_group_id where l.tenant_id = m.tenant_id and l.measure_id = m.id), '') as text
        from measures m where m.edition_id = ${editionId}
        union all select id, title || ' ' || description from goals where edition_id = ${editionId}
        union all select i.id, i.title || ' ' || i.themes || ' ' || i.findings || ' ' || i.conflict_potential || ' ' || i.participants
          from interviews i join editions e on e.tenant_id = i.tenant_id where e.id = ${editionId}`,
  );
}
