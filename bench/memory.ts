// Resident memory and start-up of the real server (issue 9.2), per database: a first start on
// empty data (migrations, demo seed) and a second start on the same data ("reopened"). Each start:
// seconds to the first 200 of /healthz, VmRSS right after it, and VmRSS after a load of page
// requests (the cached public concept page, then the signed-in concept and edition pages, which
// render afresh). The server runs as `npm start` runs it (package.json: its environment included; bench/run.ts).
import { signIn } from './crawl.js';
import { biggestEditionPage, type PagesContext } from './pages.js';
import { rssMb, runLoad, stopChild, waitForHealth } from './procs.js';

export interface MemoryContext extends Omit<PagesContext, 'databases'> {
  databases: (PagesContext['databases'][number] & { prepare?: () => Promise<void> })[];
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const concept = '/k/musterland/konzept';

export async function memoryBench(ctx: MemoryContext) {
  const { emit, log, loadSeconds } = ctx;
  for (const database of ctx.databases) {
    const { kind } = database;
    await database.prepare?.();
    for (const start of ['fresh', 'reopened'] as const) {
      const t0 = performance.now();
      const server = await ctx.startServer(`memory-${kind}-${start}`, database.env);
      // A first start with the demo seed on a busy machine can take minutes (see directory.ts).
      await waitForHealth(server.url, server.child, 600_000);
      const seconds = round((performance.now() - t0) / 1000);
      const what = start === 'fresh' ? 'empty data: migrations, demo seed' : 'the same data again';
      emit({ name: `memory_startup_${kind}_${start}`, value: seconds, unit: 's', db: kind, note: `process start to /healthz, ${what}`, target: 'none set (issue 9.2 asks for the number)' });
      const idle = rssMb(server.child.pid!);
      emit({ name: `memory_rss_${kind}_${start}_idle`, value: idle, unit: 'MB', db: kind, note: 'right after /healthz answered', target: `<= ${database.rssTargetMb}`, meets: idle !== null && idle <= database.rssTargetMb });
      const cookie = await signIn(server.url, 'koordination@musterland.example');
      const edition = await biggestEditionPage(server.url, cookie);
      for (const [path, who] of [[concept, undefined], [concept, cookie], [edition, cookie]] as const) {
        const label = `${who ? 'signed-in' : 'anonymous'} ${path}`;
        log(`memory ${kind} ${start}: ${label}, ${loadSeconds} s`);
        const load = await runLoad(server.url + path, loadSeconds, 10, who);
        // Throughput beside the memory: a V8 or allocator setting that saves memory must not cost much of it.
        emit({ name: `memory_load_${kind}_${start}_${who ? (path === concept ? 'concept' : 'edition') : 'cached'}`, value: round(load.requestsPerSec), unit: 'req/s', db: kind, note: `${label}, 10 connections, ${loadSeconds} s (p99 ${load.latencyP99} ms)`, target: 'none (compare variants measured side by side)' });
      }
      const loaded = rssMb(server.child.pid!);
      emit({ name: `memory_rss_${kind}_${start}_after_load`, value: loaded, unit: 'MB', db: kind, note: `after ${loadSeconds} s each of the cached concept page and the signed-in concept and edition pages, 10 connections`, target: `<= ${database.rssTargetMb}`, meets: loaded !== null && loaded <= database.rssTargetMb });
      await stopChild(server.child);
    }
  }
}
