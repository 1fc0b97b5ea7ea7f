import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { hashPassword, passwordErrors } from '../../platform/auth/password.js';
import { users } from '../../platform/auth/schema.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { formatDate, type T } from '../../platform/i18n/i18n.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { parseInput, requiredText } from '../../platform/validation.js';
import { checkActorOfTenant, emailField, roleFields, validationError, withRoleRules } from './members.js';
import { canManageMembers } from './policy.js';
import { invitations, memberships } from './schema.js';
import { type Role } from '../../platform/tenancy/schema.js';
import { invitationById, invitationByTokenHash, memberByEmail, type Invitation } from './service.js';
import { type Tenant } from '../../platform/tenancy/service.js';

export const invitationDays = 14;

export const invitationInput = withRoleRules(z.object({ name: requiredText(200), email: emailField(), ...roleFields }));

/** What may be written to the audit log about an invitation: never the token hash. */
const auditView = (i: Invitation) => ({ email: i.email, name: i.name, role: i.role, actorId: i.actorId, expiresAt: i.expiresAt });

/**
 * Invites a person into the Kommune. Returns the token for the e-mail link: it exists only in
 * this return value and in the mail, the database keeps its hash. A still open invitation to the
 * same address is replaced.
 */
export async function inviteMember(ctx: CommandContext, tenantId: string, input: unknown, now = new Date()): Promise<{ invitation: Invitation; token: string }> {
  authorize(canManageMembers(ctx.user, tenantId));
  const data = parseInput(invitationInput, input);
  const token = newToken();
  const invitation = await ctx.db.transaction(async (tx) => {
    await checkActorOfTenant(tx, tenantId, data.actorId);
    if (await memberByEmail(tx, tenantId, data.email)) throw validationError([{ field: 'email', messageKey: 'validation.email_taken' }]);
    const replaced = await tx
      .delete(invitations)
      .where(and(eq(invitations.tenantId, tenantId), eq(invitations.email, data.email), isNull(invitations.acceptedAt)))
      .returning();
    for (const old of replaced) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'invitation', entityId: old.id, before: auditView(old) });
    }
    const [row] = await tx
      .insert(invitations)
      .values({
        tenantId,
        ...data,
        tokenHash: hashToken(token),
        invitedBy: ctx.user.id,
        expiresAt: new Date(now.getTime() + invitationDays * 86_400_000),
      })
      .returning();
    const created = found(row);
    await recordAudit(tx, ctx.user, { tenantId, action: 'invite', entityType: 'invitation', entityId: created.id, after: auditView(created) });
    return created;
  });
  return { invitation, token };
}

/** Withdraws an invitation that has not been accepted; its link stops working. */
export async function revokeInvitation(ctx: CommandContext, tenantId: string, id: string): Promise<Invitation> {
  authorize(canManageMembers(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const before = await invitationById(tx, tenantId, id);
    if (before.acceptedAt) throw new AppError('conflict', 'members.error.invitation_accepted');
    await tx.delete(invitations).where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'invitation', entityId: id, before: auditView(before) });
    return before;
  });
}

export type InvitationState = 'open' | 'expired' | 'accepted';

export interface ResolvedInvitation {
  invitation: Invitation;
  tenant: Tenant;
  state: InvitationState;
  /** The account that already exists for the invited address, if any. */
  existingUserId: string | null;
}

/** Looks up the invitation behind a link; undefined when the token is unknown (or withdrawn). */
export async function resolveInvitation(db: Db, token: string, now = new Date()): Promise<ResolvedInvitation | undefined> {
  if (!token || token.length > 200) return undefined;
  const row = await invitationByTokenHash(db, hashToken(token));
  if (!row) return undefined;
  const state: InvitationState = row.invitation.acceptedAt ? 'accepted' : row.invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.invitation.email));
  return { ...row, state, existingUserId: existing?.id ?? null };
}

