import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../../db/client.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../../platform/commands.js';
import { AppError } from '../../../platform/errors.js';
import { isCoordinator } from '../../../platform/tenancy/policy.js';
import { assertUnused, mergeUsages } from '../../../platform/usage.js';
import { expectedVersion, isUuid, optionalText, parseInput, plainText, throwIfProblems, uuid, versionFrom } from '../../../platform/validation.js';
import { measureTargetGroups, measures, targetGroups } from '../schema.js';
import { cleanName, nameKey, stemKey } from './names.js';
import { nameTrigrams, similarPairs } from './trigrams.js';

/** Naming, merging and deleting Zielgruppen is the Koordination's (measure forms may add new ones). */
export const canManageTargetGroups = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);

export type TargetGroup = typeof targetGroups.$inferSelect;
export interface TargetGroupUsage extends TargetGroup {
  /** Measures (of every edition) that name it. */
  measures: number;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');

/** The vocabulary of a Kommune with how many measures use each entry, by name. */
export async function listTargetGroups(db: Db, tenantId: string): Promise<TargetGroupUsage[]> {
  const rows = await db
    .select({ group: targetGroups, measures: sql<number>`count(${measureTargetGroups.measureId})::int` })
    .from(targetGroups)
    .leftJoin(measureTargetGroups, and(eq(measureTargetGroups.tenantId, targetGroups.tenantId), eq(measureTargetGroups.targetGroupId, targetGroups.id)))
    .where(eq(targetGroups.tenantId, tenantId))
    .groupBy(targetGroups.tenantId, targetGroups.id);
  return rows.map((r) => ({ ...r.group, measures: r.measures })).sort(byName);
}

/** The vocabulary's names only, by name: what forms and pages that name Zielgruppen need (no usage counts to join). */
export async function targetGroupNames(db: Db, tenantId: string): Promise<{ id: string; name: string }[]> {
  return (await db.select({ id: targetGroups.id, name: targetGroups.name }).from(targetGroups).where(eq(targetGroups.tenantId, tenantId))).sort(byName);
}

export async function targetGroupById(db: Db, tenantId: string, id: string): Promise<TargetGroupUsage> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(targetGroups).where(and(eq(targetGroups.tenantId, tenantId), eq(targetGroups.id, id)));
  const group = found(row);
  return { ...group, measures: await usageOf(db, tenantId, id) };
}

async function usageOf(db: Db, tenantId: string, id: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(measureTargetGroups).where(and(eq(measureTargetGroups.tenantId, tenantId), eq(measureTargetGroups.targetGroupId, id)));
  return r?.n ?? 0;
}

/** Entries by name, compared like the unique index does (lower case, single spaces). */
async function byNames(db: Db, tenantId: string, names: string[]): Promise<TargetGroup[]> {
  if (names.length === 0) return [];
  return db.select().from(targetGroups).where(and(eq(targetGroups.tenantId, tenantId), inArray(sql`lower(${targetGroups.name})`, names.map((n) => cleanName(n).toLowerCase()))));
}

/** Which of these names the vocabulary knows (name as written there) and which would be new. */
export async function matchTargetGroups(db: Db, tenantId: string, names: string[]): Promise<{ known: Map<string, TargetGroup>; unknown: string[] }> {
  const rows = await byNames(db, tenantId, names);
  const known = new Map<string, TargetGroup>();
  for (const r of rows) known.set(nameKey(r.name), r);
  const unknown: string[] = [];
  for (const n of names) if (!known.has(nameKey(n)) && !unknown.some((u) => nameKey(u) === nameKey(n))) unknown.push(cleanName(n));
  return { known, unknown };
}

/**
 * The ids of these names, creating (and auditing) the ones the vocabulary lacks: how the measure
 * form's "new Zielgruppe", the API and the import add entries. Runs inside the caller's transaction.
 */
export async function resolveTargetGroups(tx: Db, user: CurrentUser, tenantId: string, names: string[]): Promise<string[]> {
  const { known, unknown } = await matchTargetGroups(tx, tenantId, names);
  const ids = [...known.values()].map((g) => g.id);
  for (const name of unknown) {
    const [row] = await tx.insert(targetGroups).values({ tenantId, name }).onConflictDoNothing().returning();
    const created = row ?? (await byNames(tx, tenantId, [name]))[0];
    if (!created) throw new AppError('conflict');
    if (row) await recordAudit(tx, user, { tenantId, action: 'create', entityType: 'target_group', entityId: row.id, after: row });
    ids.push(created.id);
  }
  return ids;
}

