import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { offerCategories, offerTargetGroups, offers, type OfferCategory } from '../offers/schema.js';
import { duplicateThreshold, featuresOf, scorePair, type ComparableOffer, type DuplicateScore, type OfferFeatures } from './scoring.js';

/** The Kommune's offers that are not ended, in the shape the duplicate score compares. */
export async function comparableOffers(db: Db, tenantId: string): Promise<ComparableOffer[]> {
  const rows = await db
    .select({
      id: offers.id, title: offers.title, description: offers.description, category: offers.category, municipalityId: offers.municipalityId,
      latitude: offers.latitude, longitude: offers.longitude, schedule: offers.schedule, languages: offers.languages,
    })
    .from(offers)
    .where(and(eq(offers.tenantId, tenantId), ne(offers.status, 'beendet')))
    .orderBy(asc(offers.title));
  const groups = rows.length
    ? await db.select().from(offerTargetGroups).where(and(eq(offerTargetGroups.tenantId, tenantId), inArray(offerTargetGroups.offerId, rows.map((r) => r.id))))
    : [];
  const byOffer = new Map<string, string[]>();
  for (const g of groups) byOffer.set(g.offerId, [...(byOffer.get(g.offerId) ?? []), g.targetGroupId]);
  return rows.map((r) => ({ ...r, targetGroupIds: byOffer.get(r.id) ?? [] }));
}

export interface ScoredPair extends DuplicateScore {
  a: ComparableOffer;
  b: ComparableOffer;
}

/**
 * Pairs worth scoring: offers sharing at least one word stem of title or description (an
 * inverted index, so 10k offers do not make 50M comparisons). Very common stems are skipped.
 */
function candidatePairs(features: OfferFeatures[]): [number, number][] {
  const byStem = new Map<string, number[]>();
  features.forEach((f, i) => {
    for (const s of f.textStems) byStem.set(s, [...(byStem.get(s) ?? []), i]);
  });
  const common = Math.max(50, features.length / 5);
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const list of byStem.values()) {
    if (list.length > common) continue;
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * features.length + list[y]!;
        if (!seen.has(key)) seen.add(key) && out.push([list[x]!, list[y]!]);
      }
  }
  return out;
}

/** Every pair at or above the threshold, best first. */
export function likelyDuplicates(all: ComparableOffer[], threshold = duplicateThreshold): ScoredPair[] {
  const features = all.map(featuresOf);
  const out: ScoredPair[] = [];
  for (const [i, j] of candidatePairs(features)) {
    const s = scorePair(features[i]!, features[j]!);
    if (s.score >= threshold) out.push({ ...s, a: all[i]!, b: all[j]! });
  }
  return out.sort((x, y) => y.score - x.score);
}

/** Offers similar to one offer, best first (for its detail page and before saving a new one). */
export function similarTo(offer: ComparableOffer, all: ComparableOffer[], threshold = duplicateThreshold): ScoredPair[] {
  const mine = featuresOf(offer);
  return all
    .filter((o) => o.id !== offer.id)
    .map((o) => ({ ...scorePair(mine, featuresOf(o)), a: offer, b: o }))
    .filter((p) => p.score >= threshold)
    .sort((x, y) => y.score - x.score);
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

export interface GapMatrix {
  municipalities: { id: string; name: string }[];
  categories: OfferCategory[];
  /** counts[category][municipalityId or ''] — '' is kreisweit. */
  counts: Record<string, Record<string, number>>;
  emptyCells: number;
}

/** Active offers per category × Gemeinde (optionally for one target group); empty cells are gaps. */
export async function gapMatrix(db: Db, tenantId: string, targetGroupId?: string): Promise<GapMatrix> {
  const municipalities = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.parentId, tenantId)).orderBy(asc(tenants.name));
  const where = [eq(offers.tenantId, tenantId), eq(offers.status, 'aktiv')];
  const base = db.select({ category: offers.category, municipalityId: offers.municipalityId, id: offers.id }).from(offers);
  const rows = targetGroupId
    ? await base
        .innerJoin(offerTargetGroups, and(eq(offerTargetGroups.tenantId, offers.tenantId), eq(offerTargetGroups.offerId, offers.id)))
        .where(and(...where, eq(offerTargetGroups.targetGroupId, targetGroupId)))
    : await base.where(and(...where));
  const counts: Record<string, Record<string, number>> = {};
  for (const c of offerCategories) counts[c] = {};
  for (const r of rows) {
    const cell = counts[r.category]!;
    cell[r.municipalityId ?? ''] = (cell[r.municipalityId ?? ''] ?? 0) + 1;
  }
  let emptyCells = 0;
  for (const c of offerCategories) for (const m of municipalities) if (!counts[c]![m.id]) emptyCells++;
  return { municipalities, categories: [...offerCategories], counts, emptyCells };
}