/** Thrown when the invitation was accepted, withdrawn or expired between showing the form and sending it. */
export const invitationGone = () => new AppError('conflict', 'invitation.used_text');
/** Thrown when meanwhile an account for the address exists: the person must sign in instead. */
export const accountExists = () => new AppError('conflict', 'invitation.account_exists');

/** Marks the invitation accepted, exactly once, while it is still valid. */
async function claim(tx: Db, invitation: Invitation, now: Date): Promise<void> {
  const rows = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.tenantId, invitation.tenantId), eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  if (rows.length === 0) throw invitationGone();
}

async function join(tx: Db, user: CurrentUser & { id: string }, invitation: Invitation) {
  await tx
    .insert(memberships)
    .values({ tenantId: invitation.tenantId, userId: user.id, role: invitation.role, actorId: invitation.actorId })
    .onConflictDoNothing();
  await recordAudit(tx, user, {
    tenantId: invitation.tenantId,
    action: 'accept',
    entityType: 'invitation',
    entityId: invitation.id,
    after: { userId: user.id, email: invitation.email, role: invitation.role, actorId: invitation.actorId },
  });
}

const acceptInput = z.object({ name: requiredText(200) });

/**
 * A new person accepts: creates the account (name and password of their choice), the membership,
 * and marks the invitation used. Authorised by the token, not by a session. Returns the new user's id.
 */
export async function acceptInvitation(db: Db, token: string, input: { name?: unknown; password?: unknown; passwordRepeat?: unknown }, now = new Date()): Promise<{ userId: string; tenant: Tenant }> {
  const resolved = await resolveInvitation(db, token, now);
  if (!resolved || resolved.state !== 'open') throw invitationGone();
  if (resolved.existingUserId) throw accountExists();
  const { invitation, tenant } = resolved;
  const errors: FieldError[] = [];
  let name = '';
  try {
    name = parseInput(acceptInput, input).name;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    errors.push(...e.fieldErrors);
  }
  errors.push(...passwordErrors(input.password, input.passwordRepeat, invitation.email));
  if (errors.length) throw validationError(errors);
  const passwordHash = await hashPassword(String(input.password));
  const userId = await db.transaction(async (tx) => {
    await claim(tx, invitation, now);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    if (existing) throw accountExists();
    const [row] = await tx.insert(users).values({ email: invitation.email, name, passwordHash }).returning();
    const created = found(row);
    const user = { id: created.id, email: created.email, name: created.name, isPlatformAdmin: false, memberships: [] };
    await recordAudit(tx, user, { tenantId: null, action: 'create', entityType: 'user', entityId: created.id, after: { email: created.email, name: created.name } });
    await join(tx, user, invitation);
    return created.id;
  });
  return { userId, tenant };
}

/** A signed-in person accepts an invitation to their own address: only the membership is added. */
export async function acceptInvitationAsUser(db: Db, user: CurrentUser, token: string, now = new Date()): Promise<Tenant> {
  const resolved = await resolveInvitation(db, token, now);
  if (!resolved || resolved.state !== 'open') throw invitationGone();
  if (!user.id || resolved.existingUserId !== user.id) throw new AppError('forbidden');
  await db.transaction(async (tx) => {
    await claim(tx, resolved.invitation, now);
    await join(tx, { ...user, id: user.id! }, resolved.invitation);
  });
  return resolved.tenant;
}

export const invitationLink = (publicUrl: string, token: string) => `${publicUrl}/einladung/${token}`;

/** The German invitation e-mail (also shown to the coordinator when no mail server is configured). */
export function invitationMail(t: T, p: { invitation: Pick<Invitation, 'email' | 'name' | 'role' | 'expiresAt'>; tenantName: string; inviterName: string; link: string }): Mail {
  const params = {
    name: p.invitation.name,
    inviter: p.inviterName,
    tenant: p.tenantName,
    role: t(`role.${p.invitation.role satisfies Role}`),
    link: p.link,
    date: formatDate('de', p.invitation.expiresAt),
  };
  return { to: p.invitation.email, subject: t('invitation.mail_subject', params), text: t('invitation.mail_text', params) };
}
