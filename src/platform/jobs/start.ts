import type { Database } from '../../db/client.js';
import type { Job, Scheduler } from '../jobs.js';
import { startInProcessJobs } from './in-process.js';
import { startQueuedJobs } from './queue.js';

/** PostgreSQL (`databaseUrl`): the queue shared by every instance; PGlite: in process. Same job definitions. */
export async function startJobs(database: Database, databaseUrl: string | undefined, jobs: Job[]): Promise<Scheduler> {
  if (database.kind === 'postgres' && databaseUrl) return startQueuedJobs(databaseUrl, database, jobs);
  return startInProcessJobs(database.db, jobs);
}
