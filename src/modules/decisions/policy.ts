import type { CurrentUser } from '../../platform/auth/current-user.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';

/** Every member reads the Vorlagen (Kreistagsmitglieder with the role "lesend" included). */
export const canReadPapers = canReadInternal;
/** The Koordinierungsstelle writes Vorlagen, records the Beratungsfolge and keeps the Gremien. */
export const canManagePapers = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);
