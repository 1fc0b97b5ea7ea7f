// Probe: resident memory at each start-up stage on PGlite (issue 9). npx tsx bench/mem-probe.ts DIR
// (REOPEN=1: close and reopen the database after seed and VACUUM, as main.ts does on a first start).
// Each line: the process's RSS, the request thread's V8 heap, and PGlite's thread (`wasm`: its
// WebAssembly memory, which only grows; `workerHeap`: that thread's JavaScript heap), in MB.
import fs from 'node:fs';
const dir = process.argv[2]!;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const mb = (bytes: number | null | undefined) => (bytes == null ? null : Math.round(bytes / 2 ** 20));
let thread: { memory?(): Promise<{ wasmBytes: number | null; heapUsedBytes: number }> } | undefined;
const mark = async (label: string) => {
  const m = process.memoryUsage();
  const w = await thread?.memory?.();
  console.log(JSON.stringify({ label, rss: Math.round(rss()), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), wasm: mb(w?.wasmBytes), workerHeap: mb(w?.heapUsedBytes) }));
};
await mark('start');
const { createApp } = await import('../src/app.js');
const { loadConfig } = await import('../src/config.js');
const { openPglite } = await import('../src/db/client.js');
const { runMaintenance } = await import('../src/db/maintenance.js');
const { runMigrations } = await import('../src/db/migrate.js');
const { seedDemo } = await import('../src/demo/seed.js');
const { demoSeedSteps, modules } = await import('../src/modules/index.js');
const { TestClient } = await import('../test/support/harness.js');
await mark('modules imported');
let database = await openPglite(`${dir}/pglite`);
thread = database.pglite;
await mark('pglite opened');
await runMigrations(database);
await mark('migrated');
await seedDemo(database.db, demoSeedSteps);
await mark('seeded');
await runMaintenance(database);
await mark('maintenance');
if (process.env.REOPEN) {
  database = await database.reopen!();
  thread = database.pglite;
  await mark('reopened');
  await runMaintenance(database);
  await mark('maintenance after reopen');
}
const app = createApp({ database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: dir }), modules });
const client = new TestClient(app);
const signed = await client.post('/anmelden', { email: 'koordination@musterland.example', password: 'Musterland-Demo-2026' });
if (signed.status !== 303) throw new Error(`sign-in ${signed.status}`);
for (let i = 0; i < 20; i++) await (await client.get('/k/musterland/konzept')).arrayBuffer();
await mark('20 concept renders');
await Promise.all(Array.from({ length: 10 }, async () => { for (let i = 0; i < 3; i++) await (await client.get('/k/musterland/konzept')).arrayBuffer(); }));
await mark('30 concurrent renders');
globalThis.gc?.();
await mark('after gc');
await database.close();
