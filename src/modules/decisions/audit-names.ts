import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import type { AuditRow } from '../../platform/audit/subjects.js';
import { germanDate } from '../../platform/i18n/german.js';
import { councilBodies, papers } from './schema.js';

interface LoggedConsultation {
  paperId?: string;
  bodyId?: string;
  meetsOn?: string;
}

/** A consultation's logged values (its own row plus the meeting day). */
export const consultationOf = (e: AuditRow) => (e.after ?? e.before ?? {}) as LoggedConsultation;

/**
 * A Beratung has no title of its own: it is named by its Gremium, day and Vorlage
 * ("Kreisausschuss, 12.03.2026 – 2024/FD91/457", the last being the Vorlage's number), looked up once for a whole page.
 */
export async function consultationNames(db: Db, tenantId: string, entries: AuditRow[]): Promise<Map<number, string>> {
  const logged = entries.map((e) => [e.id, consultationOf(e)] as const);
  const paperIds = [...new Set(logged.map(([, c]) => c.paperId).filter((id): id is string => !!id))];
  const bodyIds = [...new Set(logged.map(([, c]) => c.bodyId).filter((id): id is string => !!id))];
  const [paperRows, bodyRows] = await readsAtOnce(db, [
    async () => (paperIds.length ? db.select({ id: papers.id, number: papers.number }).from(papers).where(and(eq(papers.tenantId, tenantId), inArray(papers.id, paperIds))) : []),
    async () => (bodyIds.length ? db.select({ id: councilBodies.id, name: councilBodies.name }).from(councilBodies).where(and(eq(councilBodies.tenantId, tenantId), inArray(councilBodies.id, bodyIds))) : []),
  ]);
  const paperNumbers = new Map(paperRows.map((r) => [r.id, r.number]));
  const bodyNames = new Map(bodyRows.map((r) => [r.id, r.name]));
  const names = new Map<number, string>();
  for (const [id, c] of logged) {
    const when = [c.bodyId && bodyNames.get(c.bodyId), c.meetsOn && germanDate(c.meetsOn)].filter(Boolean).join(', ');
    const paper = c.paperId && paperNumbers.get(c.paperId);
    const name = [when, paper].filter(Boolean).join(' – ');
    if (name) names.set(id, name);
  }
  return names;
}
