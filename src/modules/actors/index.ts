// What the actors module offers other modules (with its schema.ts); everything else in the folder is its own.
export { actorById, actorInput, createActor, listActors, updateActor } from './service.js';
export type { Actor } from './service.js';
export { contactById, contactsOf, createContact, parseContactInput, publishedContactsOf, updateContact } from './contacts.js';
export type { Contact, ContactInput, PublishedContact } from './contacts.js';
export { ContactFields, contactFormOf } from './views/contact-form.js';
