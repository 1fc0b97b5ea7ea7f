import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { ancestry } from '../../db/lineage.js';
import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { isUuid, parseInput, versionFrom } from '../../platform/validation.js';
import { editionById, type Edition, editionOutline } from '../concepts/index.js';
import { measures } from '../measures/schema.js';
import { todayInGermany } from '../progress/index.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import { indicatorFields, indicatorUpdate, parseIndicator, valueFields, type IndicatorFields } from './input.js';
import { outsidePercentRange, percentRangeError } from './percent.js';
import { canManageIndicator, canManageSomeIndicators, isMonitoringOpen, type IndicatorTarget } from './policy.js';
import { indicatorStatus, type IndicatorStatus } from './status.js';

type IndicatorRow = typeof indicators.$inferSelect;
type ValueRow = typeof indicatorValues.$inferSelect;

/** An indicator with its figures as numbers (the database keeps numeric as text). */
export interface Indicator extends Omit<IndicatorRow, 'baselineValue' | 'targetValue'> {
  baselineValue: number | null;
  targetValue: number | null;
}
export interface IndicatorValue extends Omit<ValueRow, 'value'> {
  value: number;
}

const num = (v: string | null) => (v == null ? null : Number(v));
export const toIndicator = (r: IndicatorRow): Indicator => ({ ...r, baselineValue: num(r.baselineValue), targetValue: num(r.targetValue) });
export const toValue = (r: ValueRow): IndicatorValue => ({ ...r, value: Number(r.value) });
const invalid = (fieldErrors: FieldError[]) => new AppError('validation_failed', 'error.validation_failed', { fieldErrors });

export async function indicatorById(db: Db, tenantId: string, id: string): Promise<Indicator> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(indicators).where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
  return toIndicator(found(row));
}

/** The values of one indicator, oldest first. */
export async function valuesOf(db: Db, tenantId: string, indicatorId: string): Promise<IndicatorValue[]> {
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.indicatorId, indicatorId)))
    .orderBy(asc(indicatorValues.measuredOn), asc(indicatorValues.createdAt));
  return rows.map(toValue);
}

/** The values of many indicators at once, oldest first per indicator. */
export async function valuesByIndicator(db: Db, tenantId: string, indicatorIds: string[]): Promise<Map<string, IndicatorValue[]>> {
  const out = new Map<string, IndicatorValue[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return out;
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.tenantId, tenantId), inArray(indicatorValues.indicatorId, indicatorIds)))
    .orderBy(asc(indicatorValues.measuredOn), asc(indicatorValues.createdAt));
  for (const r of rows) out.get(r.indicatorId)?.push(toValue(r));
  return out;
}

/**
 * The values of many indicators together with those of their predecessors in earlier editions
 * (a Fortschreibung copies the definition, the values stay with the original), oldest first. On
 * a date both have, the newer edition's value counts.
 */
export async function valuesAlongLineage(db: Db, tenantId: string, indicatorIds: string[]): Promise<Map<string, IndicatorValue[]>> {
  const lines = await ancestry(db, 'indicators', tenantId, indicatorIds);
  const own = await valuesByIndicator(db, tenantId, [...new Set([...lines.values()].flat())]);
  const out = new Map<string, IndicatorValue[]>();
  for (const [id, line] of lines) {
    const byDate = new Map<string, IndicatorValue>();
    for (const v of line.flatMap((x) => own.get(x) ?? [])) if (!byDate.has(v.measuredOn)) byDate.set(v.measuredOn, v);
    out.set(id, [...byDate.values()].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn)));
  }
  return out;
}

/** The indicators of an edition in their order; `publicOnly` for the portal and anonymous API calls. */
export async function listIndicators(db: Db, tenantId: string, editionId: string, opts: { publicOnly?: boolean } = {}): Promise<Indicator[]> {
  if (!isUuid(editionId)) return [];
  const rows = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.editionId, editionId), ...(opts.publicOnly ? [eq(indicators.isPublic, true)] : [])))
    .orderBy(asc(indicators.position), asc(indicators.name));
  return rows.map(toIndicator);
}

// ---- what an indicator belongs to ----------------------------------------------------------

export interface MeasureRef {
  id: string;
  number: string;
  title: string;
  fieldId: string;
  position: number;
  leadActorId: string | null;
}

