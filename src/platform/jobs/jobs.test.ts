import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestPostgres, openTestDatabase } from '../../../test/support/databases.js';
import { openPostgres, type Database } from '../../db/client.js';
import { everySlot, type Clock, type Job, type Timers } from '../jobs.js';
import { startInProcessJobs } from './in-process.js';
import { runId, startQueuedJobs } from './queue.js';
import { abandoned } from './runs.js';
import { jobRuns } from './schema.js';
import { until } from '../../../test/support/until.js';

/** A clock the test moves by hand. */
class FakeClock implements Clock {
  constructor(public t: number) {}
  now() {
    return new Date(this.t);
  }
}

/** Timers that fire only when the test says so; `delays` are the waits asked for. */
class ManualTimers implements Timers {
  pending = new Map<number, { fn: () => void; ms: number }>();
  delays: number[] = [];
  private next = 0;
  setTimeout(fn: () => void, ms: number) {
    this.delays.push(ms);
    this.pending.set(++this.next, { fn, ms });
    return this.next;
  }
  clearTimeout(handle: unknown) {
    this.pending.delete(handle as number);
  }
  /** Fires the pending timer armed for `ms`. */
  fire(ms: number) {
    const found = [...this.pending].find(([, t]) => t.ms === ms);
    assert.ok(found, `a timer armed for ${ms} ms`);
    this.pending.delete(found[0]);
    found[1].fn();
  }
  /** Fires every pending timer once (those armed meanwhile wait for the next call). */
  fireAll() {
    const due = [...this.pending];
    this.pending.clear();
    for (const [, t] of due) t.fn();
  }
}


const hour = 3_600_000;

