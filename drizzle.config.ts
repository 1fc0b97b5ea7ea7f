import { defineConfig } from 'drizzle-kit';

// Only used to generate migrations (`npm run db:generate`); they run from code at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
});
