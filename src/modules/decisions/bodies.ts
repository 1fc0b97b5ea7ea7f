/** Gremien of a Kommune (Fachausschuss, Kreisausschuss, Kreistag) and their Sitzungen. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { expectedVersion, isUuid, optionalText, parseInput, requiredText, versionFrom } from '../../platform/validation.js';
import { canManagePapers } from './policy.js';
import { bodyKinds, consultations, councilBodies, councilMeetings } from './schema.js';

export type CouncilBody = typeof councilBodies.$inferSelect;
export type CouncilMeeting = typeof councilMeetings.$inferSelect;

export const listBodies = (db: Db, tenantId: string) =>
  db.select().from(councilBodies).where(and(eq(councilBodies.tenantId, tenantId), isNull(councilBodies.deletedAt))).orderBy(asc(councilBodies.position), asc(councilBodies.name));

export async function bodyById(db: Db, tenantId: string, id: string): Promise<CouncilBody> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(councilBodies).where(and(eq(councilBodies.tenantId, tenantId), eq(councilBodies.id, id), isNull(councilBodies.deletedAt)));
  return found(row);
}

export const bodyInput = z.object({
  name: requiredText(200),
  shortName: optionalText(50),
  kind: z.enum(bodyKinds, { error: 'validation.invalid_choice' }),
});

const nameTaken = () => new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'name', messageKey: 'decisions.validation.body_name_taken' }] });

async function assertNameFree(tx: Db, tenantId: string, name: string, except?: string) {
  const [row] = await tx
    .select({ id: councilBodies.id })
    .from(councilBodies)
    .where(and(eq(councilBodies.tenantId, tenantId), isNull(councilBodies.deletedAt), sql`lower(${councilBodies.name}) = lower(${name})`));
  if (row && row.id !== except) throw nameTaken();
}

export async function createBody(ctx: CommandContext, tenantId: string, input: unknown): Promise<CouncilBody> {
  authorize(canManagePapers(ctx.user, tenantId));
  const data = parseInput(bodyInput, input);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, tenantId, data.name);
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${councilBodies.position}), 0)::int` }).from(councilBodies).where(eq(councilBodies.tenantId, tenantId));
    const [row] = await tx.insert(councilBodies).values({ tenantId, ...data, position: (last?.n ?? 0) + 1 }).returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'council_body', entityId: row!.id, after: row });
    return found(row);
  });
}

export async function updateBody(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<CouncilBody> {
  authorize(canManagePapers(ctx.user, tenantId));
  const data = parseInput(bodyInput.extend({ version: expectedVersion() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await bodyById(tx, tenantId, id);
    await assertNameFree(tx, tenantId, data.name, id);
    const rows = await tx
      .update(councilBodies)
      .set({ name: data.name, shortName: data.shortName, kind: data.kind, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(councilBodies.tenantId, tenantId), eq(councilBodies.id, id), eq(councilBodies.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'council_body', entityId: id, before, after: rows[0] });
    return found(rows[0]);
  });
}

/** How many consultations (not deleted) name the Gremium: it cannot go while any do. */
export async function bodyUseCount(db: Db, tenantId: string, id: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(and(eq(consultations.tenantId, tenantId), eq(consultations.bodyId, id), isNull(consultations.deletedAt)));
  return row?.n ?? 0;
}

/** Deletes a Gremium no Beratung names (kept as deleted for OParl). */
export async function deleteBody(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<CouncilBody> {
  authorize(canManagePapers(ctx.user, tenantId));
  const version = versionFrom((input as Record<string, unknown> | null)?.version);
  return ctx.db.transaction(async (tx) => {
    const before = await bodyById(tx, tenantId, id);
    assertCurrentVersion(before.version, version);
    const used = await bodyUseCount(tx, tenantId, id);
    if (used > 0) throw new AppError('conflict', 'decisions.body.in_use', { params: { count: used } });
    const now = new Date();
    await tx.update(councilBodies).set({ deletedAt: now, updatedAt: now, version: before.version + 1 }).where(and(eq(councilBodies.tenantId, tenantId), eq(councilBodies.id, id)));
    await tx.update(councilMeetings).set({ deletedAt: now, updatedAt: now }).where(and(eq(councilMeetings.tenantId, tenantId), eq(councilMeetings.bodyId, id), isNull(councilMeetings.deletedAt)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'council_body', entityId: id, before });
    return before;
  });
}

/**
 * The Sitzung of a Gremium on a day, made when a Beratung first names it. Two Beratungen added
 * at once for the same day meet in the partial unique index; the loser reads the winner's row.
 */
export async function meetingOn(tx: Db, tenantId: string, bodyId: string, meetsOn: string): Promise<CouncilMeeting> {
  const where = and(eq(councilMeetings.tenantId, tenantId), eq(councilMeetings.bodyId, bodyId), eq(councilMeetings.meetsOn, meetsOn), isNull(councilMeetings.deletedAt));
  const [existing] = await tx.select().from(councilMeetings).where(where);
  if (existing) return existing;
  const [made] = await tx
    .insert(councilMeetings)
    .values({ tenantId, bodyId, meetsOn })
    .onConflictDoNothing({ target: [councilMeetings.tenantId, councilMeetings.bodyId, councilMeetings.meetsOn], where: sql`deleted_at is null` })
    .returning();
  if (made) return made;
  return found((await tx.select().from(councilMeetings).where(where))[0]);
}

export async function meetingById(db: Db, tenantId: string, id: string): Promise<CouncilMeeting> {
  const [row] = await db.select().from(councilMeetings).where(and(eq(councilMeetings.tenantId, tenantId), eq(councilMeetings.id, id)));
  return found(row);
}
