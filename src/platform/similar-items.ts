import type { Db } from '../db/client.js';

/** One reason why two items look alike, as a message key with its parameters (the checking module's texts). */
export interface SimilarityReason {
  messageKey: string;
  params?: Record<string, string | number>;
}

/** An existing item that resembles the one being saved. */
export interface SimilarItem {
  id: string;
  title: string;
  /** 0…1 */
  score: number;
  reasons: SimilarityReason[];
}

/**
 * A check "does something like this exist already?" for one kind of item, declared in the
 * manifest (`similarityChecks`) of the module that can judge it. The owner of the item (offers)
 * asks before saving without importing the module above it (offer-analysis builds on offers).
 */
export interface SimilarityCheck {
  /** The kind of item, as in the audit log ('offer'). */
  of: string;
  /** `candidate` is the owner's parsed input plus `id` when an existing item is edited. */
  find(db: Db, tenantId: string, candidate: Record<string, unknown>): Promise<SimilarItem[]>;
}

let checks: SimilarityCheck[] = [];

/** The checks of all modules (set at composition). */
export function useSimilarityChecks(list: SimilarityCheck[]): void {
  checks = list;
}

/** Every declared check's findings for this kind, best first; none when no module checks it. */
export async function findSimilar(db: Db, of: string, tenantId: string, candidate: Record<string, unknown>): Promise<SimilarItem[]> {
  const found: SimilarItem[] = [];
  for (const check of checks) if (check.of === of) found.push(...(await check.find(db, tenantId, candidate)));
  return found.sort((a, b) => b.score - a.score);
}
