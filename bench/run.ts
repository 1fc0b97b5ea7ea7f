// ikon benchmark: `npm run bench`. Prints one JSON object per line on stdout (progress on stderr).
// See bench/README.md for what each line means.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { freePort, killAllSync, startChild, stopAll } from './procs.js';
import { pagesBench, type PagesContext } from './pages.js';
import { directoryBench } from './directory.js';
import { oparlBench } from './oparl.js';
import { memoryBench } from './memory.js';
import { npmStart } from '../test/support/server-process.js';
import { runMaintenance } from '../src/db/maintenance.js';
import { createEdition, demoEdition, insertSynthetic, timeSearch } from './search.js';
import { reportBench } from './reports.js';
import { rollupBench } from './rollup.js';
import { uploadBench } from './uploads.js';
import { relevanceBench } from './relevance.js';
import { duplicatesBench } from './duplicates.js';

const started = performance.now();
const adminUrl = process.env.IKON_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ikon_bench_${process.pid}`;
const loadSeconds = Number(process.env.IKON_BENCH_LOAD_SECONDS ?? 10);
const insertBudgetMs = 180_000; // 100k on PGlite: give up (and use PostgreSQL) if projected to take longer
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-bench-'));
let dbCreated = false;

const emit = (obj: Record<string, unknown>) => console.log(JSON.stringify(obj));
const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function dbUrl(name: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sqlText: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', IKON_DEMO: '1', ...extra };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  return env;
}

async function startServer(label: string, extra: Record<string, string>) {
  const port = await freePort();
  // As `npm start` runs it (its variables too: MALLOC_TRIM_THRESHOLD_ decides much of the resident
  // memory), but node itself (not npm) so that the child's pid is the server's own.
  const start = npmStart();
  const child = startChild(label, start.args, serverEnv({ ...start.env, PORT: String(port), ...extra }));
  return { label, child, url: `http://127.0.0.1:${port}` };
}

