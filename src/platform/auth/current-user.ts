import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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
 * The memberships of a person, with their Kommunen, as one JSON array (`Membership` objects): a
 * correlated subquery on the given user id column, so the session lookup asks for the person and
 * her memberships in one query. Memberships belong to the tenants module (they name the actor a
 * person answers for); the application hands this to the platform.
 */
export type MembershipsSql = (userId: AnyPgColumn) => SQL<Membership[]>;

export const systemUser: CurrentUser = {
  id: null,
  email: 'system@ikon.invalid',
  name: 'System',
  isPlatformAdmin: true,
  memberships: [],
};

export const membershipIn = (user: CurrentUser | null, tenantId: string) =>
  user?.memberships.find((m) => m.tenantId === tenantId);
