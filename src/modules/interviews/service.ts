import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import {
  expectedVersion, isUuid, isoDate, listOf, optionalText, optionalUuid, parseEachField, requiredText, throwIfProblems, versionFrom,
} from '../../platform/validation.js';
import { actors } from '../actors/schema.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { interviewActors, interviewMeasures, interviews } from './schema.js';

export type Interview = typeof interviews.$inferSelect;

/** The notes are the Koordination's working material; every member may read them. */
export const canManageInterviews = isCoordinator;
export const canReadInterviews = canReadInternal;

const id = z.string().uuid('validation.invalid');

export const interviewInput = z.object({
  title: requiredText(300),
  heldOn: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), isoDate({ error: 'validation.required' })),
  municipalityId: optionalUuid(),
  participants: optionalText(2_000),
  actorIds: listOf(id).transform((ids) => [...new Set(ids)]),
  themes: optionalText(1_000),
  findings: requiredText(20_000),
  conflictPotential: optionalText(10_000),
  measureIds: listOf(id).transform((ids) => [...new Set(ids)]),
});
export type InterviewInput = z.output<typeof interviewInput>;

/** What the form's fields cannot check alone: the Gemeinde, actors and measures must be this Kommune's. */
async function referenceProblems(db: Db, tenantId: string, data: Partial<InterviewInput>): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (data.municipalityId) {
    const [m] = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.id, data.municipalityId), eq(tenants.parentId, tenantId)));
    if (!m) problems.push({ field: 'municipalityId', messageKey: 'validation.invalid_choice' });
  }
  if (data.actorIds?.length) {
    const rows = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.tenantId, tenantId), inArray(actors.id, data.actorIds)));
    if (rows.length !== data.actorIds.length) problems.push({ field: 'actorIds', messageKey: 'validation.actor_unknown' });
  }
  if (data.measureIds?.length) {
    const rows = await db.select({ id: measures.id }).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.id, data.measureIds)));
    if (rows.length !== data.measureIds.length) problems.push({ field: 'measureIds', messageKey: 'validation.measure_unknown' });
  }
  return problems;
}

async function parseInterview(db: Db, tenantId: string, input: unknown, withVersion: boolean) {
  const schema = withVersion ? interviewInput.extend({ version: expectedVersion() }) : interviewInput;
  const { valid, errors } = parseEachField(schema, input);
  throwIfProblems([...errors, ...(await referenceProblems(db, tenantId, valid))]);
  return valid as InterviewInput & { version?: number };
}

export interface InterviewListItem extends Interview {
  municipalityName: string | null;
  actorNames: string[];
}

/** The interviews, newest first, optionally of one Gemeinde. */
export async function listInterviews(db: Db, tenantId: string, filter: { municipalityId?: string | undefined } = {}): Promise<InterviewListItem[]> {
  const rows = await db
    .select({ interview: interviews, municipalityName: tenants.name })
    .from(interviews)
    .leftJoin(tenants, eq(tenants.id, interviews.municipalityId))
    .where(and(eq(interviews.tenantId, tenantId), isUuid(filter.municipalityId) ? eq(interviews.municipalityId, filter.municipalityId) : undefined))
    .orderBy(desc(interviews.heldOn), asc(interviews.title));
  const names = await actorNamesOf(db, tenantId, rows.map((r) => r.interview.id));
  return rows.map((r) => ({ ...r.interview, municipalityName: r.municipalityName, actorNames: names.get(r.interview.id) ?? [] }));
}

async function actorNamesOf(db: Db, tenantId: string, interviewIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (interviewIds.length === 0) return out;
  const rows = await db
    .select({ interviewId: interviewActors.interviewId, name: actors.name })
    .from(interviewActors)
    .innerJoin(actors, and(eq(actors.tenantId, interviewActors.tenantId), eq(actors.id, interviewActors.actorId)))
    .where(and(eq(interviewActors.tenantId, tenantId), inArray(interviewActors.interviewId, interviewIds)))
    .orderBy(asc(actors.name));
  for (const r of rows) out.set(r.interviewId, [...(out.get(r.interviewId) ?? []), r.name]);
  return out;
}

export async function interviewById(db: Db, tenantId: string, interviewId: string): Promise<Interview> {
  if (!isUuid(interviewId)) throw new AppError('not_found');
  const [row] = await db.select().from(interviews).where(and(eq(interviews.tenantId, tenantId), eq(interviews.id, interviewId)));
  return found(row);
}

