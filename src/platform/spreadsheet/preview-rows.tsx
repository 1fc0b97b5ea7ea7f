import type { T } from '../i18n/i18n.js';

/**
 * How many rows an import preview lists per table: a good file of 5,000 rows rendered every row
 * (a 5,000-row table of new measures, or 5,000 tables of changes: megabytes of HTML). The counts
 * above the tables stay complete, the confirmation applies every row, and the problems of a
 * file are listed by ProblemsTable with its own limit.
 */
export const maxPreviewRows = 200;

/** The rows a preview table lists and how many it leaves out. */
export function previewRows<R>(rows: readonly R[]): { shown: R[]; more: number } {
  return { shown: rows.slice(0, maxPreviewRows), more: Math.max(0, rows.length - maxPreviewRows) };
}

/** "… und N weitere Zeilen": below a preview table that leaves rows out. */
export function MoreRows(p: { t: T; shown: number; more: number }) {
  if (p.more <= 0) return null;
  return (
    <p class="kern-body" data-more-rows={p.more}>
      {p.t('spreadsheet.preview.more_rows', { count: p.more, shown: p.shown })}
    </p>
  );
}
