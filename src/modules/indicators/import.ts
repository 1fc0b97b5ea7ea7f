import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudits } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { offThreadWithDb } from '../../platform/threads/with-database.js';
import type { Db } from '../../db/client.js';
import { editionById, lockedEdition } from '../concepts/index.js';
import { fold, parseDate, type ExportTable } from '../measures/index.js';
import { numberReading, type NumberFormat } from '../../platform/spreadsheet/numbers.js';
import { readTable, type RawTable } from '../../platform/spreadsheet/parse.js';
import { fileProblem, importRejected, type ImportProblem } from '../../platform/spreadsheet/problems.js';
import type { UploadedFile } from '../../platform/spreadsheet/upload.js';
import { germanDate } from '../../platform/i18n/german.js';
import { todayInGermany } from '../progress/index.js';
import { indicatorValues } from '../progress/schema.js';
import { formatNumber } from '../../platform/i18n/i18n.js';
import { maxMagnitude } from './input.js';
import { outsidePercentRange, percentRangeImportMessage } from './percent.js';
import { canManageSomeIndicators } from './policy.js';
import { assertMonitoringOpen, listIndicators, manageableIds, toValue, valuesByIndicator, type Indicator, type IndicatorValue } from './service.js';
import { breather, inBatches } from '../../platform/breathe.js';

/**
 * Values of many indicators from a spreadsheet (.xlsx or ;-separated .csv): one row per value,
 * columns Indikator (name) or Indikator-ID, Datum, Wert, Anmerkung. German dates; German or English
 * numbers (decided per file, see numbers.ts).
 * All or nothing: one wrong row refuses the whole file with every problem listed (row and
 * column as in Excel). A value for an indicator and date that already exists is replaced.
 *
 * Reading the file and refusing it reuse the measure import's pieces (parse.ts, problems.ts,
 * fold/parseDate from columns.ts); only the columns are the indicators' own.
 */
export type ValueColumn = 'id' | 'name' | 'date' | 'value' | 'note';

/** The headings the import accepts (first = the one the export writes); compared folded. */
export const valueColumns: { key: ValueColumn; heading: string; aliases: string[] }[] = [
  { key: 'id', heading: 'Indikator-ID', aliases: ['ID', 'Indikator ID', 'IndikatorID'] },
  { key: 'name', heading: 'Indikator', aliases: ['Indikatorname', 'Name des Indikators', 'Kennzahl', 'Indikatoren'] },
  { key: 'date', heading: 'Datum', aliases: ['Stichtag', 'Messdatum', 'Stand', 'Jahr'] },
  { key: 'value', heading: 'Wert', aliases: ['Messwert', 'Istwert', 'Ist-Wert', 'Werte'] },
  { key: 'note', heading: 'Anmerkung', aliases: ['Anmerkungen', 'Bemerkung', 'Bemerkungen', 'Notiz', 'Kommentar', 'Hinweis'] },
];
const byHeading = new Map<string, ValueColumn>();
for (const c of valueColumns) for (const h of [c.heading, ...c.aliases]) byHeading.set(fold(h), c.key);
const headingOf = (key: ValueColumn) => valueColumns.find((c) => c.key === key)!.heading;

export type { UploadedFile };

export interface ValueImportResult {
  created: number;
  replaced: number;
  unchanged: number;
}

interface PlannedValue {
  row: number;
  indicator: Indicator;
  measuredOn: string;
  value: number;
  note: string;
}

/** "31.12.2025", "2025-12-31", an Excel date, or just a year ("2025" = 31.12.2025, a Stichtag). */
export function valueDate(text: string): string | null | undefined {
  const v = text.trim();
  if (/^\d{4}$/.test(v)) {
    const y = Number(v);
    return y >= 1990 && y <= 2100 ? `${y}-12-31` : undefined;
  }
  return parseDate(v);
}


/** Finds the columns; problems for missing or doubled ones. */
function mapColumns(table: RawTable): { index: Partial<Record<ValueColumn, number>>; problems: ImportProblem[] } {
  const index: Partial<Record<ValueColumn, number>> = {};
  const problems: ImportProblem[] = [];
  table.headings.forEach((h, i) => {
    const key = byHeading.get(fold(h));
    if (!key) return;
    if (index[key] !== undefined) {
      problems.push({ row: table.headerRow, column: h, messageKey: 'transfer.error.column_twice', params: { other: table.headings[index[key]!]! } });
      return;
    }
    index[key] = i;
  });
  if (index.id === undefined && index.name === undefined) problems.push({ row: table.headerRow, column: headingOf('name'), messageKey: 'indicators.import.error.indicator_column_missing' });
  for (const key of ['date', 'value'] as const) {
    if (index[key] === undefined) problems.push({ row: table.headerRow, column: headingOf(key), messageKey: 'transfer.error.column_missing' });
  }
  return { index, problems };
}

/**
 * Checks every row against the edition's indicators and the user's rights; returns the planned
 * values or throws `import_rejected` with every problem.
 */
