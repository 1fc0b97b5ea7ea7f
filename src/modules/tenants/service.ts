import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { users } from '../../platform/auth/schema.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, requiredText } from '../../platform/validation.js';
import { agsProblem } from './ags.js';
import { canCreateTenant } from './policy.js';
import { memberships, tenantKinds, tenants } from './schema.js';

export type Tenant = typeof tenants.$inferSelect;

export async function tenantBySlug(db: Db, slug: string): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return found(row);
}

export async function tenantById(db: Db, id: string): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return found(row);
}

export const listTenants = (db: Db) => db.select().from(tenants).orderBy(asc(tenants.name));

/** The Gemeinden of a Landkreis (its child tenants). */
export const municipalitiesOf = (db: Db, tenantId: string) =>
  db.select().from(tenants).where(eq(tenants.parentId, tenantId)).orderBy(asc(tenants.name));

export const tenantInput = z.object({
  ags: requiredText(8),
  name: requiredText(200),
  kind: z.enum(tenantKinds, { error: 'validation.invalid_choice' }),
  slug: requiredText(60).pipe(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'validation.slug')),
  parentId: z.preprocess((v) => (v === '' || v == null ? null : v), z.string().uuid('validation.invalid').nullable()),
});

export async function createTenant(ctx: CommandContext, input: unknown, opts: { isDemo?: boolean } = {}): Promise<Tenant> {
  authorize(canCreateTenant(ctx.user));
  const data = parseInput(tenantInput, input);
  return ctx.db.transaction(async (tx) => {
    const parent = data.parentId ? await tenantById(tx, data.parentId) : undefined;
    const problem = agsProblem(data.ags, data.kind, parent?.ags);
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
    return tenant;
  });
}

export async function membersOf(db: Db, tenantId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, actorId: memberships.actorId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.name));
}

export async function membershipOf(db: Db, tenantId: string, userId: string) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
  return row;
}
