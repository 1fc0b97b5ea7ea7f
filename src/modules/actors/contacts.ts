import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit, scrubAuditValues } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { todayInGermany } from '../../platform/dates.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { spokenLanguageCodes } from '../../platform/i18n/spoken-languages.js';
import { eraseHeldData, type PersonRef } from '../../platform/personal-data.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import {
  expectedVersion, isUuid, listOf, optionalDate, optionalEmail, optionalText, parseEachField, plainText, requiredText, throwIfProblems, versionFrom,
} from '../../platform/validation.js';
import { actorContacts, consentScopes, contactGenders } from './schema.js';
import { actorById } from './service.js';

export type Contact = typeof actorContacts.$inferSelect;

/** Contact persons are personal data: only the Koordination keeps and sees them. */
export const canManageContacts = isCoordinator;

const blankToNull = (v: unknown) => (v == null || (typeof v === 'string' && v.trim() === '') ? null : v);

export const contactInput = z.object({
  name: requiredText(200),
  role: optionalText(300),
  responsibility: optionalText(1_000),
  email: optionalEmail(),
  phone: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v == null ? '' : v), plainText().max(50).regex(/^[0-9+()/\-.\s]*$/, 'validation.phone')),
  languages: listOf(z.enum(spokenLanguageCodes, { error: 'validation.invalid_choice' })).transform((codes) => [...new Set(codes)]),
  gender: z.preprocess(blankToNull, z.enum(contactGenders, { error: 'validation.invalid_choice' }).nullable()),
  consentScope: z.enum(consentScopes, { error: 'validation.invalid_choice' }),
  consentDate: optionalDate(),
  consentSource: optionalText(300),
});
export type ContactInput = z.output<typeof contactInput>;

/** What the form's own fields cannot say alone: a consent needs its date and source, gender needs a consent. */
function consentProblems(data: Partial<ContactInput>, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const consented = data.consentScope !== undefined && data.consentScope !== 'keine';
  if (consented && !data.consentDate) problems.push({ field: 'consentDate', messageKey: 'validation.consent_date_required' });
  if (consented && !data.consentSource) problems.push({ field: 'consentSource', messageKey: 'validation.consent_source_required' });
  if (data.consentDate && data.consentDate > today) problems.push({ field: 'consentDate', messageKey: 'validation.consent_date_future' });
  if (data.gender && data.consentScope === 'keine') problems.push({ field: 'gender', messageKey: 'validation.gender_needs_consent' });
  return problems;
}

function parseContact(input: unknown, withVersion: true): ContactInput & { version: number };
function parseContact(input: unknown, withVersion: false): ContactInput;
function parseContact(input: unknown, withVersion: boolean) {
  const schema = withVersion ? contactInput.extend({ version: expectedVersion() }) : contactInput;
  const { valid, errors } = parseEachField(schema, input);
  throwIfProblems([...errors, ...consentProblems(valid, todayInGermany())]);
  return valid as ContactInput & { version?: number };
}

/** Checks a contact person's fields as creating one would (every problem at once, as field errors). */
export const parseContactInput = (input: unknown): ContactInput => parseContact(input, false);

export const contactsOf = (db: Db, tenantId: string, actorId: string) =>
  db.select().from(actorContacts).where(and(eq(actorContacts.tenantId, tenantId), eq(actorContacts.actorId, actorId))).orderBy(asc(actorContacts.name));

export async function contactById(db: Db, tenantId: string, actorId: string, id: string): Promise<Contact> {
  if (!isUuid(id) || !isUuid(actorId)) throw new AppError('not_found');
  const [row] = await db.select().from(actorContacts).where(and(eq(actorContacts.tenantId, tenantId), eq(actorContacts.actorId, actorId), eq(actorContacts.id, id)));
  return found(row);
}

/** The contact fields a public page or API may show, and only of people whose consent covers publication. */
export interface PublishedContact {
  actorId: string;
  name: string;
  role: string;
  responsibility: string;
  email: string;
  phone: string;
  languages: string[];
  gender: Contact['gender'];
}

