import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { addMonths, todayInGermany } from '../../platform/dates.js';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { queryRows, type Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { expectedVersion, germanNumber, optionalUuid, parseInput, plainText } from '../../platform/validation.js';
import { measures } from '../measures/schema.js';
import { indicators } from '../progress/schema.js';
import { updateTenantSettings, type Tenant } from '../../platform/tenancy/service.js';
import type { Edition } from '../concepts/index.js';
import { editions, fields, goals, guidelines, type EditionStatus } from '../concepts/schema.js';
import { canSetUpdateInterval, canStartFortschreibung } from './policy.js';
import { carryTranslations } from '../../platform/translations/carry.js';

/** Statuses of an edition on its way to the council: a Fortschreibung "in Arbeit". */
export const workingStatuses: EditionStatus[] = ['entwurf', 'beteiligung', 'zur_beschlussfassung'];

/** The Fortschreibung of `editionId` that is still being worked on, if any (newest first). */
export async function fortschreibungInProgress(db: Db, tenantId: string, editionId: string): Promise<Edition | undefined> {
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.tenantId, tenantId), eq(editions.predecessorId, editionId), inArray(editions.status, workingStatuses)))
    .orderBy(desc(editions.createdAt))
    .limit(1);
  return row;
}

/** What marks a title as a Fortschreibung ("(Fortschreibung)", "– Fortschreibung 2026"), and its year. */
const fortschreibungMarks = /\s*(\(Fortschreibung( \d{4})?\)|[–-]\s*Fortschreibung( \d{4})?)\s*$/i;
const trailingYear = /\s*\b\d{4}$/;

/**
 * "Integrationskonzept 2024" → "Integrationskonzept 2026 (Fortschreibung)". The title of an
 * edition that was itself a Fortschreibung loses its old marks first, so they never pile up.
 */
export function defaultFortschreibungTitle(adopted: Pick<Edition, 'title'>, year = Number(todayInGermany().slice(0, 4))): string {
  let base = adopted.title.trim();
  while (fortschreibungMarks.test(base)) base = base.replace(fortschreibungMarks, '');
  base = base.replace(trailingYear, '');
  return `${base.slice(0, 170)} ${year} (Fortschreibung)`.trim();
}

export const fortschreibungInput = z.object({
  /** Blank: the default title. */
  title: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v ?? undefined), plainText().max(200).optional()),
  /** The adopted edition the form showed; refused if another one was adopted meanwhile. */
  from: optionalUuid(),
});

/** How many rows of each table the Fortschreibung copied. */
export type CopyCounts = Record<'guidelines' | 'fields' | 'goals' | 'measures' | 'measureGoals' | 'measurePartners' | 'measureCrossCutting' | 'measureMunicipalities' | 'measureTargetGroups' | 'indicators', number>;

export interface FortschreibungResult {
  edition: Edition;
  predecessor: Edition;
  counts: CopyCounts;
}

/**
 * Starts the Fortschreibung of the adopted edition: one transaction copies it into a new draft
 * with everything (Leitlinien, Themenfelder, Ziele, Maßnahmen with their links, indicator
 * definitions); every copy points at its original (`predecessorId`). Status, progress and weight
 * of measures carry over; Sachstandsmeldungen and indicator values stay with the original.
 */
export async function startFortschreibung(ctx: CommandContext, tenantId: string, input: unknown): Promise<FortschreibungResult> {
  authorize(canStartFortschreibung(ctx.user, tenantId));
  const data = parseInput(fortschreibungInput, input);
  return ctx.db.transaction(async (tx) => {
    // The row lock serialises two coordinators starting at the same moment.
    const [adopted] = await tx.select().from(editions).where(and(eq(editions.tenantId, tenantId), eq(editions.status, 'beschlossen'))).for('update');
    if (!adopted) throw new AppError('conflict', 'fortschreibung.error.no_adopted');
    if (data.from && data.from !== adopted.id) throw new AppError('conflict', 'fortschreibung.error.adopted_changed');
    const running = await fortschreibungInProgress(tx, tenantId, adopted.id);
    if (running) throw new AppError('conflict', 'fortschreibung.error.draft_exists', { params: { title: running.title }, detail: { editionId: running.id } });
    const [row] = await tx
      .insert(editions)
      .values({ tenantId, title: data.title ?? defaultFortschreibungTitle(adopted), introduction: adopted.introduction, predecessorId: adopted.id, status: 'entwurf' })
      .returning();
    const edition = found(row);
    const counts = await copyContent(tx, tenantId, adopted.id, edition.id);
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'edition', entityId: edition.id, after: { ...edition, fortschreibungOf: { id: adopted.id, title: adopted.title }, copied: counts } });
    return { edition, predecessor: adopted, counts };
  });
}

