import type { Database } from '../../db/client.js';
import type { Job, Scheduler } from '../jobs.js';
import { startInProcessJobs } from './in-process.js';

/**
 * PostgreSQL (`databaseUrl`): the queue shared by every instance; PGlite: in process. Same job definitions.
 * pg-boss is loaded only for the queue (issue 9: a server on PGlite does not carry it).
 */
export async function startJobs(database: Database, databaseUrl: string | undefined, jobs: Job[]): Promise<Scheduler> {
  if (database.kind === 'postgres' && databaseUrl) return (await import('./queue.js')).startQueuedJobs(databaseUrl, database, jobs);
  return startInProcessJobs(database.db, jobs);
}
