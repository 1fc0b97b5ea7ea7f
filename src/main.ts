import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { reminderJob } from './modules/attention/reminders.js';
import { createMailer } from './platform/mail/mailer.js';
import { startJobs } from './platform/jobs.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { runMaintenance, scheduleMaintenance } from './db/maintenance.js';
import { runMigrations } from './db/migrate.js';
import { seedDemo } from './modules/demo/seed.js';

// Start-up: config → database → migrations → (demo data) → app → listen.
const config = loadConfig();
const database = await openDatabase(config);
await runMigrations(database);
if (config.demo && (await seedDemo(database.db))) console.log('Demo-Daten „Landkreis Musterland“ angelegt.');
// PGlite has no autovacuum: refresh statistics now and every 15 minutes (src/db/maintenance.ts).
if (database.kind === 'pglite') await runMaintenance(database);
const stopMaintenance = scheduleMaintenance(database);
const mailer = createMailer(config.smtp);
const app = createApp({ database, config, mailer });
// Reminder e-mails need a mail server; without one the attention list shows them in the app.
const jobs = config.smtp ? startJobs([reminderJob(database, mailer, config.publicUrl)]) : undefined;
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`ikon läuft auf ${config.publicUrl} (Datenbank: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}, Port ${info.port})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopMaintenance();
    server.close();
    void Promise.resolve(jobs?.stop())
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}
