/**
 * The decision an edition rests on, for pages of modules below the decisions module (the
 * internal measure page): the decisions module registers its lookup (manifest
 * `editionDecision`), the measures module asks here, and neither imports the other.
 */
import type { Db } from '../db/client.js';

export interface EditionDecision {
  /** YYYY-MM-DD of the deciding meeting. */
  decidedOn: string;
  body: string;
  number: string;
  unanimous: boolean;
  changed: boolean;
  /** The paper's page below the Kommune's app base ("/vorlagen/…"). */
  path: string;
}

export type EditionDecisionSource = (db: Db, tenantId: string, editionId: string) => Promise<EditionDecision | undefined>;

let source: EditionDecisionSource | undefined;

/** Called once where the application is composed. */
export function useEditionDecisionSource(s: EditionDecisionSource | undefined) {
  source = s;
}

export const editionDecisionOf = (db: Db, tenantId: string, editionId: string): Promise<EditionDecision | undefined> => (source ? source(db, tenantId, editionId) : Promise.resolve(undefined));
