// What the concepts module offers other modules (with its schema.ts); everything else in the folder is its own.
export { adoptedEdition, assertEditionOpen, createEdition, editionById, editionInput, listEditions, lockedEdition, transitionEdition } from './editions.js';
export type { Edition } from './editions.js';
export { createItem, editionOutline, fieldKind, goalKind, guidelineKind, swapWithNeighbour, updateItem } from './items.js';
export type { EditionOutline } from './items.js';
export { canManageConcept, canReadConcept, editionTransitions, isEditionOpen } from './policy.js';
export { assertVisible } from './api/present.js';
export { presentEdition, presentFields, presentGoal, presentGuideline } from './present.js';
export type { PublicEdition, PublicField, PublicGoal, PublicGuideline } from './present.js';
