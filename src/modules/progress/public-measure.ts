/**
 * The implementation state of ONE measure for its public page: status and progress as the
 * measure has them (a partner's report changes them only once approved, see review.ts), the
 * public Sachstände along the measure's lineage (earlier editions included) and, from them, the
 * dated history of its status. Public shapes only: no author names, no internal reports.
 */
import type { Db } from '../../db/client.js';
import type { MeasureStatus } from '../measures/schema.js';
import { statusRulesOf } from '../measures/index.js';
import { presentUpdate, type PublicUpdate } from './public-data.js';
import { updatesAlongLineage } from './updates.js';

export interface StatusStep {
  /** The date of the public Sachstand that first reported this status. */
  since: string;
  status: MeasureStatus;
}

export interface PublicMeasureProgress {
  status: MeasureStatus;
  /** Reported progress, else what the status implies; null when neither says anything. */
  progress: number | null;
  /** Whether the measure's status counts in the roll-up (not "entfallen" by default). */
  counts: boolean;
  /** Public Sachstände, newest first. */
  updates: PublicUpdate[];
  /** Status changes as the public Sachstände show them, newest first. */
  history: StatusStep[];
}

/** Pure: the steps where the status changed, from updates given newest first. */
export function statusHistory(updates: readonly { reportedOn: string; status: MeasureStatus }[]): StatusStep[] {
  const steps: StatusStep[] = [];
  for (const u of [...updates].reverse()) {
    if (steps.at(-1)?.status !== u.status) steps.push({ since: u.reportedOn, status: u.status });
  }
  return steps.reverse();
}

export async function publicMeasureProgress(db: Db, tenantId: string, measure: { id: string; status: MeasureStatus; progress: number | null }): Promise<PublicMeasureProgress> {
  const rules = await statusRulesOf(db, tenantId);
  const updates = ((await updatesAlongLineage(db, tenantId, [measure.id], { publicOnly: true })).get(measure.id) ?? []).map(presentUpdate);
  return {
    status: measure.status,
    progress: measure.progress ?? rules[measure.status].impliedProgress,
    counts: rules[measure.status].countsInRollup,
    updates,
    history: statusHistory(updates),
  };
}
