// Probe: resident memory at each start-up stage on PGlite (issue 9). npx tsx bench/mem-probe.ts DIR
import fs from 'node:fs';
const dir = process.argv[2]!;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const mark = (label: string) => {
  const m = process.memoryUsage();
  console.log(JSON.stringify({ label, rss: Math.round(rss()), heapUsed: Math.round(m.heapUsed / 2 ** 20), heapTotal: Math.round(m.heapTotal / 2 ** 20), external: Math.round(m.external / 2 ** 20), arrayBuffers: Math.round(m.arrayBuffers / 2 ** 20) }));
};
mark('start');
const { createApp } = await import('../src/app.js');
const { loadConfig } = await import('../src/config.js');
const { openPglite } = await import('../src/db/client.js');
const { runMaintenance } = await import('../src/db/maintenance.js');
const { runMigrations } = await import('../src/db/migrate.js');
const { seedDemo } = await import('../src/demo/seed.js');
const { demoSeedSteps, modules } = await import('../src/modules/index.js');
const { TestClient } = await import('../test/support/harness.js');
mark('modules imported');
let database = await openPglite(`${dir}/pglite`);
mark('pglite opened');
await runMigrations(database);
mark('migrated');
await seedDemo(database.db, demoSeedSteps);
mark('seeded');
await runMaintenance(database);
mark('maintenance');
if (process.env.REOPEN) {
  await database.close();
  database = await openPglite(`${dir}/pglite`);
  mark('reopened');
  await runMaintenance(database);
  mark('maintenance after reopen');
}
const app = createApp({ database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: dir }), modules });
const client = new TestClient(app);
const signed = await client.post('/anmelden', { email: 'koordination@musterland.example', password: 'Musterland-Demo-2026' });
if (signed.status !== 303) throw new Error(`sign-in ${signed.status}`);
for (let i = 0; i < 20; i++) await (await client.get('/k/musterland/konzept')).arrayBuffer();
mark('20 concept renders');
await Promise.all(Array.from({ length: 10 }, async () => { for (let i = 0; i < 3; i++) await (await client.get('/k/musterland/konzept')).arrayBuffer(); }));
mark('30 concurrent renders');
globalThis.gc?.();
mark('after gc');
await database.close();
