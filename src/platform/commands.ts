import type { Db } from '../db/client.js';
import type { CurrentUser } from './auth/current-user.js';
import { AppError } from './errors.js';

/** What every command receives: the database (not yet a transaction) and who is acting. */
export interface CommandContext {
  db: Db;
  user: CurrentUser;
}

export function authorize(allowed: boolean): asserts allowed {
  if (!allowed) throw new AppError('forbidden');
}

/** The row a command acts on, or not_found; the query must already be scoped to the tenant. */
export function found<T>(row: T | undefined): T {
  if (row === undefined) throw new AppError('not_found');
  return row;
}

/**
 * Optimistic locking: an update that matched no row at the version the client saw means someone
 * else saved first. Nothing is written; the client gets the current version to compare with.
 */
export function assertNotStale(updatedRows: unknown[], currentVersion: number | undefined): void {
  if (updatedRows.length === 0) {
    if (currentVersion === undefined) throw new AppError('not_found');
    throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion } });
  }
}

/** A delete or removal based on an older version than the row has now: someone else changed it meanwhile. */
export function assertCurrentVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: current } });
}
