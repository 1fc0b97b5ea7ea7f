// What the tenants module offers other modules (with its schema.ts); everything else in the folder is its own.
export { slugify } from './ags.js';
export { membersOf } from './service.js';