/** What an edition holds, for the explanation on the start page. */
export async function editionCounts(db: Db, tenantId: string, editionId: string) {
  const count = async (table: typeof guidelines | typeof fields | typeof goals | typeof measures | typeof indicators) => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(and(eq(table.tenantId, tenantId), eq(table.editionId, editionId)));
    return row?.n ?? 0;
  };
  return { guidelines: await count(guidelines), fields: await count(fields), goals: await count(goals), measures: await count(measures), indicators: await count(indicators) };
}

// ---- the copy --------------------------------------------------------------------------------

/** Columns every copy sets itself (identity, edition, lineage, bookkeeping). */
const ownColumns = new Set(['tenantId', 'id', 'editionId', 'predecessorId', 'version', 'createdAt', 'updatedAt']);
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The columns a copy takes over as they are: every column of the table except its own ones,
 * generated ones and those the caller maps. Read from the schema, so a column added later is
 * copied too.
 */
function carriedColumns(table: PgTable, mapped: string[]): string[] {
  return Object.entries(getTableColumns(table))
    .filter(([key, column]) => !ownColumns.has(key) && !mapped.includes(key) && !(column as any).generated && !(column as any).generatedIdentity)
    .map(([key, column]) => ((column as any).keyAsName ? toSnakeCase(key) : column.name));
}

/**
 * INSERT … SELECT of every row of an edition's table into the new edition. `mapped` replaces
 * columns that point at other copied rows (with the join that finds the copy).
 */
async function copyItems(
  tx: Db,
  table: PgTable,
  scope: { tenantId: string; from: string; to: string },
  mapped: { key: string; value: SQL }[] = [],
  joins: SQL = sql``,
  filter: SQL = sql``,
): Promise<number> {
  const name = sql.raw(quoted(getTableConfig(table).name));
  const kept = carriedColumns(table, mapped.map((m) => m.key));
  const target = sql.raw(['tenant_id', 'edition_id', 'predecessor_id', ...kept, ...mapped.map((m) => toSnakeCase(m.key))].map(quoted).join(', '));
  const values = sql.join([sql`o.tenant_id`, sql`${scope.to}::uuid`, sql`o.id`, ...kept.map((c) => sql.raw(`o.${quoted(c)}`)), ...mapped.map((m) => m.value)], sql`, `);
  const rows = await queryRows(
    tx,
    sql`insert into ${name} (${target}) select ${values} from ${name} o ${joins} where o.tenant_id = ${scope.tenantId} and o.edition_id = ${scope.from} ${filter} returning 1 as copied`,
  );
  return rows.length;
}

/** The copy of a row of `table` in the new edition, joined as `alias` (inner or left). */
const copyOf = (table: string, alias: string, original: string, to: string, kind: 'join' | 'left join' = 'join') =>
  sql`${sql.raw(kind)} ${sql.raw(table)} ${sql.raw(alias)} on ${sql.raw(alias)}.tenant_id = o.tenant_id and ${sql.raw(alias)}.edition_id = ${to}::uuid and ${sql.raw(alias)}.predecessor_id = ${sql.raw(original)}`;

async function copyLinks(tx: Db, tenantId: string, to: string, table: string, target: string, select: SQL, joins: SQL): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`insert into ${sql.raw(table)} (tenant_id, measure_id, ${sql.raw(target)}) select ${select} from ${sql.raw(table)} o
        join measures nm on nm.tenant_id = o.tenant_id and nm.edition_id = ${to}::uuid and nm.predecessor_id = o.measure_id
        ${joins}
        where o.tenant_id = ${tenantId} returning 1 as copied`,
  );
  return rows.length;
}

