import { isoWeekday, weekdaysOf } from '../offers/index.js';
import type { OfferCategory, Schedule } from '../offers/schema.js';
import { dice, normaliseText, overlap, stemsOf, trigramsOf } from './text-similarity.js';

/** What the duplicate check looks at in an offer (a row of `offers` plus its target groups). */
export interface ComparableOffer {
  id: string;
  title: string;
  description: string;
  category: OfferCategory;
  municipalityId: string | null;
  latitude: number | null;
  longitude: number | null;
  schedule: Schedule;
  languages: string[];
  targetGroupIds: string[];
  /** The actors running it; the same provider in two Gemeinden is a network, not a duplicate. */
  providerIds: string[];
}

/** Why two offers look alike; `different_level`, `far_apart` and `different_days` speak against it. */
export type DuplicateReason =
  | { kind: 'similar_text'; percent: number }
  | { kind: 'same_category' }
  | { kind: 'same_municipality' }
  | { kind: 'neighbouring_place'; km: number }
  | { kind: 'overlapping_times' }
  | { kind: 'same_target_groups' }
  | { kind: 'same_languages' }
  | { kind: 'both_countywide' }
  | { kind: 'different_level' }
  | { kind: 'far_apart' }
  | { kind: 'different_days' }
  | { kind: 'same_provider_network' };

export interface DuplicateScore {
  /** 0…1; at or above `duplicateThreshold` the pair is shown as a likely duplicate. */
  score: number;
  reasons: DuplicateReason[];
  /**
   * The same provider runs it in another Gemeinde: one programme in several places (the demo's
   * "Digitaltreff" per Gemeinde). Such a pair is not counted as a duplicate, whatever the text.
   */
  network: boolean;
}

/** Chosen on the labelled pairs (labelled-pairs.ts; numbers in docs/decisions.md). */
export const duplicateThreshold = 0.6;
/** Places closer than this count as neighbouring (no adjacency list of Gemeinden exists). */
export const neighbourKm = 10;
/** What the same-provider-elsewhere rule multiplies the score by (see `network`). */
export const networkFactor = 0.5;

const weights = { text: 0.45, category: 0.15, place: 0.15, time: 0.1, groups: 0.1, languages: 0.05 };

interface Slot { weekday: number; start: string; end: string }

/** The parts of an offer the score compares, computed once per offer (the 100k bench reuses them). */
export interface OfferFeatures {
  offer: ComparableOffer;
  titleTrigrams: Set<string>;
  titleStems: Set<string>;
  textStems: Set<string>;
  levels: Set<string>;
  audiences: Set<string>;
  slots: Slot[];
  weekdays: Set<number>;
}

// Course levels in a title: "A1" and "B2" (or a literacy course) of the same course are two offers.
const courseLevels = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2', 'alpha', 'alphabetisierung'];
// Audiences, also inside compounds ("Frauencafé"): count only when both titles name one.
const audiences = ['frauen', 'maenner', 'kinder', 'jugend', 'senioren', 'eltern'];

function slotsOf(schedule: Schedule): Slot[] {
  switch (schedule.kind) {
    case 'termine':
      return schedule.dates.map((d) => ({ weekday: isoWeekday(d.date), start: d.start, end: d.end }));
    case 'oeffnungszeiten':
      return schedule.slots.map((s) => ({ weekday: s.weekday, start: s.opens, end: s.closes }));
    case 'wiederkehrend':
      return weekdaysOf(schedule).map((weekday) => ({ weekday, start: schedule.start, end: schedule.end }));
    case 'nach_vereinbarung':
      return [];
  }
}

