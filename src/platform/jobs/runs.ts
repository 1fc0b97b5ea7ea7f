import os from 'node:os';
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Clock, Job } from '../jobs.js';
import { jobRuns } from './schema.js';

export type JobOutcome = 'running' | 'succeeded' | 'failed' | 'gave_up';
/** Attempts are kept this long (a run every 6 hours: ~360 rows per job). */
const keepDays = 90;
const thisInstance = `${os.hostname()}:${process.pid}`;
export const abandoned = 'Abgebrochen: die Instanz endete während des Laufs';

/**
 * Runs one attempt of a job and records it in `job_runs` (start, then outcome). Throws what the
 * job threw, after recording it, so the runner can retry. A failure to record (the database is
 * away) is logged and does not stop the job.
 */
export async function attempt(db: Db, job: Job, slot: Date, attemptNo: number, isLast: boolean, clock: Clock): Promise<unknown> {
  const startedAt = clock.now();
  // Runs of one job never overlap (queue policy `singleton`, or one process): a row still
  // "running" belongs to an instance that ended during its run (the queue hands the run out again).
  await quietly(() =>
    db
      .update(jobRuns)
      .set({ outcome: 'failed', finishedAt: startedAt, error: abandoned })
      .where(and(eq(jobRuns.job, job.name), eq(jobRuns.outcome, 'running'))),
  );
  const id = await quietly(async () => {
    const [row] = await db
      .insert(jobRuns)
      .values({ job: job.name, slot, attempt: attemptNo, startedAt, outcome: 'running', instance: thisInstance })
      .returning({ id: jobRuns.id });
    return row?.id;
  });
  const finish = (values: Partial<typeof jobRuns.$inferInsert>) =>
    id ? quietly(() => db.update(jobRuns).set({ finishedAt: clock.now(), ...values }).where(eq(jobRuns.id, id))) : undefined;
  try {
    const result = await job.run(startedAt);
    await finish({ outcome: 'succeeded', result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
    return result;
  } catch (error) {
    await finish({ outcome: isLast ? 'gave_up' : 'failed', error: describe(error) });
    throw error;
  }
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

async function quietly<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    console.error(`[${new Date().toISOString()}] Hintergrundaufgaben: Lauf nicht vermerkt`, error);
    return undefined;
  }
}

/** Drops attempts older than 90 days. */
export async function pruneJobRuns(db: Db, now: Date): Promise<void> {
  await quietly(() => db.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(now.getTime() - keepDays * 86_400_000))));
}

export type JobRun = typeof jobRuns.$inferSelect;

export interface JobOverview {
  name: string;
  lastRun: JobRun | undefined;
  lastSuccess: JobRun | undefined;
  /** Attempts that failed (with or without a retry after them) in the last 30 days. */
  failedRecently: number;
}

/** Per job: its last attempt, last success and recent failures; and the latest failed attempts of all jobs. */
export async function jobOverview(db: Db, names: string[], now: Date): Promise<{ jobs: JobOverview[]; failures: JobRun[] }> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const jobs: JobOverview[] = [];
  for (const name of names) {
    const [lastRun] = await db.select().from(jobRuns).where(eq(jobRuns.job, name)).orderBy(desc(jobRuns.startedAt)).limit(1);
    const [lastSuccess] = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, name), eq(jobRuns.outcome, 'succeeded')))
      .orderBy(desc(jobRuns.startedAt))
      .limit(1);
    const [failed] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, name), inArray(jobRuns.outcome, ['failed', 'gave_up']), gte(jobRuns.startedAt, since)));
    jobs.push({ name, lastRun, lastSuccess, failedRecently: failed?.n ?? 0 });
  }
  const failures = await db
    .select()
    .from(jobRuns)
    .where(inArray(jobRuns.outcome, ['failed', 'gave_up']))
    .orderBy(desc(jobRuns.startedAt))
    .limit(20);
  return { jobs, failures };
}
