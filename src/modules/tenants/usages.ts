import { and, eq, isNull, sql } from 'drizzle-orm';
import type { UsageCheck } from '../../platform/usage.js';
import { apiTokens, invitations, memberships } from './schema.js';

/** People answer for measures through their actor: an actor cannot go while members, open invitations or API-Zugänge name it. */
export const memberUsages: UsageCheck[] = [
  {
    of: 'actor',
    messageKey: 'error.actor_has_members',
    async count(db, tenantId, id) {
      const [people] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(and(eq(memberships.tenantId, tenantId), eq(memberships.actorId, id)));
      const [invited] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(invitations)
        .where(and(eq(invitations.tenantId, tenantId), eq(invitations.actorId, id), isNull(invitations.acceptedAt)));
      return (people?.n ?? 0) + (invited?.n ?? 0);
    },
  },
  {
    of: 'actor',
    messageKey: 'error.actor_has_api_tokens',
    async count(db, tenantId, id) {
      const [tokens] = await db.select({ n: sql<number>`count(*)::int` }).from(apiTokens).where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.actorId, id)));
      return tokens?.n ?? 0;
    },
  },
];
