import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { AuditRow } from '../../platform/audit/subjects.js';
import { measures } from '../measures/schema.js';

/** The measure a Sachstand entry belongs to, from its logged values. */
export const measureOf = (e: AuditRow) => ((e.after ?? e.before) as { measureId?: string } | null)?.measureId;

/** A Sachstand entry is named by its measure ("1.2.3 Sprachcafé"), looked up once for a whole page. */
export async function updateNames(db: Db, tenantId: string, entries: AuditRow[]): Promise<Map<number, string>> {
  const ids = [...new Set(entries.map(measureOf).filter((id): id is string => !!id))];
  if (!ids.length) return new Map();
  const rows = await db.select({ id: measures.id, number: measures.number, title: measures.title }).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.id, ids)));
  const names = new Map(rows.map((r) => [r.id, `${r.number} ${r.title}`]));
  return new Map(entries.flatMap((e) => (names.has(measureOf(e)!) ? [[e.id, names.get(measureOf(e)!)!] as const] : [])));
}
