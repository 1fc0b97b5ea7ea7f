import { and, asc, count, eq, inArray, isNull, max, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { consultations, councilBodies, councilMeetings, paperFileMeta, paperFiles, papers } from '../decisions/schema.js';
import { listConditions, offsetOf, stableOrder, type ListQuery } from './lists.js';
import type { AgendaEntry, FileMeta } from './present.js';

/*
 * Reads for OParl. Only public papers that are final are published (a Vorlage in preparation
 * is not yet a Drucksache); their consultations and files follow them. A non-public paper is
 * invisible everywhere here: not listed, not even as deleted, and its URLs answer 404.
 */

/** The papers OParl may show at all, deleted ones included (they are listed as deleted). */
export const publishedPaper = (tenantId: string): SQL => and(eq(papers.tenantId, tenantId), eq(papers.isPublic, true), eq(papers.state, 'final'))!;


async function page<T>(db: Db, q: ListQuery, rows: (limit: number, offset: number) => PromiseLike<T[]>, total: () => PromiseLike<{ n: number }[]>) {
  const [data, [counted]] = await readsAtOnce(db, [() => rows(q.limit, offsetOf(q)), total]);
  return { rows: data, total: Number(counted?.n ?? 0) };
}

export function organizationPage(db: Db, tenantId: string, q: ListQuery) {
  const where = and(eq(councilBodies.tenantId, tenantId), ...listConditions(q, councilBodies));
  return page(
    db,
    q,
    (limit, offset) => db.select().from(councilBodies).where(where).orderBy(...stableOrder(councilBodies)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(councilBodies).where(where),
  );
}

export function meetingPage(db: Db, tenantId: string, q: ListQuery, organizationId?: string) {
  const where = and(eq(councilMeetings.tenantId, tenantId), organizationId ? eq(councilMeetings.bodyId, organizationId) : undefined, ...listConditions(q, councilMeetings));
  return page(
    db,
    q,
    (limit, offset) => db.select().from(councilMeetings).where(where).orderBy(...stableOrder(councilMeetings)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(councilMeetings).where(where),
  );
}

export function paperPage(db: Db, tenantId: string, q: ListQuery) {
  const where = and(publishedPaper(tenantId), ...listConditions(q, papers));
  return page(
    db,
    q,
    (limit, offset) => db.select().from(papers).where(where).orderBy(...stableOrder(papers)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(papers).where(where),
  );
}

/** Consultations of published, not deleted papers (the AgendaItem list is the same rows). */
export function consultationPage(db: Db, tenantId: string, q: ListQuery) {
  const where = and(eq(consultations.tenantId, tenantId), publishedPaper(tenantId), isNull(papers.deletedAt), ...listConditions(q, consultations));
  const joined = () => db.select({ consultation: consultations, paper: { subject: papers.subject, number: papers.number } }).from(consultations).innerJoin(papers, and(eq(papers.tenantId, consultations.tenantId), eq(papers.id, consultations.paperId)));
  return page(
    db,
    q,
    (limit, offset) => joined().where(where).orderBy(...stableOrder(consultations)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(consultations).innerJoin(papers, and(eq(papers.tenantId, consultations.tenantId), eq(papers.id, consultations.paperId))).where(where),
  );
}

export function filePage(db: Db, tenantId: string, q: ListQuery) {
  const where = and(eq(paperFiles.tenantId, tenantId), publishedPaper(tenantId), isNull(papers.deletedAt), ...listConditions(q, paperFiles));
  const join = and(eq(papers.tenantId, paperFiles.tenantId), eq(papers.id, paperFiles.paperId));
  return page(
    db,
    q,
    (limit, offset) => db.select(paperFileMeta).from(paperFiles).innerJoin(papers, join).where(where).orderBy(...stableOrder(paperFiles)).limit(limit).offset(offset),
    () => db.select({ n: count() }).from(paperFiles).innerJoin(papers, join).where(where),
  );
}

export async function filesOfPapers(db: Db, tenantId: string, paperIds: string[]): Promise<FileMeta[]> {
  if (!paperIds.length) return [];
  return db.select(paperFileMeta).from(paperFiles).where(and(eq(paperFiles.tenantId, tenantId), inArray(paperFiles.paperId, paperIds))).orderBy(...stableOrder(paperFiles));
}

export async function consultationsOfPapers(db: Db, tenantId: string, paperIds: string[]) {
  if (!paperIds.length) return [];
  return db.select().from(consultations).where(and(eq(consultations.tenantId, tenantId), inArray(consultations.paperId, paperIds))).orderBy(asc(consultations.position), asc(consultations.id));
}

/** The agenda of meetings: their consultations of published papers, in order of the Tagesordnung as recorded. */
export async function agendasOf(db: Db, tenantId: string, meetingIds: string[]): Promise<Map<string, AgendaEntry[]>> {
  const agendas = new Map<string, AgendaEntry[]>(meetingIds.map((id) => [id, []]));
  if (!meetingIds.length) return agendas;
  const rows = await db
    .select({ consultation: consultations, paper: { subject: papers.subject, number: papers.number } })
    .from(consultations)
    .innerJoin(papers, and(eq(papers.tenantId, consultations.tenantId), eq(papers.id, consultations.paperId)))
    .where(and(eq(consultations.tenantId, tenantId), inArray(consultations.meetingId, meetingIds), isNull(consultations.deletedAt), publishedPaper(tenantId), isNull(papers.deletedAt)))
    .orderBy(asc(consultations.agendaNumber), ...stableOrder(consultations));
  for (const row of rows) agendas.get(row.consultation.meetingId)?.push(row);
  return agendas;
}

export async function organizationNames(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: councilBodies.id, name: councilBodies.name }).from(councilBodies).where(eq(councilBodies.tenantId, tenantId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => uuidPattern.test(id);

export async function organizationById(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(councilBodies).where(and(eq(councilBodies.tenantId, tenantId), eq(councilBodies.id, id)));
  return row;
}
export async function meetingById(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(councilMeetings).where(and(eq(councilMeetings.tenantId, tenantId), eq(councilMeetings.id, id)));
  return row;
}
export async function paperById(db: Db, tenantId: string, id: string) {
  const [row] = await db.select().from(papers).where(and(publishedPaper(tenantId), eq(papers.id, id)));
  return row;
}
/** A consultation with its paper, only when the paper is published. */
export async function consultationById(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select({ consultation: consultations, paper: { subject: papers.subject, number: papers.number, deletedAt: papers.deletedAt } })
    .from(consultations)
    .innerJoin(papers, and(eq(papers.tenantId, consultations.tenantId), eq(papers.id, consultations.paperId)))
    .where(and(eq(consultations.tenantId, tenantId), eq(consultations.id, id), publishedPaper(tenantId)));
  return row;
}
export async function fileById(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select(paperFileMeta)
    .from(paperFiles)
    .innerJoin(papers, and(eq(papers.tenantId, paperFiles.tenantId), eq(papers.id, paperFiles.paperId)))
    .where(and(eq(paperFiles.tenantId, tenantId), eq(paperFiles.id, id), publishedPaper(tenantId), isNull(papers.deletedAt)));
  return row;
}
export async function fileContent(db: Db, tenantId: string, id: string) {
  const [row] = await db.select({ content: paperFiles.content }).from(paperFiles).where(and(eq(paperFiles.tenantId, tenantId), eq(paperFiles.id, id)));
  return row?.content;
}

/** The Body's `modified`: its newest published change (papers, meetings, Gremien), or its creation. */
/** The newest change of published papers, meetings and Gremien per Kommune: three queries for any number of Kommunen. */
export async function lastChangesOf(db: Db, tenantIds: string[]): Promise<Map<string, Date>> {
  const latest = new Map<string, Date>();
  if (!tenantIds.length) return latest;
  const take = (rows: { tenantId: string; at: Date | string | null }[]) => {
    for (const r of rows) {
      const at = r.at ? new Date(r.at) : null;
      if (at && !(at <= (latest.get(r.tenantId) ?? new Date(0)))) latest.set(r.tenantId, at);
    }
  };
  take(await db.select({ tenantId: papers.tenantId, at: max(papers.updatedAt) }).from(papers).where(and(inArray(papers.tenantId, tenantIds), eq(papers.isPublic, true), eq(papers.state, 'final'))).groupBy(papers.tenantId));
  take(await db.select({ tenantId: councilMeetings.tenantId, at: max(councilMeetings.updatedAt) }).from(councilMeetings).where(inArray(councilMeetings.tenantId, tenantIds)).groupBy(councilMeetings.tenantId));
  take(await db.select({ tenantId: councilBodies.tenantId, at: max(councilBodies.updatedAt) }).from(councilBodies).where(inArray(councilBodies.tenantId, tenantIds)).groupBy(councilBodies.tenantId));
  return latest;
}

export async function lastChangeOf(db: Db, tenantId: string, created: Date): Promise<Date> {
  const changed = (await lastChangesOf(db, [tenantId])).get(tenantId);
  return changed && changed > created ? changed : created;
}