/** The measures of an edition in a light shape (for owners, options and grouping). */
export async function measureRefs(db: Db, tenantId: string, editionId: string): Promise<MeasureRef[]> {
  return db
    .select({ id: measures.id, number: measures.number, title: measures.title, fieldId: measures.fieldId, position: measures.position, leadActorId: measures.leadActorId })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)))
    .orderBy(asc(measures.position));
}

/**
 * The goal or measure an indicator (or the form) names, checked to lie in `editionId`; unknown
 * or foreign ids are a validation error on the field that named them.
 */
async function resolveTarget(db: Db, tenantId: string, editionId: string, data: Pick<IndicatorFields, 'goalId' | 'measureId'>): Promise<IndicatorTarget> {
  if (data.goalId) {
    const outline = await editionOutline(db, tenantId, editionId);
    if (!outline.goals.some((g) => g.id === data.goalId)) throw invalid([{ field: 'goalId', messageKey: 'validation.indicator_target_not_in_edition' }]);
    return { kind: 'goal', tenantId };
  }
  const [m] = await db
    .select({ leadActorId: measures.leadActorId })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId), eq(measures.id, data.measureId!)));
  if (!m) throw invalid([{ field: 'measureId', messageKey: 'validation.indicator_target_not_in_edition' }]);
  return { kind: 'measure', tenantId, leadActorId: m.leadActorId };
}

/** Who may keep this indicator depends on what it belongs to (see policy.ts). */
export async function targetOf(db: Db, indicator: Pick<Indicator, 'tenantId' | 'goalId' | 'measureId'>): Promise<IndicatorTarget> {
  if (indicator.goalId) return { kind: 'goal', tenantId: indicator.tenantId };
  const [m] = await db.select({ leadActorId: measures.leadActorId }).from(measures).where(and(eq(measures.tenantId, indicator.tenantId), eq(measures.id, indicator.measureId!)));
  return { kind: 'measure', tenantId: indicator.tenantId, leadActorId: m?.leadActorId ?? null };
}

/** Ids of the indicators of an edition the user may keep (for import and pages). */
export async function manageableIds(db: Db, user: CommandContext['user'] | null, tenantId: string, list: Indicator[]): Promise<Set<string>> {
  const out = new Set<string>();
  if (!canManageSomeIndicators(user, tenantId) || list.length === 0) return out;
  const leads = new Map((await measureRefs(db, tenantId, list[0]!.editionId)).map((m) => [m.id, m.leadActorId]));
  for (const i of list) {
    const target: IndicatorTarget = i.goalId ? { kind: 'goal', tenantId } : { kind: 'measure', tenantId, leadActorId: leads.get(i.measureId!) ?? null };
    if (canManageIndicator(user, target)) out.add(i.id);
  }
  return out;
}

/** Monitoring continues after adoption; only superseded editions are closed. */
export function assertMonitoringOpen(edition: Edition) {
  if (!isMonitoringOpen(edition.status)) throw new AppError('conflict', 'indicators.error.edition_superseded');
}

const rowValues = (d: IndicatorFields) => ({
  goalId: d.goalId ?? null,
  measureId: d.goalId ? null : d.measureId ?? null,
  name: d.name,
  definition: d.definition,
  unit: d.unit,
  source: d.source,
  kind: d.kind,
  baselineValue: d.baselineValue == null ? null : String(d.baselineValue),
  baselineDate: d.baselineDate,
  targetValue: d.targetValue == null ? null : String(d.targetValue),
  targetYear: d.targetYear,
  direction: d.direction,
  isPublic: d.isPublic,
});

// ---- commands -----------------------------------------------------------------------------

export async function createIndicator(ctx: CommandContext, tenantId: string, editionId: string, input: unknown): Promise<Indicator> {
  authorize(canManageSomeIndicators(ctx.user, tenantId));
  const data = parseIndicator(indicatorFields, input);
  return ctx.db.transaction(async (tx) => {
    const edition = await editionById(tx, tenantId, editionId);
    assertMonitoringOpen(edition);
    authorize(canManageIndicator(ctx.user, await resolveTarget(tx, tenantId, edition.id, data)));
    const [last] = await tx
      .select({ position: indicators.position })
      .from(indicators)
      .where(and(eq(indicators.tenantId, tenantId), eq(indicators.editionId, edition.id)))
      .orderBy(desc(indicators.position))
      .limit(1);
    const [row] = await tx.insert(indicators).values({ tenantId, editionId: edition.id, position: (last?.position ?? 0) + 1, ...rowValues(data) }).returning();
    const created = toIndicator(found(row));
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'indicator', entityId: created.id, after: created });
    return created;
  });
}

