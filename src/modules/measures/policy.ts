import { membershipIn, type CurrentUser } from '../../platform/auth/current-user.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';

/** What the policy needs to know about a measure: who leads it and who partners in it. */
export interface MeasureResponsibility {
  tenantId: string;
  leadActorId: string | null;
  partnerActorIds: string[];
}

export const canReadMeasures = canReadInternal;
export const canCreateMeasure = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);
export const canDeleteMeasure = canCreateMeasure;

/** Koordination edits every measure; Fachdienst/Redaktion the measures their actor leads. */
export function canEditMeasure(user: CurrentUser | null, m: MeasureResponsibility): boolean {
  if (isCoordinator(user, m.tenantId)) return true;
  const membership = membershipIn(user, m.tenantId);
  return membership?.role === 'redaktion' && !!membership.actorId && membership.actorId === m.leadActorId;
}

/** Partners update the status of measures their actor leads or takes part in. */
export function canUpdateMeasureStatus(user: CurrentUser | null, m: MeasureResponsibility): boolean {
  if (canEditMeasure(user, m)) return true;
  const membership = membershipIn(user, m.tenantId);
  if (membership?.role !== 'partner' || !membership.actorId) return false;
  return membership.actorId === m.leadActorId || m.partnerActorIds.includes(membership.actorId);
}

/** The status vocabulary (implied progress, what counts in roll-ups) is the Koordination's call. */
export const canManageStatusRules = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);
