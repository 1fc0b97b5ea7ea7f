import type { CurrentUser } from '../../platform/auth/current-user.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';

/** The Koordination keeps the directory of offers; everyone with internal access reads it. */
export const canManageOffers = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);
export const canReadOffers = (user: CurrentUser | null, tenantId: string) => canReadInternal(user, tenantId);
