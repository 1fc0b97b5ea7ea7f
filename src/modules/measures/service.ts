import { and, asc, desc, eq, getTableColumns, gte, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../db/client.js';
import { violatesUnique } from '../../platform/db-errors.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { hasForbiddenCharacters, isUuid, parseEachField, parseInput, throwIfProblems, versionFrom } from '../../platform/validation.js';
import { actors } from '../actors/schema.js';
import { assertEditionOpen, editionById, swapWithNeighbour } from '../concepts/index.js';
import { fields, goals } from '../concepts/schema.js';
import { statusRulesOf } from './status-rules.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { createMeasureInput, statusInput, updateMeasureInput, type MeasureFields } from './input.js';
import { canCreateMeasure, canDeleteMeasure, canEditMeasure, canUpdateMeasureStatus } from './policy.js';
import { measureCrossCutting, measureGoals, measureMunicipalities, measurePartners, measureTargetGroups, measures, type MeasureStatus } from './schema.js';
import { existingTargetGroupIds, resolveTargetGroups, targetGroupsOfEdition } from './target-groups/service.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';

export type MeasureRow = typeof measures.$inferSelect;
/** A measure with the ids of everything it links to. */
export interface Measure extends Omit<MeasureRow, 'searchVector'> {
  goalIds: string[];
  partnerActorIds: string[];
  crossCuttingIds: string[];
  municipalityIds: string[];
  /** Its Zielgruppen from the Kommune's vocabulary: ids, and names in the same order (by name). */
  targetGroupIds: string[];
  targetGroups: string[];
}

/** Every column but the generated search vector: what a Measure holds besides its links. */
export const { searchVector: _searchVector, ...measureColumns } = getTableColumns(measures);

export async function measureById(db: Db, tenantId: string, id: string): Promise<Measure> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select(measureColumns).from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.id, id)));
  const m = found(row);
  const links = await linksOf(db, tenantId, [m.id]);
  return { ...m, ...(links.get(m.id) ?? emptyLinks()) };
}

const emptyLinks = () => ({
  goalIds: [] as string[], partnerActorIds: [] as string[], crossCuttingIds: [] as string[], municipalityIds: [] as string[], targetGroupIds: [] as string[], targetGroups: [] as string[],
});

/**
 * The link ids of many measures at once: one query over the four link tables (or those in `only`)
 * and, unless `only` is given, the Zielgruppen with their names (issue 9.2: a second query before),
 * the ids passed as one array parameter (before: four queries with an IN list of 168 parameters).
 */
export async function linksOf(db: Db, tenantId: string, measureIds: string[], only?: readonly LinkKind[]) {
  const out = new Map<string, ReturnType<typeof emptyLinks>>();
  if (measureIds.length === 0) return out;
  for (const id of measureIds) out.set(id, emptyLinks());
  // Ids are uuids (from the database or checked by the caller's schema): a literal array is safe.
  const ids = `{${measureIds.filter((id) => uuidPattern.test(id)).join(',')}}`;
  return linksWhere(db, tenantId, sql`any(${ids}::uuid[])`, only, out);
}

/** The links of every measure of the given editions (the comparison's two), selected by edition, not by a list of ids. */
export async function linksOfEditions(db: Db, tenantId: string, editionIds: string[]) {
  const editions = sql.join(editionIds.map((id) => sql`${id}::uuid`), sql`, `);
  return linksWhere(db, tenantId, sql`any(array(select id from measures where tenant_id = ${tenantId} and edition_id in (${editions})))`, undefined, new Map());
}

