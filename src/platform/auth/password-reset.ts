import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { AppError } from '../errors.js';
import { formatDateTime, type T } from '../i18n/i18n.js';
import type { Mail } from '../mail/mailer.js';
import type { CurrentUser } from './current-user.js';
import { hashPassword, passwordErrors } from './password.js';
import { passwordResets, sessions, users } from './schema.js';
import { accountKey, clearAttempts, countInWindow } from './throttle.js';
import { hashToken, newToken } from './tokens.js';

/** A reset link works once, for one hour (the texts say "eine Stunde"). */
export const resetLinkMinutes = 60;
/** Per account at most 3 mails per hour (beyond: silently none, the answer stays the same). */
export const resetMailsPerAccount = 3;
/** Per client address at most 10 requests per hour (beyond: "try again later", for any address). */
export const resetRequestsPerAddress = 10;
const throttleWindowMs = 60 * 60_000;

export type ResetRequest = { throttled: true } | { throttled: false; mail?: { to: string; name: string; token: string; expiresAt: Date } };

const asActor = (u: { id: string; email: string; name: string; isPlatformAdmin: boolean }): CurrentUser => ({ ...u, memberships: [] });

/** Lower-cased address, or undefined for what cannot be an e-mail address (no database lookup then). */
const normalEmail = (value: unknown) => {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return email.length <= 320 && /^[^\s@\0]+@[^\s@\0]+$/.test(email) ? email : undefined;
};

/**
 * Someone asks for a reset link. Whether the address has an account does not change the answer
 * (the route shows the same page); only when it has one, and the account's hourly mails are not
 * used up, is a token created (its hash stored, older open links of the account withdrawn) and
 * returned for the mail.
 */
export async function requestPasswordReset(db: Db, input: { email?: unknown }, address: string | undefined, now = new Date()): Promise<ResetRequest> {
  if (address && (await countInWindow(db, `reset-ip:${address}`, now, throttleWindowMs)) > resetRequestsPerAddress) return { throttled: true };
  const email = normalEmail(input.email);
  if (!email) return { throttled: false };
  if ((await countInWindow(db, `reset-email:${email}`, now, throttleWindowMs)) > resetMailsPerAccount) return { throttled: false };
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || user.disabledAt) return { throttled: false };
  const { token, expiresAt } = await db.transaction((tx) => issuePasswordReset(tx, asActor(user), user, null, now));
  return { throttled: false, mail: { to: user.email, name: user.name, token, expiresAt } };
}

/**
 * A new reset link for an account, inside the caller's transaction: older open links of the
 * account withdrawn, only the token's hash stored, audited as done by `actor` (the person
 * asking for it, or the Koordination or platform admin creating it for someone without mail;
 * then in the Kommune's log, `tenantId`). The token exists only in the return value.
 */
export async function issuePasswordReset(
  tx: Db,
  actor: CurrentUser,
  user: { id: string; email: string; name: string },
  tenantId: string | null,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + resetLinkMinutes * 60_000);
  await tx.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
  const [row] = await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hashToken(token), createdAt: now, expiresAt }).returning({ id: passwordResets.id });
  const handedOver = actor.id !== user.id;
  await recordAudit(tx, actor, {
    tenantId,
    action: handedOver ? 'password_reset_link_created' : 'password_reset_requested',
    entityType: 'user',
    entityId: user.id,
    after: { resetId: row!.id, expiresAt, ...(handedOver ? { email: user.email, name: user.name } : {}) },
  });
  return { token, expiresAt };
}

export type ResetLinkState = 'open' | 'expired' | 'used';

/** The reset behind a link and whether it can still be used; undefined for an unknown token. */
export async function resolvePasswordReset(db: Db, token: string, now = new Date()) {
  if (!token || token.length > 200) return undefined;
  const [row] = await db
    .select({ reset: passwordResets, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) return undefined;
  const state: ResetLinkState = row.reset.usedAt ? 'used' : row.reset.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
  return { ...row, state };
}

/** Thrown when the link was used or expired between showing the form and sending it. */
export const resetLinkGone = () => new AppError('conflict', 'auth.reset.gone_text');

/**
 * Sets the new password through a link, exactly once: marks the link used, stores the new hash,
 * ends every session of the account (whoever knew the old password is out), withdraws the
 * account's other links, lifts a sign-in lock of the account, and records it in the audit log.
 */
export async function completePasswordReset(db: Db, token: string, input: { password?: unknown; passwordRepeat?: unknown }, now = new Date()): Promise<{ userId: string }> {
  const resolved = await resolvePasswordReset(db, token, now);
  if (!resolved || resolved.state !== 'open') throw resetLinkGone();
  const errors = passwordErrors(input.password, input.passwordRepeat, resolved.email);
  if (errors.length) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: errors });
  const passwordHash = await hashPassword(String(input.password));
  const { userId } = resolved.reset;
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.id, resolved.reset.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ id: passwordResets.id });
    if (claimed.length === 0) throw resetLinkGone();
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning();
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ userId: sessions.userId });
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), ne(passwordResets.id, resolved.reset.id), isNull(passwordResets.usedAt)));
    await clearAttempts(tx, accountKey(user!.email));
    await recordAudit(tx, asActor(user!), { tenantId: null, action: 'password_reset', entityType: 'user', entityId: userId, after: { resetId: resolved.reset.id, sessionsEnded: ended.length } });
  });
  return { userId };
}

export const passwordResetLink = (publicUrl: string, token: string) => `${publicUrl}/passwort-neu/${token}`;

/** The German mail with the link. */
export function passwordResetMail(t: T, p: { to: string; name: string; link: string; expiresAt: Date }): Mail {
  const params = { name: p.name, link: p.link, time: formatDateTime('de', p.expiresAt) };
  return { to: p.to, subject: t('auth.reset.mail_subject'), text: t('auth.reset.mail_text', params) };
}
