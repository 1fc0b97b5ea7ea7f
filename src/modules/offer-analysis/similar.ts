import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { SimilarItem } from '../../platform/similar-items.js';
import { isUuid } from '../../platform/validation.js';
import { offers, type OfferCategory, type Schedule } from '../offers/schema.js';
import { offerPairDecisions, offerTerms } from './schema.js';
import { duplicateThreshold, featuresOf, scorePair, type ComparableOffer, type DuplicateReason } from './scoring.js';
import { comparableCondition, comparableOffers, postingsBudget } from './service.js';

/**
 * An offer not (yet) saved, as a form, an import row or a partner's submission gives it. `id`
 * names the saved offer when one is being edited (it is not compared with itself).
 */
export interface OfferCandidate {
  id?: string | null;
  title: string;
  description?: string;
  category: OfferCategory;
  municipalityId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  schedule?: Schedule;
  languages?: string[];
  targetGroupIds?: string[];
  providerIds?: string[];
}

export interface SimilarOffer {
  id: string;
  title: string;
  municipalityId: string | null;
  score: number;
  reasons: DuplicateReason[];
}

/** How many offers sharing the candidate's rarer words the check scores (those sharing the most first). */
export const nearestTitles = 150;
/** And how many nearest titles among offers of the same category and Gemeinde (a duplicate with another title). */
export const nearestInCell = 50;

/**
 * The existing offers that look like `candidate`, best first, without pairs decided "kein
 * Duplikat" and without offers ended or merged. Not a scan of all offers: two bounded candidate
 * sets are scored, so the time for one check hardly grows with the number of offers
 * (measurements in docs/decisions.md):
 * - the `nearestTitles` offers sharing the most of the candidate's rarer words of title and
 *   description (`offer_terms`, rarest first until `postingsBudget` rows, as the report does);
 * - the `nearestInCell` nearest titles in the same category and Gemeinde (`title <-> …` on the
 *   GiST index `offers_cell_title_trgm_idx`), for a duplicate that shares no word ("Jobcafé" /
 *   "Job-Café").
 */
export async function similarOffers(db: Db, tenantId: string, candidate: OfferCandidate, threshold = duplicateThreshold): Promise<SimilarOffer[]> {
  const title = candidate.title.trim();
  if (!title) return [];
  const self = candidate.id && isUuid(candidate.id) ? candidate.id : null;
  const base = and(comparableCondition(tenantId), self ? sql`${offers.id} <> ${self}::uuid` : undefined);
  const municipality = candidate.municipalityId && isUuid(candidate.municipalityId) ? candidate.municipalityId : null;
  const cell = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(base, eq(offers.category, candidate.category), municipality ? eq(offers.municipalityId, municipality) : sql`${offers.municipalityId} is null`))
    .orderBy(sql`${offers.title} <-> ${title}`)
    .limit(nearestInCell);
  const ids = [...new Set([...(await sharingRareWords(db, tenantId, candidate, base)), ...cell.map((r) => r.id)])];
  if (ids.length === 0) return [];
  const decided = self
    ? await db
        .select({ a: offerPairDecisions.offerA, b: offerPairDecisions.offerB })
        .from(offerPairDecisions)
        .where(and(eq(offerPairDecisions.tenantId, tenantId), or(eq(offerPairDecisions.offerA, self), eq(offerPairDecisions.offerB, self)), or(inArray(offerPairDecisions.offerA, ids), inArray(offerPairDecisions.offerB, ids))))
    : [];
  const notDuplicate = new Set(decided.map((d) => (d.a === self ? d.b : d.a)));
  const mine = featuresOf(comparable(candidate, self));
  return (await comparableOffers(db, tenantId, ids.filter((id) => !notDuplicate.has(id))))
    .map((o) => ({ o, s: scorePair(mine, featuresOf(o)) }))
    .filter(({ s }) => s.score >= threshold)
    .sort((x, y) => y.s.score - x.s.score)
    .map(({ o, s }) => ({ id: o.id, title: o.title, municipalityId: o.municipalityId, score: s.score, reasons: s.reasons }));
}

function comparable(c: OfferCandidate, id: string | null): ComparableOffer {
  return {
    id: id ?? 'candidate',
    title: c.title,
    description: c.description ?? '',
    category: c.category,
    municipalityId: c.municipalityId ?? null,
    latitude: c.latitude ?? null,
    longitude: c.longitude ?? null,
    schedule: c.schedule ?? { kind: 'nach_vereinbarung' },
    languages: c.languages ?? [],
    targetGroupIds: c.targetGroupIds ?? [],
    providerIds: c.providerIds ?? [],
  };
}

/** A reason as message key and parameters (the texts are this module's, `duplicates.reason.*`). */
export function reasonMessage(r: DuplicateReason): { messageKey: string; params?: Record<string, string | number> } {
  const key = `duplicates.reason.${r.kind}`;
  if ('percent' in r) return { messageKey: key, params: { percent: r.percent } };
  if ('km' in r) return { messageKey: key, params: { km: String(r.km).replace('.', ',') } };
  return { messageKey: key };
}

/** The check offers run before saving (declared in this module's manifest, see platform/similar-items.ts). */
export async function similarItemsForOffer(db: Db, tenantId: string, candidate: Record<string, unknown>): Promise<SimilarItem[]> {
  const found = await similarOffers(db, tenantId, candidate as unknown as OfferCandidate);
  return found.slice(0, 10).map((o) => ({ id: o.id, title: o.title, score: o.score, reasons: o.reasons.map(reasonMessage) }));
}

/**
 * Up to `nearestTitles` offers sharing the most of the candidate's rarer words (title and
 * description, lower-case words of four or more letters as `offer_terms` holds them, split as
 * in migration 0024; nearer titles first among equals), the
 * way the report picks its candidates: each word is counted up to `postingsBudget` (an index
 * range that stops there, never a count of thousands), then the rarest are read while the rows
 * read stay within the budget. A word more offers share than that says little and is skipped.
 */
async function sharingRareWords(db: Db, tenantId: string, c: OfferCandidate, base: SQL | undefined): Promise<string[]> {
  const text = `${c.title} ${c.description ?? ''}`;
  const counted = await queryRows<{ term: string; n: number }>(db, sql`
    select w.term, (select count(*) from (select 1 from ${offerTerms} x where x.tenant_id = ${tenantId} and x.term = w.term limit ${postingsBudget + 1}) c)::int as n
    from (select distinct w from regexp_split_to_table(lower(${text}), '[^a-z0-9äöüßÄÖÜéÉèàáâçñ]+') as w where length(w) >= 4) as w(term)`);
  const chosen: string[] = [];
  let rows = 0;
  for (const { term, n } of counted.sort((a, b) => a.n - b.n || a.term.localeCompare(b.term))) {
    if (n === 0 || rows + n > postingsBudget) continue;
    rows += n;
    chosen.push(term);
  }
  if (chosen.length === 0) return [];
  const found = await db
    .select({ id: offers.id })
    .from(offerTerms)
    .innerJoin(offers, and(eq(offers.tenantId, offerTerms.tenantId), eq(offers.id, offerTerms.offerId)))
    .where(and(eq(offerTerms.tenantId, tenantId), inArray(offerTerms.term, chosen), base))
    .groupBy(offers.id, offers.title)
    .orderBy(desc(count()), sql`${offers.title} <-> ${c.title.trim()}`)
    .limit(nearestTitles);
  return found.map((r) => r.id);
}
