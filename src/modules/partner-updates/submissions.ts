import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, authorize, found, type CommandContext } from '../../platform/commands.js';
import { berlinDate } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { isUuid, listOf, optionalText, parseInput, throwIfProblems } from '../../platform/validation.js';
import { actorById, actorInput, contactById, contactsOf, createContact, parseContactInput, updateActor, updateContact } from '../actors/index.js';
import { actors } from '../actors/schema.js';
import { createOffer, listOffers, offerById, offerFormValues, parseOfferInput, updateOffer, type OfferWithLinks } from '../offers/index.js';
import { changesBetween, contactInputOf, fieldsOfKind, keptOfferFormFields, offerInputOf, partnerActorFields, partnerContactFields, partnerOfferFields } from './fields.js';
import { canManagePartnerLinks, linkState, partnerIdentity, stampLinkUse, type OpenedLink } from './links.js';
import { partnerSubmissions, type FieldChange, type SubmissionKind } from './schema.js';

export type Submission = typeof partnerSubmissions.$inferSelect;

/** The hidden key of each partner form: the same form sent twice is stored once. */
const submissionKeyShape = /^[A-Za-z0-9_-]{43}$/;

const pick = (values: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]]));
const omit = (values: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k)));

/** A link may be used only while valid; a revoked or expired one answers "gone" (410) and stores nothing. */
function assertUsable(opened: OpenedLink, now: Date) {
  const state = linkState(opened.link, now);
  if (state !== 'valid') throw new AppError('conflict', state === 'revoked' ? 'partner.link_revoked' : 'partner.link_expired');
}

/** The actor's own offers (those it provides); any other offer id is "not found", whatever the form says. */
export async function ownOffer(db: Db, opened: OpenedLink, offerId: string): Promise<OfferWithLinks> {
  if (!isUuid(offerId)) throw new AppError('not_found');
  const offer = await offerById(db, opened.tenant.id, offerId);
  if (!offer.providerIds.includes(opened.actor.id)) throw new AppError('not_found');
  return offer;
}

export const ownOffers = (db: Db, opened: OpenedLink) => listOffers(db, opened.tenant.id, { providerId: opened.actor.id });
export const ownContacts = (db: Db, opened: OpenedLink) => contactsOf(db, opened.tenant.id, opened.actor.id);

/** The offer form's values with what only the Koordination sets taken from the stored offer (or blank for a new one). */
function offerFormInput(body: Record<string, unknown>, kept: Record<string, unknown>) {
  return { ...omit(body, [...keptOfferFormFields, 'version', '_csrf', 'submissionKey', 'message']), ...kept };
}

const messageInput = z.object({ message: optionalText(2_000) });

/**
 * Stores what a partner sent, once per form (by its `submissionKey`), for the Koordination's
 * review; nothing else changes. Validation is that of the offer and contact services: bad input
 * throws their field errors (German messages) before anything is written.
 */
export async function submitFromPartner(
  db: Db,
  opened: OpenedLink,
  kind: SubmissionKind,
  targetId: string | null,
  body: Record<string, unknown>,
  now = new Date(),
): Promise<{ submission: Submission; duplicate: boolean }> {
  assertUsable(opened, now);
  const key = typeof body.submissionKey === 'string' ? body.submissionKey : '';
  if (!submissionKeyShape.test(key)) throw new AppError('bad_request', 'partner.error.form_key');
  const problems: { field: string; messageKey: string; params?: Record<string, string | number> }[] = [];
  let message = '';
  try {
    message = parseInput(messageInput, { message: body.message }).message;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problems.push(...e.fieldErrors);
  }
  let changes: Record<string, FieldChange> = {};
  try {
    changes = await changesOf(db, opened, kind, targetId, body);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
    problems.push(...e.fieldErrors);
  }
  throwIfProblems(problems);
  if (kind !== 'offer_update' && Object.keys(changes).length === 0) throwIfProblems([{ field: fieldsOfKind(kind)[0]!, messageKey: 'partner.error.nothing_changed' }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerSubmissions)
      .values({ tenantId: opened.tenant.id, linkId: opened.link.id, actorId: opened.actor.id, kind, targetId, changes, message, submissionKey: key, submittedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [same] = await tx.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.tenantId, opened.tenant.id), eq(partnerSubmissions.linkId, opened.link.id), eq(partnerSubmissions.submissionKey, key)));
      return { submission: found(same), duplicate: true };
    }
    await stampLinkUse(tx, opened.link, now);
    await recordAudit(tx, partnerIdentity(opened.actor.name), {
      tenantId: opened.tenant.id, action: 'create', entityType: 'partner_submission', entityId: row.id,
      after: { kind, actorId: opened.actor.id, targetId, fields: Object.keys(changes) },
    });
    return { submission: row, duplicate: false };
  });
}

