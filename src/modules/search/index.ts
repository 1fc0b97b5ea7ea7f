// What the search module offers other modules (with its schema.ts); everything else in the folder is its own.
export { searchEdition } from './service.js';
export type { SearchHit } from './service.js';
