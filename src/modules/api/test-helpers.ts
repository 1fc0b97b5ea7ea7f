import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { editions } from '../concepts/schema.js';
import { measurePartners, measures } from '../measures/schema.js';
import { memberships } from '../tenants/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';

/** Every key anywhere in a JSON value, so a test can say "no internalNote anywhere". */
export function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysIn(v, out);
    }
  }
  return out;
}

export async function demoIds(db: Db) {
  const [kommune] = await db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const rows = await db.select().from(editions).where(eq(editions.tenantId, kommune!.id));
  const adopted = rows.find((e) => e.status === 'beschlossen')!;
  const draft = rows.find((e) => e.status === 'entwurf')!;
  return { tenantId: kommune!.id, adopted, draft };
}

export async function actorOfUser(db: Db, tenantId: string, email: string) {
  const [row] = await db
    .select({ actorId: memberships.actorId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(users.email, email)));
  return row!.actorId!;
}

/** Measures of an edition the actor leads or partners in (`involved`), or has nothing to do with. */
export async function measuresByInvolvement(db: Db, tenantId: string, editionId: string, actorId: string) {
  const rows = await db
    .select({
      id: measures.id,
      version: measures.version,
      leadActorId: measures.leadActorId,
      partners: sql<string[]>`coalesce(array_agg(${measurePartners.actorId}) filter (where ${measurePartners.actorId} is not null), '{}')`,
    })
    .from(measures)
    .leftJoin(measurePartners, and(eq(measurePartners.tenantId, measures.tenantId), eq(measurePartners.measureId, measures.id)))
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)))
    .groupBy(measures.id, measures.version, measures.leadActorId);
  const involved = (r: (typeof rows)[number]) => r.leadActorId === actorId || r.partners.includes(actorId);
  return { involved: rows.filter(involved), uninvolved: rows.filter((r) => !involved(r)) };
}

export const problemType = 'application/problem+json';
