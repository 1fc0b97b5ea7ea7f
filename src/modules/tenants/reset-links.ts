import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { issuePasswordReset, resolvePasswordReset } from '../../platform/auth/password-reset.js';
import { users } from '../../platform/auth/schema.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { canManageMembers } from './policy.js';
import { memberships } from './schema.js';

/**
 * «Passwort vergessen» for someone without working e-mail (or an installation without a mail
 * server): the Koordination creates the same single-use, one-hour reset link the mail would
 * carry, for a member of its Kommune, and passes it on. A platform admin may do so for anyone.
 * A Koordination may not for platform admins, nor for people who are also members of a
 * Kommune it does not coordinate: the link would open doors it does not hold itself.
 */
export async function createResetLinkForMember(ctx: CommandContext, tenantId: string, userId: string, now = new Date()) {
  authorize(canManageMembers(ctx.user, tenantId));
  if (!z.string().uuid().safeParse(userId).success) throw new AppError('not_found');
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
    found(member);
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    const target = found(user);
    if (target.disabledAt) throw new AppError('conflict', 'members.error.reset_link_disabled');
    if (!mayHandOverResetLink(ctx.user, target, await tx.select({ tenantId: memberships.tenantId }).from(memberships).where(eq(memberships.userId, userId)))) {
      throw new AppError('forbidden', 'members.error.reset_link_not_allowed', { params: { name: target.name } });
    }
    const { token, expiresAt } = await issuePasswordReset(tx, ctx.user, target, tenantId, now);
    return { token, expiresAt, name: target.name, email: target.email };
  });
}

export function mayHandOverResetLink(actor: CurrentUser, target: { isPlatformAdmin: boolean }, targetMemberships: { tenantId: string }[]): boolean {
  if (actor.isPlatformAdmin) return true;
  return !target.isPlatformAdmin && targetMemberships.every((m) => isCoordinator(actor, m.tenantId));
}

/** The open reset link behind a handed-over token, for the page that shows it once; undefined when gone or not of this Kommune. */
export async function handedOverResetLink(db: Db, tenantId: string, token: string) {
  const resolved = await resolvePasswordReset(db, token);
  if (!resolved || resolved.state !== 'open') return undefined;
  const [member] = await db.select().from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, resolved.reset.userId)));
  if (!member) return undefined;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, resolved.reset.userId));
  return { name: user?.name ?? resolved.email, email: resolved.email, expiresAt: resolved.reset.expiresAt };
}
