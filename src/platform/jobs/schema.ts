import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per attempt of a background job (platform/jobs.ts), on whichever instance ran it: when,
 * for which slot of its schedule, with what outcome. The platform admin's Betrieb page reads it.
 * `outcome`: running → succeeded, or failed (a retry follows) / gave_up (no retry left).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    job: text().notNull(),
    /** The scheduled time this run belongs to (the start of its slot, or the time it was asked for). */
    slot: timestamp({ withTimezone: true }).notNull(),
    attempt: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    outcome: text().notNull(),
    /** What the job reports (e.g. mails sent), JSON. */
    result: jsonb(),
    error: text(),
    /** host:pid of the instance that ran it. */
    instance: text().notNull(),
  },
  (t) => [index().on(t.job, t.startedAt), index().on(t.outcome, t.startedAt)],
);
