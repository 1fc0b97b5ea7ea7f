import type { Db } from '../../db/client.js';
import { everySlot, realTimers, retriesOf, retryDelay, systemClock, type Clock, type Job, type Scheduler, type Timers } from '../jobs.js';
import { attempt, pruneJobRuns } from './runs.js';

export interface InProcessScheduler extends Scheduler {
  /** Runs one job (or all) now, for the current time, unless already running; resolves when that attempt is done. */
  runNow(name?: string): Promise<void>;
}

export interface InProcessOptions {
  clock?: Clock;
  timers?: Timers;
  /** Called for every failed attempt (default: logged). */
  onError?: (job: Job, error: unknown) => void;
}

/**
 * The runner for one process (PGlite): each job at the start of each of its slots, never twice at
 * once; a failed attempt is retried after `retryDelay` (doubling), up to `retries` times. Every
 * attempt is recorded in `job_runs`.
 */
export function startInProcessJobs(db: Db, jobs: Job[], opts: InProcessOptions = {}): InProcessScheduler {
  const clock = opts.clock ?? systemClock;
  const timers = opts.timers ?? realTimers;
  const onError = opts.onError ?? ((job, error) => console.error(`[${new Date().toISOString()}] Hintergrundaufgabe „${job.name}“ fehlgeschlagen:`, error));
  const running = new Map<string, Promise<void>>();
  const retries = new Set<unknown>();
  let stopped = false;

  const start = (job: Job, slot: Date, attemptNo = 1): Promise<void> => {
    const current = running.get(job.name);
    if (current) return current;
    if (stopped) return Promise.resolve();
    const isLast = attemptNo > retriesOf(job);
    const run = (async () => {
      try {
        await attempt(db, job, slot, attemptNo, isLast, clock);
        await pruneJobRuns(db, clock.now());
      } catch (error) {
        onError(job, error);
        if (!isLast && !stopped) {
          const handle = timers.setTimeout(() => {
            retries.delete(handle);
            void start(job, slot, attemptNo + 1);
          }, retryDelay(job, attemptNo));
          retries.add(handle);
        }
      } finally {
        running.delete(job.name);
      }
    })();
    running.set(job.name, run);
    return run;
  };

  const stops = jobs.map((job) => everySlot(job.everyMs, (slot) => void start(job, slot), clock, timers));
  return {
    kind: 'in_process',
    async runNow(name) {
      await Promise.all(jobs.filter((j) => name === undefined || j.name === name).map((j) => start(j, clock.now())));
    },
    async stop() {
      stopped = true;
      for (const stop of stops) stop();
      for (const handle of retries) timers.clearTimeout(handle);
      await Promise.all([...running.values()]);
    },
  };
}