async function plan(db: Db, user: CommandContext['user'], tenantId: string, editionId: string, table: RawTable, numberFormat: NumberFormat | undefined): Promise<{ planned: PlannedValue[]; valueHeading: string }> {
  const { index, problems } = mapColumns(table);
  if (problems.length) throw importRejected(problems);
  if (table.rows.length === 0) throw importRejected([fileProblem('indicators.import.error.no_rows')]);

  const list = await listIndicators(db, tenantId, editionId);
  const allowed = await manageableIds(db, user, tenantId, list);
  const byId = new Map(list.map((i) => [i.id, i]));
  const byName = new Map<string, Indicator[]>();
  for (const i of list) byName.set(fold(i.name), [...(byName.get(fold(i.name)) ?? []), i]);
  const today = todayInGermany();
  const heading = (key: ValueColumn) => table.headings[index[key]!] ?? headingOf(key);
  const seen = new Map<string, number>();
  const planned: PlannedValue[] = [];
  // .xlsx number cells are numbers; text values are read in the file's number format (German or English).
  const valueAt = index.value!;
  const numbers = numberReading(
    table.rows.filter((r) => !r.typed?.[valueAt]).map(({ row, cells }) => ({ row, column: heading('value'), text: cells[valueAt] ?? '' })),
    numberFormat,
  );

  let filled = 0;
  const pause = breather();
  for (const { row, cells, typed } of table.rows) {
    await pause();
    const cell = (key: ValueColumn) => (index[key] === undefined ? '' : (cells[index[key]!] ?? '').trim());
    // Rows of the template that name an indicator but carry no value yet are passed over.
    if (!cell('date') && !cell('value') && !cell('note')) continue;
    filled++;
    const problem = (key: ValueColumn, messageKey: string, params?: Record<string, string | number>) => problems.push({ row, column: heading(key), messageKey, params });

    // Which indicator: the id wins when both are given (names may repeat).
    let indicator: Indicator | undefined;
    const id = cell('id');
    const name = cell('name');
    if (id) {
      indicator = byId.get(id.toLowerCase());
      if (!indicator) problem('id', 'indicators.import.error.unknown_id', { id });
    } else if (name) {
      const matches = byName.get(fold(name)) ?? [];
      if (matches.length === 1) indicator = matches[0];
      else problem('name', matches.length ? 'indicators.import.error.ambiguous_name' : 'indicators.import.error.unknown_name', { name });
    } else problem(index.name !== undefined ? 'name' : 'id', 'indicators.import.error.indicator_missing');
    if (indicator && !allowed.has(indicator.id)) {
      problem(id ? 'id' : 'name', 'indicators.import.error.forbidden', { name: indicator.name });
      indicator = undefined;
    }

    const dateText = cell('date');
    const measuredOn = dateText ? valueDate(dateText) : null;
    if (!dateText) problem('date', 'validation.required');
    else if (!measuredOn) problem('date', 'indicators.import.error.date', { value: dateText });
    else if (measuredOn > today) problem('date', 'indicators.import.error.date_in_future', { value: germanDate(measuredOn) });

    const valueText = cell('value');
    const read = typed?.[valueAt] ? { value: Number(valueText) } : numbers.read(valueText);
    const value = 'value' in read ? read.value : null;
    const isNumber = typeof value === 'number' && Number.isFinite(value);
    if (!valueText) problem('value', 'validation.required');
    else if ('problem' in read && read.problem.messageKey !== 'validation.number') problem('value', read.problem.messageKey, read.problem.params);
    else if (!isNumber) problem('value', 'indicators.import.error.number', { value: valueText });
    else if (Math.abs(value) > maxMagnitude) problem('value', 'validation.indicator_number_range');

    const note = cell('note');
    if (note.length > 1000) problem('note', 'validation.too_big', { max: 1000 });

    if (indicator && measuredOn) {
      const key = `${indicator.id}|${measuredOn}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problem('date', 'indicators.import.error.duplicate', { row: earlier });
      else seen.set(key, row);
    }
    if (indicator && measuredOn && isNumber) planned.push({ row, indicator, measuredOn, value: value as number, note });
  }
  if (problems.length) throw importRejected(problems);
  if (filled === 0) throw importRejected([fileProblem('indicators.import.error.no_rows')]);
  return { planned, valueHeading: heading('value') };
}

/**
 * Values in per cent outside 0–100 that the file would write (percent.ts): a problem each unless
 * the person confirmed them. Values already stored so are not asked about again.
 */
function unconfirmedPercentages(writes: PlannedValue[], valueHeading: string): ImportProblem[] {
  return writes
    .filter((r) => outsidePercentRange(r.indicator.unit, r.value))
    .sort((a, b) => a.row - b.row)
    .map((r) => ({ row: r.row, column: valueHeading, messageKey: percentRangeImportMessage, params: { value: formatNumber('de', r.value), name: r.indicator.name } }));
}

/** Reads, checks and (only if every row is fine) writes the values in one transaction. */
export interface ValueImportOptions {
  numberFormat?: NumberFormat;
  /** Values in per cent outside 0–100 are meant so (percent.ts). */
  confirmOutOfRange?: boolean;
}

export async function importIndicatorValues(ctx: CommandContext, tenantId: string, editionId: string, file: UploadedFile, opts: ValueImportOptions = {}): Promise<ValueImportResult> {
  authorize(canManageSomeIndicators(ctx.user, tenantId));
  // In the task thread with a connection of its own, as the measure import (issue 8.4).
  return offThreadWithDb(ctx.db, import.meta.url, importIndicatorValuesWith, [ctx.user, tenantId, editionId, { name: file.name, bytes: file.bytes }, opts]);
}

/** importIndicatorValues's work, wherever it runs. */
export async function importIndicatorValuesWith(db: Db, user: CurrentUser, tenantId: string, editionId: string, file: UploadedFile, opts: ValueImportOptions): Promise<ValueImportResult> {
  const ctx: CommandContext = { db, user };
  authorize(canManageSomeIndicators(ctx.user, tenantId));
  const edition = await editionById(ctx.db, tenantId, editionId);
  assertMonitoringOpen(edition);
  const table = await readTable(file.bytes, file.name);
  return ctx.db.transaction(async (tx) => {
    // The same file sent twice at once (a double click): the second waits here, then finds the first's values.
    await lockedEdition(tx, tenantId, edition.id);
    const { planned: rows, valueHeading } = await plan(tx, ctx.user, tenantId, edition.id, table, opts.numberFormat);
    const existing = await valuesByIndicator(tx, tenantId, [...new Set(rows.map((r) => r.indicator.id))]);
    const result: ValueImportResult = { created: 0, replaced: 0, unchanged: 0 };
    const creates: PlannedValue[] = [];
    const replaces: { r: PlannedValue; old: IndicatorValue }[] = [];
    const byDate = new Map<string, IndicatorValue>();
    for (const [indicatorId, values] of existing) for (const v of values) if (!byDate.has(`${indicatorId}|${v.measuredOn}`)) byDate.set(`${indicatorId}|${v.measuredOn}`, v);
    for (const r of rows) {
      const old = byDate.get(`${r.indicator.id}|${r.measuredOn}`);
      if (old && old.value === r.value && old.note === r.note) result.unchanged++;
      else if (old) replaces.push({ r, old });
      else creates.push(r);
    }
    if (!opts.confirmOutOfRange) {
      const unconfirmed = unconfirmedPercentages([...creates, ...replaces.map(({ r }) => r)], valueHeading);
      if (unconfirmed.length) throw importRejected(unconfirmed);
    }
    // Multi-row statements per slice (sized by time), one audit entry per value as a single change writes.
    await inBatches(creates, async (batch) => {
      const ids = batch.map(() => randomUUID() as string);
      const names = new Map(batch.map((r, i) => [ids[i]!, r.indicator.name]));
      const inserted = await tx
        .insert(indicatorValues)
        .values(batch.map((r, i) => ({ id: ids[i]!, tenantId, indicatorId: r.indicator.id, measuredOn: r.measuredOn, value: String(r.value), note: r.note, createdBy: ctx.user.name })))
        .returning();
      await recordAudits(tx, ctx.user, inserted.map((row) => ({ tenantId, action: 'import', entityType: 'indicator_value', entityId: row.id, after: { ...toValue(row), name: names.get(row.id)! } })));
    });
    await inBatches(replaces, async (batch) => {
      const values = batch.map(({ r, old }) => ({ id: old.id, value: String(r.value), note: r.note }));
      await tx.execute(sql`
        update ${indicatorValues} as v set value = n.value, note = n.note, created_by = ${ctx.user.name}, created_at = now()
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as n(id uuid, value numeric, note text)
        where v.tenant_id = ${tenantId} and v.id = n.id`);
      const ids = batch.map(({ old }) => old.id);
      const after = new Map((await tx.select().from(indicatorValues).where(and(eq(indicatorValues.tenantId, tenantId), inArray(indicatorValues.id, ids)))).map((v) => [v.id, v]));
      await recordAudits(
        tx,
        ctx.user,
        batch.map(({ r, old }) => ({ tenantId, action: 'import', entityType: 'indicator_value', entityId: old.id, before: { ...old, name: r.indicator.name }, after: { ...toValue(after.get(old.id)!), name: r.indicator.name } })),
      );
    });
    result.created = creates.length;
    result.replaced = replaces.length;
    return result;
  });
}

/** Every value of the edition's indicators in the import's format: an export and a template at once. */
export async function valuesTable(db: Db, tenantId: string, editionId: string): Promise<ExportTable> {
  const list = await listIndicators(db, tenantId, editionId);
  const values = await valuesByIndicator(db, tenantId, list.map((i) => i.id));
  const rows: ExportTable['rows'] = [];
  for (const i of list) {
    const own = values.get(i.id) ?? [];
    if (own.length === 0) rows.push([i.id, i.name, null, null, null]);
    for (const v of own) rows.push([i.id, i.name, { date: v.measuredOn }, v.value, v.note || null]);
  }
  return { headings: valueColumns.map((c) => c.heading), rows };
}

