import { and, eq, sql } from 'drizzle-orm';
import type { UsageCheck } from '../../platform/usage.js';
import { offerProviders, offerTargetGroups } from './schema.js';

/**
 * An actor that runs offers cannot go: the offers would lose their provider unseen. A Zielgruppe
 * that offers name cannot be deleted either; merged into another, the offers name that one.
 */
export const offerUsages: UsageCheck[] = [
  {
    of: 'actor',
    messageKey: 'offers.actor_in_use',
    async count(db, tenantId, id) {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(offerProviders).where(and(eq(offerProviders.tenantId, tenantId), eq(offerProviders.actorId, id)));
      return r?.n ?? 0;
    },
  },
  {
    of: 'target_group',
    messageKey: 'offers.target_group_in_use',
    async count(db, tenantId, id) {
      const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(offerTargetGroups).where(and(eq(offerTargetGroups.tenantId, tenantId), eq(offerTargetGroups.targetGroupId, id)));
      return r?.n ?? 0;
    },
    async merge(tx, tenantId, fromId, intoId) {
      await tx.execute(sql`insert into offer_target_groups (tenant_id, offer_id, target_group_id)
        select tenant_id, offer_id, ${intoId}::uuid from offer_target_groups where tenant_id = ${tenantId} and target_group_id = ${fromId}
        on conflict do nothing`);
      await tx.delete(offerTargetGroups).where(and(eq(offerTargetGroups.tenantId, tenantId), eq(offerTargetGroups.targetGroupId, fromId)));
    },
  },
];
