import { membershipIn, type CurrentUser } from '../../platform/auth/current-user.js';

/** Reading internal data (drafts, notes, history): any member, or a platform admin. */
export const canReadInternal = (user: CurrentUser | null, tenantId: string) =>
  !!user && (user.isPlatformAdmin || !!membershipIn(user, tenantId));

/** Koordination runs the Kommune's concept: everything inside the tenant. */
export const isCoordinator = (user: CurrentUser | null, tenantId: string) =>
  !!user && (user.isPlatformAdmin || membershipIn(user, tenantId)?.role === 'koordination');

export const canManageMembers = isCoordinator;
export const canCreateTenant = (user: CurrentUser | null) => !!user?.isPlatformAdmin;

/** Audit entries about the concept's content, which every member may see (not accounts, invitations, reminders). */
export const contentEntityTypes = ['edition', 'guideline', 'field', 'goal', 'measure', 'measure_update', 'indicator', 'indicator_value', 'actor'] as const;
