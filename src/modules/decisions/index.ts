// What the decisions module offers other modules (with its schema.ts); everything else in the folder is its own.
export { decisionOfEdition } from './queries.js';
export type { Decision } from './queries.js';
export { publicAdoptionOf } from './present.js';
export type { PublicDecisionSummary } from './present.js';
export { AdoptedByNote } from './views/public.js';
