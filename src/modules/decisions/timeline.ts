/** The timeline of a paper: its audit entries, its consultations' and its edition's status changes, oldest first. */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../platform/audit/schema.js';
import { consultations, councilBodies } from './schema.js';
import type { Paper } from './papers.js';

export interface TimelineEntry {
  at: Date;
  who: string;
  /** Message key and params of what happened. */
  key: string;
  params: Record<string, string | number>;
}

type Logged = Record<string, unknown> | null;

export async function paperTimeline(db: Db, tenantId: string, paper: Paper): Promise<TimelineEntry[]> {
  const bodies = new Map((await db.select({ id: councilBodies.id, name: councilBodies.name }).from(councilBodies).where(eq(councilBodies.tenantId, tenantId))).map((b) => [b.id, b.name]));
  const about = [and(eq(auditLog.entityType, 'paper'), eq(auditLog.entityId, paper.id))];
  // Its consultations (removed ones too) as a subquery, not a query of their own (issue 9.2).
  const steps = db.select({ id: sql<string>`${consultations.id}::text` }).from(consultations).where(and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, paper.id)));
  about.push(and(eq(auditLog.entityType, 'consultation'), inArray(auditLog.entityId, steps)));
  if (paper.editionId) about.push(and(eq(auditLog.entityType, 'edition'), eq(auditLog.entityId, paper.editionId), eq(auditLog.action, 'transition')));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), or(...about)))
    .orderBy(asc(auditLog.id));
  return rows.flatMap((r): TimelineEntry[] => {
    const after = r.after as Logged;
    const before = r.before as Logged;
    const base = { at: r.at, who: r.userName ?? '' };
    const body = (v: Logged) => bodies.get(String(v?.bodyId ?? '')) ?? '';
    const day = (v: Logged) => String(v?.meetsOn ?? '');
    if (r.entityType === 'paper') {
      if (r.action === 'create') return [{ ...base, key: 'decisions.timeline.created', params: { number: String(after?.number ?? '') } }];
      if (r.action === 'update') return [{ ...base, key: 'decisions.timeline.saved', params: { version: Number(after?.version ?? 0) } }];
      if (r.action === 'transition') return [{ ...base, key: 'decisions.timeline.final', params: {} }];
      if (r.action === 'delete') return [{ ...base, key: 'decisions.timeline.deleted', params: {} }];
      return [];
    }
    if (r.entityType === 'edition') return [{ ...base, key: 'decisions.timeline.edition', params: { status: String(after?.status ?? '') } }];
    if (r.action === 'create') return [{ ...base, key: 'decisions.timeline.consultation_planned', params: { body: body(after), date: day(after) } }];
    if (r.action === 'delete') return [{ ...base, key: 'decisions.timeline.consultation_removed', params: { body: body(before) } }];
    if (r.action === 'move') return [{ ...base, key: 'decisions.timeline.consultation_moved', params: {} }];
    if (after?.result && after.result !== before?.result) return [{ ...base, key: 'decisions.timeline.result', params: { body: body(after), date: day(after), result: String(after.result) } }];
    if (after?.result) return [{ ...base, key: 'decisions.timeline.result_corrected', params: { body: body(after), date: day(after) } }];
    return [{ ...base, key: 'decisions.timeline.consultation_changed', params: { body: body(after), date: day(after) } }];
  });
}
