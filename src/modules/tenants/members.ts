import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { hashPassword, passwordErrors } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import { assertCurrentVersion, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { expectedVersion, optionalUuid, parseInput, requiredText, versionFrom, isUuid } from '../../platform/validation.js';
import { actors } from '../actors/schema.js';
import { canManageMembers } from './policy.js';
import type { Membership, MembershipsSql } from '../../platform/auth/current-user.js';
import { roles, tenants, type Role } from '../../platform/tenancy/schema.js';
import { memberships } from './schema.js';

/**
 * The Kommunen a person belongs to, with role and actor, ordered by the Kommune's name: what the
 * platform's session lookup needs, as a JSON array in the same query (`MembershipsSql`).
 */
export const membershipsOf: MembershipsSql = (userId) => sql<Membership[]>`coalesce((
  select json_agg(json_build_object('tenantId', ${memberships.tenantId}, 'tenantSlug', ${tenants.slug}, 'tenantName', ${tenants.name}, 'role', ${memberships.role}, 'actorId', ${memberships.actorId}) order by ${tenants.name})
  from ${memberships} inner join ${tenants} on ${eq(tenants.id, memberships.tenantId)}
  where ${eq(memberships.userId, userId)}), '[]'::json)`;

/** Redaktion and Partner act for an actor: their rights follow that actor's measures. */
export const roleNeedsActor = (role: Role) => role === 'redaktion' || role === 'partner';

/** An e-mail address as typed in a form: trimmed and lower-cased (accounts are stored lower-cased). */
export const emailField = () =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.string({ error: 'validation.required' }).min(1, 'validation.required').max(254).pipe(z.email('validation.email')),
  );

/** Role plus, for Redaktion and Partner, the actor; for the other roles the actor is dropped. */
export const roleFields = {
  role: z.enum(roles, { error: (issue) => (issue.input == null || issue.input === '' ? 'validation.required' : 'validation.invalid_choice') }),
  actorId: optionalUuid(),
};

export function withRoleRules<S extends z.ZodType<{ role: Role; actorId: string | null }>>(schema: S) {
  return schema
    .refine((v) => !roleNeedsActor(v.role) || v.actorId !== null, { path: ['actorId'], message: 'validation.actor_required_for_role' })
    .transform((v) => ({ ...v, actorId: roleNeedsActor(v.role) ? v.actorId : null }));
}

export const roleInput = withRoleRules(z.object({ ...roleFields, version: expectedVersion() }));

export const validationError = (fieldErrors: FieldError[]) => new AppError('validation_failed', 'error.validation_failed', { fieldErrors });

/** The actor must be one of this Kommune's own actors. */
export async function checkActorOfTenant(db: Db, tenantId: string, actorId: string | null): Promise<void> {
  if (!actorId) return;
  const [row] = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.tenantId, tenantId), eq(actors.id, actorId)));
  if (!row) throw validationError([{ field: 'actorId', messageKey: 'validation.actor_unknown' }]);
}

/**
 * The Koordination memberships of a Kommune, locked until the transaction ends: two coordinators
 * demoting each other at the same moment must not leave the Kommune without one.
 */
async function lockedCoordinators(tx: Db, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, 'koordination')))
    .for('update');
  return rows.map((r) => r.userId);
}

const lastCoordinator = () => new AppError('conflict', 'members.error.last_coordinator');

async function membershipForUpdate(tx: Db, tenantId: string, userId: string) {
  if (!isUuid(userId)) throw new AppError('not_found');
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .for('update');
  return found(row);
}

/** Gives a member another role (and actor). The last Koordination cannot give up that role. */
export async function changeMemberRole(ctx: CommandContext, tenantId: string, userId: string, input: unknown) {
  authorize(canManageMembers(ctx.user, tenantId));
  const data = parseInput(roleInput, input);
  return ctx.db.transaction(async (tx) => {
    const coordinators = await lockedCoordinators(tx, tenantId);
    const before = await membershipForUpdate(tx, tenantId, userId);
    assertCurrentVersion(before.version, data.version);
    await checkActorOfTenant(tx, tenantId, data.actorId);
    if (before.role === 'koordination' && data.role !== 'koordination' && coordinators.length <= 1) throw lastCoordinator();
    const [after] = await tx
      .update(memberships)
      .set({ role: data.role, actorId: data.actorId, version: before.version + 1 })
      .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
      .returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'membership', entityId: userId, before, after });
    return found(after);
  });
}

/**
 * Ends a membership (the account stays: the person may belong to other Kommunen). `version`
 * (required) is the membership the remover saw: a role changed meanwhile is not removed unseen.
 */
export async function removeMember(ctx: CommandContext, tenantId: string, userId: string, version: unknown): Promise<void> {
  authorize(canManageMembers(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const coordinators = await lockedCoordinators(tx, tenantId);
    const before = await membershipForUpdate(tx, tenantId, userId);
    assertCurrentVersion(before.version, expected);
    if (before.role === 'koordination' && coordinators.length <= 1) throw lastCoordinator();
    await tx.delete(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'membership', entityId: userId, before });
  });
}

const adminInput = z.object({ email: emailField(), name: requiredText(200) });

type AdminInput = { email?: unknown; name?: unknown; password?: unknown };

/**
 * Checks what create-admin was given (e-mail, name, the password's rules) without a database:
 * the CLI asks this before it opens one, so that bad input does not create or migrate a data
 * directory (a fresh installation's first command). `createPlatformAdmin` checks again.
 */
export function checkPlatformAdminInput(input: AdminInput): z.output<typeof adminInput> {
  const errors: FieldError[] = [];
  let data: z.output<typeof adminInput> | undefined;
  try {
    data = parseInput(adminInput, input);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    errors.push(...e.fieldErrors);
  }
  errors.push(...passwordErrors(input.password, input.password, data?.email ?? ''));
  if (errors.length || !data) throw validationError(errors);
  return data;
}

/**
 * Creates a platform administrator (the CLI's create-admin, run as the system user on a fresh
 * installation). The password follows the same rules as everywhere else.
 */
export async function createPlatformAdmin(ctx: CommandContext, input: AdminInput) {
  authorize(!!ctx.user.isPlatformAdmin);
  const { email, name } = checkPlatformAdminInput(input);
  const passwordHash = await hashPassword(String(input.password));
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw validationError([{ field: 'email', messageKey: 'validation.email_account_exists' }]);
    const [row] = await tx.insert(users).values({ email, name, passwordHash, isPlatformAdmin: true }).returning();
    const user = found(row);
    await recordAudit(tx, ctx.user, {
      tenantId: null,
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name, isPlatformAdmin: true },
    });
    return user;
  });
}
