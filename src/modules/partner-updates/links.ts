import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { assertCurrentVersion, authorize, found, type CommandContext } from '../../platform/commands.js';
import { addDays, addYears, berlinDate, endOfBerlinDay } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { formatDate, translator, type T } from '../../platform/i18n/i18n.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { noteContentChange } from '../../platform/public-changes.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { isUuid, isoDate, optionalUuid, parseInput, throwIfProblems } from '../../platform/validation.js';
import { actorById, contactById, type Contact } from '../actors/index.js';
import { actorContacts, actors } from '../actors/schema.js';
import { partnerLinks, partnerSubmissions } from './schema.js';

export type PartnerLink = typeof partnerLinks.$inferSelect;

/** Partner links are the Koordination's: they let an actor report changes without an account. */
export const canManagePartnerLinks = isCoordinator;

/** A new link is valid this long unless the Koordination picks another date (at most a year). */
export const defaultLinkWeeks = 8;
/** "Erinnern" at most once a day per actor. */
export const reminderInterval = 86_400_000;

/** Tokens are 32 random bytes, base64url: anything else in a link is not looked up. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;
export const isLinkTokenShape = (token: string) => tokenShape.test(token);

export const partnerLinkPath = (token: string) => `/partner/${token}`;
export const partnerLinkUrl = (publicUrl: string, token: string) => `${publicUrl}${partnerLinkPath(token)}`;

/** What the audit log keeps of a link: never its hash. */
const auditView = (l: PartnerLink) => ({ actorId: l.actorId, recipientContactId: l.recipientContactId, expiresAt: l.expiresAt, revokedAt: l.revokedAt });

const linkInput = z.object({
  expiresOn: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), isoDate({ error: 'validation.required' })),
  recipientContactId: optionalUuid(),
});

/**
 * Creates the actor's link, or renews it (new token, new date; the old link stops working). The
 * token exists only in the return value (shown once or mailed); the database keeps its hash.
 */
export async function createPartnerLink(ctx: CommandContext, tenantId: string, actorId: string, input: unknown, now = new Date()): Promise<{ link: PartnerLink; token: string }> {
  authorize(canManagePartnerLinks(ctx.user, tenantId));
  const data = parseInput(linkInput, input);
  const today = berlinDate(now);
  const latest = addYears(today, 1);
  if (data.expiresOn <= today || data.expiresOn > latest) throwIfProblems([{ field: 'expiresOn', messageKey: 'partner_links.error.expiry_range', params: { latest: germanDay(latest) } }]);
  const token = newToken();
  const link = await ctx.db.transaction(async (tx) => {
    await actorById(tx, tenantId, actorId);
    if (data.recipientContactId) await contactById(tx, tenantId, actorId, data.recipientContactId).catch(() => throwIfProblems([{ field: 'recipientContactId', messageKey: 'validation.invalid_choice' }]));
    const values = { tokenHash: hashToken(token), recipientContactId: data.recipientContactId, expiresAt: endOfBerlinDay(data.expiresOn), createdByName: ctx.user.name, revokedAt: null, revokedByName: null, lastUsedAt: null };
    const [before] = await tx.select().from(partnerLinks).where(and(eq(partnerLinks.tenantId, tenantId), eq(partnerLinks.actorId, actorId))).for('update');
    if (before) {
      const [row] = await tx.update(partnerLinks).set({ ...values, createdAt: now, version: before.version + 1 }).where(and(eq(partnerLinks.tenantId, tenantId), eq(partnerLinks.id, before.id))).returning();
      await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'partner_link', entityId: before.id, before: auditView(before), after: auditView(row!) });
      return row!;
    }
    const [row] = await tx.insert(partnerLinks).values({ tenantId, actorId, ...values }).returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'partner_link', entityId: row!.id, after: auditView(row!) });
    return row!;
  });
  return { link, token };
}

const germanDay = (iso: string) => iso.split('-').reverse().join('.');

