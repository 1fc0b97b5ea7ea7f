import { and, asc, eq, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { offerProviders, offerTargetGroups, offers } from '../offers/schema.js';
import { duplicateThreshold, featuresOf, networkFactor, scorePair, type ComparableOffer, type DuplicateScore, type OfferFeatures } from './scoring.js';

/** Offers that take part in the duplicate check: not ended, not merged into another. */
export const comparableCondition = (tenantId: string): SQL => and(eq(offers.tenantId, tenantId), ne(offers.status, 'beendet'), isNull(offers.mergedIntoId))!;

/** The Kommune's offers that are not ended or merged (or only `ids` of them), in the shape the duplicate score compares. */
export async function comparableOffers(db: Db, tenantId: string, ids?: string[]): Promise<ComparableOffer[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({
      id: offers.id, title: offers.title, description: offers.description, category: offers.category, municipalityId: offers.municipalityId,
      latitude: offers.latitude, longitude: offers.longitude, schedule: offers.schedule, languages: offers.languages,
    })
    .from(offers)
    .where(ids ? and(comparableCondition(tenantId), inArray(offers.id, ids)) : comparableCondition(tenantId))
    .orderBy(asc(offers.title));
  const offerIds = ids ?? rows.map((r) => r.id);
  // Every link of the Kommune when all offers are read (one query, no id list of thousands); else only those offers'.
  const mine = <T extends typeof offerTargetGroups | typeof offerProviders>(table: T) =>
    ids ? and(eq(table.tenantId, tenantId), inArray(table.offerId, offerIds)) : eq(table.tenantId, tenantId);
  const groups = rows.length ? await db.select().from(offerTargetGroups).where(mine(offerTargetGroups)) : [];
  const providers = rows.length ? await db.select().from(offerProviders).where(mine(offerProviders)) : [];
  const byOffer = new Map<string, string[]>();
  for (const g of groups) byOffer.set(g.offerId, [...(byOffer.get(g.offerId) ?? []), g.targetGroupId]);
  const providersOf = new Map<string, string[]>();
  for (const p of providers) providersOf.set(p.offerId, [...(providersOf.get(p.offerId) ?? []), p.actorId]);
  return rows.map((r) => ({ ...r, targetGroupIds: byOffer.get(r.id) ?? [], providerIds: providersOf.get(r.id) ?? [] }));
}

export interface ScoredPair extends DuplicateScore {
  a: ComparableOffer;
  b: ComparableOffer;
}

/** Postings visited per offer when looking for its candidates (rarest word stems first). */
export const postingsBudget = 1000;
/** Candidates scored per offer: those sharing the most word stems with it. */
export const candidatesPerOffer = 10;

/**
 * Pairs worth scoring, bounded per offer so 10k offers do not make 50M comparisons (nor a set of
 * millions of pairs): an inverted index of the word stems of title and description; for each
 * offer its rarest stems are read first until `postingsBudget` postings are seen (a stem that
 * thousands of offers share says little), and the `candidatesPerOffer` offers sharing the most
 * stems with it become pairs.
 */
export function candidatePairs(features: OfferFeatures[]): [number, number][] {
  const byStem = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const s of f.textStems) {
      const list = byStem.get(s);
      if (list) list.push(i);
      else byStem.set(s, [i]);
    }
  });
  const n = features.length;
  const seen = new Set<number>();
  const out: [number, number][] = [];
  features.forEach((f, i) => {
    const lists = [...f.textStems].map((s) => byStem.get(s)!).filter((l) => l.length > 1 && l.length <= postingsBudget).sort((a, b) => a.length - b.length);
    const shared = new Map<number, number>();
    let visited = 0;
    for (const list of lists) {
      if (visited + list.length > postingsBudget) break;
      visited += list.length;
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const j of mostShared(shared, candidatesPerOffer)) {
      const key = i < j ? i * n + j : j * n + i;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(i < j ? [i, j] : [j, i]);
      }
    }
  });
  return out;
}

/** The `k` keys with the highest counts (counts are small: bucketed, not sorted). */
function mostShared(counts: Map<number, number>, k: number): number[] {
  const buckets: number[][] = [];
  for (const [j, n] of counts) (buckets[n] ??= []).push(j);
  const out: number[] = [];
  for (let n = buckets.length - 1; n > 0 && out.length < k; n--) for (const j of buckets[n] ?? []) if (out.length < k) out.push(j);
  return out;
}

/** Key of an unordered pair, as `offer_pair_decisions` stores it (smaller id first). */
export const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/**
 * Every pair at or above the threshold, best first, except pairs decided "kein Duplikat"
 * (`notDuplicates`, keys from pairKey). `networks` collects, if given, the pairs the
 * same-provider rule kept out that would otherwise have counted.
 */
export function likelyDuplicates(all: ComparableOffer[], threshold = duplicateThreshold, notDuplicates: ReadonlySet<string> = new Set(), networks?: ScoredPair[]): ScoredPair[] {
  const features = all.map(featuresOf);
  const out: ScoredPair[] = [];
  for (const [i, j] of candidatePairs(features)) {
    const a = all[i]!, b = all[j]!;
    if (notDuplicates.has(pairKey(a.id, b.id))) continue;
    const s = scorePair(features[i]!, features[j]!);
    if (s.score >= threshold) out.push({ ...s, a, b });
    else if (networks && s.network && s.score / networkFactor >= threshold) networks.push({ ...s, a, b });
  }
  return out.sort((x, y) => y.score - x.score);
}

/** Groups of offers linked by likely-duplicate pairs (connected components), largest score first. */
export function clustersOf(pairs: ScoredPair[]): ScoredPair[][] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    const p = parent.get(id) ?? id;
    if (p === id) return id;
    const r = root(p);
    parent.set(id, r);
    return r;
  };
  for (const p of pairs) parent.set(root(p.a.id), root(p.b.id));
  const groups = new Map<string, ScoredPair[]>();
  for (const p of pairs) {
    const r = root(p.a.id);
    groups.set(r, [...(groups.get(r) ?? []), p]);
  }
  return [...groups.values()].sort((x, y) => y[0]!.score - x[0]!.score);
}