async function linksWhere(db: Db, tenantId: string, measureIn: SQL, only: readonly LinkKind[] | undefined, out: Map<string, ReturnType<typeof emptyLinks>>) {
  const branch = (kind: LinkKind) => {
    const [table, column] = linkTables[kind];
    return sql`select ${sql.raw(`'${kind}'`)} as kind, measure_id, ${sql.identifier(column)} as ref, null::text as name from ${table} where tenant_id = ${tenantId} and measure_id = ${measureIn}`;
  };
  // Zielgruppen with their names from the vocabulary, unless only some kinds of links were asked for.
  const groups = sql`select 'targetGroups' as kind, l.measure_id, g.id as ref, g.name from measure_target_groups l
    join target_groups g on g.tenant_id = l.tenant_id and g.id = l.target_group_id where l.tenant_id = ${tenantId} and l.measure_id = ${measureIn}`;
  const rows = await queryRows<{ kind: LinkKind | 'targetGroups'; measure_id: string; ref: string; name: string | null }>(
    db,
    sql.join([...(only ?? linkKinds).map(branch), ...(only ? [] : [groups])], sql` union all `),
  );
  const linksOfMeasure = (id: string) => out.get(id) ?? out.set(id, emptyLinks()).get(id)!;
  const named: typeof rows = [];
  for (const r of rows) {
    if (r.kind === 'targetGroups') named.push(r);
    else linksOfMeasure(r.measure_id)[r.kind].push(r.ref);
  }
  // By name, as the vocabulary lists them.
  named.sort((a, b) => a.name!.localeCompare(b.name!, 'de'));
  for (const r of named) {
    const links = linksOfMeasure(r.measure_id);
    links.targetGroupIds.push(r.ref);
    links.targetGroups.push(r.name!);
  }
  return out;
}
/** The four kinds of links a measure has, each a list of ids. */
export const linkKinds = ['goalIds', 'partnerActorIds', 'crossCuttingIds', 'municipalityIds'] as const;
export type LinkKind = (typeof linkKinds)[number];
const linkTables = {
  goalIds: [measureGoals, 'goal_id'],
  partnerActorIds: [measurePartners, 'actor_id'],
  crossCuttingIds: [measureCrossCutting, 'field_id'],
  municipalityIds: [measureMunicipalities, 'municipality_id'],
} as const;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MeasureFilter {
  fieldId?: string;
  horizon?: string;
  status?: string;
  targetGroup?: string;
  leadActorId?: string;
}

function filterConditions(tenantId: string, editionId: string, filter: MeasureFilter): SQL[] {
  const conditions: SQL[] = [eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)];
  if (isUuid(filter.fieldId)) conditions.push(eq(measures.fieldId, filter.fieldId!));
  if (isUuid(filter.leadActorId)) conditions.push(eq(measures.leadActorId, filter.leadActorId!));
  // Text filters come from query strings: one with a NUL (PostgreSQL cannot even compare it) matches nothing.
  const matchable = (v: string, condition: SQL) => conditions.push(hasForbiddenCharacters(v) ? sql`false` : condition);
  if (filter.horizon) matchable(filter.horizon, eq(measures.horizon, filter.horizon as any));
  if (filter.status) matchable(filter.status, eq(measures.status, filter.status as any));
  // A Zielgruppe by name, compared like the vocabulary's unique index (case-insensitive).
  if (filter.targetGroup) {
    matchable(
      filter.targetGroup,
      sql`exists (select 1 from measure_target_groups l join target_groups g on g.tenant_id = l.tenant_id and g.id = l.target_group_id
        where l.tenant_id = ${measures.tenantId} and l.measure_id = ${measures.id} and lower(g.name) = lower(${filter.targetGroup.replace(/\s+/g, ' ').trim()}))`,
    );
  }
  return conditions;
}

/** The measures of an edition for lists, with field and lead names, in field and position order. */
export async function listMeasures(db: Db, tenantId: string, editionId: string, filter: MeasureFilter = {}) {
  return db
    .select({ ...measureColumns, fieldTitle: fields.title, fieldPosition: fields.position, leadActorName: actors.name })
    .from(measures)
    .innerJoin(fields, and(eq(fields.tenantId, measures.tenantId), eq(fields.id, measures.fieldId)))
    .leftJoin(actors, and(eq(actors.tenantId, measures.tenantId), eq(actors.id, measures.leadActorId)))
    .where(and(...filterConditions(tenantId, editionId, filter)))
    .orderBy(asc(fields.position), asc(measures.position));
}

/**
 * The same list with only what list pages show (no description, costs, notes, dates): PGlite
 * spends most of a list's time parsing the rows it returns, and these columns halve that
 * (issue 9: 4.6 instead of 8.9 ms CPU for the demo's 168 measures).
 */
export async function listMeasureSummaries(db: Db, tenantId: string, editionId: string, filter: MeasureFilter = {}) {
  return db
    .select({
      id: measures.id,
      fieldId: measures.fieldId,
      number: measures.number,
      position: measures.position,
      title: measures.title,
      leadActorId: measures.leadActorId,
      horizon: measures.horizon,
      status: measures.status,
      fieldTitle: fields.title,
      fieldPosition: fields.position,
      leadActorName: actors.name,
    })
    .from(measures)
    .innerJoin(fields, and(eq(fields.tenantId, measures.tenantId), eq(fields.id, measures.fieldId)))
    .leftJoin(actors, and(eq(actors.tenantId, measures.tenantId), eq(actors.id, measures.leadActorId)))
    .where(and(...filterConditions(tenantId, editionId, filter)))
    .orderBy(asc(fields.position), asc(measures.position));
}
export type MeasureListRow = Awaited<ReturnType<typeof listMeasureSummaries>>[number];