/** What the partner's form changes, checked as the services would check it. */
async function changesOf(db: Db, opened: OpenedLink, kind: SubmissionKind, targetId: string | null, body: Record<string, unknown>): Promise<Record<string, FieldChange>> {
  const tenantId = opened.tenant.id;
  switch (kind) {
    case 'offer_update': {
      const offer = await ownOffer(db, opened, targetId ?? '');
      const data = parseOfferInput(offerFormInput(body, pick(offerFormValues(offer), keptOfferFormFields)));
      return changesBetween(partnerOfferFields, offerInputOf(offer), data as unknown as Record<string, unknown>);
    }
    case 'offer_new': {
      const data = parseOfferInput(offerFormInput(body, { providerIds: [opened.actor.id] }));
      return Object.fromEntries(partnerOfferFields.map((f) => [f, { before: null, after: (data as unknown as Record<string, unknown>)[f] ?? null }]));
    }
    case 'contact_update': {
      const contact = await contactById(db, tenantId, opened.actor.id, targetId ?? '');
      const data = parseContactInput(pick(body, partnerContactFields));
      return changesBetween(partnerContactFields, contactInputOf(contact), data as unknown as Record<string, unknown>);
    }
    case 'contact_new': {
      const data = parseContactInput(pick(body, partnerContactFields));
      return Object.fromEntries(partnerContactFields.map((f) => [f, { before: null, after: (data as unknown as Record<string, unknown>)[f] ?? null }]));
    }
    case 'actor_update': {
      const actor = await actorById(db, tenantId, opened.actor.id);
      const data = parseInput(actorInput.pick({ address: true, website: true }), pick(body, partnerActorFields));
      return changesBetween(partnerActorFields, actor, data);
    }
  }
}

/** The submissions of one link, newest first (the partner sees what still waits). */
export const submissionsOfLink = (db: Db, opened: OpenedLink) =>
  db.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.tenantId, opened.tenant.id), eq(partnerSubmissions.linkId, opened.link.id))).orderBy(desc(partnerSubmissions.submittedAt)).limit(50);

export interface SubmissionRow extends Submission {
  actorName: string;
}

/** Open submissions, oldest first (first come, first reviewed), or the last reviewed ones. */
export async function listSubmissions(db: Db, tenantId: string, which: 'open' | 'reviewed'): Promise<SubmissionRow[]> {
  const rows = await db
    .select({ submission: partnerSubmissions, actorName: actors.name })
    .from(partnerSubmissions)
    .innerJoin(actors, and(eq(actors.tenantId, partnerSubmissions.tenantId), eq(actors.id, partnerSubmissions.actorId)))
    .where(and(eq(partnerSubmissions.tenantId, tenantId), which === 'open' ? eq(partnerSubmissions.status, 'offen') : inArray(partnerSubmissions.status, ['uebernommen', 'teilweise', 'abgelehnt', 'geloescht'])))
    .orderBy(which === 'open' ? asc(partnerSubmissions.submittedAt) : desc(partnerSubmissions.reviewedAt))
    .limit(which === 'open' ? 500 : 50);
  return rows.map((r) => ({ ...r.submission, actorName: r.actorName }));
}

export async function submissionById(db: Db, tenantId: string, id: string): Promise<SubmissionRow> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db
    .select({ submission: partnerSubmissions, actorName: actors.name })
    .from(partnerSubmissions)
    .innerJoin(actors, and(eq(actors.tenantId, partnerSubmissions.tenantId), eq(actors.id, partnerSubmissions.actorId)))
    .where(and(eq(partnerSubmissions.tenantId, tenantId), eq(partnerSubmissions.id, id)));
  const r = found(row);
  return { ...r.submission, actorName: r.actorName };
}

export const isNewKind = (kind: SubmissionKind) => kind === 'offer_new' || kind === 'contact_new';

const reviewInput = z.object({
  note: optionalText(2_000),
  fields: listOf(z.string().max(100)).pipe(z.array(z.string()).max(50)),
});

/**
 * Takes over what the Koordination chose: all fields, or some (`fields`; new offers and contacts
 * only as a whole). Writes through the offer and actor services, so their validation, audit and
 * cache invalidation apply; an accepted offer report also counts as its check (verifiedOn = today).
 */
