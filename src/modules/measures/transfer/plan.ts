import { AppError, type FieldError } from '../../../platform/errors.js';
import { parseInput } from '../../../platform/validation.js';
import { measureFields, type MeasureFields } from '../input.js';
import { sdgGoals } from '../schema.js';
import type { Measure } from '../service.js';
import {
  columnByKey, columns, measureNumberOf, matchHorizon, matchPriority, matchStatus, parseDate, priorityLabels,
  requiredColumns, splitList, splitSdgs, statusLabels, horizonLabels, type ColumnKey,
} from './columns.js';
import { changedColumns } from './compare.js';
import { cellChanges, type CellChange } from './display.js';
import { numberReading, sameShownNumber, type NumberFormat } from '../../../platform/spreadsheet/numbers.js';
import type { ImportProblem } from '../../../platform/spreadsheet/problems.js';
import type { RawTable } from '../../../platform/spreadsheet/parse.js';
import { layoutColumns } from '../../../platform/spreadsheet/headings.js';
import type { References } from './references.js';
import { Resolver, type NewActor, type NewField, type NewGoal, type Resolved } from './resolve.js';
import { breather } from '../../../platform/breathe.js';
import { cleanName, nameKey } from '../target-groups/names.js';

export interface PlannedRow {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  data: MeasureFields;
  existing?: Measure;
  /** For updates: the columns whose content differs. */
  changed: ColumnKey[];
  /** For updates: each changed cell as the table shows it, before and after. */
  changes: CellChange[];
}

/** More new measures than this share of the edition's measures needs an extra confirmation. */
export const manyNewShare = 0.5;

/** What importing a table would do, and every problem in it (see blockingProblems). */
export interface Plan {
  problems: ImportProblem[];
  rows: PlannedRow[];
  counts: { created: number; updated: number; unchanged: number };
  newActors: NewActor[];
  newFields: NewField[];
  newGoals: NewGoal[];
  /** Zielgruppen the file names that the Kommune's vocabulary lacks: created on confirmation. */
  newTargetGroups: string[];
  /** Headings of columns the import does not know and leaves aside. */
  ignoredHeadings: string[];
  /** The file's number format (chosen or detected); undefined when its numbers do not say. */
  numberFormat: NumberFormat | undefined;
  numberFormatDecidedBy: 'chosen' | 'detected' | undefined;
  /** Measure numbers a spreadsheet had turned into dates ("01.01.01"), read as the number they were. */
  restoredNumbers: { row: number; text: string; number: string }[];
  /** How many measures the edition has now. */
  existingMeasures: number;
  /**
   * The file would create more than half as many measures as the edition has (typically because
   * its numbers no longer match): confirming needs an explicit extra confirmation.
   */
  manyNew: boolean;
}

export interface PlanOptions {
  /** The number format the user chose for the file; default: detect it from the file. */
  numberFormat?: NumberFormat;
}

/** The columns whose cells are numbers. */
const numberColumns: ColumnKey[] = ['staffFte', 'costEur'];

/** measureFields paths → the column that holds them. */
const columnOfField: Record<string, ColumnKey> = {
  number: 'number', title: 'title', description: 'description', fieldId: 'field', goalIds: 'goals', targetGroups: 'targetGroups',
  leadActorId: 'lead', partnerActorIds: 'partners', horizon: 'horizon', startDate: 'startDate', endDate: 'endDate', priority: 'priority',
  staffFte: 'staffFte', costEur: 'costEur', fundingSource: 'fundingSource', indicator: 'indicator', targetValue: 'targetValue',
  status: 'status', crossCuttingIds: 'crossCutting', sdgs: 'sdgs', municipalityIds: 'municipalities',
};

const allowed = (labels: Record<string, string>) => Object.values(labels).join(', ');

/**
 * Validates every row of the table against the edition's references (loaded before: no query,
 * so it also runs in the task thread, see plan-file.ts) and works out creates, updates and new references.
 */
