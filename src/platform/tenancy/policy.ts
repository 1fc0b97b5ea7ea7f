import { membershipIn, type CurrentUser } from '../auth/current-user.js';

/** Reading internal data (drafts, notes, history): any member, or a platform admin. */
export const canReadInternal = (user: CurrentUser | null, tenantId: string) =>
  !!user && (user.isPlatformAdmin || !!membershipIn(user, tenantId));

/** Koordination runs the Kommune's concept: everything inside the tenant. */
export const isCoordinator = (user: CurrentUser | null, tenantId: string) =>
  !!user && (user.isPlatformAdmin || membershipIn(user, tenantId)?.role === 'koordination');

/** The actor a Fachdienst/Redaktion or Partner member acts for in this Kommune (null for everyone else). */
export function actorActedFor(user: CurrentUser | null, tenantId: string): string | null {
  const m = membershipIn(user, tenantId);
  return m && (m.role === 'redaktion' || m.role === 'partner') && m.actorId ? m.actorId : null;
}
