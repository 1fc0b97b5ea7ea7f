import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { auditLog } from '../../platform/audit/schema.js';
import { assertCurrentVersion, authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { mergeUsages } from '../../platform/usage.js';
import { versionFrom } from '../../platform/validation.js';
import { canManageOffers } from './policy.js';
import { offerFields, offerMeasures, offerTargetGroups, offers } from './schema.js';
import { offerById } from './service.js';

/**
 * Merges a duplicate into the offer that stays: the survivor gets the duplicate's measures,
 * Themenfelder and Zielgruppen in addition to its own (other modules move their links through
 * their usage checks), the duplicate is kept, marked as merged (it drops out of lists, its
 * public address redirects to the survivor) and both audit trails stay readable on the
 * survivor's page (offerHistory). Both versions must be the ones the person confirmed.
 */
export async function mergeOffers(ctx: CommandContext, tenantId: string, duplicateId: string, survivorId: string, versions: { duplicate: unknown; survivor: unknown }): Promise<void> {
  authorize(canManageOffers(ctx.user, tenantId));
  const expectedDuplicate = versionFrom(versions.duplicate);
  const expectedSurvivor = versionFrom(versions.survivor);
  if (duplicateId === survivorId) throw new AppError('conflict', 'offers.merge_same');
  await ctx.db.transaction(async (tx) => {
    const duplicate = await offerById(tx, tenantId, duplicateId);
    const survivor = await offerById(tx, tenantId, survivorId);
    assertCurrentVersion(duplicate.version, expectedDuplicate);
    assertCurrentVersion(survivor.version, expectedSurvivor);
    if (duplicate.mergedIntoId || survivor.mergedIntoId) throw new AppError('conflict', 'offers.merge_already_merged');
    const united = (own: string[], other: string[]) => other.filter((id) => !own.includes(id));
    const measureIds = united(survivor.measureIds, duplicate.measureIds);
    const fieldIds = united(survivor.fieldIds, duplicate.fieldIds);
    const targetGroupIds = united(survivor.targetGroupIds, duplicate.targetGroupIds);
    if (measureIds.length) await tx.insert(offerMeasures).values(measureIds.map((measureId) => ({ tenantId, offerId: survivorId, measureId })));
    if (fieldIds.length) await tx.insert(offerFields).values(fieldIds.map((fieldId) => ({ tenantId, offerId: survivorId, fieldId })));
    if (targetGroupIds.length) await tx.insert(offerTargetGroups).values(targetGroupIds.map((targetGroupId) => ({ tenantId, offerId: survivorId, targetGroupId })));
    await mergeUsages(tx, 'offer', tenantId, duplicateId, survivorId);
    await tx.update(offers).set({ mergedIntoId: survivorId, version: duplicate.version + 1, updatedAt: new Date() }).where(and(eq(offers.tenantId, tenantId), eq(offers.id, duplicateId)));
    await tx.update(offers).set({ version: survivor.version + 1, updatedAt: new Date() }).where(and(eq(offers.tenantId, tenantId), eq(offers.id, survivorId)));
    // Offers merged into the duplicate earlier now point to the survivor, so every redirect is one hop.
    await tx.update(offers).set({ mergedIntoId: survivorId }).where(and(eq(offers.tenantId, tenantId), eq(offers.mergedIntoId, duplicateId)));
    await recordAudit(tx, ctx.user, {
      tenantId, action: 'merge', entityType: 'offer', entityId: duplicateId,
      before: { title: duplicate.title, mergedIntoId: null }, after: { title: duplicate.title, mergedIntoId: survivorId, mergedIntoTitle: survivor.title },
    });
    await recordAudit(tx, ctx.user, {
      tenantId, action: 'merge', entityType: 'offer', entityId: survivorId,
      before: { title: survivor.title, measureIds: survivor.measureIds, fieldIds: survivor.fieldIds, targetGroupIds: survivor.targetGroupIds },
      after: { title: survivor.title, mergedFromId: duplicateId, mergedFromTitle: duplicate.title, measureIds: [...survivor.measureIds, ...measureIds].sort(), fieldIds: [...survivor.fieldIds, ...fieldIds].sort(), targetGroupIds: [...survivor.targetGroupIds, ...targetGroupIds].sort() },
    });
  });
}

/** The offers merged into this one (directly; merges are flattened to one hop). */
export async function mergedInto(db: Db, tenantId: string, survivorId: string) {
  return db.select({ id: offers.id, title: offers.title }).from(offers).where(and(eq(offers.tenantId, tenantId), eq(offers.mergedIntoId, survivorId)));
}

/** An offer's audit trail together with those of the offers merged into it, newest first. */
export async function offerHistory(db: Db, tenantId: string, id: string, mergedFrom?: { id: string }[]) {
  const merged = (mergedFrom ?? (await mergedInto(db, tenantId, id))).map((m) => m.id);
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'offer'), merged.length ? or(eq(auditLog.entityId, id), inArray(auditLog.entityId, merged)) : eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id));
}

/** Where the public address of a merged offer leads (the survivor), if anywhere. */
export async function survivorOf(db: Db, tenantId: string, id: string): Promise<string | null> {
  const [row] = await db.select({ into: offers.mergedIntoId }).from(offers).where(and(eq(offers.tenantId, tenantId), sql`${offers.id}::text = ${id}`));
  return row?.into ?? null;
}
