import { defineConfig } from 'drizzle-kit';

// Only used to generate migrations (`npm run db:generate`); they run from code at start-up.
export default defineConfig({
  dialect: 'postgresql',
  // Every table lives in the `schema.ts` of the platform part or module that owns it.
  schema: './src/**/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
});
