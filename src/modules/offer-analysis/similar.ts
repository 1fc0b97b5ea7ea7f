import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { SimilarItem } from '../../platform/similar-items.js';
import { isUuid } from '../../platform/validation.js';
import { offers, type OfferCategory, type Schedule } from '../offers/schema.js';
import { offerPairDecisions } from './schema.js';
import { duplicateThreshold, featuresOf, scorePair, type ComparableOffer, type DuplicateReason } from './scoring.js';
import { comparableCondition, comparableOffers } from './service.js';

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

/** How many nearest titles the check reads; enough for the labelled duplicates, small against 100k offers. */
export const nearestTitles = 150;
/** And how many nearest titles among offers of the same category and Gemeinde (a duplicate with another title). */
export const nearestInCell = 50;

/**
 * The existing offers that look like `candidate`, best first, without pairs decided "kein
 * Duplikat" and without offers ended or merged. Not a scan of all offers: pg_trgm's GiST index
 * gives the nearest titles (`<->`), overall and within the same category and Gemeinde, and only
 * those are scored (so the time for one check hardly grows with the number of offers).
 */
export async function similarOffers(db: Db, tenantId: string, candidate: OfferCandidate, threshold = duplicateThreshold): Promise<SimilarOffer[]> {
  const title = candidate.title.trim();
  if (!title) return [];
  const self = candidate.id && isUuid(candidate.id) ? candidate.id : null;
  const base = and(comparableCondition(tenantId), self ? sql`${offers.id} <> ${self}::uuid` : undefined);
  const near = db.select({ id: offers.id }).from(offers).where(base).orderBy(sql`${offers.title} <-> ${title}`).limit(nearestTitles);
  const municipality = candidate.municipalityId && isUuid(candidate.municipalityId) ? candidate.municipalityId : null;
  const cell = db
    .select({ id: offers.id })
    .from(offers)
    .where(and(base, eq(offers.category, candidate.category), municipality ? eq(offers.municipalityId, municipality) : sql`${offers.municipalityId} is null`))
    .orderBy(sql`${offers.title} <-> ${title}`)
    .limit(nearestInCell);
  const ids = [...new Set([...(await near).map((r) => r.id), ...(await cell).map((r) => r.id)])];
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