/** The Zielgruppen the measures of an edition name, for filters (only entries in use). */
export const targetGroupsOf = targetGroupsOfEdition;

/**
 * Checks what the schema alone cannot: every reference lies in this Kommune and this edition.
 * Takes the fields that passed the schema, so a form shows all its problems in one round.
 */
async function referenceProblems(db: Db, tenantId: string, editionId: string, data: Partial<MeasureFields>, measureId?: string): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const editionFields = await db.select().from(fields).where(and(eq(fields.tenantId, tenantId), eq(fields.editionId, editionId)));
  const field = editionFields.find((f) => f.id === data.fieldId);
  if (data.fieldId !== undefined && (!field || field.isCrossCutting)) problems.push({ field: 'fieldId', messageKey: 'validation.field_not_in_edition' });
  if (data.goalIds?.length) {
    const found = await db.select({ id: goals.id, fieldId: goals.fieldId }).from(goals).where(and(eq(goals.tenantId, tenantId), inArray(goals.id, data.goalIds)));
    if (found.length !== new Set(data.goalIds).size || found.some((g) => g.fieldId !== data.fieldId)) problems.push({ field: 'goalIds', messageKey: 'validation.goal_not_in_field' });
  }
  const partnerActorIds = data.partnerActorIds ?? [];
  const actorIds = [...new Set([...(data.leadActorId ? [data.leadActorId] : []), ...partnerActorIds])];
  if (actorIds.length) {
    const known = await db.select({ id: actors.id }).from(actors).where(and(eq(actors.tenantId, tenantId), inArray(actors.id, actorIds)));
    if (known.length !== actorIds.length) problems.push({ field: 'leadActorId', messageKey: 'validation.actor_unknown' });
  }
  if (data.leadActorId && partnerActorIds.includes(data.leadActorId)) problems.push({ field: 'partnerActorIds', messageKey: 'validation.lead_is_partner' });
  const crossCutting = new Set(editionFields.filter((f) => f.isCrossCutting).map((f) => f.id));
  if ((data.crossCuttingIds ?? []).some((id) => !crossCutting.has(id))) problems.push({ field: 'crossCuttingIds', messageKey: 'validation.invalid_choice' });
  if (data.municipalityIds?.length) {
    const own = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, data.municipalityIds)));
    if (own.length !== new Set(data.municipalityIds).size) problems.push({ field: 'municipalityIds', messageKey: 'validation.invalid_choice' });
  }
  if (data.targetGroupIds?.length) {
    const known = await existingTargetGroupIds(db, tenantId, data.targetGroupIds);
    if (data.targetGroupIds.some((id) => !known.has(id))) problems.push({ field: 'targetGroupIds', messageKey: 'validation.invalid_choice' });
  }
  if (data.startDate && data.endDate && data.endDate < data.startDate) problems.push({ field: 'endDate', messageKey: 'validation.end_before_start' });
  if (data.number !== undefined) {
    const clash = await db
      .select({ id: measures.id })
      .from(measures)
      .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId), eq(measures.number, data.number), ...(measureId ? [ne(measures.id, measureId)] : [])));
    if (clash.length) problems.push({ field: 'number', messageKey: 'validation.number_taken' });
  }
  return problems;
}


/** The measure's own columns as the form or an import gives them. */
export const rowValues = (d: MeasureFields) => ({
  number: d.number,
  title: d.title,
  description: d.description,
  fieldId: d.fieldId,
  leadActorId: d.leadActorId,
  horizon: d.horizon,
  startDate: d.startDate,
  endDate: d.endDate,
  priority: d.priority,
  staffFte: d.staffFte == null ? null : String(d.staffFte),
  costEur: d.costEur == null ? null : String(d.costEur),
  fundingSource: d.fundingSource,
  indicator: d.indicator,
  targetValue: d.targetValue,
  status: d.status,
  sdgs: [...new Set(d.sdgs)].sort((a, b) => a - b),
  internalNote: d.internalNote,
});

/**
 * Writes the measure's links; its Zielgruppen are the chosen entries plus the names typed
 * (matched case-insensitively, unknown ones added to the vocabulary by `user`, audited).
 */