/** The ids that belong to this Kommune's vocabulary (to check a form's choices). */
export async function existingTargetGroupIds(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: targetGroups.id }).from(targetGroups).where(and(eq(targetGroups.tenantId, tenantId), inArray(targetGroups.id, ids)));
  return new Set(rows.map((r) => r.id));
}

const nameField = () =>
  plainText()
    .transform(cleanName)
    .pipe(z.string().min(1, 'validation.required').max(200));

async function assertNameFree(db: Db, tenantId: string, name: string, except?: string) {
  const clash = (await byNames(db, tenantId, [name])).filter((g) => g.id !== except);
  if (clash.length) throwIfProblems([{ field: 'name', messageKey: 'target_groups.name_taken', params: { name: clash[0]!.name } }]);
}

const createInput = z.object({ name: nameField(), description: optionalText(2000) });

export async function createTargetGroup(ctx: CommandContext, tenantId: string, input: unknown): Promise<TargetGroup> {
  authorize(canManageTargetGroups(ctx.user, tenantId));
  const data = parseInput(createInput, input);
  return ctx.db.transaction(async (tx) => {
    await assertNameFree(tx, tenantId, data.name);
    const [row] = await tx.insert(targetGroups).values({ tenantId, name: data.name, description: data.description }).returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'target_group', entityId: row!.id, after: row });
    return row!;
  });
}

const updateInput = createInput.extend({ version: expectedVersion() });

/** Renames (or re-describes) an entry; every measure naming it shows the new name at once. */
export async function updateTargetGroup(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<TargetGroup> {
  authorize(canManageTargetGroups(ctx.user, tenantId));
  const data = parseInput(updateInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await targetGroupById(tx, tenantId, id);
    await assertNameFree(tx, tenantId, data.name, id);
    const rows = await tx
      .update(targetGroups)
      .set({ name: data.name, description: data.description, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(targetGroups.tenantId, tenantId), eq(targetGroups.id, id), eq(targetGroups.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    const { measures: _n, ...plain } = before;
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'target_group', entityId: id, before: plain, after: rows[0] });
    return rows[0]!;
  });
}

const mergeInput = z.object({ into: uuid(), version: expectedVersion(), intoVersion: expectedVersion() });

/**
 * Merges entry `id` into `into`: every measure naming `id` names `into` instead (once), then `id`
 * goes. Both versions must be the ones the confirmation page showed. Returns how many measures moved.
 */
export async function mergeTargetGroups(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<number> {
  authorize(canManageTargetGroups(ctx.user, tenantId));
  const data = parseInput(mergeInput, input);
  if (data.into === id) throwIfProblems([{ field: 'into', messageKey: 'target_groups.merge_same' }]);
  return ctx.db.transaction(async (tx) => {
    const from = await targetGroupById(tx, tenantId, id);
    const into = await targetGroupById(tx, tenantId, data.into);
    assertCurrentVersion(from.version, data.version);
    assertCurrentVersion(into.version, data.intoVersion);
    const moved = await queryRows<{ measureId: string; number: string; editionId: string }>(
      tx,
      sql`select l.measure_id as "measureId", m.number, m.edition_id as "editionId" from measure_target_groups l
          join measures m on m.tenant_id = l.tenant_id and m.id = l.measure_id
          where l.tenant_id = ${tenantId} and l.target_group_id = ${id}`,
    );
    await tx.execute(sql`insert into measure_target_groups (tenant_id, measure_id, target_group_id)
      select tenant_id, measure_id, ${into.id}::uuid from measure_target_groups where tenant_id = ${tenantId} and target_group_id = ${id}
      on conflict do nothing`);
    await tx.delete(measureTargetGroups).where(and(eq(measureTargetGroups.tenantId, tenantId), eq(measureTargetGroups.targetGroupId, id)));
    // Other modules' rows that name the entry (offers) follow it too.
    await mergeUsages(tx, 'target_group', tenantId, id, into.id);
    await tx.delete(targetGroups).where(and(eq(targetGroups.tenantId, tenantId), eq(targetGroups.id, id)));
    await tx.update(targetGroups).set({ version: into.version + 1, updatedAt: new Date() }).where(and(eq(targetGroups.tenantId, tenantId), eq(targetGroups.id, into.id)));
    await recordAudit(tx, ctx.user, {
      tenantId, action: 'merge', entityType: 'target_group', entityId: id,
      before: { name: from.name, description: from.description, measures: moved.map((m) => m.number) },
      after: { into: into.id, name: into.name },
    });
    // Each measure's own history says that its Zielgruppe changed.
    for (const m of moved) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'measure', entityId: m.measureId, before: { targetGroups: [from.name] }, after: { targetGroups: [into.name] } });
    }
    return moved.length;
  });
}

