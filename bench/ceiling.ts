// The static ceiling of pages.ts for other benches: each measured response's bytes served by
// bench/static-server.mjs under the same load in the same run, and the ratio of the two.
import { startStatic, type PagesContext } from './pages.js';
import { runLoad, stopChild, type LoadResult } from './procs.js';

export interface CeilingRun {
  name: string;
  load: LoadResult;
  /** The saved bytes' file name in the static directory. */
  file: string;
  bytes: number;
  /** The ratio to reach (≥). */
  target: number;
  /** Fields every line of this run carries (db, path, …). */
  extra: Record<string, unknown>;
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

/** Loads the static server with each run's bytes and emits `<name>_requests_per_sec` and `<name>_vs_static`. */
export async function emitAgainstStatic(ctx: Pick<PagesContext, 'emit' | 'loadSeconds'>, staticDir: string, runs: CeilingRun[]) {
  const stat = await startStatic(staticDir);
  try {
    for (const r of runs) {
      await runLoad(`${stat.url}/${r.file}`, 2);
      const ceiling = await runLoad(`${stat.url}/${r.file}`, ctx.loadSeconds);
      const ratio = r.load.requestsPerSec / ceiling.requestsPerSec;
      const common = { ...r.extra, pageBytes: r.bytes, connections: 10, durationSec: ctx.loadSeconds, non2xx: r.load.non2xx, errors: r.load.errors };
      ctx.emit({ name: `${r.name}_requests_per_sec`, value: round(r.load.requestsPerSec, 1), unit: 'req/s', p50: r.load.latencyP50, p99: r.load.latencyP99, ...common });
      ctx.emit({ name: `${r.name}_vs_static`, value: round(ratio), unit: 'ratio', staticRequestsPerSec: round(ceiling.requestsPerSec, 1), target: `>= ${r.target}`, meets: ratio >= r.target, ...common });
    }
  } finally {
    await stopChild(stat.child);
  }
}
