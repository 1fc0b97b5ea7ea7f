/** Reading decisions: Beschlusskontrolle, the decision of an edition, the public list. */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { measures } from '../measures/schema.js';
import { adoptingResults } from './consultations.js';
import { consultations, councilBodies, councilMeetings, paperMeasures, papers } from './schema.js';

/** The measures a decision adopted, with their status and progress today. */
export const adoptedMeasures = (db: Db, tenantId: string, paperId: string) =>
  db
    .select({
      id: measures.id,
      editionId: measures.editionId,
      number: measures.number,
      title: measures.title,
      status: measures.status,
      progress: measures.progress,
      adoptedOn: paperMeasures.adoptedOn,
    })
    .from(paperMeasures)
    .innerJoin(measures, and(eq(measures.tenantId, paperMeasures.tenantId), eq(measures.id, paperMeasures.measureId)))
    .where(and(eq(paperMeasures.tenantId, tenantId), eq(paperMeasures.paperId, paperId)))
    .orderBy(asc(measures.position), asc(measures.number));
export type AdoptedMeasure = Awaited<ReturnType<typeof adoptedMeasures>>[number];

/** Decisions: papers whose deciding consultation adopted them, with Gremium and day, newest first. */
function decisions(db: Db, tenantId: string, onlyPublic: boolean, only: { paperId?: string; editionId?: string } = {}) {
  return db
    .select({
      paper: papers,
      consultation: consultations,
      body: { id: councilBodies.id, name: councilBodies.name },
      decidedOn: councilMeetings.meetsOn,
    })
    .from(consultations)
    .innerJoin(papers, and(eq(papers.tenantId, consultations.tenantId), eq(papers.id, consultations.paperId)))
    .innerJoin(councilBodies, and(eq(councilBodies.tenantId, consultations.tenantId), eq(councilBodies.id, consultations.bodyId)))
    .innerJoin(councilMeetings, and(eq(councilMeetings.tenantId, consultations.tenantId), eq(councilMeetings.id, consultations.meetingId)))
    .where(
      and(
        eq(consultations.tenantId, tenantId),
        isNull(consultations.deletedAt),
        isNull(papers.deletedAt),
        eq(papers.state, 'final'),
        eq(consultations.role, 'entscheidung'),
        inArray(consultations.result, [...adoptingResults]),
        onlyPublic ? eq(papers.isPublic, true) : undefined,
        only.paperId ? eq(papers.id, only.paperId) : undefined,
        only.editionId ? eq(papers.editionId, only.editionId) : undefined,
      ),
    )
    .orderBy(desc(councilMeetings.meetsOn), desc(papers.number));
}
export type Decision = Awaited<ReturnType<typeof decisions>>[number];

/** Adopted decisions the public may see: only public papers. */
export const publicDecisions = (db: Db, tenantId: string) => decisions(db, tenantId, true);
export const allDecisions = (db: Db, tenantId: string) => decisions(db, tenantId, false);

/** The public decision of one paper; undefined for a non-public, deleted or undecided paper. */
export async function publicDecision(db: Db, tenantId: string, paperId: string): Promise<Decision | undefined> {
  return (await decisions(db, tenantId, true, { paperId }))[0];
}

/** The decision that adopted an edition, if a paper records it (public ones only when `onlyPublic`). */
export async function decisionOfEdition(db: Db, tenantId: string, editionId: string, onlyPublic = true): Promise<Decision | undefined> {
  return (await decisions(db, tenantId, onlyPublic, { editionId }))[0];
}
