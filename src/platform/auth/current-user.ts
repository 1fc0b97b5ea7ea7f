import type { Db } from '../../db/client.js';
import type { Role } from '../tenancy/schema.js';
import type { ApiTokenIdentity } from './api-tokens.js';

export interface Membership {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  role: Role;
  actorId: string | null;
}

/** Who is acting: a signed-in person, or the system itself (start-up seeding, CLI). */
export interface CurrentUser {
  id: string | null;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  memberships: Membership[];
  /** Set when a machine client acts through an API-Zugang (Authorization: Bearer); `id` is then null. */
  apiToken?: ApiTokenIdentity;
}

/**
 * The memberships of a person, with their Kommunen. Memberships belong to the tenants module (they
 * name the actor a person answers for); the application hands this lookup to the platform.
 */
export type MembershipLoader = (db: Db, userId: string) => Promise<Membership[]>;

export const systemUser: CurrentUser = {
  id: null,
  email: 'system@ikon.invalid',
  name: 'System',
  isPlatformAdmin: true,
  memberships: [],
};

export const membershipIn = (user: CurrentUser | null, tenantId: string) =>
  user?.memberships.find((m) => m.tenantId === tenantId);
