import { and, eq, sql } from 'drizzle-orm';
import type { UsageCheck } from '../../platform/usage.js';
import { measurePartners, measures } from './schema.js';

/** What measures point to: an actor (lead or partner) and a Themenfeld cannot go while measures name them. */
export const measureUsages: UsageCheck[] = [
  {
    // Deleting an actor that measures name would silently empty those measures' fields.
    of: 'actor',
    messageKey: 'error.actor_in_use',
    async count(db, tenantId, id) {
      const [lead] = await db.select({ n: sql<number>`count(*)::int` }).from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.leadActorId, id)));
      const [partner] = await db.select({ n: sql<number>`count(*)::int` }).from(measurePartners).where(and(eq(measurePartners.tenantId, tenantId), eq(measurePartners.actorId, id)));
      return (lead?.n ?? 0) + (partner?.n ?? 0);
    },
  },
  {
    of: 'field',
    messageKey: 'error.field_in_use',
    async count(db, tenantId, id) {
      const [used] = await db.select({ n: sql<number>`count(*)::int` }).from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.fieldId, id)));
      return used?.n ?? 0;
    },
  },
];
