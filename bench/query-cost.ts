// The fixed cost of one small query on PGlite on disk (issue 9.2): raw PGlite in process, the
// PGlite thread's client, and drizzle over it, each on the demo data (seeded into DIR on first
// use). Prints per kind of query the median of `rounds` rounds of `n` sequential queries, in µs
// per query, wall and this process's CPU (all threads).
// Usage: npx tsx bench/query-cost.ts [DIR] [rounds] [n]   (IKON_QC_ONLY=thread,drizzle,inprocess)
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { openPglite, type Database } from '../src/db/client.js';
import { runMaintenance } from '../src/db/maintenance.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { measures } from '../src/modules/measures/schema.js';

const dir = path.resolve(process.argv[2] ?? '.tmp/query-cost');
const rounds = Number(process.argv[3] ?? 5);
const n = Number(process.argv[4] ?? 500);
const only = process.env.IKON_QC_ONLY?.split(',');
const dataDir = path.join(dir, 'pglite');

if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
  fs.mkdirSync(dir, { recursive: true });
  const database = await openPglite(dataDir);
  await runMigrations(database);
  await seedDemo(database.db, demoSeedSteps);
  await runMaintenance(database);
  await database.close();
}

type Case = { name: string; run: (i: number) => Promise<unknown> };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, database: Database, cases: (d: Database, ids: string[]) => Case[]) {
  const ids = ((await database.pglite!.query<{ id: string }>('select id from measures order by id limit 50')).rows).map((r) => r.id);
  for (const c of cases(database, ids)) {
    for (let i = 0; i < 50; i++) await c.run(i); // warm-up (and plans cached, where they are)
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await c.run(i);
      const t = performance.now() - t0;
      const du = process.cpuUsage(c0);
      wall.push((t * 1000) / n);
      cpu.push((du.user + du.system) / n);
    }
    console.log(JSON.stringify({ mode: label, query: c.name, usWall: Math.round(median(wall)), usCpu: Math.round(median(cpu)), rounds, n }));
  }
}

const rawCases = (d: Database, ids: string[]): Case[] => [
  { name: 'select 1', run: () => d.pglite!.query('select 1') },
  { name: 'measure by id', run: (i) => d.pglite!.query('select id, title, number from measures where id = $1', [ids[i % ids.length]]) },
];
const drizzleCases = (d: Database, ids: string[]): Case[] => [
  { name: 'select 1', run: () => d.db.execute(sql`select 1`) },
  { name: 'measure by id', run: (i) => d.db.select({ id: measures.id, title: measures.title, number: measures.number }).from(measures).where(eq(measures.id, ids[i % ids.length]!)) },
  {
    name: 'measures of an edition (3 columns, ~30 rows)',
    run: (i) => d.db.select({ id: measures.id, title: measures.title, startDate: measures.startDate }).from(measures).where(eq(measures.fieldId, sql`(select field_id from measures where id = ${ids[i % ids.length]})`)),
  },
];

for (const mode of only ?? ['inprocess', 'thread', 'drizzle']) {
  const database = await openPglite(dataDir, { inProcess: mode === 'inprocess' });
  try {
    if (mode === 'drizzle') await measure('drizzle+thread', database, drizzleCases);
    else await measure(mode === 'inprocess' ? 'pglite in process' : 'thread client', database, rawCases);
  } finally {
    await database.close();
  }
}
