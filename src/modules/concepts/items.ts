import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../db/client.js';
import { jsonRows } from '../../db/reads.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { assertUnused } from '../../platform/usage.js';
import { expectedVersion, isUuid, optionalText, parseInput, requiredText, uuid, versionFrom } from '../../platform/validation.js';
import { assertEditionOpen, editionById } from './editions.js';
import { canManageConcept } from './policy.js';
import { fields, goalKinds, goals, guidelines } from './schema.js';

/**
 * Leitlinien, Themenfelder and Ziele are ordered items of an edition with the same life:
 * create (at the end), update (with version check), move up/down, delete. One implementation,
 * three descriptions.
 */
type ItemTable = typeof guidelines | typeof fields | typeof goals;
interface ItemKind<Input extends z.ZodType> {
  entityType: 'guideline' | 'field' | 'goal';
  table: ItemTable;
  input: Input;
  /** Siblings share an edition (and, for goals, a field): the scope of positions. */
  siblings: (row: any) => SQL;
  /** Cross-row checks the schema cannot express (e.g. the field belongs to the edition). */
  check?: (db: Db, tenantId: string, editionId: string, data: z.output<Input>) => Promise<void>;
  beforeDelete?: (db: Db, tenantId: string, id: string) => Promise<void>;
}

const invalid = (field: string, messageKey: string) =>
  new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field, messageKey }] });

export const guidelineKind: ItemKind<z.ZodObject<any>> = {
  entityType: 'guideline',
  table: guidelines,
  input: z.object({ title: requiredText(300), text: optionalText(5000) }),
  siblings: (row) => and(eq(guidelines.tenantId, row.tenantId), eq(guidelines.editionId, row.editionId))!,
};

export const fieldKind: ItemKind<z.ZodObject<any>> = {
  entityType: 'field',
  table: fields,
  input: z.object({
    title: requiredText(200),
    description: optionalText(5000),
    isCrossCutting: z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()),
  }),
  siblings: (row) => and(eq(fields.tenantId, row.tenantId), eq(fields.editionId, row.editionId))!,
  // Measures in the field: the measures module counts them (its manifest's `usages`).
  beforeDelete: (db, tenantId, id) => assertUnused(db, 'field', tenantId, id),
};

export const goalKind: ItemKind<z.ZodObject<any>> = {
  entityType: 'goal',
  table: goals,
  input: z.object({
    fieldId: uuid(),
    kind: z.enum(goalKinds, { error: 'validation.invalid_choice' }),
    number: requiredText(20),
    title: requiredText(500),
    description: optionalText(5000),
  }),
  siblings: (row) => and(eq(goals.tenantId, row.tenantId), eq(goals.editionId, row.editionId), eq(goals.fieldId, row.fieldId))!,
  async check(db, tenantId, editionId, data) {
    const [field] = await db.select().from(fields).where(and(eq(fields.tenantId, tenantId), eq(fields.id, String(data.fieldId)), eq(fields.editionId, editionId)));
    if (!field || field.isCrossCutting) throw invalid('fieldId', 'validation.field_not_in_edition');
  },
};

async function itemById(db: Db, kind: ItemKind<any>, tenantId: string, id: string): Promise<any> {
  if (!isUuid(id)) throw new AppError('not_found');
  const t = kind.table as any;
  const [row] = await db.select().from(t).where(and(eq(t.tenantId, tenantId), eq(t.id, id)));
  return found(row);
}

export async function createItem(ctx: CommandContext, kind: ItemKind<any>, tenantId: string, editionId: string, input: unknown) {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(kind.input, input);
  return ctx.db.transaction(async (tx) => {
    assertEditionOpen(await editionById(tx, tenantId, editionId));
    await kind.check?.(tx, tenantId, editionId, data);
    const t = kind.table as any;
    const [last] = await tx.select({ position: t.position }).from(t).where(kind.siblings({ tenantId, editionId, ...data })).orderBy(desc(t.position)).limit(1);
    const [row] = (await tx.insert(t).values({ ...data, tenantId, editionId, position: (last?.position ?? 0) + 1 }).returning()) as any[];
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: kind.entityType, entityId: (row as any).id, after: row });
    return row as any;
  });
}

