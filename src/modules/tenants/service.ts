import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { announcePublicChange } from '../../platform/public-changes.js';
import { users } from '../../platform/auth/schema.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, requiredText, isUuid } from '../../platform/validation.js';
import { agsProblem } from './ags.js';
import { canCreateTenant } from './policy.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { tenantKinds, tenants, type TenantKind } from '../../platform/tenancy/schema.js';
import { maxSlugLength, slugPattern, tenantById, type Tenant } from '../../platform/tenancy/service.js';
import { invitations, memberships } from './schema.js';

export const tenantInput = z.object({
  ags: requiredText(8),
  name: requiredText(200),
  kind: z.enum(tenantKinds, { error: 'validation.invalid_choice' }),
  slug: requiredText(maxSlugLength).pipe(z.string().regex(slugPattern, 'validation.slug')),
  parentId: z.preprocess((v) => (v === '' || v == null ? null : v), z.string().uuid('validation.invalid').nullable()),
});

export async function createTenant(ctx: CommandContext, input: unknown, opts: { isDemo?: boolean } = {}): Promise<Tenant> {
  authorize(canCreateTenant(ctx.user));
  const data = parseInput(tenantInput, input);
  return ctx.db.transaction(async (tx) => {
    const parent = data.parentId ? await tenantById(tx, data.parentId) : undefined;
    const problem = agsProblem(data.ags, data.kind, parent?.ags);
    // A Landkreis, a kreisfreie Stadt or a Region stands on its own: only Gemeinden have a parent.
    if (parent && isKreisLevel(data.kind)) {
      throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'parentId', messageKey: 'validation.parent_for_kreis' }] });
    }
    if (problem) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'ags', messageKey: problem }] });
    const clash = await tx.select({ ags: tenants.ags, slug: tenants.slug }).from(tenants).where(eq(tenants.ags, data.ags));
    const slugClash = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, data.slug));
    const fieldErrors = [
      ...(clash.length ? [{ field: 'ags', messageKey: 'validation.ags_taken' }] : []),
      ...(slugClash.length ? [{ field: 'slug', messageKey: 'validation.slug_taken' }] : []),
    ];
    if (fieldErrors.length) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors });
    const [row] = await tx.insert(tenants).values({ ...data, isDemo: opts.isDemo ?? false }).returning();
    const tenant = found(row);
    await recordAudit(tx, ctx.user, { tenantId: tenant.id, action: 'create', entityType: 'tenant', entityId: tenant.id, after: tenant });
    // The Landkreis's pages name its Gemeinden (the gaps matrix, filters): its kept and cached pages are out of date too.
    if (parent) await announcePublicChange(tx, parent.id);
    return tenant;
  });
}

export async function membersOf(db: Db, tenantId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, actorId: memberships.actorId, version: memberships.version })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.name));
}

export async function membershipOf(db: Db, tenantId: string, userId: string) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row;
}

export const isKreisLevel = (kind: TenantKind) => kind === 'landkreis' || kind === 'kreisfreie_stadt' || kind === 'region';

/** Kommunen with a public portal of their own on the landing page: Kreis-level ones and any without a parent. */
export const isTopLevel = (t: Pick<Tenant, 'kind' | 'parentId'>) => isKreisLevel(t.kind) || t.parentId === null;

/** Kommunen that can be the parent of a Gemeinde. */
export const parentCandidates = (db: Db) =>
  db.select().from(tenants).where(inArray(tenants.kind, ['landkreis', 'region', 'samtgemeinde'])).orderBy(asc(tenants.name));

/** How many people hold the role Koordination in the Kommune (there must always be one). */
export async function coordinatorCount(db: Db, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'koordination')));
  return row?.n ?? 0;
}

export type Invitation = typeof invitations.$inferSelect;

/** Invitations not yet accepted (expired ones included, so they can be withdrawn), newest first. */
export const pendingInvitations = (db: Db, tenantId: string) =>
  db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), isNull(invitations.acceptedAt)))
    .orderBy(desc(invitations.createdAt));

export async function invitationById(db: Db, tenantId: string, id: string): Promise<Invitation> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(invitations).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
  return found(row);
}

/** The invitation behind an e-mail link (looked up by the token's hash only), with its Kommune. */
export async function invitationByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, tenant: tenants })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export interface EditionSummary {
  id: string;
  title: string;
  status: string;
  adoptedOn: string | null;
  createdAt: Date;
}

/**
 * Measures per status for the given editions of one Kommune: editionId → status → count.
 */
export async function measureStatusCounts(db: Db, tenantId: string, editionIds: string[]): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  if (editionIds.length === 0) return result;
  const rows = await db
    .select({ editionId: measures.editionId, status: measures.status, n: sql<number>`count(*)::int` })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), inArray(measures.editionId, editionIds)))
    .groupBy(measures.editionId, measures.status);
  for (const r of rows) {
    const byStatus = result.get(r.editionId) ?? new Map<string, number>();
    byStatus.set(r.status, r.n);
    result.set(r.editionId, byStatus);
  }
  return result;
}

/** The Kommune's editions, newest first, for the overview page. */
export const editionsOf = (db: Db, tenantId: string): Promise<EditionSummary[]> =>
  db
    .select({ id: editions.id, title: editions.title, status: editions.status, adoptedOn: editions.adoptedOn, createdAt: editions.createdAt })
    .from(editions)
    .where(eq(editions.tenantId, tenantId))
    .orderBy(desc(editions.createdAt));

/** The member of the Kommune with this e-mail address, if any (checked before inviting). */
export async function memberByEmail(db: Db, tenantId: string, email: string) {
  const [row] = await db
    .select({ userId: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(users.email, email.toLowerCase())));
  return row;
}
