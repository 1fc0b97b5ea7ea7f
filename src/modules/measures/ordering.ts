import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { parseInput, requiredText } from '../../platform/validation.js';
import { assertEditionOpen, editionById } from '../concepts/index.js';
import { fields } from '../concepts/schema.js';
import { canCreateMeasure } from './policy.js';
import { measures } from './schema.js';
import { compareMeasureNumbers, measureById } from './service.js';

/**
 * Reordering by hand: move a measure to a position of its Themenfeld, or sort a whole Themenfeld
 * by number. Both carry the order the person saw (`reihenfolge`, a stamp of ids and positions):
 * if someone moved, added or removed a measure of that Themenfeld meanwhile, the command refuses
 * with `edit_conflict` instead of placing it relative to an order nobody saw.
 */

export interface OrderedMeasure {
  id: string;
  fieldId: string;
  number: string;
  title: string;
  position: number;
}

const orderColumns = { id: measures.id, fieldId: measures.fieldId, number: measures.number, title: measures.title, position: measures.position };

/** The measures of one Themenfeld in their current order. */
export async function fieldOrder(db: Db, tenantId: string, editionId: string, fieldId: string): Promise<OrderedMeasure[]> {
  return db
    .select(orderColumns)
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId), eq(measures.fieldId, fieldId)))
    .orderBy(asc(measures.position));
}

/** Every measure of an edition with its Themenfeld and position (for the stamp of the edition page). */
export async function editionOrder(db: Db, tenantId: string, editionId: string): Promise<OrderedMeasure[]> {
  return db.select(orderColumns).from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)));
}

/** A short fingerprint of an order: changes when a measure moves, comes or goes (independent of row order). */
export const orderStamp = (rows: { id: string; fieldId: string; position: number }[]) =>
  createHash('sha256')
    .update(rows.map((r) => `${r.id}:${r.fieldId}:${r.position}`).sort().join('|'))
    .digest('hex')
    .slice(0, 20);

function assertOrderSeen(rows: OrderedMeasure[], seen: string) {
  if (orderStamp(rows) !== seen) throw new AppError('edit_conflict', 'error.order_changed');
}

/** Writes positions 1…n in the given order (only rows whose position changes). */
async function writeOrder(tx: Db, tenantId: string, before: OrderedMeasure[], after: OrderedMeasure[]) {
  const old = new Map(before.map((m) => [m.id, m.position]));
  for (const [i, m] of after.entries()) {
    if (old.get(m.id) !== i + 1) await tx.update(measures).set({ position: i + 1 }).where(and(eq(measures.tenantId, tenantId), eq(measures.id, m.id)));
  }
}

const moveInput = z.object({
  /** 1-based target position within the Themenfeld. */
  position: z.coerce.number({ error: 'validation.invalid_choice' }).int('validation.invalid_choice').min(1, 'validation.invalid_choice'),
  reihenfolge: requiredText(64),
});

/** Moves a measure to position N of its Themenfeld (the others close up behind it). */
export async function moveMeasureTo(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<void> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  const data = parseInput(moveInput, input);
  await ctx.db.transaction(async (tx) => {
    const m = await measureById(tx, tenantId, id);
    assertEditionOpen(await editionById(tx, tenantId, m.editionId));
    const before = await fieldOrder(tx, tenantId, m.editionId, m.fieldId);
    assertOrderSeen(before, data.reihenfolge);
    const rest = before.filter((x) => x.id !== id);
    const target = Math.min(data.position, before.length);
    const after = [...rest.slice(0, target - 1), before.find((x) => x.id === id)!, ...rest.slice(target - 1)];
    await writeOrder(tx, tenantId, before, after);
    await recordAudit(tx, ctx.user, { tenantId, action: 'move', entityType: 'measure', entityId: id, before: { position: m.position }, after: { position: target } });
  });
}

const sortInput = z.object({ themenfeld: z.string().uuid({ error: 'validation.required' }), reihenfolge: requiredText(64) });

/** Sorts the measures of one Themenfeld by number; `reihenfolge` is the stamp of the whole edition's order (1.1.4 before 1.10.2); returns how many moved. */
export async function sortFieldByNumber(ctx: CommandContext, tenantId: string, editionId: string, input: unknown): Promise<number> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  const data = parseInput(sortInput, input);
  return ctx.db.transaction(async (tx) => {
    assertEditionOpen(await editionById(tx, tenantId, editionId));
    const [field] = await tx.select({ id: fields.id, title: fields.title }).from(fields).where(and(eq(fields.tenantId, tenantId), eq(fields.editionId, editionId), eq(fields.id, data.themenfeld)));
    if (!field) throw new AppError('not_found');
    assertOrderSeen(await editionOrder(tx, tenantId, editionId), data.reihenfolge);
    const before = await fieldOrder(tx, tenantId, editionId, field.id);
    const after = [...before].sort((a, b) => compareMeasureNumbers(a.number, b.number));
    const moved = after.filter((m, i) => before[i]!.id !== m.id).length;
    await writeOrder(tx, tenantId, before, after);
    await recordAudit(tx, ctx.user, {
      tenantId, action: 'move', entityType: 'field', entityId: field.id,
      before: { order: before.map((m) => m.number) }, after: { order: after.map((m) => m.number) },
    });
    return moved;
  });
}
