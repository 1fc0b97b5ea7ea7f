import { membershipIn, type CurrentUser } from '../../platform/auth/current-user.js';
import type { EditionStatus } from '../concepts/schema.js';
import { canEditMeasure } from '../measures/index.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';

/** What an indicator belongs to: a goal (Koordination's) or a measure (also its Fachdienst's). */
export type IndicatorTarget =
  | { kind: 'goal'; tenantId: string }
  | { kind: 'measure'; tenantId: string; leadActorId: string | null };

export const canReadIndicators = canReadInternal;

/**
 * Goal indicators are shaped by the coordination office; measure indicators also by whoever may
 * edit the measure (Fachdienst/Redaktion for the measures its actor leads). Values follow the
 * same rule: who keeps the indicator keeps its figures.
 */
export function canManageIndicator(user: CurrentUser | null, target: IndicatorTarget): boolean {
  if (target.kind === 'goal') return isCoordinator(user, target.tenantId);
  return canEditMeasure(user, { tenantId: target.tenantId, leadActorId: target.leadActorId, partnerActorIds: [] });
}

/** May the user keep any indicator at all (shows "new indicator", the import)? Koordination, or a Fachdienst with an actor. */
export function canManageSomeIndicators(user: CurrentUser | null, tenantId: string): boolean {
  if (isCoordinator(user, tenantId)) return true;
  const m = membershipIn(user, tenantId);
  return m?.role === 'redaktion' && !!m.actorId;
}

/**
 * Monitoring goes on after the council's decision: indicators and their values change in every
 * edition except a superseded one (its successor carries the monitoring on).
 */
export const isMonitoringOpen = (status: EditionStatus) => status !== 'abgeloest';