/** Drops ikon_bench_<pid> databases left behind by runs that were killed (their pid is gone). */
async function dropStaleDatabases() {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname ~ '^ikon_bench_[0-9]+$'`);
    for (const { datname } of rows) {
      const pid = Number(datname.slice('ikon_bench_'.length));
      if (pid !== process.pid && !fs.existsSync(`/proc/${pid}`)) {
        log(`dropping stale ${datname}`);
        await client.query(`drop database if exists ${datname} with (force)`);
      }
    }
  } finally {
    await client.end();
  }
}

const pageDatabases = (): PagesContext['databases'] => [
  { kind: 'pglite', env: { DATA_DIR: path.join(tmpDir, 'data') }, rssTargetMb: 400 },
  { kind: 'postgres', env: { DATA_DIR: path.join(tmpDir, 'data-pg'), DATABASE_URL: dbUrl(dbName) }, rssTargetMb: 200 },
];

async function ensureDatabase() {
  if (dbCreated) return;
  await admin(`create database ${dbName}`);
  dbCreated = true;
}

async function portalBench() {
  await recreateDatabase(); // a fresh database for startup_postgres_fresh, also after the memory part
  await pagesBench({ tmpDir, loadSeconds, emit, log, startServer, databases: pageDatabases() });
}

/** Start-up and resident memory of the real server: a new data directory / database, then reopened (its own, new ones). */
async function serverMemoryBench() {
  const [pglite, postgres] = pageDatabases();
  await memoryBench({
    tmpDir,
    loadSeconds: Math.min(loadSeconds, 5),
    emit,
    log,
    startServer,
    databases: [
      { ...pglite!, env: { DATA_DIR: path.join(tmpDir, 'data-memory') } },
      { ...postgres!, env: { ...postgres!.env, DATA_DIR: path.join(tmpDir, 'data-memory-pg') }, prepare: recreateDatabase },
    ],
  });
}

/** ikon_bench_<pid> empty again (a first start on PostgreSQL migrates and seeds it). */
async function recreateDatabase() {
  if (dbCreated) await admin(`drop database if exists ${dbName} with (force)`);
  dbCreated = false;
  await ensureDatabase();
}

/** The offer directory with filters (its own servers, after the portal's: fresh demo data). */
async function offerDirectoryBench() {
  await ensureDatabase();
  await directoryBench({ tmpDir, loadSeconds, emit, log, startServer, databases: pageDatabases() });
}

/** OParl list pages at 1k and 10k papers (its own servers and PGlite data directory). */
async function oparlListBench() {
  await ensureDatabase();
  await oparlBench({ tmpDir, loadSeconds, emit, log, startServer, databases: pageDatabases() });
}

class TooSlow extends Error {}

/**
 * After a bulk load PostgreSQL's autovacuum refreshes statistics and merges GIN pending lists;
 * ikon does the same on PGlite, which has no autovacuum (src/db/maintenance.ts). Same step on both.
 */
async function maintain(database: Database) {
  await runMaintenance(database);
}

async function syntheticSuite(database: Database, dbLabel: string, budgetMs: number | undefined) {
  const target = await demoEdition(database.db);
  const e1k = await createEdition(database.db, target.tenantId, 'Benchmark 1.000 Maßnahmen');
  let t0 = performance.now();
  await insertSynthetic(database.db, { ...target, editionId: e1k }, 1_000);
  log(`${dbLabel}: 1k inserted in ${Math.round(performance.now() - t0)} ms`);
  await maintain(database);
  const s1k = await timeSearch(database.db, target.tenantId, e1k);
  // Measured before the 100k rows exist, so it is the small-table baseline.
  const e100k = await createEdition(database.db, target.tenantId, 'Benchmark 100.000 Maßnahmen');
  t0 = performance.now();
  await insertSynthetic(database.db, { ...target, editionId: e100k }, 100_000, (done) => {
    const elapsed = performance.now() - t0;
    if (done % 10_000 === 0) log(`${dbLabel}: ${done} rows in ${Math.round(elapsed / 1000)} s`);
    if (budgetMs && done >= 5_000 && (elapsed / done) * 100_000 > budgetMs) {
      throw new TooSlow(`projected ${Math.round(((elapsed / done) * 100_000) / 1000)} s for 100k after ${done} rows`);
    }
  });
  const insertMs = performance.now() - t0;
  log(`${dbLabel}: 100k inserted in ${Math.round(insertMs / 1000)} s; searching`);
  await maintain(database);
  const s100k = await timeSearch(database.db, target.tenantId, e100k);
  return { s1k, s100k, insertMs };
}

async function searchBench() {
  log('search: PGlite in-process, migrate + seed');
  const lite = await openPglite(undefined);
  let pgDb: Database | undefined;
  try {
    await runMigrations(lite);
    await seedDemo(lite.db, demoSeedSteps);
    const demo = await demoEdition(lite.db);
    const sDemo = await timeSearch(lite.db, demo.tenantId, demo.editionId);
    emit({ name: 'search_p95_demo', value: sDemo.p95, unit: 'ms', db: 'pglite', p50: sDemo.p50, max: sDemo.max, samples: sDemo.samples, complete: sDemo.complete, hits: sDemo.hits });
    emit(await relevanceBench(lite.db, demo.tenantId));

    let result: Awaited<ReturnType<typeof syntheticSuite>>;
    let db = 'pglite';
    let note: string | undefined;
    try {
      result = await syntheticSuite(lite, 'pglite', insertBudgetMs);
    } catch (e) {
      if (!(e instanceof TooSlow)) throw e;
      note = `100k on PGlite given up: ${e.message}; 1k and 100k measured on PostgreSQL`;
      log(note);
      await lite.close();
      // Reuse the portal benchmark's database (migrated and seeded by the server), or make one.
      if (!dbCreated) {
        await admin(`create database ${dbName}`);
        dbCreated = true;
      }
      pgDb = await openPostgres(dbUrl(dbName), 2);
      await runMigrations(pgDb);
      await seedDemo(pgDb.db, demoSeedSteps);
      db = 'postgres';
      result = await syntheticSuite(pgDb, 'postgres', undefined);
    }
    const { s1k, s100k, insertMs } = result;
    emit({ name: 'search_p95_1k', value: s1k.p95, unit: 'ms', db, p50: s1k.p50, max: s1k.max, samples: s1k.samples, complete: s1k.complete, hits: s1k.hits, ...(note ? { note } : {}) });
    emit({ name: 'search_p95_100k', value: s100k.p95, unit: 'ms', db, p50: s100k.p50, max: s100k.max, samples: s100k.samples, complete: s100k.complete, hits: s100k.hits, insertSec: round(insertMs / 1000, 1) });
    const ratio = s100k.p95 / s1k.p95;
    emit({ name: 'search_p95_100k_vs_1k', value: round(ratio, 2), unit: 'ratio', db, target: '<= 3', meets: ratio <= 3 });
  } finally {
    await lite.close().catch(() => {});
    await pgDb?.close().catch(() => {});
  }
}

async function cleanup() {
  await stopAll();
  if (dbCreated) {
    await admin(`drop database if exists ${dbName} with (force)`).catch((e) => log(`could not drop ${dbName}: ${e.message}`));
    dbCreated = false;
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

process.on('exit', () => {
  killAllSync();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

let failed = false;
try {
  await dropStaleDatabases().catch((e) => log(`stale database check failed: ${e.message}`));
  const only = process.env.IKON_BENCH_ONLY;
  const part = (name: string) => !only || only === name;
  const others = ['search', 'rollup', 'reports', 'uploads', 'duplicates', 'directory', 'memory', 'oparl'];
  if (!only || only === 'memory') await serverMemoryBench();
  await stopAll();
  if (!others.includes(only ?? '')) await portalBench();
  await stopAll();
  if (!only || only === 'portal' || only === 'directory') await offerDirectoryBench();
  await stopAll();
  if (part('oparl')) await oparlListBench();
  await stopAll();
  if (only !== 'portal' && only !== 'memory' && only !== 'rollup' && only !== 'reports' && only !== 'uploads' && only !== 'duplicates' && only !== 'directory' && only !== 'oparl') await searchBench();
  if (part('rollup')) await rollupBench({ adminUrl, emit, log });
  if (part('reports')) await reportBench(emit);
  if (part('duplicates')) await duplicatesBench({ adminUrl, emit, log });
  if (part('uploads')) {
    await uploadBench({
      tmpDir,
      emit,
      log,
      startServer: () => startServer('server-uploads', { DATA_DIR: path.join(tmpDir, 'data-uploads') }),
      startPostgresServer: async () => {
        if (!dbCreated) {
          await admin(`create database ${dbName}`);
          dbCreated = true;
        }
        return startServer('server-uploads-postgres', { DATA_DIR: path.join(tmpDir, 'data-uploads-pg'), DATABASE_URL: dbUrl(dbName) });
      },
    });
  }
} catch (e) {
  failed = true;
  log(`failed: ${e instanceof Error ? e.stack : String(e)}`);
} finally {
  await cleanup();
}
emit({ name: 'bench_total_duration', value: round((performance.now() - started) / 1000, 1), unit: 's', cpus: os.cpus().length, ok: !failed });
process.exit(failed ? 1 : 0);
