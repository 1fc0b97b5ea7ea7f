// What the offer-analysis module offers other modules (with its schema.ts); everything else in the folder is its own.
export { similarOffers } from './similar.js';
export type { OfferCandidate, SimilarOffer } from './similar.js';
export type { DuplicateReason } from './scoring.js';