async function replaceLinks(tx: Db, user: CurrentUser, tenantId: string, measureId: string, d: Pick<MeasureFields, 'goalIds' | 'partnerActorIds' | 'crossCuttingIds' | 'municipalityIds' | 'targetGroupIds' | 'targetGroups'>) {
  const scope = <T extends { tenantId: any; measureId: any }>(t: T) => and(eq(t.tenantId, tenantId), eq(t.measureId, measureId));
  await tx.delete(measureGoals).where(scope(measureGoals));
  await tx.delete(measurePartners).where(scope(measurePartners));
  await tx.delete(measureCrossCutting).where(scope(measureCrossCutting));
  await tx.delete(measureMunicipalities).where(scope(measureMunicipalities));
  await tx.delete(measureTargetGroups).where(scope(measureTargetGroups));
  const uniq = (xs: string[]) => [...new Set(xs)];
  if (d.goalIds.length) await tx.insert(measureGoals).values(uniq(d.goalIds).map((goalId) => ({ tenantId, measureId, goalId })));
  if (d.partnerActorIds.length) await tx.insert(measurePartners).values(uniq(d.partnerActorIds).map((actorId) => ({ tenantId, measureId, actorId })));
  if (d.crossCuttingIds.length) await tx.insert(measureCrossCutting).values(uniq(d.crossCuttingIds).map((fieldId) => ({ tenantId, measureId, fieldId })));
  if (d.municipalityIds.length) await tx.insert(measureMunicipalities).values(uniq(d.municipalityIds).map((municipalityId) => ({ tenantId, measureId, municipalityId })));
  const groupIds = uniq([...d.targetGroupIds, ...(await resolveTargetGroups(tx, user, tenantId, d.targetGroups))]);
  if (groupIds.length) await tx.insert(measureTargetGroups).values(groupIds.map((targetGroupId) => ({ tenantId, measureId, targetGroupId })));
}

/** "1.1.4" before "1.10.2": numbers compared part by part, digits as numbers. */
const numberOrder = new Intl.Collator('de', { numeric: true });
export const compareMeasureNumbers = (a: string, b: string) => numberOrder.compare(a, b);

/**
 * Inserts a measure where its number belongs among the field's measures (1.1.4 before 1.10.2),
 * keeping any order set by hand around it; callers have checked policy and references.
 */
export async function insertMeasure(tx: Db, user: CurrentUser, tenantId: string, editionId: string, data: MeasureFields): Promise<Measure> {
  const inField = and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId), eq(measures.fieldId, data.fieldId));
  const siblings = await tx.select({ number: measures.number, position: measures.position }).from(measures).where(inField).orderBy(asc(measures.position));
  const next = siblings.find((m) => compareMeasureNumbers(m.number, data.number) > 0);
  const position = next ? next.position : (siblings.at(-1)?.position ?? 0) + 1;
  if (next) await tx.update(measures).set({ position: sql`${measures.position} + 1` }).where(and(inField, gte(measures.position, position)));
  const [row] = await tx.insert(measures).values({ tenantId, editionId, position, ...rowValues(data) }).returning({ id: measures.id });
  await replaceLinks(tx, user, tenantId, row!.id, data);
  return measureById(tx, tenantId, row!.id);
}

export async function createMeasure(ctx: CommandContext, tenantId: string, input: unknown): Promise<Measure> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  const { valid, errors } = parseEachField(createMeasureInput, input);
  if (!valid.editionId) throwIfProblems(errors);
  return numberTakenMeanwhile(
    ctx.db.transaction(async (tx) => {
      assertEditionOpen(await editionById(tx, tenantId, valid.editionId!));
      throwIfProblems([...errors, ...(await referenceProblems(tx, tenantId, valid.editionId!, valid))]);
      const data = valid as z.output<typeof createMeasureInput>;
      const measure = await insertMeasure(tx, ctx.user, tenantId, data.editionId, data);
      await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'measure', entityId: measure.id, after: measure });
      return measure;
    }),
  );
}

/**
 * The number was free when checked, but another save took it before this one's insert (a double
 * click, two people at once): the unique index refuses, and the form says so as the check would.
 */
async function numberTakenMeanwhile<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (violatesUnique(e, 'measures_number_unique')) throwIfProblems([{ field: 'number', messageKey: 'validation.number_taken' }]);
    throw e;
  }
}

