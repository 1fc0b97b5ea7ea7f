/**
 * A tiny in-process scheduler for periodic background work (reminder e-mails). Each job runs
 * every `everyMs`; a run that is still going when the next tick comes is not started twice.
 *
 * One ikon instance runs its own jobs. A deployment with several instances behind a load
 * balancer would run each job once per instance: there, jobs belong in a Postgres-backed queue
 * (e.g. pg-boss or graphile-worker, or `SELECT … FOR UPDATE SKIP LOCKED` on a jobs table), so
 * that exactly one instance picks up each run. The jobs themselves are written for that: they
 * take the time as an argument and record what they did in the database (the reminder job
 * reads its own audit entries to know when it last sent).
 */

/** Where "now" comes from; tests pass a clock they can move. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** setInterval/clearInterval, injectable so tests can tick by hand. */
export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
const realTimers: Timers = {
  setInterval(fn, ms) {
    const handle = setInterval(fn, ms);
    handle.unref(); // background work never keeps the process alive
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface Job {
  name: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs one job (or all) now, unless already running; resolves when done. */
  runNow(name?: string): Promise<void>;
  /** Stops the timers and waits for runs in progress. */
  stop(): Promise<void>;
}

export function startJobs(
  jobs: Job[],
  opts: { clock?: Clock; timers?: Timers; onError?: (job: Job, error: unknown) => void } = {},
): Scheduler {
  const clock = opts.clock ?? systemClock;
  const timers = opts.timers ?? realTimers;
  const onError = opts.onError ?? ((job, error) => console.error(`[${new Date().toISOString()}] Hintergrundaufgabe „${job.name}“ fehlgeschlagen:`, error));
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const tick = (job: Job): Promise<void> => {
    const current = running.get(job.name);
    if (current) return current;
    if (stopped) return Promise.resolve();
    const run = (async () => {
      try {
        await job.run(clock.now());
      } catch (error) {
        onError(job, error);
      } finally {
        running.delete(job.name);
      }
    })();
    running.set(job.name, run);
    return run;
  };

  const handles = jobs.map((job) => timers.setInterval(() => void tick(job), job.everyMs));
  return {
    async runNow(name) {
      await Promise.all(jobs.filter((j) => name === undefined || j.name === name).map(tick));
    },
    async stop() {
      stopped = true;
      for (const h of handles) timers.clearInterval(h);
      await Promise.all([...running.values()]);
    },
  };
}
