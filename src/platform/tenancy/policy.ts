import { membershipIn, type CurrentUser } from '../auth/current-user.js';

/** Reading internal data (drafts, notes, history): any member, or a platform admin. */
export const canReadInternal = (user: CurrentUser | null, tenantId: string) =>
  !!user && (user.isPlatformAdmin || !!membershipIn(user, tenantId));

/** Koordination runs the Kommune's concept: everything inside the tenant. */
export const isCoordinator = (user: CurrentUser | null, tenantId: string) =>
  !!user && (user.isPlatformAdmin || membershipIn(user, tenantId)?.role === 'koordination');