describe('slots', () => {
  test('everySlot fires at the start of each slot, counted from the epoch, and stops', () => {
    const clock = new FakeClock(Date.parse('2026-11-30T10:20:00Z'));
    const timers = new ManualTimers();
    const fired: string[] = [];
    const stop = everySlot(6 * hour, (slot) => fired.push(slot.toISOString()), clock, timers);
    assert.deepEqual(timers.delays, [Date.parse('2026-11-30T12:00:00Z') - clock.t], 'armed for 12:00 UTC');
    clock.t = Date.parse('2026-11-30T12:00:00Z');
    timers.fireAll();
    assert.deepEqual(fired, ['2026-11-30T12:00:00.000Z']);
    assert.equal(timers.delays.at(-1), 6 * hour, 'then the next slot');
    stop();
    assert.equal(timers.pending.size, 0, 'stopped: nothing armed');
  });

  test('the queue id of a run is the same for the same job and slot, and a valid UUID', () => {
    const slot = new Date('2026-11-30T12:00:00Z');
    assert.equal(runId('reminders', slot), runId('reminders', new Date(slot)));
    assert.notEqual(runId('reminders', slot), runId('reminders', new Date(slot.getTime() + 6 * hour)));
    assert.notEqual(runId('reminders', slot), runId('other', slot));
    assert.match(runId('reminders', slot), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('in process (PGlite)', () => {
  let database: Database;
  before(async () => (database = await openTestDatabase('pglite', 'empty')));
  after(() => database.close());
  const runsOf = (job: string) => database.db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(asc(jobRuns.startedAt), asc(jobRuns.attempt));

  test('runs at its slot with the clock’s time, never twice at once, and records the run', async () => {
    const clock = new FakeClock(Date.parse('2026-11-30T10:20:00Z'));
    const timers = new ManualTimers();
    const seen: string[] = [];
    let release!: () => void;
    const job: Job = { name: 'probe', labelKey: 'x', everyMs: hour, run: async (now) => (seen.push(now.toISOString()), await new Promise<void>((r) => (release = r)), { done: true }) };
    // A run that an ended process left "running".
    await database.db.insert(jobRuns).values({ job: 'probe', slot: new Date('2026-11-30T10:00:00Z'), attempt: 1, startedAt: new Date('2026-11-30T10:00:00Z'), outcome: 'running', instance: 'gone:1' });
    const scheduler = startInProcessJobs(database.db, [job], { clock, timers });
    clock.t = Date.parse('2026-11-30T11:00:00Z');
    timers.fireAll();
    const second = scheduler.runNow('probe'); // still running: joins the same run
    await until(async () => seen.length, (n) => n === 1, 'the run started');
    release();
    await second;
    assert.deepEqual(seen, ['2026-11-30T11:00:00.000Z']);
    const [left, run] = await runsOf('probe');
    assert.equal(left?.outcome, 'failed', 'the run left behind is marked as ended');
    assert.equal(left?.error, abandoned);
    assert.equal(run?.outcome, 'succeeded');
    assert.deepEqual(run?.result, { done: true });
    assert.equal(run?.slot.toISOString(), '2026-11-30T11:00:00.000Z');
    await scheduler.stop();
    await scheduler.runNow();
    assert.equal(seen.length, 1, 'a stopped runner runs nothing');
  });

  test('a job that throws is retried with doubling delays, then given up and recorded as such', async () => {
    const clock = new FakeClock(Date.parse('2026-11-30T10:00:00Z'));
    const timers = new ManualTimers();
    let calls = 0;
    const errors: unknown[] = [];
    const job: Job = { name: 'boom', labelKey: 'x', everyMs: 24 * hour, retries: 3, retryDelayMs: 1000, run: async () => Promise.reject(new Error(`kaputt ${++calls}`)) };
    const scheduler = startInProcessJobs(database.db, [job], { clock, timers, onError: (_, e) => void errors.push(e) });
    const armed = timers.delays.length; // the slot timer
    await scheduler.runNow('boom');
    for (let retry = 1; retry <= 3; retry++) {
      await until(async () => timers.pending.size, (n) => n === 2, `retry ${retry} armed`);
      timers.fire(1000 * 2 ** (retry - 1));
      await until(async () => calls, (n) => n === retry + 1, `attempt ${retry + 1} ran`);
    }
    await until(async () => (await runsOf('boom')).map((r) => r.outcome).join(), (o) => o === 'failed,failed,failed,gave_up', 'four attempts recorded');
    assert.deepEqual(timers.delays.slice(armed), [1000, 2000, 4000], 'retries after 1, 2, 4 s');
    assert.equal(errors.length, 4, 'every failed attempt reported');
    const runs = await runsOf('boom');
    assert.deepEqual(runs.map((r) => r.attempt), [1, 2, 3, 4]);
    assert.equal(runs[3]?.error, 'Error: kaputt 4');
    assert.equal(timers.pending.size, 1, 'no retry after the last attempt (only the slot timer)');
    await scheduler.stop();
  });
});

describe('queue in PostgreSQL (pg-boss), two instances', () => {
  let created: Awaited<ReturnType<typeof createTestPostgres>>;
  let database: Database;
  before(async () => {
    created = await createTestPostgres('empty');
    database = await openPostgres(created.url, 2);
  });
  after(async () => {
    await database.close();
    await created.drop();
  });
  const runsOf = (job: string) => database.db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(asc(jobRuns.startedAt), asc(jobRuns.attempt));

  test('two instances starting at the same moment on a fresh database both make their queues (no deadlock)', async () => {
    const many = (): Job[] => ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({ name: `start-${n}`, labelKey: 'x', everyMs: 24 * hour, run: async () => undefined }));
    // The race needs a queue schema nobody has made yet: each round starts from none.
    for (let round = 0; round < 4; round++) {
      await database.db.execute(sql`drop schema if exists pgboss cascade`);
      const started = await Promise.allSettled([startQueuedJobs(created.url, database, many()), startQueuedJobs(created.url, database, many())]);
      for (const s of started) if (s.status === 'fulfilled') await s.value.stop();
      assert.deepEqual(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started')), ['started', 'started'], `round ${round + 1}`);
    }
  });

  test('a slot enqueued by both instances runs once; a job that throws is retried with backoff, then given up', async () => {
    let runs = 0;
    let attempts = 0;
    const jobs = (): Job[] => [
      { name: 'probe', labelKey: 'x', everyMs: 24 * hour, run: async () => ++runs },
      { name: 'boom', labelKey: 'x', everyMs: 24 * hour, retries: 2, retryDelayMs: 1000, run: async () => Promise.reject(new Error(`kaputt ${++attempts}`)) },
    ];
    const a = await startQueuedJobs(created.url, database, jobs(), { pollingIntervalSeconds: 0.5 });
    const b = await startQueuedJobs(created.url, database, jobs(), { pollingIntervalSeconds: 0.5 });
    try {
      const slot = new Date('2026-11-30T12:00:00Z');
      const added = await Promise.all([a.enqueue('probe', slot), b.enqueue('probe', slot), a.enqueue('probe', slot)]);
      assert.deepEqual(added.filter(Boolean).length, 1, 'the queue took the slot’s run once');
      const next = new Date('2026-12-01T12:00:00Z');
      assert.equal(await b.enqueue('probe', next), true, 'the next slot is a run of its own');
      await until(() => runsOf('probe'), (r) => r.filter((x) => x.outcome === 'succeeded').length === 2, 'both slots ran');
      assert.equal(runs, 2, 'each slot ran exactly once');
      assert.deepEqual((await runsOf('probe')).map((r) => r.slot.toISOString()).sort(), [slot.toISOString(), next.toISOString()]);

      await a.enqueue('boom', slot);
      const failed = await until(() => runsOf('boom'), (r) => r.some((x) => x.outcome === 'gave_up'), 'the failing job given up');
      assert.deepEqual(failed.map((r) => [r.attempt, r.outcome]), [[1, 'failed'], [2, 'failed'], [3, 'gave_up']]);
      const gaps = failed.slice(1).map((r, i) => r.startedAt.getTime() - failed[i]!.finishedAt!.getTime());
      assert.ok(gaps[0]! >= 1000 && gaps[1]! >= 2000, `retries after ≥1 s, then ≥2 s (backoff): ${gaps.join(', ')} ms`);
      assert.equal(failed[2]?.error, 'Error: kaputt 3');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
