// Search quality on the demo draft edition: precision and recall over the labelled relevance set
// (src/modules/search/relevance-set.ts), overall and per kind of query.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { editions } from '../src/modules/concepts/schema.js';
import { evaluateRelevance, searchableTexts } from '../src/modules/search/relevance-set.js';
import { searchEdition } from '../src/modules/search/service.js';

export async function relevanceBench(db: Db, tenantId: string) {
  const [draft] = await db.select().from(editions).where(and(eq(editions.tenantId, tenantId), eq(editions.status, 'entwurf')));
  if (!draft) throw new Error('demo draft edition missing');
  const { results, precision, recall } = await evaluateRelevance((q, limit) => searchEdition(db, tenantId, draft.id, q, limit), await searchableTexts(db, draft.id));
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const byKind = Object.fromEntries(
    [...new Set(results.map((r) => r.kind))].map((kind) => {
      const mine = results.filter((r) => r.kind === kind);
      const mean = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0) / xs.length);
      return [kind, { queries: mine.length, precision: mean(mine.map((r) => r.precision)), recall: mean(mine.map((r) => r.recall)) }];
    }),
  );
  const worst = [...results].sort((a, b) => a.precision + a.recall - (b.precision + b.recall)).slice(0, 5).map((r) => `${r.query} P${round(r.precision)} R${round(r.recall)}`);
  return { name: 'search_relevance', queries: results.length, precision: round(precision), recall: round(recall), byKind, worst };
}
