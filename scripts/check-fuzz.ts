// `npm run check:fuzz`: 10,000 generated requests of bad input (API, forms, pages) against an
// in-process ikon on each database kind; prints the status distribution and every 5xx, exits 1
// on any. IKON_FUZZ_COUNT, IKON_FUZZ_SEED and IKON_FUZZ_DB (pglite|postgres) narrow the run.
import { dbKinds, prepareTestDatabases } from '../test/support/databases.js';
import type { DatabaseKind } from '../src/db/client.js';
import { startTestApp } from '../test/support/harness.js';
import { distribution, runFuzz } from '../test/support/fuzz/run.js';

const count = Number(process.env.IKON_FUZZ_COUNT ?? 10_000);
const seed = Number(process.env.IKON_FUZZ_SEED ?? Date.now() % 1_000_000_000);
const kinds = process.env.IKON_FUZZ_DB ? [process.env.IKON_FUZZ_DB as DatabaseKind] : dbKinds;

await prepareTestDatabases(); // fixtures from the current schema and demo data

let failed = 0;
for (const kind of kinds) {
  const app = await startTestApp(kind);
  const started = performance.now();
  const result = await runFuzz(app, { count, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await app.close();
  console.log(`fuzz [${kind}] seed ${seed}: ${result.total} requests over ${result.routes.size} routes in ${seconds} s`);
  console.log(`  status: ${distribution(result.statuses)}`);
  console.log(`  5xx: ${result.serverErrors.length}`);
  for (const e of result.serverErrors.slice(0, 50)) console.log(`    ${e.status} ${e.request}`);
  failed += result.serverErrors.length;
}
process.exit(failed ? 1 : 0);
