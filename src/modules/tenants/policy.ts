import type { CurrentUser } from '../../platform/auth/current-user.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';

export const canManageMembers = isCoordinator;
export const canCreateTenant = (user: CurrentUser | null) => !!user?.isPlatformAdmin;

/** Audit entries about the concept's content, which every member may see (not accounts, invitations, reminders). */
export const contentEntityTypes = ['edition', 'guideline', 'field', 'goal', 'measure', 'measure_update', 'indicator', 'indicator_value', 'actor'] as const;
