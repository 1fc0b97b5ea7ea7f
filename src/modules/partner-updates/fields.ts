import type { Actor, Contact } from '../actors/index.js';
import type { OfferInput, OfferWithLinks } from '../offers/index.js';
import type { SubmissionKind } from './schema.js';

/**
 * The fields a partner may report, by kind of submission. Offers: what describes the offer to the
 * public; never its providers, the links to the concept, publication, the last check or the
 * internal note (those stay the Koordination's). Contacts: every field, consent included.
 */
export const partnerOfferFields = [
  'title', 'description', 'category', 'municipalityId', 'street', 'postalCode', 'city', 'schedule', 'temporarilyClosed', 'reopensOn',
  'languages', 'targetGroupIds', 'femaleContact', 'maleContact', 'childcare', 'barrierFree', 'free', 'costNote', 'registrationRequired', 'website', 'status',
] as const satisfies readonly (keyof OfferInput)[];

export const partnerContactFields = [
  'name', 'role', 'responsibility', 'email', 'phone', 'languages', 'gender', 'consentScope', 'consentDate', 'consentSource',
] as const satisfies readonly (keyof Contact)[];

export const partnerActorFields = ['address', 'website'] as const satisfies readonly (keyof Actor)[];

export const fieldsOfKind = (kind: SubmissionKind): readonly string[] =>
  kind === 'offer_update' || kind === 'offer_new' ? partnerOfferFields : kind === 'actor_update' ? partnerActorFields : partnerContactFields;

/** Offer form fields the partner form never shows: taken from the stored offer, never from the form. */
export const keptOfferFormFields = ['providerIds', 'fieldIds', 'measureIds', 'published', 'verifiedOn', 'internalNote', 'latitude', 'longitude'] as const;

/** The stored offer as the offer services read it (JSON shape, schedule as an object). */
export function offerInputOf(o: OfferWithLinks): Record<string, unknown> {
  return {
    title: o.title, description: o.description, category: o.category, providerIds: o.providerIds, fieldIds: o.fieldIds, municipalityId: o.municipalityId,
    street: o.street, postalCode: o.postalCode, city: o.city, latitude: o.latitude, longitude: o.longitude, schedule: o.schedule,
    temporarilyClosed: o.temporarilyClosed, reopensOn: o.temporarilyClosed ? o.reopensOn : null, languages: o.languages, targetGroupIds: o.targetGroupIds,
    femaleContact: o.femaleContact, maleContact: o.maleContact, childcare: o.childcare, barrierFree: o.barrierFree, free: o.free, costNote: o.costNote,
    registrationRequired: o.registrationRequired, website: o.website, status: o.status, verifiedOn: o.verifiedOn, published: o.published,
    measureIds: o.measureIds, internalNote: o.internalNote,
  };
}

/** The stored contact person as the contact services read it. */
export const contactInputOf = (c: Contact): Record<string, unknown> =>
  Object.fromEntries(partnerContactFields.map((f) => [f, c[f]]));

/** Lists that are sets (languages, target groups) compare without order; objects by their sorted keys. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? [...v].sort() : v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v === undefined || v === '' ? null : v;
}
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The fields whose value the partner changed: { field: { before, after } }. */
export function changesBetween(fields: readonly string[], before: Record<string, unknown>, after: Record<string, unknown>) {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const f of fields) if (!sameValue(before[f], after[f])) out[f] = { before: before[f] ?? null, after: after[f] ?? null };
  return out;
}