export async function updateItem(ctx: CommandContext, kind: ItemKind<any>, tenantId: string, id: string, input: unknown) {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(kind.input.extend({ version: expectedVersion() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await itemById(tx, kind, tenantId, id);
    assertEditionOpen(await editionById(tx, tenantId, before.editionId));
    await kind.check?.(tx, tenantId, before.editionId, data);
    const t = kind.table as any;
    const { version, ...values } = data;
    const movedGroup = kind.entityType === 'goal' && values.fieldId !== before.fieldId;
    if (movedGroup) {
      const [last] = await tx.select({ position: t.position }).from(t).where(kind.siblings({ ...before, ...values })).orderBy(desc(t.position)).limit(1);
      values.position = (last?.position ?? 0) + 1;
    }
    const rows = await tx
      .update(t)
      .set({ ...values, version: before.version + 1 })
      .where(and(eq(t.tenantId, tenantId), eq(t.id, id), eq(t.version, version)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: kind.entityType, entityId: id, before, after: rows[0] });
    return rows[0] as any;
  });
}

/** Deletes a Leitlinie, Themenfeld or Ziel; `version` (required) must be the one the person saw. */
export async function deleteItem(ctx: CommandContext, kind: ItemKind<any>, tenantId: string, id: string, version: unknown) {
  authorize(canManageConcept(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await itemById(tx, kind, tenantId, id);
    assertEditionOpen(await editionById(tx, tenantId, before.editionId));
    assertCurrentVersion(before.version, expected);
    await kind.beforeDelete?.(tx, tenantId, id);
    const t = kind.table as any;
    await tx.delete(t).where(and(eq(t.tenantId, tenantId), eq(t.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: kind.entityType, entityId: id, before });
  });
}

/** Swaps the item with its neighbour above or below; at either end nothing changes. */
export async function moveItem(ctx: CommandContext, kind: ItemKind<any>, tenantId: string, id: string, direction: 'up' | 'down') {
  authorize(canManageConcept(ctx.user, tenantId));
  await ctx.db.transaction(async (tx) => {
    const item = await itemById(tx, kind, tenantId, id);
    assertEditionOpen(await editionById(tx, tenantId, item.editionId));
    await swapWithNeighbour(tx, kind.table as any, kind.siblings(item), item, direction);
    await recordAudit(tx, ctx.user, { tenantId, action: 'move', entityType: kind.entityType, entityId: id, before: { position: item.position }, after: { direction } });
  });
}

/** Shared by concept items and measures: exchange positions with the adjacent sibling. */
export async function swapWithNeighbour(tx: Db, t: any, siblings: SQL, item: { id: string; tenantId: string; position: number }, direction: 'up' | 'down') {
  const [neighbour] = await tx
    .select({ id: t.id, position: t.position })
    .from(t)
    .where(and(siblings, direction === 'up' ? lt(t.position, item.position) : gt(t.position, item.position)))
    .orderBy(direction === 'up' ? desc(t.position) : asc(t.position))
    .limit(1);
  if (!neighbour) return;
  await tx.update(t).set({ position: neighbour.position }).where(and(eq(t.tenantId, item.tenantId), eq(t.id, item.id)));
  await tx.update(t).set({ position: item.position }).where(and(eq(t.tenantId, item.tenantId), eq(t.id, neighbour.id)));
}

export { itemById };

type Guideline = typeof guidelines.$inferSelect;
type Field = typeof fields.$inferSelect;
type Goal = Omit<typeof goals.$inferSelect, 'predecessorId' | 'searchVector'>;

/**
 * Everything of an edition except measures, in display order: one query, each kind's rows a JSON
 * array (issue 9.2: three queries before, on the edition page, measure forms, roll-up, indicators and
 * nine more pages). Every column is JSON-safe (uuid, text, integer, boolean), keys as drizzle names them.
 */
export async function editionOutline(db: Db, tenantId: string, editionId: string): Promise<{ guidelines: Guideline[]; fields: Field[]; goals: Goal[] }> {
  if (!isUuid(editionId)) throw new AppError('not_found');
  const inEdition = sql`tenant_id = ${tenantId} and edition_id = ${editionId} order by position`;
  const [row] = await queryRows<{ guidelines: Guideline[]; fields: Field[]; goals: Goal[] }>(
    db,
    sql`select ${jsonRows(sql`select tenant_id as "tenantId", id, edition_id as "editionId", position, title, text, predecessor_id as "predecessorId", version from guidelines where ${inEdition}`)} as guidelines,
      ${jsonRows(sql`select tenant_id as "tenantId", id, edition_id as "editionId", position, title, description, is_cross_cutting as "isCrossCutting", predecessor_id as "predecessorId", version from fields where ${inEdition}`)} as fields,
      ${jsonRows(sql`select id, tenant_id as "tenantId", edition_id as "editionId", field_id as "fieldId", kind, number, position, title, description, version from goals where ${inEdition}`)} as goals`,
  );
  return row!;
}
export type EditionOutline = Awaited<ReturnType<typeof editionOutline>>;
