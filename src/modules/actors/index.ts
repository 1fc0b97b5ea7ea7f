// What the actors module offers other modules (with its schema.ts); everything else in the folder is its own.
export { actorInput, createActor, listActors, updateActor } from './service.js';
export type { Actor } from './service.js';
export { publishedContactsOf } from './contacts.js';
export type { PublishedContact } from './contacts.js';
