import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';
import { everySlot, retriesOf, systemClock, type Clock, type Job, type Scheduler } from '../jobs.js';
import { attempt, pruneJobRuns } from './runs.js';

/** pg-boss keeps its tables in this schema of ikon's database (created and migrated by pg-boss on start). */
export const queueSchema = 'pgboss';

/** The queue's id of a job's run in one slot: the same on every instance, so the queue takes it once. */
export function runId(job: string, slot: Date): string {
  const h = createHash('sha256').update(`${job}@${slot.toISOString()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface QueueOptions {
  clock?: Clock;
  /** How often an idle worker asks the queue (seconds; default 2). */
  pollingIntervalSeconds?: number;
}

export interface QueueScheduler extends Scheduler {
  /** Enqueues the run of `name` for `slot` (what each instance does at the start of a slot); resolves with whether this call added it. */
  enqueue(name: string, slot: Date): Promise<boolean>;
}

function queueOptions(job: Job) {
  return {
    name: job.name,
    // One run of a job at a time across all instances (another instance's fetch skips while one is active):
    // a run that lasts past the next slot does not overlap with it.
    policy: 'singleton' as const,
    retryLimit: retriesOf(job),
    retryDelay: Math.max(1, Math.round((job.retryDelayMs ?? 60_000) / 1000)),
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  };
}

/** Advisory lock key ("ikjb" in ASCII; migrations use "ikon"): instances take turns at making the queues. */
const queueSetupLock = 0x696b6a62;

/**
 * Creates (or updates) each job's queue while holding an advisory lock: two instances starting at
 * once both creating a queue's partition deadlock in PostgreSQL (seen in CI: 40P01 in createQueue).
 */
async function createQueues(database: Database, boss: PgBoss, jobs: Job[]): Promise<void> {
  const release = await database.advisoryLock?.(queueSetupLock);
  try {
    for (const job of jobs) {
      await boss.createQueue(job.name, queueOptions(job));
      await boss.updateQueue(job.name, queueOptions(job)); // settings changed since the queue was made
    }
  } finally {
    await release?.();
  }
}

/**
 * The runner for PostgreSQL: a pg-boss queue per job in ikon's database. At the start of every
 * slot each instance enqueues the run with `runId(job, slot)`; the queue keeps the first and
 * ignores the others, and one worker of one instance takes it; while it runs, no instance starts
 * another run of that job (queue policy `singleton`). A failed attempt goes back to the
 * queue for a retry after a growing delay (pg-boss `retryBackoff`: `retryDelay` doubling, with
 * jitter), up to `retries` times; every attempt is recorded in `job_runs`.
 */
export async function startQueuedJobs(url: string, database: Database, jobs: Job[], opts: QueueOptions = {}): Promise<QueueScheduler> {
  const clock = opts.clock ?? systemClock;
  const boss = new PgBoss({ connectionString: url, schema: queueSchema, max: 3, schedule: false, application_name: 'ikon-jobs' });
  // Without a listener, pg-boss's 'error' event (a lost connection while polling) would end the process.
  boss.on('error', (error) => console.error(`[${new Date().toISOString()}] Warteschlange (pg-boss):`, error.message));
  await boss.start();
  const byName = new Map(jobs.map((job) => [job.name, job]));
  await createQueues(database, boss, jobs);
  for (const job of jobs) {
    await boss.work<{ slot: string }>(job.name, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([run]) => {
      if (!run) return;
      const attemptNo = run.retryCount + 1;
      await attempt(database.db, job, new Date(run.data.slot), attemptNo, run.retryCount >= run.retryLimit, clock);
      await pruneJobRuns(database.db, clock.now());
    });
  }
  const enqueue = async (name: string, slot: Date) => {
    const job = byName.get(name);
    if (!job) throw new Error(`unknown job "${name}"`);
    return (await boss.send(name, { slot: slot.toISOString() }, { id: runId(name, slot) })) !== null;
  };
  const stops = jobs.map((job) =>
    everySlot(
      job.everyMs,
      (slot) => void enqueue(job.name, slot).catch((error: unknown) => console.error(`[${new Date().toISOString()}] Hintergrundaufgabe „${job.name}“ nicht eingereiht:`, error)),
      clock,
    ),
  );
  return {
    kind: 'queue',
    enqueue,
    async stop() {
      for (const stop of stops) stop();
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
