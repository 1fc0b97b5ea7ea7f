import { count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { isoDate, maxInteger, optionalEmail, optionalText, optionalWebAddress, parseInput, requiredText } from '../../platform/validation.js';
import { accessibilityFeedback, complianceStatuses, legalPages } from './schema.js';

export type LegalPages = typeof legalPages.$inferSelect;
export type Feedback = typeof accessibilityFeedback.$inferSelect;

/** The Pflichtseiten are the Koordination's: they speak for the Kommune. */
export const canEditLegalPages = isCoordinator;

/** 0 when the Kommune has not saved its Pflichtseiten yet. */
const seenVersion = z.preprocess((v) => (v == null || v === '' ? 0 : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number({ error: 'validation.invalid' }).int().min(0).max(maxInteger));

export const legalPagesInput = z.object({
  imprint: optionalText(20_000),
  privacy: optionalText(50_000),
  contactName: optionalText(300),
  contactAddress: optionalText(1_000),
  contactEmail: optionalEmail(),
  contactPhone: optionalText(100),
  complianceStatus: z.enum(complianceStatuses, { error: 'validation.invalid_choice' }),
  knownLimits: optionalText(20_000),
  statementDate: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), isoDate({ error: 'validation.date' }).nullable()),
  arbitrationUrl: optionalWebAddress(),
  version: seenVersion,
});

export async function legalPagesOf(db: Db, tenantId: string): Promise<LegalPages | undefined> {
  const [row] = await db.select().from(legalPages).where(eq(legalPages.tenantId, tenantId));
  return row;
}

const auditView = (p: LegalPages) => {
  const { tenantId: _t, updatedAt: _u, ...rest } = p;
  return rest;
};

/** Saves the Pflichtseiten, based on the version the Koordination saw (0: none saved yet). */
export async function saveLegalPages(ctx: CommandContext, tenantId: string, input: unknown): Promise<LegalPages> {
  authorize(canEditLegalPages(ctx.user, tenantId));
  const { version, ...data } = parseInput(legalPagesInput, input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(legalPages).where(eq(legalPages.tenantId, tenantId)).for('update');
    if ((before?.version ?? 0) !== version) throw new AppError('edit_conflict');
    const values = { ...data, version: version + 1, updatedAt: new Date(), updatedByName: ctx.user.name };
    const [after] = before
      ? await tx.update(legalPages).set(values).where(eq(legalPages.tenantId, tenantId)).returning()
      : await tx.insert(legalPages).values({ tenantId, ...values }).returning();
    const saved = found(after);
    await recordAudit(tx, ctx.user, { tenantId, action: before ? 'update' : 'create', entityType: 'legal_pages', entityId: tenantId, before: before ? auditView(before) : undefined, after: auditView(saved) });
    return saved;
  });
}

export const feedbackLimits = { name: 200, email: 254, message: 5_000 };

export const feedbackInput = z.object({
  name: optionalText(feedbackLimits.name),
  email: optionalEmail(),
  message: requiredText(feedbackLimits.message),
});

/** Who the Protokoll names for a message from the public form: nobody signed in. */
const publicVisitor: CurrentUser = { id: null, email: '', name: 'Rückmeldeformular Barrierefreiheit', isPlatformAdmin: false, memberships: [] };

/** Stores a message from the public feedback form (anyone may send one; throttling is the route's). */
export async function submitFeedback(db: Db, tenantId: string, input: unknown, pageUrl = ''): Promise<Feedback> {
  const data = parseInput(feedbackInput, input);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(accessibilityFeedback).values({ tenantId, ...data, pageUrl: pageUrl.slice(0, 500) }).returning();
    const saved = found(row);
    await recordAudit(tx, publicVisitor, { tenantId, action: 'create', entityType: 'accessibility_feedback', entityId: saved.id, after: { name: saved.name, email: saved.email, message: saved.message } });
    return saved;
  });
}

export const feedbackOf = (db: Db, tenantId: string, limit = 200) =>
  db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.tenantId, tenantId)).orderBy(desc(accessibilityFeedback.createdAt)).limit(limit);

/** The navigation's count (a scalar subquery: the frame asks all its counts in one query). */
export const feedbackCountSql = (tenantId: string) => sql<number>`(select count(*)::int from ${accessibilityFeedback} where ${eq(accessibilityFeedback.tenantId, tenantId)})`;

export async function feedbackCount(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(accessibilityFeedback).where(eq(accessibilityFeedback.tenantId, tenantId));
  return row?.n ?? 0;
}