/** Writes new content over a loaded measure if its version is still `version`; used by the form and the import. */
export async function writeMeasure(tx: Db, user: CommandContext['user'], before: Measure, data: MeasureFields, version: number, action: 'update' | 'import' = 'update'): Promise<Measure> {
  throwIfProblems(await referenceProblems(tx, before.tenantId, before.editionId, data, before.id));
  const fieldChanged = data.fieldId !== before.fieldId;
  let position = before.position;
  if (fieldChanged) {
    const [last] = await tx.select({ position: measures.position }).from(measures)
      .where(and(eq(measures.tenantId, before.tenantId), eq(measures.editionId, before.editionId), eq(measures.fieldId, data.fieldId)))
      .orderBy(desc(measures.position)).limit(1);
    position = (last?.position ?? 0) + 1;
  }
  const rows = await tx
    .update(measures)
    .set({ ...rowValues(data), position, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(measures.tenantId, before.tenantId), eq(measures.id, before.id), eq(measures.version, version)))
    .returning({ id: measures.id });
  assertNotStale(rows, before.version);
  await replaceLinks(tx, user, before.tenantId, before.id, data);
  const after = await measureById(tx, before.tenantId, before.id);
  await recordAudit(tx, user, { tenantId: before.tenantId, action, entityType: 'measure', entityId: before.id, before, after });
  return after;
}

export async function updateMeasure(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Measure> {
  const { valid, errors } = parseEachField(updateMeasureInput, input);
  return numberTakenMeanwhile(ctx.db.transaction(async (tx) => {
    const before = await measureById(tx, tenantId, id);
    authorize(canEditMeasure(ctx.user, before));
    throwIfProblems([...errors, ...(errors.length ? await referenceProblems(tx, tenantId, before.editionId, valid, before.id) : [])]);
    const data = valid as z.output<typeof updateMeasureInput>;
    // Editors responsible through their actor may not hand the measure to someone else.
    if (!canEditMeasure(ctx.user, { ...before, leadActorId: data.leadActorId })) throw new AppError('forbidden', 'error.cannot_change_lead');
    assertEditionOpen(await editionById(tx, tenantId, before.editionId));
    const { version, ...fields } = data;
    return writeMeasure(tx, ctx.user, before, fields, version);
  }));
}

/**
 * Status may change in any edition, adopted ones included: implementation goes on after the
 * council's decision. Partners may do only this.
 */
export async function updateMeasureStatus(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Measure> {
  const data = parseInput(statusInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await measureById(tx, tenantId, id);
    authorize(canUpdateMeasureStatus(ctx.user, before));
    const edition = await editionById(tx, tenantId, before.editionId);
    if (edition.status === 'abgeloest') throw new AppError('conflict', 'error.edition_locked');
    // A status that implies a progress (umgesetzt = 100 %) sets it, so roll-ups do not keep a stale figure.
    const implied = (await statusRulesOf(tx, tenantId))[data.status as MeasureStatus].impliedProgress;
    const rows = await tx
      .update(measures)
      .set({ status: data.status as MeasureStatus, progress: implied ?? before.progress, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(measures.tenantId, tenantId), eq(measures.id, id), eq(measures.version, data.version)))
      .returning({ id: measures.id });
    assertNotStale(rows, before.version);
    const after = await measureById(tx, tenantId, id);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'measure', entityId: id, before, after });
    return after;
  });
}

/** Deletes a measure; `version` (required) must be the one the person saw. */
export async function deleteMeasure(ctx: CommandContext, tenantId: string, id: string, version: unknown): Promise<void> {
  authorize(canDeleteMeasure(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await measureById(tx, tenantId, id);
    assertEditionOpen(await editionById(tx, tenantId, before.editionId));
    assertCurrentVersion(before.version, expected);
    await tx.delete(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'measure', entityId: id, before });
  });
}

export async function moveMeasure(ctx: CommandContext, tenantId: string, id: string, direction: 'up' | 'down'): Promise<void> {
  authorize(canCreateMeasure(ctx.user, tenantId));
  await ctx.db.transaction(async (tx) => {
    const m = await measureById(tx, tenantId, id);
    assertEditionOpen(await editionById(tx, tenantId, m.editionId));
    const siblings = and(eq(measures.tenantId, tenantId), eq(measures.editionId, m.editionId), eq(measures.fieldId, m.fieldId))!;
    await swapWithNeighbour(tx, measures, siblings, m, direction);
    await recordAudit(tx, ctx.user, { tenantId, action: 'move', entityType: 'measure', entityId: id, before: { position: m.position }, after: { direction } });
  });
}
