import { createApp, moduleJobs } from './app.js';
import { createMailer } from './platform/mail/mailer.js';
import { startJobs } from './platform/jobs/start.js';
import { listenFirst, PortInUseError } from './platform/http/listen.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { runMaintenance, scheduleMaintenance } from './db/maintenance.js';
import { runMigrations } from './db/migrate.js';
import { enableQueryStats } from './db/query-stats.js';
import { seedDemoOnce } from './demo/seed.js';
import { demoSeedSteps, modules } from './modules/index.js';
import { useModules } from './platform/module.js';

// Start-up: config → port (503 until ready) → database (locked) → migrations → (demo data) → app.
// The port comes first and the data directory is locked before PGlite opens it: a second start
// on a busy port or on a data directory in use stops before it touches the database.
const config = loadConfig();
if (config.queryStats) enableQueryStats();
const listener = await listenFirst(config.host, config.port).catch(refuseToStart);
let database = await openDatabase(config).catch(async (error) => {
  await listener.close();
  return refuseToStart(error);
});
await runMigrations(database);
// The modules' catalogs before the demo seed: it renders documents (the decided Vorlage as PDF).
useModules(modules);
const seeded = config.demo && (await seedDemoOnce(database, demoSeedSteps));
if (seeded) console.log('Demo-Daten „Landkreis Musterland“ angelegt.');
// PGlite has no autovacuum: refresh statistics now and every 15 minutes (src/db/maintenance.ts).
// PostgreSQL after the seed's bulk writes too: its autovacuum analyzes them a minute later at the
// earliest (never where it is off), and until then the planner takes the tables for empty (issue 9.2:
// the gap analysis 243 ms instead of ~40).
if (database.kind === 'pglite' || seeded) await runMaintenance(database);
// The seed's bulk writes leave PGlite's thread with memory it never gives back (issue 9): the
// first start closes the database and serves from a new thread, as every later start does.
if (seeded && database.reopen) database = await database.reopen();
// The seed also leaves garbage in this thread's old generation that V8 collects only under
// pressure: one full collection now (npm start passes --expose-gc for it; issue 9: memory).
if (seeded) globalThis.gc?.();
const stopMaintenance = scheduleMaintenance(database);
const mailer = createMailer(config.smtp);
const app = createApp({ database, config, mailer, modules });
// The modules' jobs (reminder e-mails; none without a mail server). With PostgreSQL they go
// through a queue in the database, so that several instances run each once (platform/jobs.ts).
const jobDefinitions = moduleJobs(modules, database, config, mailer);
const jobs = jobDefinitions.length ? await startJobs(database, config.databaseUrl, jobDefinitions) : undefined;
listener.ready(app.fetch);
console.log(`ikon läuft auf ${config.publicUrl} (Datenbank: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}, Port ${listener.port})`);

// Stopping (SIGTERM from systemd, a container runtime or a deploy; Ctrl+C): no new connections,
// the running requests are answered (up to 20 s, within the usual 30 s grace period), only then
// the jobs stop and the database closes. Closing it at once answered requests that were still
// running with "PGlite is closed" errors (issue 8, noticed in session 7).
const graceMs = 20_000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('ikon wird beendet: laufende Anfragen werden noch beantwortet, neue nicht mehr angenommen.');
    stopMaintenance();
    void listener
      .drain(graceMs)
      .then(() => jobs?.stop())
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}

/** Known start-up refusals get their German message without a stack trace; exit code 1. */
function refuseToStart(error: unknown): never {
  if (!(error instanceof PortInUseError || error instanceof DataDirInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
