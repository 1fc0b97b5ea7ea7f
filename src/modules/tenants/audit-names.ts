import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { AuditRow } from '../../platform/audit/subjects.js';
import { tenants } from '../../platform/tenancy/schema.js';

/** The Kommune's name for entries about it: settings changes and the demo seed log no name. */
export async function tenantNames(db: Db, _tenantId: string, entries: AuditRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(entries.map((e) => e.entityId))];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return new Map(entries.flatMap((e) => (names.has(e.entityId) ? [[e.id, names.get(e.entityId)!] as const] : [])));
}
