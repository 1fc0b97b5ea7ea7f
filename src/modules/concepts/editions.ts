import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { expectedVersion, isUuid, optionalDate, optionalText, parseInput, requiredText } from '../../platform/validation.js';
import { canManageConcept, editionTransitions, isEditionOpen } from './policy.js';
import { editions, editionStatuses } from './schema.js';

export type Edition = typeof editions.$inferSelect;

export const listEditions = (db: Db, tenantId: string) =>
  db.select().from(editions).where(eq(editions.tenantId, tenantId)).orderBy(desc(editions.createdAt));

export async function editionById(db: Db, tenantId: string, id: string): Promise<Edition> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(editions).where(and(eq(editions.tenantId, tenantId), eq(editions.id, id)));
  return found(row);
}

/**
 * The edition, locked until the transaction ends against another writer that locks it too (an
 * import): two confirmations of one file into one edition then run one after the other, and the
 * second sees the first's measures instead of failing on their numbers. `no key update`: inserting
 * a measure (which only takes a key share of its edition) is not held up.
 */
export async function lockedEdition(tx: Db, tenantId: string, id: string): Promise<Edition> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await tx.select().from(editions).where(and(eq(editions.tenantId, tenantId), eq(editions.id, id))).for('no key update');
  return found(row);
}

/** The edition the public sees, if the Kommune has adopted one. */
export async function adoptedEdition(db: Db, tenantId: string): Promise<Edition | undefined> {
  const [row] = await db.select().from(editions).where(and(eq(editions.tenantId, tenantId), eq(editions.status, 'beschlossen')));
  return row;
}

/** Throws unless the edition's content may still change. */
export function assertEditionOpen(edition: Edition) {
  if (!isEditionOpen(edition.status)) throw new AppError('conflict', 'error.edition_locked');
}

/** Title and introduction of an edition: the form and the API share it. */
export const editionInput = z.object({ title: requiredText(200), introduction: optionalText(20_000) });

export async function createEdition(ctx: CommandContext, tenantId: string, input: unknown): Promise<Edition> {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(editionInput, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(editions).values({ tenantId, ...data }).returning();
    const edition = found(row);
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'edition', entityId: edition.id, after: edition });
    return edition;
  });
}

export async function updateEdition(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Edition> {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(editionInput.extend({ version: expectedVersion() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await editionById(tx, tenantId, id);
    const rows = await tx
      .update(editions)
      .set({ title: data.title, introduction: data.introduction, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(editions.tenantId, tenantId), eq(editions.id, id), eq(editions.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'edition', entityId: id, before, after: rows[0] });
    return found(rows[0]);
  });
}

const transitionInput = z.object({
  to: z.enum(editionStatuses, { error: 'validation.invalid_choice' }),
  adoptedOn: optionalDate(),
  version: expectedVersion(),
});

/**
 * Moves an edition along Entwurf → Beteiligung → zur Beschlussfassung → beschlossen. Adopting one
 * makes the previously adopted edition "abgelöst" in the same transaction: one adopted at a time.
 */
export async function transitionEdition(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Edition> {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(transitionInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await editionById(tx, tenantId, id);
    if (!editionTransitions[before.status].includes(data.to)) throw new AppError('invalid_transition', 'error.invalid_transition');
    if (data.to === 'beschlossen' && !data.adoptedOn) {
      throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'adoptedOn', messageKey: 'validation.adopted_on_required' }] });
    }
    if (data.to === 'beschlossen') {
      const superseded = await tx
        .update(editions)
        .set({ status: 'abgeloest', updatedAt: new Date() })
        .where(and(eq(editions.tenantId, tenantId), eq(editions.status, 'beschlossen'), ne(editions.id, id)))
        .returning();
      for (const old of superseded) {
        await recordAudit(tx, ctx.user, { tenantId, action: 'transition', entityType: 'edition', entityId: old.id, before: { status: 'beschlossen' }, after: { status: 'abgeloest' } });
      }
    }
    const rows = await tx
      .update(editions)
      .set({ status: data.to, adoptedOn: data.to === 'beschlossen' ? data.adoptedOn : before.adoptedOn, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(editions.tenantId, tenantId), eq(editions.id, id), eq(editions.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'transition', entityType: 'edition', entityId: id, before: { status: before.status }, after: { status: data.to, adoptedOn: data.adoptedOn } });
    return found(rows[0]);
  });
}

export const editionsInOrder = (db: Db, tenantId: string) =>
  db.select().from(editions).where(eq(editions.tenantId, tenantId)).orderBy(asc(editions.createdAt));
