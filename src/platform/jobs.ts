/**
 * Background jobs: periodic work the modules declare in their manifests (`jobs`), e.g. reminder
 * e-mails. A job says how often it runs (`everyMs`); its runs fall on fixed slots of that
 * period counted from the epoch (every 6 hours: 00:00, 06:00, … UTC), the same on every instance.
 *
 * Two runners take the same definitions:
 * - with PostgreSQL (`DATABASE_URL`), a queue in the database (pg-boss, jobs/queue.ts): each
 *   instance enqueues the slot's run under an id derived from job and slot, so the queue holds
 *   it once however many instances ask, and one instance's worker takes it. Several instances
 *   behind a load balancer thus run each slot exactly once.
 * - with PGlite (one process per data directory), in process (jobs/in-process.ts).
 * Both retry a failed run with growing delays (`retryDelayMs`, doubling) up to `retries` times
 * and record every attempt in `job_runs` (jobs/runs.ts), which the platform admin sees on the
 * Betrieb page. The jobs are written to be run again safely: they take the time as an argument
 * and record what they did (the reminder job reads its own audit entries to know who is due).
 */

/** Where "now" comes from; tests pass a clock they can move. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** setTimeout/clearTimeout, injectable so tests can fire by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
export const realTimers: Timers = {
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    handle.unref(); // background work never keeps the process alive
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface Job {
  name: string;
  /** Catalog key of the job's German name (Betrieb page). */
  labelKey: string;
  everyMs: number;
  run(now: Date): Promise<unknown>;
  /** Retries after a failed attempt (default 3). */
  retries?: number;
  /** Delay before the first retry; each further one doubles it (default 60 s). */
  retryDelayMs?: number;
}
export const defaultRetries = 3;
export const defaultRetryDelayMs = 60_000;
export const retriesOf = (job: Job) => job.retries ?? defaultRetries;
/** Delay before retry number `retry` (1, 2, …): retryDelayMs, doubling. */
export const retryDelay = (job: Job, retry: number) => (job.retryDelayMs ?? defaultRetryDelayMs) * 2 ** (retry - 1);

/** The start of the slot `at` falls in. */
export const slotOf = (everyMs: number, at: Date) => new Date(Math.floor(at.getTime() / everyMs) * everyMs);

/** Calls `fire(slot)` at the start of every slot from the next one on, until the returned function is called. */
export function everySlot(everyMs: number, fire: (slot: Date) => void, clock: Clock = systemClock, timers: Timers = realTimers): () => void {
  let handle: unknown;
  let stopped = false;
  const arm = () => {
    const now = clock.now().getTime();
    const next = (Math.floor(now / everyMs) + 1) * everyMs;
    handle = timers.setTimeout(() => {
      if (stopped) return;
      // A timer may fire a moment early; the slot is the one it was armed for.
      fire(new Date(next));
      arm();
    }, next - now);
  };
  arm();
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
  };
}

/** How a runner is going: shown on the Betrieb page. */
export type JobRunnerKind = 'queue' | 'in_process';

/** What the Betrieb page shows of this instance's jobs; `off` without a mail server (every job so far sends e-mail). */
export interface JobsInfo {
  kind: JobRunnerKind | 'off';
  jobs: Pick<Job, 'name' | 'labelKey' | 'everyMs' | 'retries' | 'retryDelayMs'>[];
}

export interface Scheduler {
  kind: JobRunnerKind;
  /** Stops the timers (and workers) and waits for runs in progress. */
  stop(): Promise<void>;
}

/** `IKON_JOB_INTERVALS` (config.ts) overrides a job's period by name, e.g. for a test or a demo. */
export function withIntervals(jobs: Job[], intervals: Record<string, number>): Job[] {
  return jobs.map((job) => (intervals[job.name] ? { ...job, everyMs: intervals[job.name]! } : job));
}