/** Revokes the link for good (until a new one is created), based on the version the Koordination saw. */
export async function revokePartnerLink(ctx: CommandContext, tenantId: string, id: string, version: number, now = new Date()): Promise<PartnerLink> {
  authorize(canManagePartnerLinks(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const before = await linkById(tx, tenantId, id, true);
    if (before.revokedAt) throw new AppError('conflict', 'partner_links.error.already_revoked');
    assertCurrentVersion(before.version, version);
    const [after] = await tx
      .update(partnerLinks)
      .set({ revokedAt: now, revokedByName: ctx.user.name, version: before.version + 1 })
      .where(and(eq(partnerLinks.tenantId, tenantId), eq(partnerLinks.id, id)))
      .returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'revoke', entityType: 'partner_link', entityId: id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

export async function linkById(db: Db, tenantId: string, id: string, forUpdate = false): Promise<PartnerLink> {
  if (!isUuid(id)) throw new AppError('not_found');
  const query = db.select().from(partnerLinks).where(and(eq(partnerLinks.tenantId, tenantId), eq(partnerLinks.id, id)));
  return found((forUpdate ? await query.for('update') : await query)[0]);
}

/**
 * "Erinnern": a new token for the link (the reminder must carry a working link, and only hashes are
 * stored), at most once a day per actor. Returns the token for the mail, or for the Koordination to
 * pass on when no mail server is configured. Refused for revoked and expired links.
 */
export async function remindPartner(ctx: CommandContext, tenantId: string, id: string, now = new Date()): Promise<{ link: PartnerLink; token: string }> {
  authorize(canManagePartnerLinks(ctx.user, tenantId));
  const token = newToken();
  const link = await ctx.db.transaction(async (tx) => {
    const before = await linkById(tx, tenantId, id, true);
    if (before.revokedAt) throw new AppError('conflict', 'partner_links.error.revoked');
    if (before.expiresAt.getTime() <= now.getTime()) throw new AppError('conflict', 'partner_links.error.expired');
    const rows = await tx
      .update(partnerLinks)
      .set({ tokenHash: hashToken(token), lastRemindedAt: now, version: before.version + 1 })
      .where(
        and(
          eq(partnerLinks.tenantId, tenantId),
          eq(partnerLinks.id, id),
          or(isNull(partnerLinks.lastRemindedAt), lt(partnerLinks.lastRemindedAt, new Date(now.getTime() - reminderInterval))),
        ),
      )
      .returning();
    if (rows.length === 0) throw new AppError('conflict', 'partner_links.error.reminded_today');
    await recordAudit(tx, ctx.user, { tenantId, action: 'remind', entityType: 'partner_link', entityId: id, before: { lastRemindedAt: before.lastRemindedAt }, after: { ...auditView(rows[0]!), lastRemindedAt: now } });
    return rows[0]!;
  });
  return { link, token };
}

export type LinkState = 'valid' | 'expired' | 'revoked';
export const linkState = (l: Pick<PartnerLink, 'revokedAt' | 'expiresAt'>, now: Date): LinkState =>
  l.revokedAt ? 'revoked' : l.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';

export interface OpenedLink {
  link: PartnerLink;
  tenant: { id: string; slug: string; name: string };
  actor: { id: string; name: string };
  state: LinkState;
}

/** The link behind a token (any state), or undefined when no link has this token (never had, or replaced). */
export async function openPartnerLink(db: Db, token: string, now = new Date()): Promise<OpenedLink | undefined> {
  if (!isLinkTokenShape(token)) return undefined;
  const [row] = await db
    .select({ link: partnerLinks, tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name }, actor: { id: actors.id, name: actors.name } })
    .from(partnerLinks)
    .innerJoin(tenants, eq(tenants.id, partnerLinks.tenantId))
    .innerJoin(actors, and(eq(actors.tenantId, partnerLinks.tenantId), eq(actors.id, partnerLinks.actorId)))
    .where(eq(partnerLinks.tokenHash, hashToken(token)));
  return row ? { ...row, state: linkState(row.link, now) } : undefined;
}

/** Who acts when a partner sends a form: named after its actor in the Protokoll, no account, no rights elsewhere. */
export const partnerIdentity = (actorName: string): CurrentUser => ({
  id: null,
  email: 'partner@ikon.invalid',
  name: translator('de')('partner_links.actor_name', { actor: actorName }),
  isPlatformAdmin: false,
  memberships: [],
});

/**
 * Notes the use of a link: "zuletzt benutzt" on the overview, to the minute. Not audited (the
 * Protokoll has the hourly entry), so the change is noted for the Kommune's kept internal pages
 * here (not its public pages: they do not show it).
 */
export async function stampLinkUse(db: Db, link: PartnerLink, now: Date): Promise<void> {
  const stamped = await db
    .update(partnerLinks)
    .set({ lastUsedAt: now })
    .where(and(eq(partnerLinks.tenantId, link.tenantId), eq(partnerLinks.id, link.id), or(isNull(partnerLinks.lastUsedAt), lt(partnerLinks.lastUsedAt, new Date(now.getTime() - 60_000)))))
    .returning({ id: partnerLinks.id });
  if (stamped.length) await noteContentChange(db, link.tenantId);
}

/** A use of a revoked or expired link is noted in the Protokoll (once an hour per link: sending twice is common). */
export const noteRefusedUse = (db: Db, opened: OpenedLink, now: Date) => noteHourly(db, opened, 'reject', { reason: opened.state }, now);

/**
 * Opening a valid link: "geöffnet am …" on the overview (`lastUsedAt`) and an entry in the
 * Protokoll, once an hour per link. Nothing about the visitor (no address, no browser): the entry
 * says only that the link of this actor was opened.
 */
export async function noteLinkOpened(db: Db, opened: OpenedLink, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await stampLinkUse(tx, opened.link, now);
    await noteHourly(tx, opened, 'open', undefined, now);
  });
}

