// Where a fresh page render spends its time (issue 9): in-process app on PGlite (or PostgreSQL with
// IKON_PROFILE_PG_URL), signed in as the Koordination, each path rendered N times; prints per path
// the CPU time per render (less sensitive to a busy machine than wall time), the median wall time, the number of queries and their time, and with IKON_PROFILE_CPU=file a V8
// CPU profile of the timed renders plus the functions with the most self time.
// Usage: npx tsx bench/page-profile.ts [path ...]   (default: the public concept page and the edition page)
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openPglite, openPostgres } from '../src/db/client.js';
import { runMaintenance } from '../src/db/maintenance.js';
import { runMigrations } from '../src/db/migrate.js';
import { enableQueryStats, withQueryStats } from '../src/db/query-stats.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { TestClient } from '../test/support/harness.js';

const rounds = Number(process.env.IKON_PROFILE_ROUNDS ?? 20);
const cpuFile = process.env.IKON_PROFILE_CPU;
const pgUrl = process.env.IKON_PROFILE_PG_URL;
const log = (msg: string) => process.stderr.write(`[profile] ${msg}\n`);

enableQueryStats();
const database = pgUrl ? await openPostgres(pgUrl) : await openPglite(undefined);
await runMigrations(database);
await seedDemo(database.db, demoSeedSteps);
await runMaintenance(database);
const app = createApp({ database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused' }) });
const client = new TestClient(app);
const signedIn = await client.post('/anmelden', { email: process.env.IKON_PROFILE_USER ?? 'koordination@musterland.example', password: 'Musterland-Demo-2026' });
if (signedIn.status !== 303) throw new Error(`sign-in: ${signedIn.status}`);

async function editionPath() {
  const res = await client.get('/app/k/musterland/fassungen');
  const ids = [...(await res.text()).matchAll(/href="(\/app\/k\/musterland\/fassungen\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
  // The edition with the most measures: render each once and take the biggest page.
  let best = { path: '', bytes: 0 };
  for (const p of new Set(ids)) {
    const bytes = (await (await client.get(p)).arrayBuffer()).byteLength;
    if (bytes > best.bytes) best = { path: p, bytes };
  }
  return best.path;
}

/** `@` in a path stands for the first id linked from its parent page or, failing that, from the page before it
 * in the path or one named before it:
 * `/app/k/musterland/vorlagen/@/dateien/@`, `/app/k/musterland/fassungen/@ /app/k/musterland/massnahmen/@`. */
const seenPages: string[] = [];
async function resolved(path: string) {
  let done = '';
  for (const part of path.split(/(?<=\/@)/)) {
    if (!part.endsWith('/@')) {
      done += part;
      break;
    }
    const parent = done + part.slice(0, -2);
    const link = new RegExp(`href="${parent.replace(/[?]/g, '\\?')}/([0-9a-f-]{36})`);
    let id: string | undefined;
    for (const page of [parent, ...(done ? [done] : []), ...seenPages]) {
      id = link.exec(await (await client.get(page)).text())?.[1];
      if (id) break;
    }
    if (!id) throw new Error(`no id linked from ${parent}`);
    done = `${parent}/${id}`;
  }
  seenPages.push(done);
  return done;
}
const paths: string[] = [];
for (const arg of process.argv.slice(2)) paths.push(await resolved(arg));
if (!paths.length) paths.push('/k/musterland/konzept', await editionPath());
const session = cpuFile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
}
/** CPU ms per thread of this process (/proc/self/task), by thread name: where a render's CPU goes (main thread vs PGlite's). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  const tick = 1000 / 100; // USER_HZ
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(`${name}#${tid}`, (Number(f[11]) + Number(f[12])) * tick);
    } catch {
      /* the thread ended */
    }
  }
  return out;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// A render every time: kept pages (public pages for signed-in visitors, the edition page) are keyed by the URL,
// so each request gets a query parameter of its own that no page reads.
// IKON_PROFILE_KEPT=1: the same URL every time instead, to see what a kept page costs when it is served again.
let unique = 0;
const rendered = (path: string) => (process.env.IKON_PROFILE_KEPT === '1' ? path : `${path}${path.includes('?') ? '&' : '?'}_render=${++unique}`);
for (const path of paths) {
  for (let i = 0; i < 3; i++) await (await client.get(rendered(path))).arrayBuffer();
  if (session) await session.post('Profiler.start');
  const walls: number[] = [];
  const dbMs: number[] = [];
  let count = 0;
  let bytes = 0;
  let sqlList: { text: string; ms: number }[] = [];
  const cpu0 = process.cpuUsage();
  const threads0 = threadCpu();
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const { result, stats } = await withQueryStats(async () => (await client.get(rendered(path))).arrayBuffer(), i === rounds - 1);
    walls.push(performance.now() - t0);
    dbMs.push(stats.ms);
    count = stats.count;
    bytes = result.byteLength;
    if (stats.sql) sqlList = stats.sql;
  }
  const cpu = process.cpuUsage(cpu0);
  const threads = [...threadCpu()].map(([name, ms]) => [name, (ms - (threads0.get(name) ?? 0)) / rounds] as const).filter(([, ms]) => ms > 0.5);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    const file = paths.length > 1 ? cpuFile!.replace(/(\.cpuprofile)?$/, `-${paths.indexOf(path)}.cpuprofile`) : cpuFile!;
    fs.writeFileSync(file, JSON.stringify(profile));
    log(`cpu profile: ${file}`);
  }
  console.log(JSON.stringify({ path, db: database.kind, bytes, rounds, cpuMsPerRender: +((cpu.user + cpu.system) / rounds / 1000).toFixed(1), wallMedianMs: +median(walls).toFixed(1), queries: count, dbMedianMs: +median(dbMs).toFixed(1), restMedianMs: +(median(walls) - median(dbMs)).toFixed(1), cpuMsPerThread: Object.fromEntries(threads.map(([n, ms]) => [n, +ms.toFixed(1)])) }));
  if (process.env.IKON_PROFILE_SQL) for (const s of sqlList) log(`${s.ms.toFixed(1).padStart(6)} ms  ${s.text.slice(0, 160)}`);
}
await database.close();