/** For public outputs (the offer directory, …): consented contacts of these actors, nothing internal (consent details, ids). */
export async function publishedContactsOf(db: Db, tenantId: string, actorIds: readonly string[]): Promise<PublishedContact[]> {
  if (actorIds.length === 0) return [];
  return db
    .select({
      actorId: actorContacts.actorId, name: actorContacts.name, role: actorContacts.role, responsibility: actorContacts.responsibility,
      email: actorContacts.email, phone: actorContacts.phone, languages: actorContacts.languages, gender: actorContacts.gender,
    })
    .from(actorContacts)
    .where(and(eq(actorContacts.tenantId, tenantId), inArray(actorContacts.actorId, [...actorIds]), eq(actorContacts.consentScope, 'veroeffentlichung')))
    .orderBy(asc(actorContacts.name));
}

/** Audit snapshot: the person's row without tenant bookkeeping (erasure scrubs it later). */
const logged = ({ tenantId: _t, createdAt: _c, ...rest }: Contact) => rest;

export async function createContact(ctx: CommandContext, tenantId: string, actorId: string, input: unknown): Promise<Contact> {
  authorize(canManageContacts(ctx.user, tenantId));
  const data = parseContact(input, false);
  return ctx.db.transaction(async (tx) => {
    await actorById(tx, tenantId, actorId);
    const [row] = await tx.insert(actorContacts).values({ tenantId, actorId, ...data }).returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'actor_contact', entityId: row!.id, after: logged(row!) });
    return found(row);
  });
}

export async function updateContact(ctx: CommandContext, tenantId: string, actorId: string, id: string, input: unknown): Promise<Contact> {
  authorize(canManageContacts(ctx.user, tenantId));
  const { version, ...data } = parseContact(input, true);
  return ctx.db.transaction(async (tx) => {
    const before = await contactById(tx, tenantId, actorId, id);
    const rows = await tx
      .update(actorContacts)
      .set({ ...data, version: before.version + 1 })
      .where(and(eq(actorContacts.tenantId, tenantId), eq(actorContacts.id, id), eq(actorContacts.version, version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'actor_contact', entityId: id, before: logged(before), after: logged(rows[0]!) });
    return found(rows[0]);
  });
}

/** What the audit keeps of an erased person: that the entry was about a contact person of this actor. */
const keptAfterErasure = ['id', 'actorId'] as const;

/** The person as other modules may have copied her (DSGVO Art. 15 and 17: `platform/personal-data.ts`). */
export const personRef = (c: Contact): PersonRef => ({ of: 'actor_contact', id: c.id, actorId: c.actorId, name: c.name, email: c.email, phone: c.phone });

/**
 * DSGVO Art. 17: deletes the person and scrubs every audit entry about them down to "a contact
 * person of this actor existed" (who changed it when stays). Modules that copied her data (partner
 * reports) scrub their copies in the same transaction (manifest `personalData`). Interview notes
 * name participants in free text: they are not searched. `version` must be the one the user saw.
 */
export async function eraseContact(ctx: CommandContext, tenantId: string, actorId: string, id: string, version: unknown): Promise<void> {
  authorize(canManageContacts(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await contactById(tx, tenantId, actorId, id);
    assertCurrentVersion(before.version, expected);
    await eraseHeldData(tx, ctx.user, tenantId, personRef(before));
    await tx.delete(actorContacts).where(and(eq(actorContacts.tenantId, tenantId), eq(actorContacts.id, id)));
    await scrubAuditValues(tx, tenantId, 'actor_contact', id, keptAfterErasure);
    await recordAudit(tx, ctx.user, { tenantId, action: 'erase', entityType: 'actor_contact', entityId: id, before: { id, actorId, erased: true } });
  });
}

/** How many contact persons each actor has (for the directory). */
export async function contactCounts(db: Db, tenantId: string): Promise<Map<string, number>> {
  const rows = await db.select({ actorId: actorContacts.actorId }).from(actorContacts).where(eq(actorContacts.tenantId, tenantId));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.actorId, (counts.get(r.actorId) ?? 0) + 1);
  return counts;
}