async function noteHourly(db: Db, opened: OpenedLink, action: 'reject' | 'open', after: unknown, now: Date): Promise<void> {
  const [recent] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, opened.tenant.id), eq(auditLog.entityType, 'partner_link'), eq(auditLog.entityId, opened.link.id), eq(auditLog.action, action), gt(auditLog.at, new Date(now.getTime() - 3_600_000))))
    .limit(1);
  if (recent) return;
  await recordAudit(db, partnerIdentity(opened.actor.name), { tenantId: opened.tenant.id, action, entityType: 'partner_link', entityId: opened.link.id, after });
}

export interface LinkOverviewRow {
  actorId: string;
  actorName: string;
  link: Omit<PartnerLink, 'tokenHash'> | null;
  recipient: Pick<Contact, 'id' | 'name' | 'email'> | null;
  lastSubmittedAt: Date | null;
  openSubmissions: number;
}

/** Every actor of the Kommune with its link (if any), its last submission and what is still open. */
export async function linkOverview(db: Db, tenantId: string): Promise<LinkOverviewRow[]> {
  const rows = await db
    .select({ actorId: actors.id, actorName: actors.name, link: partnerLinks, recipientId: actorContacts.id, recipientName: actorContacts.name, recipientEmail: actorContacts.email })
    .from(actors)
    .leftJoin(partnerLinks, and(eq(partnerLinks.tenantId, actors.tenantId), eq(partnerLinks.actorId, actors.id)))
    .leftJoin(actorContacts, and(eq(actorContacts.tenantId, actors.tenantId), eq(actorContacts.actorId, actors.id), eq(actorContacts.id, partnerLinks.recipientContactId)))
    .where(eq(actors.tenantId, tenantId))
    .orderBy(asc(actors.name));
  const stats = await db
    .select({ actorId: partnerSubmissions.actorId, last: sql<string | null>`max(${partnerSubmissions.submittedAt})`, open: sql<number>`count(*) filter (where ${partnerSubmissions.status} = 'offen')::int` })
    .from(partnerSubmissions)
    .where(eq(partnerSubmissions.tenantId, tenantId))
    .groupBy(partnerSubmissions.actorId);
  const byActor = new Map(stats.map((s) => [s.actorId, s]));
  return rows.map((r) => {
    const s = byActor.get(r.actorId);
    const { tokenHash: _h, ...link } = r.link ?? ({} as PartnerLink);
    return {
      actorId: r.actorId,
      actorName: r.actorName,
      link: r.link ? link : null,
      recipient: r.recipientId ? { id: r.recipientId, name: r.recipientName!, email: r.recipientEmail! } : null,
      lastSubmittedAt: s?.last ? new Date(s.last) : null,
      openSubmissions: s?.open ?? 0,
    };
  });
}

/** The default expiry date offered in the form. */
export const defaultExpiry = (now = new Date()) => addDays(berlinDate(now), defaultLinkWeeks * 7);

/** The recipient's e-mail address, when the link names a contact person who has one. */
export async function recipientOf(db: Db, link: PartnerLink): Promise<Pick<Contact, 'name' | 'email'> | undefined> {
  if (!link.recipientContactId) return undefined;
  const [row] = await db.select({ name: actorContacts.name, email: actorContacts.email }).from(actorContacts).where(and(eq(actorContacts.tenantId, link.tenantId), eq(actorContacts.id, link.recipientContactId)));
  return row?.email ? row : undefined;
}

/** The German mail with the link (first sending and reminders); shown to the Koordination to copy when it cannot be sent. */
export function partnerLinkMail(t: T, p: { to: string; name: string | null; actorName: string; tenantName: string; senderName: string; link: string; expiresAt: Date; reminder: boolean }): Mail {
  const greeting = p.name ? t('partner_links.greeting_named', { name: p.name }) : t('partner_links.greeting');
  const params = { greeting, actor: p.actorName, tenant: p.tenantName, sender: p.senderName, link: p.link, date: formatDate('de', new Date(p.expiresAt.getTime() - 1)) };
  return {
    to: p.to,
    subject: t(p.reminder ? 'partner_links.reminder_subject' : 'partner_links.mail_subject', params),
    text: t(p.reminder ? 'partner_links.reminder_text' : 'partner_links.mail_text', params),
  };
}
