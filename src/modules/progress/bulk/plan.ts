import type { Db } from '../../../db/client.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { translator } from '../../../platform/i18n/i18n.js';
import type { MeasureStatus } from '../../measures/schema.js';
import { matchStatus, measureNumberOf, parseDate, statusLabels, statusRulesOf } from '../../measures/index.js';
import { germanDate } from '../../../platform/i18n/german.js';
import type { RawTable } from '../../../platform/spreadsheet/parse.js';
import type { ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { canRecordUpdate } from '../policy.js';
import { progressContradiction, resolveProgress, updatesOfMany } from '../updates.js';
import { matchStatusHeading, parsePercent, parseYesNo, sameText, statusColumnByKey, valueColumns, type StatusColumnKey } from './columns.js';
import { statusRows, type StatusRow } from './export.js';
import { breather } from '../../../platform/breathe.js';

export const maxTextLength = 10_000;

/** A row that records a new Sachstandsmeldung: the measure's state before and what will be recorded. */
export interface StatusChange {
  row: number;
  measureId: string;
  number: string;
  title: string;
  /** The measure's version when the file was checked: the confirmation must still find it. */
  version: number;
  before: Pick<StatusRow, 'status' | 'progress' | 'text' | 'reportedOn' | 'isPublic'>;
  after: {
    status: MeasureStatus;
    /** As given in the file; null = not given (the status rule or the previous progress decides). */
    progressGiven: number | null;
    /** What the measure's progress will be. */
    progress: number;
    text: string;
    /** The text was unchanged or blank: ikon writes what changed. */
    textGenerated: boolean;
    /** Only when the file gives a new date; otherwise the report is dated today. */
    reportedOn: string | undefined;
    /** The date lies before the measure's latest report: the new one goes into the past. */
    backdated: boolean;
    isPublic: boolean;
  };
  changed: ('status' | 'progress' | 'text')[];
}

/** A cell whose change the import leaves aside (a reference column, or a change that alone records nothing). */
export interface IgnoredCell {
  row: number;
  column: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface StatusPlan {
  problems: ImportProblem[];
  changes: StatusChange[];
  unchanged: number;
  ignored: IgnoredCell[];
  /** Headings the import does not know. */
  ignoredHeadings: string[];
}

const allowedStatuses = Object.values(statusLabels).join(', ');

/**
 * Compares a status table with the edition: which rows record a new Sachstandsmeldung, which
 * cells are ignored, and every problem (row, column, reason). Rows that change nothing are never
 * a problem, also for measures the user may not report on; changed ones are checked against the
 * same policy as the single report form.
 */
export async function planStatusImport(db: Db, user: CurrentUser, tenantId: string, editionId: string, table: RawTable, today: string): Promise<StatusPlan> {
  const t = translator('de');
  const rows = await statusRows(db, tenantId, editionId);
  const rules = await statusRulesOf(db, tenantId);
  // Every report already recorded: a row that repeats one records nothing (the import is idempotent).
  const reported = await updatesOfMany(db, tenantId, rows.map((r) => r.measureId));
  const problems: ImportProblem[] = [];
  const plan: StatusPlan = { problems, changes: [], unchanged: 0, ignored: [], ignoredHeadings: [] };

  const at = new Map<StatusColumnKey, number>();
  table.headings.forEach((heading, i) => {
    if (!heading) return;
    const key = matchStatusHeading(heading);
    if (!key) return void plan.ignoredHeadings.push(heading);
    if (at.has(key)) problems.push({ row: table.headerRow, column: heading, messageKey: 'transfer.error.column_twice', params: { other: table.headings[at.get(key)!]! } });
    else at.set(key, i);
  });
  if (!at.has('number')) problems.push({ row: table.headerRow, column: statusColumnByKey.get('number')!.heading, messageKey: 'transfer.error.column_missing' });
  if (!valueColumns.some((k) => at.has(k))) problems.push({ row: table.headerRow, column: null, messageKey: 'bulk_status.error.no_value_columns' });
  if (problems.length) return plan;
  if (table.rows.length === 0) {
    problems.push({ row: null, column: null, messageKey: 'bulk_status.error.no_rows' });
    return plan;
  }

  const heading = (key: StatusColumnKey) => (at.has(key) ? table.headings[at.get(key)!]! : statusColumnByKey.get(key)!.heading);
  const byNumber = new Map(rows.map((r) => [r.number.trim(), r]));
  const seen = new Map<string, number>();

  const pause = breather();
  for (const { row, cells, typed } of table.rows) {
    await pause();
    const rowProblems: ImportProblem[] = [];
    const problem = (key: StatusColumnKey, messageKey: string, params?: Record<string, string | number>) =>
      rowProblems.push({ row, column: heading(key), messageKey, ...(params ? { params } : {}) });
    const ignore = (key: StatusColumnKey, messageKey: string, params?: Record<string, string | number>) =>
      plan.ignored.push({ row, column: heading(key), messageKey, ...(params ? { params } : {}) });
    const has = (key: StatusColumnKey) => at.has(key);
    const cell = (key: StatusColumnKey) => (has(key) ? cells[at.get(key)!] ?? '' : '');

    // A number a spreadsheet turned into a date ("01.01.01") is read as the number it was.
    const { number } = measureNumberOf(cell('number'), !!typed?.[at.get('number')!], (n) => byNumber.has(n));
    if (!number) {
      problem('number', 'validation.required');
      problems.push(...rowProblems);
      continue;
    }
    const m = byNumber.get(number);
    if (!m) {
      problem('number', 'bulk_status.error.unknown_number', { number });
      problems.push(...rowProblems);
      continue;
    }
    if (seen.has(number)) {
      problem('number', 'transfer.error.number_twice', { row: seen.get(number)! });
      problems.push(...rowProblems);
      continue;
    }
    seen.set(number, row);

    // Reference columns: a different text is reported, never an error.
    if (has('title') && !sameText(cell('title'), m.title)) ignore('title', 'bulk_status.ignored.title', { title: m.title });
    if (has('lead') && !sameText(cell('lead'), m.lead)) ignore('lead', 'bulk_status.ignored.lead', { lead: m.lead || '–' });

    let status = m.status;
    if (has('status')) {
      const v = cell('status').trim();
      const s = v ? matchStatus(v) : undefined;
      if (!v) problem('status', 'validation.required');
      else if (!s) problem('status', 'transfer.error.unknown_value', { value: v, allowed: allowedStatuses });
      else status = s;
    }
    let progressGiven: number | null = null;
    if (has('progress')) {
      const raw = cell('progress').trim();
      const p = parsePercent(raw);
      if (p === undefined) problem('progress', 'bulk_status.error.progress_number', { value: raw });
      else if (p !== null && (!Number.isInteger(p) || p < 0 || p > 100)) problem('progress', 'bulk_status.error.progress_range', { value: raw });
      else if (progressContradiction(p, status, rules[status])) {
        // A status that fixes the progress (umgesetzt = 100 %) decides; the file's figure is
        // set aside with the rule named, so the same file imports the same way every time.
        ignore('progress', 'bulk_status.ignored.progress_fixed', { status: statusLabels[status], progress: rules[status].impliedProgress!, value: p! });
      }
      // The figure as exported is no new report.
      else if (p !== m.progress) progressGiven = p;
    }
    const text = has('text') ? cell('text').trim() : '';
    if (text.length > maxTextLength) problem('text', 'validation.too_big', { max: maxTextLength });
    let reportedOn: string | null = m.reportedOn;
    if (has('reportedOn')) {
      const d = parseDate(cell('reportedOn'));
      if (d === undefined) problem('reportedOn', 'validation.date');
      else if (d && d > today) problem('reportedOn', 'bulk_status.error.date_in_future', { date: germanDate(d) });
      else if (d) reportedOn = d;
    }
    let isPublic = m.isPublic;
    if (has('isPublic')) {
      const b = parseYesNo(cell('isPublic'));
      if (b === undefined) problem('isPublic', 'bulk_status.error.yes_no', { value: cell('isPublic').trim() });
      else isPublic = b;
    }

    const changed: StatusChange['changed'] = [];
    if (status !== m.status) changed.push('status');
    if (progressGiven !== null && progressGiven !== m.progress) changed.push('progress');
    const known = has('text') && text !== '' ? (reported.get(m.measureId) ?? []).find((u) => sameText(u.text, text)) : undefined;
    if (has('text') && text !== '' && !sameText(text, m.text)) {
      // A text some earlier report already has is no new Sachstand (e.g. the same file uploaded again).
      if (known) ignore('text', 'bulk_status.ignored.text_known', { date: germanDate(known.reportedOn) });
      else changed.push('text');
    }

    if (changed.length === 0) {
      if (rowProblems.length === 0) {
        plan.unchanged += 1;
        // A new date or visibility alone records nothing: there is no new Sachstand to date or show.
        if (reportedOn !== m.reportedOn) ignore('reportedOn', 'bulk_status.ignored.date_only');
        if (isPublic !== m.isPublic) ignore('isPublic', 'bulk_status.ignored.public_only');
      }
      problems.push(...rowProblems);
      continue;
    }
    if (!canRecordUpdate(user, { tenantId, leadActorId: m.leadActorId, partnerActorIds: m.partnerActorIds })) {
      problem('number', 'bulk_status.error.not_allowed', { number });
    }
    problems.push(...rowProblems);
    if (rowProblems.length) continue;

    const progress = resolveProgress(progressGiven, rules[status], m.progress).progress;
    const textGenerated = !changed.includes('text');
    const summary = [
      changed.includes('status') ? t('bulk_status.generated.status', { from: statusLabels[m.status], to: statusLabels[status] }) : '',
      progress !== (m.progress ?? null) ? t('bulk_status.generated.progress', { from: m.progress == null ? '–' : `${m.progress} %`, to: `${progress} %` }) : '',
    ].filter(Boolean);
    plan.changes.push({
      row,
      measureId: m.measureId,
      number: m.number,
      title: m.title,
      version: m.version,
      before: { status: m.status, progress: m.progress, text: m.text, reportedOn: m.reportedOn, isPublic: m.isPublic },
      after: {
        status,
        progressGiven,
        progress,
        text: textGenerated ? t('bulk_status.generated.text', { changes: summary.join('; ') || t('bulk_status.generated.confirmed') }) : text,
        textGenerated,
        reportedOn: reportedOn !== m.reportedOn && reportedOn ? reportedOn : undefined,
        backdated: !!(reportedOn && m.reportedOn && reportedOn < m.reportedOn),
        isPublic,
      },
      changed,
    });
  }
  return plan;
}
