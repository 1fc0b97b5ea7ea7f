// Every table, from the module that owns it. drizzle-kit reads this file to generate migrations.
export * from '../platform/auth/schema.js';
export * from '../platform/audit/schema.js';
export * from '../modules/tenants/schema.js';
export * from '../modules/actors/schema.js';
export * from '../modules/concepts/schema.js';
export * from '../modules/measures/schema.js';
export * from '../modules/search/schema.js';
export * from '../modules/progress/schema.js';
