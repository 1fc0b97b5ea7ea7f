import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { isUuid, optionalText, parseEachField, throwIfProblems } from '../../platform/validation.js';
import { offers } from '../offers/schema.js';
import { z } from 'zod';
import { offerPairDecisions } from './schema.js';
import { pairKey } from './service.js';

const noteInput = z.object({ note: optionalText(1000) });

/** The two ids of a pair in stored order (smaller first); a pair of one offer is no pair. */
function ordered(x: unknown, y: unknown): [string, string] {
  if (typeof x !== 'string' || typeof y !== 'string' || !isUuid(x) || !isUuid(y)) throw new AppError('not_found');
  if (x === y) throw new AppError('conflict', 'duplicates.same_offer');
  return x < y ? [x, y] : [y, x];
}

async function titlesOf(db: Db, tenantId: string, ids: string[]) {
  const rows = await db.select({ id: offers.id, title: offers.title }).from(offers).where(and(eq(offers.tenantId, tenantId), inArray(offers.id, ids)));
  if (rows.length !== ids.length) throw new AppError('not_found');
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * "Kein Duplikat": the pair is not shown again (report and check before saving). Audited on
 * both offers, so each one's history says it was judged against the other.
 */
export async function markNotDuplicate(ctx: CommandContext, tenantId: string, x: unknown, y: unknown, input: unknown): Promise<void> {
  authorize(isCoordinator(ctx.user, tenantId));
  const [a, b] = ordered(x, y);
  const { valid, errors } = parseEachField(noteInput, input && typeof input === 'object' ? input : {});
  throwIfProblems(errors);
  const note = (valid as { note: string }).note;
  await ctx.db.transaction(async (tx) => {
    const titles = await titlesOf(tx, tenantId, [a, b]);
    const inserted = await tx.insert(offerPairDecisions).values({ tenantId, offerA: a, offerB: b, note, decidedBy: ctx.user.name }).onConflictDoNothing().returning();
    if (!inserted.length) return; // decided before: nothing changes, nothing to log
    for (const [self, other] of [[a, b], [b, a]] as const) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'offer', entityId: self, after: { title: titles.get(self), notDuplicateOf: { id: other, title: titles.get(other) }, note } });
    }
  });
}

/** Takes a "kein Duplikat" back: the pair is judged by its score again. */
export async function undoNotDuplicate(ctx: CommandContext, tenantId: string, x: unknown, y: unknown): Promise<void> {
  authorize(isCoordinator(ctx.user, tenantId));
  const [a, b] = ordered(x, y);
  await ctx.db.transaction(async (tx) => {
    const titles = await titlesOf(tx, tenantId, [a, b]);
    const where = and(eq(offerPairDecisions.tenantId, tenantId), eq(offerPairDecisions.offerA, a), eq(offerPairDecisions.offerB, b));
    const before = found((await tx.select().from(offerPairDecisions).where(where))[0]);
    await tx.delete(offerPairDecisions).where(where);
    for (const [self, other] of [[a, b], [b, a]] as const) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'offer', entityId: self, before: { title: titles.get(self), notDuplicateOf: { id: other, title: titles.get(other) }, note: before.note }, after: { title: titles.get(self), notDuplicateOf: null } });
    }
  });
}

/** The decided pairs of a Kommune with both titles, newest first. */
export async function notDuplicateDecisions(db: Db, tenantId: string) {
  const rows = await db.select().from(offerPairDecisions).where(eq(offerPairDecisions.tenantId, tenantId));
  const titles = rows.length ? await db.select({ id: offers.id, title: offers.title }).from(offers).where(and(eq(offers.tenantId, tenantId), inArray(offers.id, [...new Set(rows.flatMap((r) => [r.offerA, r.offerB]))]))) : [];
  const title = new Map(titles.map((t) => [t.id, t.title]));
  return rows
    .sort((x, y) => y.decidedAt.getTime() - x.decidedAt.getTime())
    .map((r) => ({ ...r, key: pairKey(r.offerA, r.offerB), titleA: title.get(r.offerA) ?? '', titleB: title.get(r.offerB) ?? '' }));
}