export async function planWith(refs: References, table: RawTable, opts: PlanOptions = {}): Promise<Plan> {
  // Zielgruppen by name, case-insensitive: the vocabulary's spelling wins, unknown names become new entries.
  const vocabulary = new Map(refs.targetGroups.map((g) => [nameKey(g.name), g.name]));
  const resolver = new Resolver(refs);
  const problems: ImportProblem[] = [];
  const plan: Plan = {
    problems, rows: [], counts: { created: 0, updated: 0, unchanged: 0 }, newActors: resolver.newActors, newFields: resolver.newFields, newGoals: resolver.newGoals, newTargetGroups: [], ignoredHeadings: [],
    numberFormat: undefined, numberFormatDecidedBy: undefined, restoredNumbers: [], existingMeasures: refs.measures.length, manyNew: false,
  };

  // Headings: which column is where; required ones present, none twice.
  const layout = layoutColumns(table, columns, requiredColumns);
  const at = layout.at;
  problems.push(...layout.problems);
  plan.ignoredHeadings.push(...layout.unknown.map((u) => u.heading));
  if (problems.length) return plan;
  if (table.rows.length === 0) {
    problems.push({ row: null, column: null, messageKey: 'transfer.error.no_rows' });
    return plan;
  }

  const heading = (key: ColumnKey) => (at.has(key) ? table.headings[at.get(key)!]! : columnByKey.get(key)!.heading);
  const byNumber = new Map(refs.measures.map((m) => [m.number.trim(), m]));
  const seen = new Map<string, number>();

  // One number format for the whole file, from every number cell typed as text.
  const textNumbers = table.rows.flatMap(({ row, cells, typed }) =>
    numberColumns.filter((k) => at.has(k) && !typed?.[at.get(k)!]).map((k) => ({ row, column: heading(k), text: cells[at.get(k)!] ?? '' })),
  );
  const numbers = numberReading(textNumbers, opts.numberFormat);
  plan.numberFormat = numbers.format;
  plan.numberFormatDecidedBy = numbers.decidedBy;

  const pause = breather();
  for (const { row, cells, typed } of table.rows) {
    await pause();
    const rowProblems: ImportProblem[] = [];
    const problem = (key: ColumnKey, messageKey: string, params?: Record<string, string | number>, unknownReference?: boolean) => {
      rowProblems.push({ row, column: heading(key), messageKey, ...(params ? { params } : {}), ...(unknownReference ? { unknownReference } : {}) });
    };
    const has = (key: ColumnKey) => at.has(key);
    const cell = (key: ColumnKey) => (has(key) ? (cells[at.get(key)!] ?? '').trim() : '');
    const use = (key: ColumnKey, r: Resolved) => {
      if (r.problem) problem(key, r.problem, r.params, r.unknownReference);
      return r.id;
    };

    const { number, restored } = has('number') ? measureNumberOf(cell('number'), !!typed?.[at.get('number')!], (n) => byNumber.has(n)) : { number: '' };
    if (restored) plan.restoredNumbers.push({ row, text: restored, number });
    const existing = number ? byNumber.get(number) : undefined;
    if (number && seen.has(number)) problem('number', 'transfer.error.number_twice', { row: seen.get(number)! });
    else if (number) seen.set(number, row);

    // References: Themenfeld first, the Ziele live in it.
    const fieldTitle = cell('field');
    const fieldId = fieldTitle ? use('field', resolver.field(fieldTitle, false)) : (problem('field', 'validation.required'), undefined);
    // Ziele belong to a Themenfeld: a measure moved to another one keeps none it does not name.
    let goalIds = existing && existing.fieldId === fieldId ? existing.goalIds : [];
    if (has('goals')) goalIds = fieldId ? splitList(cell('goals')).map((g) => use('goals', resolver.goal(fieldId, g))).filter((x): x is string => !!x) : [];
    let leadActorId = existing?.leadActorId ?? null;
    if (has('lead')) {
      const names = splitList(cell('lead'));
      if (names.length > 1) problem('lead', 'transfer.error.one_lead');
      leadActorId = names[0] ? use('lead', resolver.actor(names[0])) ?? null : null;
    }
    const many = (key: ColumnKey, resolve: (name: string) => Resolved, current: string[] | undefined) =>
      has(key) ? splitList(cell(key)).map((n) => use(key, resolve(n))).filter((x): x is string => !!x) : current ?? [];
    const partnerActorIds = many('partners', (n) => resolver.actor(n), existing?.partnerActorIds);
    const crossCuttingIds = many('crossCutting', (n) => resolver.field(n, true), existing?.crossCuttingIds);
    const municipalityIds = many('municipalities', (n) => resolver.municipality(n), existing?.municipalityIds);

    // Words for enums: tolerant matching, a clear message with the allowed words otherwise.
    const choice = <K extends string>(key: ColumnKey, match: (v: string) => K | undefined, labels: Record<K, string>, current: K | undefined, required = false) => {
      if (!has(key)) return current;
      const v = cell(key);
      if (!v) {
        if (required) problem(key, 'validation.required');
        return undefined;
      }
      const k = match(v);
      if (!k) problem(key, 'transfer.error.unknown_value', { value: v, allowed: allowed(labels) });
      return k;
    };
    const horizon = has('horizon') || existing ? choice('horizon', matchHorizon, horizonLabels, existing?.horizon, true) : (problem('horizon', 'validation.required'), undefined);
    const priority = choice('priority', matchPriority, priorityLabels, existing?.priority);
    const status = choice('status', matchStatus, statusLabels, existing?.status);
    const date = (key: 'startDate' | 'endDate') => {
      if (!has(key)) return existing?.[key] ?? null;
      const d = parseDate(cell(key));
      if (d === undefined) problem(key, 'validation.date');
      return d ?? null;
    };
    const text = (key: ColumnKey, current: string | null | undefined) => (has(key) ? cell(key) : current ?? '');
    /** A number cell: typed .xlsx numbers as they are, text in the file's number format. */
    const numeric = (key: 'staffFte' | 'costEur'): unknown => {
      if (!has(key)) return existing?.[key] == null ? null : Number(existing[key]);
      if (typed?.[at.get(key)!]) return Number(cell(key));
      const r = numbers.read(cell(key));
      if ('value' in r) return r.value;
      problem(key, r.problem.messageKey, r.problem.params);
      return cell(key);
    };

    const input = {
      number,
      title: has('title') ? cell('title') : existing?.title,
      description: text('description', existing?.description),
      fieldId: fieldId ?? '',
      goalIds,
      targetGroups: (has('targetGroups') ? splitList(cell('targetGroups')) : existing?.targetGroups ?? []).map((name) => {
        const known = vocabulary.get(nameKey(name));
        if (known) return known;
        if (!plan.newTargetGroups.some((n) => nameKey(n) === nameKey(name))) plan.newTargetGroups.push(cleanName(name));
        return cleanName(name);
      }),
      leadActorId,
      partnerActorIds,
      horizon,
      startDate: date('startDate'),
      endDate: date('endDate'),
      priority,
      staffFte: numeric('staffFte'),
      costEur: numeric('costEur'),
      fundingSource: text('fundingSource', existing?.fundingSource),
      indicator: text('indicator', existing?.indicator),
      // Free text, but often a number a spreadsheet reformats: the same number keeps its wording.
      targetValue: has('targetValue') && sameShownNumber(existing?.targetValue, cell('targetValue'), !!typed?.[at.get('targetValue')!]) ? existing!.targetValue : text('targetValue', existing?.targetValue),
      status,
      crossCuttingIds,
      sdgs: has('sdgs') ? sdgsOf(cell('sdgs'), (value) => problem('sdgs', 'transfer.error.unknown_sdg', { value, allowed: sdgGoals.join(', ') })) : existing?.sdgs ?? [],
      municipalityIds,
      internalNote: existing?.internalNote ?? '',
    };

    const data = validate(input, (e) => {
      const key = columnOfField[e.field.split('.')[0]!];
      // One problem per cell: a reference or word problem already says what is wrong there.
      if (!key || rowProblems.some((p) => p.column === heading(key))) return;
      problem(key, e.messageKey, e.params);
    });
    if (data) {
      if (data.leadActorId && data.partnerActorIds.includes(data.leadActorId)) problem('partners', 'validation.lead_is_partner');
      if (data.startDate && data.endDate && data.endDate < data.startDate) problem('endDate', 'validation.end_before_start');
    }
    problems.push(...rowProblems);
    if (!data || rowProblems.some((p) => !p.unknownReference)) continue;
    const changed = existing ? changedColumns(existing, data) : [];
    const action = !existing ? 'create' : changed.length ? 'update' : 'unchanged';
    plan.rows.push({ row, action, data, existing, changed, changes: existing && changed.length ? cellChanges(changed, existing, data, refs, resolver) : [] });
    plan.counts[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
  }
  plan.manyNew = plan.existingMeasures > 0 && plan.counts.created > plan.existingMeasures * manyNewShare;
  return plan;
}

function sdgsOf(cell: string, onUnknown: (value: string) => void): string[] {
  const numbers = splitSdgs(cell);
  const unknown = numbers.filter((n) => !(sdgGoals as readonly number[]).includes(Number(n)));
  if (unknown.length) onUnknown(unknown.join(', '));
  return numbers;
}

function validate(input: unknown, onError: (e: FieldError) => void): MeasureFields | undefined {
  try {
    return parseInput(measureFields, input);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    for (const fe of e.fieldErrors) onError(fe);
    return undefined;
  }
}