export async function acceptSubmission(ctx: CommandContext, tenantId: string, id: string, input: { note?: unknown; fields?: unknown; all?: boolean; version?: unknown }, now = new Date()): Promise<Submission> {
  authorize(canManagePartnerLinks(ctx.user, tenantId));
  const data = parseInput(reviewInput, { note: input.note, fields: input.fields });
  return ctx.db.transaction(async (tx) => {
    const before = await lockOpen(tx, tenantId, id, input.version);
    const reported = Object.keys(before.changes);
    const chosen = input.all || isNewKind(before.kind) ? reported : data.fields.filter((f) => reported.includes(f));
    if (!input.all && !isNewKind(before.kind) && reported.length > 0 && chosen.length === 0) throwIfProblems([{ field: 'fields', messageKey: 'partner_review.error.choose_fields' }]);
    const inner: CommandContext = { ...ctx, db: tx };
    const createdId = await apply(inner, tenantId, before, chosen, berlinDate(now));
    const status = chosen.length === reported.length ? 'uebernommen' : 'teilweise';
    return finish(tx, ctx, before, { status, acceptedFields: chosen, reviewNote: data.note, createdId: createdId ?? null }, now);
  });
}

/** Declines the submission: nothing else changes; the note says why (for the Protokoll and the next conversation). */
export async function rejectSubmission(ctx: CommandContext, tenantId: string, id: string, input: { note?: unknown; version?: unknown }, now = new Date()): Promise<Submission> {
  authorize(canManagePartnerLinks(ctx.user, tenantId));
  const data = parseInput(reviewInput, { note: input.note, fields: [] });
  return ctx.db.transaction(async (tx) => {
    const before = await lockOpen(tx, tenantId, id, input.version);
    return finish(tx, ctx, before, { status: 'abgelehnt', acceptedFields: [], reviewNote: data.note, createdId: null }, now);
  });
}

async function lockOpen(tx: Db, tenantId: string, id: string, version: unknown): Promise<Submission> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await tx.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.tenantId, tenantId), eq(partnerSubmissions.id, id))).for('update');
  const before = found(row);
  if (before.status !== 'offen') throw new AppError('conflict', 'partner_review.error.already_reviewed');
  const expected = Number(version);
  if (Number.isInteger(expected)) assertCurrentVersion(before.version, expected);
  return before;
}

async function finish(tx: Db, ctx: CommandContext, before: Submission, values: Pick<Submission, 'status' | 'acceptedFields' | 'reviewNote' | 'createdId'>, now: Date): Promise<Submission> {
  const [after] = await tx
    .update(partnerSubmissions)
    .set({ ...values, reviewedAt: now, reviewedByName: ctx.user.name, version: before.version + 1 })
    .where(and(eq(partnerSubmissions.tenantId, before.tenantId), eq(partnerSubmissions.id, before.id)))
    .returning();
  await recordAudit(tx, ctx.user, {
    tenantId: before.tenantId, action: 'review', entityType: 'partner_submission', entityId: before.id,
    before: { status: before.status }, after: { status: values.status, kind: before.kind, targetId: before.targetId, acceptedFields: values.acceptedFields, note: values.reviewNote, createdId: values.createdId },
  });
  return after!;
}

const afterValues = (s: Submission, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, s.changes[f]!.after]));

/** Writes the chosen fields through the owning module's service; returns the id of what it created. */
async function apply(ctx: CommandContext, tenantId: string, s: Submission, fields: string[], today: string): Promise<string | undefined> {
  switch (s.kind) {
    case 'offer_update': {
      const offer = await offerById(ctx.db, tenantId, s.targetId ?? '');
      await updateOffer(ctx, tenantId, offer.id, { ...offerInputOf(offer), ...afterValues(s, fields), verifiedOn: today, version: offer.version });
      return undefined;
    }
    case 'offer_new': {
      const created = await createOffer(ctx, tenantId, { ...afterValues(s, fields), providerIds: [s.actorId], fieldIds: [], measureIds: [], published: false, verifiedOn: today, internalNote: '' });
      return created.id;
    }
    case 'contact_update': {
      const contact = await contactById(ctx.db, tenantId, s.actorId, s.targetId ?? '');
      await updateContact(ctx, tenantId, s.actorId, contact.id, { ...contactInputOf(contact), ...afterValues(s, fields), version: contact.version });
      return undefined;
    }
    case 'contact_new':
      return (await createContact(ctx, tenantId, s.actorId, afterValues(s, fields))).id;
    case 'actor_update': {
      const actor = await actorById(ctx.db, tenantId, s.actorId);
      await updateActor(ctx, tenantId, actor.id, { name: actor.name, kind: actor.kind, municipalityId: actor.municipalityId, address: actor.address, website: actor.website, ...afterValues(s, fields), version: actor.version });
      return undefined;
    }
  }
}