export async function updateIndicator(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Indicator> {
  const before = await indicatorById(ctx.db, tenantId, id);
  authorize(canManageIndicator(ctx.user, await targetOf(ctx.db, before)));
  const data = parseIndicator(indicatorUpdate, input, before);
  return ctx.db.transaction(async (tx) => {
    const current = await indicatorById(tx, tenantId, id);
    assertMonitoringOpen(await editionById(tx, tenantId, current.editionId));
    // Moving it elsewhere needs the right to keep indicators there too.
    authorize(canManageIndicator(ctx.user, await resolveTarget(tx, tenantId, current.editionId, data)));
    const rows = await tx
      .update(indicators)
      .set({ ...rowValues(data), version: current.version + 1 })
      .where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id), eq(indicators.version, data.version)))
      .returning();
    assertNotStale(rows, current.version);
    const after = toIndicator(rows[0]!);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'indicator', entityId: id, before: current, after });
    return after;
  });
}

/** Deletes an indicator with all its values; `version` (required) must still be current. */
export async function deleteIndicator(ctx: CommandContext, tenantId: string, id: string, version: unknown): Promise<Indicator> {
  const before = await indicatorById(ctx.db, tenantId, id);
  authorize(canManageIndicator(ctx.user, await targetOf(ctx.db, before)));
  const expected = versionFrom(version);
  return ctx.db.transaction(async (tx) => {
    const current = await indicatorById(tx, tenantId, id);
    assertMonitoringOpen(await editionById(tx, tenantId, current.editionId));
    assertCurrentVersion(current.version, expected);
    const values = await valuesOf(tx, tenantId, id);
    await tx.delete(indicators).where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'indicator', entityId: id, before: { ...current, values: values.length } });
    return current;
  });
}

/** Adds a measured value (date, figure, note); one value per indicator and date. */
export async function addIndicatorValue(ctx: CommandContext, tenantId: string, indicatorId: string, input: unknown): Promise<IndicatorValue> {
  const indicator = await indicatorById(ctx.db, tenantId, indicatorId);
  authorize(canManageIndicator(ctx.user, await targetOf(ctx.db, indicator)));
  const data = parseInput(valueFields, input);
  if (outsidePercentRange(indicator.unit, data.value) && !data.confirmOutOfRange) throw invalid([percentRangeError('value', data.value)]);
  return ctx.db.transaction(async (tx) => {
    assertMonitoringOpen(await editionById(tx, tenantId, indicator.editionId));
    const [taken] = await tx
      .select({ id: indicatorValues.id })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.measuredOn, data.measuredOn)));
    if (taken) throw invalid([{ field: 'measuredOn', messageKey: 'validation.indicator_value_date_taken' }]);
    const [row] = await tx
      .insert(indicatorValues)
      .values({ tenantId, indicatorId, measuredOn: data.measuredOn, value: String(data.value), note: data.note, createdBy: ctx.user.name })
      .returning();
    const value = toValue(found(row));
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'indicator_value', entityId: value.id, after: { ...value, name: indicator.name } });
    return value;
  });
}

/** Removes a wrongly entered value. */
export async function deleteIndicatorValue(ctx: CommandContext, tenantId: string, indicatorId: string, valueId: string): Promise<void> {
  const indicator = await indicatorById(ctx.db, tenantId, indicatorId);
  authorize(canManageIndicator(ctx.user, await targetOf(ctx.db, indicator)));
  if (!isUuid(valueId)) throw new AppError('not_found');
  await ctx.db.transaction(async (tx) => {
    assertMonitoringOpen(await editionById(tx, tenantId, indicator.editionId));
    const [row] = await tx
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.id, valueId)));
    const before = toValue(found(row));
    await tx.delete(indicatorValues).where(and(eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.id, valueId)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'indicator_value', entityId: valueId, before: { ...before, name: indicator.name } });
  });
}

// ---- overview: indicators grouped by Themenfeld, goal and measure ------------------------