export function featuresOf(offer: ComparableOffer): OfferFeatures {
  const titleWords = new Set(normaliseText(offer.title).split(' '));
  const slots = slotsOf(offer.schedule);
  return {
    offer,
    titleTrigrams: trigramsOf(offer.title),
    titleStems: stemsOf(offer.title),
    textStems: stemsOf(`${offer.title} ${offer.description}`),
    levels: new Set(courseLevels.filter((w) => titleWords.has(w))),
    audiences: new Set(audiences.filter((w) => normaliseText(offer.title).includes(w))),
    slots,
    weekdays: new Set(slots.map((s) => s.weekday)),
  };
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
const jaccard = <T>(a: Set<T>, b: Set<T>) => {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
};

/** Share of two lists that agree; unknown on either side is half evidence. */
function setAgreement(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 0.5;
  if (a.length === 0 || b.length === 0) return 0.3;
  return jaccard(new Set(a), new Set(b));
}

function kilometres(a: ComparableOffer, b: ComparableOffer): number | undefined {
  if (a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null) return undefined;
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function placeScore(a: ComparableOffer, b: ComparableOffer, reasons: DuplicateReason[]): number {
  if (a.municipalityId && a.municipalityId === b.municipalityId) {
    reasons.push({ kind: 'same_municipality' });
    return 1;
  }
  const km = kilometres(a, b);
  if (km !== undefined && km <= neighbourKm) {
    reasons.push({ kind: 'neighbouring_place', km: Math.round(km * 10) / 10 });
    return 0.6;
  }
  if (!a.municipalityId && !b.municipalityId) {
    reasons.push({ kind: 'both_countywide' });
    return 0.8;
  }
  // County-wide or online offers may well duplicate a local one.
  if (!a.municipalityId || !b.municipalityId) return 0.3;
  reasons.push({ kind: 'far_apart' });
  return 0;
}

const overlaps = (x: Slot, y: Slot) => x.weekday === y.weekday && x.start < y.end && y.start < x.end;

function timeScore(a: OfferFeatures, b: OfferFeatures, reasons: DuplicateReason[]): number {
  if (a.slots.length === 0 || b.slots.length === 0) return 0.3;
  if (a.slots.some((x) => b.slots.some((y) => overlaps(x, y)))) {
    reasons.push({ kind: 'overlapping_times' });
    return 1;
  }
  // Same weekday at other hours: perhaps the same group, moved; different days: likely not.
  if ([...a.weekdays].some((d) => b.weekdays.has(d))) return 0.4;
  reasons.push({ kind: 'different_days' });
  return 0;
}

/** Text similarity 0…1: the better of title trigrams and shared title words, mixed with the whole text's words. */
function textScore(a: OfferFeatures, b: OfferFeatures): number {
  const title = Math.max(dice(a.titleTrigrams, b.titleTrigrams), 0.9 * overlap(a.titleStems, b.titleStems));
  const body = dice(a.textStems, b.textStems);
  return Math.min(1, 0.65 * title + 0.35 * Math.max(body, title * 0.8));
}

/** How likely two offers are the same thing entered twice, with the reasons a person can check. */
export function scorePair(a: OfferFeatures, b: OfferFeatures): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  let text = textScore(a, b);
  const disjoint = (x: Set<string>, y: Set<string>) => x.size > 0 && y.size > 0 && ![...x].some((l) => y.has(l));
  const levelsDiffer = !sameSet(a.levels, b.levels) || disjoint(a.audiences, b.audiences);
  if (levelsDiffer) text *= 0.5;
  if (text >= 0.45) reasons.push({ kind: 'similar_text', percent: Math.round(text * 100) });
  const category = a.offer.category === b.offer.category ? 1 : 0;
  if (category) reasons.push({ kind: 'same_category' });
  const place = placeScore(a.offer, b.offer, reasons);
  const time = timeScore(a, b, reasons);
  const groups = setAgreement(a.offer.targetGroupIds, b.offer.targetGroupIds);
  if (groups >= 0.99) reasons.push({ kind: 'same_target_groups' });
  const languages = setAgreement(a.offer.languages, b.offer.languages);
  if (languages >= 0.99) reasons.push({ kind: 'same_languages' });
  if (levelsDiffer) reasons.push({ kind: 'different_level' });
  const sum = weights.text * text + weights.category * category + weights.place * place + weights.time * time + weights.groups * groups + weights.languages * languages;
  // What speaks against a duplicate weighs more than a missing agreement: each lowers the whole score.
  const against = reasons.filter((r) => r.kind === 'different_level' || r.kind === 'far_apart' || r.kind === 'different_days').length;
  let score = sum * 0.8 ** against;
  const network = sameProviderElsewhere(a.offer, b.offer);
  if (network) {
    reasons.push({ kind: 'same_provider_network' });
    // Halved: a templated programme scores 0.6 and more (same text, category, audience); it stays visible as a network.
    score *= networkFactor;
  }
  return { score: Math.round(score * 1000) / 1000, reasons, network };
}

/** Both offers name a common provider and sit in two different Gemeinden (county-wide offers excluded). */
function sameProviderElsewhere(a: ComparableOffer, b: ComparableOffer): boolean {
  if (!a.municipalityId || !b.municipalityId || a.municipalityId === b.municipalityId) return false;
  return a.providerIds.some((p) => b.providerIds.includes(p));
}

export const isLikelyDuplicate = (s: DuplicateScore) => s.score >= duplicateThreshold;
