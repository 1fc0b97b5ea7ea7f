// What the reports module offers other modules (with its schema.ts); everything else in the folder is its own.
export { conceptDocument, conceptFileName, documentTypes } from './concept/document.js';
export type { ConceptDocument, ConceptFormat } from './concept/document.js';