export interface IndicatorEntry {
  indicator: Indicator;
  values: IndicatorValue[];
  status: IndicatorStatus;
}
export type Owner =
  | { kind: 'goal'; id: string; number: string; title: string }
  | { kind: 'measure'; id: string; number: string; title: string; leadActorId: string | null };
export interface OwnerGroup {
  owner: Owner;
  entries: IndicatorEntry[];
}
export interface FieldGroup {
  field: { id: string; title: string; position: number };
  groups: OwnerGroup[];
}

/**
 * Every indicator of an edition with its values and status, grouped by Themenfeld, then by goal
 * (in goal order) and by measure (in measure order). Fields without indicators are left out.
 */
export async function indicatorOverview(db: Db, tenantId: string, editionId: string, opts: { publicOnly?: boolean; today?: string } = {}): Promise<FieldGroup[]> {
  const today = opts.today ?? todayInGermany();
  const list = await listIndicators(db, tenantId, editionId, opts);
  if (list.length === 0) return [];
  // Independent reads at once (issue 9.2: one after another they were most of the list page's time).
  const [outline, refs, values] = await readsAtOnce(db, [
    () => editionOutline(db, tenantId, editionId),
    () => measureRefs(db, tenantId, editionId),
    () => valuesAlongLineage(db, tenantId, list.map((i) => i.id)),
  ]);
  const goalById = new Map(outline.goals.map((g) => [g.id, g]));
  const measureById = new Map(refs.map((m) => [m.id, m]));
  const groups = new Map<string, OwnerGroup & { fieldId: string; order: number }>();
  for (const indicator of list) {
    const goal = indicator.goalId ? goalById.get(indicator.goalId) : undefined;
    const measure = indicator.measureId ? measureById.get(indicator.measureId) : undefined;
    const key = goal ? `g:${goal.id}` : measure ? `m:${measure.id}` : null;
    if (!key) continue;
    let group = groups.get(key);
    if (!group) {
      group = goal
        ? { owner: { kind: 'goal', id: goal.id, number: goal.number, title: goal.title }, entries: [], fieldId: goal.fieldId, order: goal.position }
        : { owner: { kind: 'measure', id: measure!.id, number: measure!.number, title: measure!.title, leadActorId: measure!.leadActorId }, entries: [], fieldId: measure!.fieldId, order: 100_000 + measure!.position };
      groups.set(key, group);
    }
    const v = values.get(indicator.id) ?? [];
    group.entries.push({ indicator, values: v, status: indicatorStatus(indicator, v, today) });
  }
  return outline.fields
    .map((f) => ({
      field: { id: f.id, title: f.title, position: f.position },
      groups: [...groups.values()]
        .filter((g) => g.fieldId === f.id)
        .sort((a, b) => a.order - b.order)
        .map(({ owner, entries }) => ({ owner, entries })),
    }))
    .filter((f) => f.groups.length > 0);
}

/** A flat summary per indicator (for the attention list and reports): owner label, latest value, status. */
export async function indicatorSummaries(db: Db, tenantId: string, editionId: string, today: string = todayInGermany()) {
  const overview = await indicatorOverview(db, tenantId, editionId, { today });
  return overview.flatMap((f) =>
    f.groups.flatMap((g) =>
      g.entries.map((e) => ({
        id: e.indicator.id,
        name: e.indicator.name,
        unit: e.indicator.unit,
        kind: e.indicator.kind,
        isPublic: e.indicator.isPublic,
        goalId: e.indicator.goalId,
        measureId: e.indicator.measureId,
        fieldTitle: f.field.title,
        ownerLabel: `${g.owner.number} ${g.owner.title}`,
        targetValue: e.indicator.targetValue,
        targetYear: e.indicator.targetYear,
        latestValue: e.status.latest?.value ?? null,
        latestOn: e.status.latest?.measuredOn ?? null,
        status: e.status.status,
        behind: e.status.status === 'behind',
      })),
    ),
  );
}
export type IndicatorSummary = Awaited<ReturnType<typeof indicatorSummaries>>[number];

/** How many indicators an edition has (for links and counts on other pages). */
export async function countIndicators(db: Db, tenantId: string, editionId: string): Promise<number> {
  if (!isUuid(editionId)) return 0;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(indicators).where(and(eq(indicators.tenantId, tenantId), eq(indicators.editionId, editionId)));
  return row?.n ?? 0;
}