/** Deletes an entry no measure names (others are merged instead). */
export async function deleteTargetGroup(ctx: CommandContext, tenantId: string, id: string, version: unknown): Promise<void> {
  authorize(canManageTargetGroups(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await targetGroupById(tx, tenantId, id);
    assertCurrentVersion(before.version, expected);
    if (before.measures > 0) throw new AppError('conflict', 'target_groups.in_use', { params: { count: before.measures } });
    await assertUnused(tx, 'target_group', tenantId, id);
    await tx.delete(targetGroups).where(and(eq(targetGroups.tenantId, tenantId), eq(targetGroups.id, id)));
    const { measures: _n, ...plain } = before;
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'target_group', entityId: id, before: plain });
  });
}

export interface DuplicateSuggestion {
  a: TargetGroupUsage;
  b: TargetGroupUsage;
  /** Why they look alike: the same word stems, or similar letters (trigram similarity 0…1). */
  reason: 'stems' | 'similar';
  similarity: number;
}

/** Trigram similarity at which two names are suggested as duplicates. */
const similarNames = 0.5;

/**
 * Pairs that probably mean the same ("Kinder bis sechs Jahre" / "Kinder unter sechs Jahren"):
 * equal word stems (names.ts) or trigram similarity ≥ 0.5 (pg_trgm). Best first; at most `limit`.
 */
export async function duplicateSuggestions(db: Db, tenantId: string, groups: TargetGroupUsage[], limit = 30): Promise<DuplicateSuggestion[]> {
  const pairs = new Map<string, DuplicateSuggestion>();
  const add = (x: TargetGroupUsage, y: TargetGroupUsage, reason: DuplicateSuggestion['reason'], similarity: number) => {
    const [a, b] = byName(x, y) <= 0 ? [x, y] : [y, x];
    const key = `${a.id}|${b.id}`;
    const seen = pairs.get(key);
    if (!seen || seen.similarity < similarity) pairs.set(key, { a, b, reason: seen?.reason === 'stems' ? 'stems' : reason, similarity });
  };
  // Every pair compared, by their trigrams (pg_trgm's own, trigrams.ts).
  const trigrams = await nameTrigrams(db, tenantId);
  const named = groups.filter((g) => trigrams.has(g.id));
  for (const [i, j, s] of similarPairs(named.map((g) => trigrams.get(g.id)!), similarNames)) add(named[i]!, named[j]!, 'similar', s);
  const stems = new Map<string, TargetGroupUsage[]>();
  for (const g of groups) {
    const k = stemKey(g.name);
    if (k) stems.set(k, [...(stems.get(k) ?? []), g]);
  }
  for (const same of stems.values()) for (let i = 0; i < same.length; i++) for (let j = i + 1; j < same.length; j++) add(same[i]!, same[j]!, 'stems', 1);
  // Ties in a stable order: by both names.
  return [...pairs.values()].sort((x, y) => y.similarity - x.similarity || byName(x.a, y.a) || byName(x.b, y.b)).slice(0, limit);
}

/** The Zielgruppen named by the measures of an edition (filters offer only these), by name. */
export async function targetGroupsOfEdition(db: Db, tenantId: string, editionId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: targetGroups.name })
    .from(targetGroups)
    .innerJoin(measureTargetGroups, and(eq(measureTargetGroups.tenantId, targetGroups.tenantId), eq(measureTargetGroups.targetGroupId, targetGroups.id)))
    .innerJoin(measures, and(eq(measures.tenantId, measureTargetGroups.tenantId), eq(measures.id, measureTargetGroups.measureId)))
    .where(and(eq(targetGroups.tenantId, tenantId), eq(measures.editionId, editionId)));
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'de'));
}
