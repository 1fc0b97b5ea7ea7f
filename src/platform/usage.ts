import type { Db } from '../db/client.js';
import { AppError } from './errors.js';

/**
 * Rows of one module that point to a row of another (measures naming an actor, people answering
 * for it): the module that adds such rows declares in its manifest how to count them, and the
 * owner of the referenced row refuses to delete it while any exist. So a lower module (actors,
 * concepts) never has to know the modules built on it.
 */
export interface UsageCheck {
  /** The kind of the referenced row, as in the audit log ('actor', 'field'). */
  of: string;
  /** The refusal; `{count}` is filled in. */
  messageKey: string;
  count(db: Db, tenantId: string, id: string): Promise<number>;
  /** Where the owner merges two rows (Zielgruppen): point these rows from `fromId` to `intoId`, inside the merge's transaction. */
  merge?(tx: Db, tenantId: string, fromId: string, intoId: string): Promise<void>;
}

let checks: UsageCheck[] = [];

/** The checks of all modules, in the order of their manifests (set at composition). */
export function useUsageChecks(list: UsageCheck[]): void {
  checks = list;
}

/** Refuses (`conflict`) to delete a row that other rows still point to, with the first check's message. */
export async function assertUnused(db: Db, of: string, tenantId: string, id: string): Promise<void> {
  for (const check of checks) {
    if (check.of !== of) continue;
    const count = await check.count(db, tenantId, id);
    if (count > 0) throw new AppError('conflict', check.messageKey, { params: { count } });
  }
}

/** Moves every other module's rows from one row to another before the owner deletes the first (a merge). */
export async function mergeUsages(tx: Db, of: string, tenantId: string, fromId: string, intoId: string): Promise<void> {
  for (const check of checks) if (check.of === of && check.merge) await check.merge(tx, tenantId, fromId, intoId);
}
