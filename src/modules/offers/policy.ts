import type { CurrentUser } from '../../platform/auth/current-user.js';
import { actorActedFor, canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';

/** The Koordination keeps the directory of offers; everyone with internal access reads it. */
export const canManageOffers = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);
export const canReadOffers = (user: CurrentUser | null, tenantId: string) => canReadInternal(user, tenantId);

/**
 * Who may write an offer with these providers: the Koordination, or a member bound to an actor
 * (Redaktion, Partner; also as an API-Zugang with scope `offers`) for offers that actor runs.
 */
export const canMaintainOffer = (user: CurrentUser | null, tenantId: string, providerIds: readonly string[]) => {
  if (canManageOffers(user, tenantId)) return true;
  const actorId = actorActedFor(user, tenantId);
  return actorId !== null && providerIds.includes(actorId);
};