/** Copies the content of edition `from` into the (empty) edition `to`; set-based, a few statements. */
export async function copyContent(tx: Db, tenantId: string, from: string, to: string): Promise<CopyCounts> {
  const scope = { tenantId, from, to };
  const counts = {} as CopyCounts;
  counts.guidelines = await copyItems(tx, guidelines, scope);
  counts.fields = await copyItems(tx, fields, scope);
  counts.goals = await copyItems(tx, goals, scope, [{ key: 'fieldId', value: sql`nf.id` }], copyOf('fields', 'nf', 'o.field_id', to));
  counts.measures = await copyItems(tx, measures, scope, [{ key: 'fieldId', value: sql`nf.id` }], copyOf('fields', 'nf', 'o.field_id', to));
  counts.measureGoals = await copyLinks(tx, tenantId, to, 'measure_goals', 'goal_id', sql`o.tenant_id, nm.id, ng.id`, copyOf('goals', 'ng', 'o.goal_id', to));
  counts.measurePartners = await copyLinks(tx, tenantId, to, 'measure_partners', 'actor_id', sql`o.tenant_id, nm.id, o.actor_id`, sql``);
  counts.measureCrossCutting = await copyLinks(tx, tenantId, to, 'measure_cross_cutting', 'field_id', sql`o.tenant_id, nm.id, nf.id`, copyOf('fields', 'nf', 'o.field_id', to));
  counts.measureMunicipalities = await copyLinks(tx, tenantId, to, 'measure_municipalities', 'municipality_id', sql`o.tenant_id, nm.id, o.municipality_id`, sql``);
  // Zielgruppen are the Kommune's vocabulary, not the edition's: the copies name the same entries.
  counts.measureTargetGroups = await copyLinks(tx, tenantId, to, 'measure_target_groups', 'target_group_id', sql`o.tenant_id, nm.id, o.target_group_id`, sql``);
  // Indicator definitions follow their goal or measure; their values stay with the original.
  counts.indicators = await copyItems(
    tx,
    indicators,
    scope,
    [
      { key: 'goalId', value: sql`ng.id` },
      { key: 'measureId', value: sql`nm.id` },
    ],
    sql`${copyOf('goals', 'ng', 'o.goal_id', to, 'left join')} ${copyOf('measures', 'nm', 'o.measure_id', to, 'left join')}`,
    sql`and (o.goal_id is null or ng.id is not null) and (o.measure_id is null or nm.id is not null)`,
  );
  await carryEditionTranslations(tx, tenantId, to);
  return counts;
}

/** The copies take their originals' translations along (they become outdated where the German text is edited). */
async function carryEditionTranslations(tx: Db, tenantId: string, to: string) {
  await carryTranslations(tx, tenantId, 'edition', sql`select predecessor_id as old_id, id as new_id from editions where tenant_id = ${tenantId} and id = ${to} and predecessor_id is not null`);
  for (const [kind, table] of [['guideline', 'guidelines'], ['field', 'fields'], ['goal', 'goals'], ['measure', 'measures'], ['indicator', 'indicators']] as const) {
    await carryTranslations(tx, tenantId, kind, sql`select predecessor_id as old_id, id as new_id from ${sql.raw(table)} where tenant_id = ${tenantId} and edition_id = ${to} and predecessor_id is not null`);
  }
}

// ---- update interval -------------------------------------------------------------------------

export const updateIntervalInput = z.object({
  updateIntervalMonths: z.preprocess(
    germanNumber,
    z.number({ error: 'validation.update_interval' }).int('validation.update_interval').min(1, 'validation.update_interval').max(60, 'validation.update_interval'),
  ),
  version: expectedVersion(),
});

/** Sets the months between two editions of the Kommune's concept (1–60). */
export async function setUpdateInterval(ctx: CommandContext, tenantId: string, input: unknown): Promise<Tenant> {
  authorize(canSetUpdateInterval(ctx.user, tenantId));
  const data = parseInput(updateIntervalInput, input);
  return updateTenantSettings(ctx, tenantId, data.version, { updateIntervalMonths: data.updateIntervalMonths });
}

/**
 * When the next Fortschreibung is due: the adoption date of the adopted edition plus the
 * Kommune's interval. Overdue once that day has passed. Undefined without an adopted edition
 * (or without its date).
 */
export function nextUpdateDue(
  tenant: Pick<Tenant, 'updateIntervalMonths'>,
  adoptedEdition: Pick<Edition, 'adoptedOn'> | null | undefined,
  today: Date = new Date(),
): { due: string; overdue: boolean } | undefined {
  if (!adoptedEdition?.adoptedOn) return undefined;
  const due = addMonths(adoptedEdition.adoptedOn, tenant.updateIntervalMonths);
  return { due, overdue: todayInGermany(today) > due };
}
