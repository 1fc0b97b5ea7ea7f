// What the offers module offers other modules (with its schema.ts); everything else in the folder is its own.
export { parseOfferInput, offerInput } from './input.js';
export type { OfferInput } from './input.js';
export { isoWeekday, occurrencesBetween, upcoming, weekdaysOf } from './schedule.js';
export type { Occurrence } from './schedule.js';
export { createOffer, listOffers, offerById, providerNamesOf, updateOffer } from './service.js';
export type { Offer, OfferFilter, OfferWithLinks } from './service.js';
export { offerChoices } from './service.js';
export type { OfferChoices } from './service.js';
export { OfferFields, SimilarOffersPanel, fieldLabels as offerFieldLabels, newOfferValues, offerFormValues } from './views/offer-form.js';
export { scheduleSummary } from './views/schedule-text.js';
export { mergeOffers, offerHistory } from './merge.js';