/** The actors and measures linked to an interview (measures with their edition's title). */
export async function linksOfInterview(db: Db, tenantId: string, interviewId: string) {
  // Both lists at once (one after another inside a transaction, see readsAtOnce).
  const [actorRows, measureRows] = await readsAtOnce(db, [
    () =>
      db
        .select({ id: actors.id, name: actors.name })
        .from(interviewActors)
        .innerJoin(actors, and(eq(actors.tenantId, interviewActors.tenantId), eq(actors.id, interviewActors.actorId)))
        .where(and(eq(interviewActors.tenantId, tenantId), eq(interviewActors.interviewId, interviewId)))
        .orderBy(asc(actors.name)),
    () =>
      db
        .select({ id: measures.id, number: measures.number, title: measures.title, editionTitle: editions.title })
        .from(interviewMeasures)
        .innerJoin(measures, and(eq(measures.tenantId, interviewMeasures.tenantId), eq(measures.id, interviewMeasures.measureId)))
        .innerJoin(editions, and(eq(editions.tenantId, measures.tenantId), eq(editions.id, measures.editionId)))
        .where(and(eq(interviewMeasures.tenantId, tenantId), eq(interviewMeasures.interviewId, interviewId)))
        .orderBy(asc(editions.title), asc(measures.number)),
  ]);
  return { actors: actorRows, measures: measureRows };
}

/** Audit snapshot: the fields and the linked ids. */
const logged = (row: Interview, data: { actorIds: string[]; measureIds: string[] }) => {
  const { tenantId: _t, createdAt: _c, searchVector: _s, ...rest } = row;
  return { ...rest, actorIds: data.actorIds, measureIds: data.measureIds };
};

async function linkedIds(db: Db, tenantId: string, interviewId: string) {
  const a = await db.select({ id: interviewActors.actorId }).from(interviewActors).where(and(eq(interviewActors.tenantId, tenantId), eq(interviewActors.interviewId, interviewId)));
  const m = await db.select({ id: interviewMeasures.measureId }).from(interviewMeasures).where(and(eq(interviewMeasures.tenantId, tenantId), eq(interviewMeasures.interviewId, interviewId)));
  return { actorIds: a.map((r) => r.id), measureIds: m.map((r) => r.id) };
}

async function writeLinks(tx: Db, tenantId: string, interviewId: string, data: { actorIds: string[]; measureIds: string[] }) {
  await tx.delete(interviewActors).where(and(eq(interviewActors.tenantId, tenantId), eq(interviewActors.interviewId, interviewId)));
  await tx.delete(interviewMeasures).where(and(eq(interviewMeasures.tenantId, tenantId), eq(interviewMeasures.interviewId, interviewId)));
  if (data.actorIds.length) await tx.insert(interviewActors).values(data.actorIds.map((actorId) => ({ tenantId, interviewId, actorId })));
  if (data.measureIds.length) await tx.insert(interviewMeasures).values(data.measureIds.map((measureId) => ({ tenantId, interviewId, measureId })));
}

export async function createInterview(ctx: CommandContext, tenantId: string, input: unknown): Promise<Interview> {
  authorize(canManageInterviews(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const { actorIds, measureIds, version: _v, ...values } = await parseInterview(tx, tenantId, input, false);
    const [row] = await tx.insert(interviews).values({ tenantId, ...values }).returning();
    await writeLinks(tx, tenantId, row!.id, { actorIds, measureIds });
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'interview', entityId: row!.id, after: logged(row!, { actorIds, measureIds }) });
    return found(row);
  });
}

export async function updateInterview(ctx: CommandContext, tenantId: string, interviewId: string, input: unknown): Promise<Interview> {
  authorize(canManageInterviews(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const before = await interviewById(tx, tenantId, interviewId);
    const { actorIds, measureIds, version, ...values } = await parseInterview(tx, tenantId, input, true);
    const beforeLinks = await linkedIds(tx, tenantId, interviewId);
    const rows = await tx
      .update(interviews)
      .set({ ...values, version: before.version + 1 })
      .where(and(eq(interviews.tenantId, tenantId), eq(interviews.id, interviewId), eq(interviews.version, version!)))
      .returning();
    assertNotStale(rows, before.version);
    await writeLinks(tx, tenantId, interviewId, { actorIds, measureIds });
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'interview', entityId: interviewId, before: logged(before, beforeLinks), after: logged(rows[0]!, { actorIds, measureIds }) });
    return found(rows[0]);
  });
}

export async function deleteInterview(ctx: CommandContext, tenantId: string, interviewId: string, version: unknown): Promise<void> {
  authorize(canManageInterviews(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await interviewById(tx, tenantId, interviewId);
    assertCurrentVersion(before.version, expected);
    const links = await linkedIds(tx, tenantId, interviewId);
    await tx.delete(interviews).where(and(eq(interviews.tenantId, tenantId), eq(interviews.id, interviewId)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'interview', entityId: interviewId, before: logged(before, links) });
  });
}
