import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { assertUnused } from '../../platform/usage.js';
import { expectedVersion, isUuid, optionalText, optionalUuid, optionalWebAddress, parseInput, requiredText, versionFrom } from '../../platform/validation.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actorContacts, actorKinds, actors } from './schema.js';

export type Actor = typeof actors.$inferSelect;

export const listActors = (db: Db, tenantId: string) =>
  db
    .select({ id: actors.id, tenantId: actors.tenantId, name: actors.name, kind: actors.kind, municipalityId: actors.municipalityId, municipalityName: tenants.name, address: actors.address, website: actors.website, version: actors.version })
    .from(actors)
    .leftJoin(tenants, eq(tenants.id, actors.municipalityId))
    .where(eq(actors.tenantId, tenantId))
    .orderBy(asc(actors.name));

export async function actorById(db: Db, tenantId: string, id: string): Promise<Actor> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(actors).where(and(eq(actors.tenantId, tenantId), eq(actors.id, id)));
  return found(row);
}

/** Kinds renamed by migration 0016, still accepted from API clients written before. */
const renamedKinds: Record<string, string> = { ehrenamt: 'initiative' };

export const actorInput = z.object({
  name: requiredText(300),
  kind: z.preprocess((v) => (typeof v === 'string' ? renamedKinds[v] ?? v : v), z.enum(actorKinds, { error: 'validation.invalid_choice' })),
  municipalityId: optionalUuid(),
  address: optionalText(1_000),
  website: optionalWebAddress(),
});

/** The Gemeinde must be one of this Kommune's own Gemeinden. */
async function checkMunicipality(db: Db, tenantId: string, municipalityId: string | null) {
  if (!municipalityId) return;
  const [m] = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.id, municipalityId), eq(tenants.parentId, tenantId)));
  if (!m) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'municipalityId', messageKey: 'validation.invalid_choice' }] });
}

async function checkNameFree(db: Db, tenantId: string, name: string, exceptId?: string) {
  const rows = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.tenantId, tenantId), sql`lower(${actors.name}) = lower(${name})`));
  if (rows.some((r) => r.id !== exceptId)) {
    throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'name', messageKey: 'validation.actor_name_taken' }] });
  }
}

export async function createActor(ctx: CommandContext, tenantId: string, input: unknown): Promise<Actor> {
  authorize(isCoordinator(ctx.user, tenantId));
  const data = parseInput(actorInput, input);
  return ctx.db.transaction(async (tx) => {
    await checkMunicipality(tx, tenantId, data.municipalityId);
    await checkNameFree(tx, tenantId, data.name);
    const [row] = await tx.insert(actors).values({ tenantId, ...data }).returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'actor', entityId: row!.id, after: row });
    return found(row);
  });
}

export async function updateActor(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Actor> {
  authorize(isCoordinator(ctx.user, tenantId));
  const data = parseInput(actorInput.extend({ version: expectedVersion() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await actorById(tx, tenantId, id);
    await checkMunicipality(tx, tenantId, data.municipalityId);
    await checkNameFree(tx, tenantId, data.name, id);
    const { version, ...values } = data;
    // Clients written before address and website existed send neither: keep what is stored.
    const sent = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
    for (const key of ['address', 'website'] as const) if (!(key in sent)) values[key] = before[key];
    const rows = await tx
      .update(actors)
      .set({ ...values, version: before.version + 1 })
      .where(and(eq(actors.tenantId, tenantId), eq(actors.id, id), eq(actors.version, version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'actor', entityId: id, before, after: rows[0] });
    return found(rows[0]);
  });
}

/** Deletes an actor no measure or person refers to; `version` (required) must be the one the person saw. */
export async function deleteActor(ctx: CommandContext, tenantId: string, id: string, version: unknown): Promise<void> {
  authorize(isCoordinator(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await actorById(tx, tenantId, id);
    assertCurrentVersion(before.version, expected);
    // Measures that name the actor, people who answer for it: their modules count them (manifests' `usages`).
    await assertUnused(tx, 'actor', tenantId, id);
    // Contact persons are personal data: they are erased one by one (with their audit entries), never in passing.
    const [contact] = await tx.select({ id: actorContacts.id }).from(actorContacts).where(and(eq(actorContacts.tenantId, tenantId), eq(actorContacts.actorId, id))).limit(1);
    if (contact) throw new AppError('conflict', 'actors.delete_has_contacts');
    await tx.delete(actors).where(and(eq(actors.tenantId, tenantId), eq(actors.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'actor', entityId: id, before });
  });
}

/** Finds actors by exact (case-insensitive) names; used by the import. */
export async function actorsByNames(db: Db, tenantId: string, names: string[]) {
  if (names.length === 0) return [];
  return db
    .select()
    .from(actors)
    .where(and(eq(actors.tenantId, tenantId), or(inArray(sql`lower(${actors.name})`, names.map((n) => n.toLowerCase())))));
}
