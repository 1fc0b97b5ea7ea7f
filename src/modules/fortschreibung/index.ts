// What the fortschreibung module offers other modules (with its schema.ts); everything else in the folder is its own.
export { nextUpdateDue } from './service.js';
export { adoptionImpact, changeEditionStatus, losesPublicContent } from './adoption.js';
export type { AdoptionImpact } from './adoption.js';
