import type { T } from '../i18n/i18n.js';
import { groupedProblems, rowRuns, type ImportProblem, type ProblemGroup } from './problems.js';

/**
 * How many lines the table lists: a file of thousands of wrong rows would otherwise render a
 * page of thousands of rows. The count says how many more there are; the same mistake usually
 * repeats, so fixing the ones shown and uploading again finds the rest.
 */
export const maxShownProblems = 200;

/**
 * The problems of a refused file: row and column as Excel shows them, and what is wrong. The same
 * mistake in many rows (a value the Kommune does not know, repeated down a column) is one line
 * naming its rows; the first maxShownProblems lines are listed.
 */
export function ProblemsTable(p: { t: T; problems: ImportProblem[]; id?: string }) {
  if (p.problems.length === 0) return null;
  const lines = groupedProblems(p.problems).slice(0, maxShownProblems);
  const listed = lines.reduce((n, g) => n + Math.max(g.rows.length, 1), 0);
  const more = p.problems.length - listed;
  return (
    <div class="table-scroll" id={p.id ?? 'f-fehlerliste'} tabindex={-1}>
      <table class="kern-table data-table">
        <caption class="kern-title">{p.t('spreadsheet.problems.caption', { count: p.problems.length })}</caption>
        <thead>
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header kern-table__header--numeric">
              {p.t('spreadsheet.problems.row')}
            </th>
            <th scope="col" class="kern-table__header">
              {p.t('spreadsheet.problems.column')}
            </th>
            <th scope="col" class="kern-table__header">
              {p.t('spreadsheet.problems.reason')}
            </th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {lines.map((g) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__header kern-table__header--numeric">
                <Rows t={p.t} group={g} />
              </th>
              <td class="kern-table__cell">{g.problem.column ?? '–'}</td>
              <td class="kern-table__cell">{p.t(g.problem.messageKey, g.problem.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? (
        <p class="kern-body" data-more-problems={more}>
          {p.t('spreadsheet.problems.more', { shown: listed, count: more })}
        </p>
      ) : null}
    </div>
  );
}

/** One row's number, or a group's runs of rows and how many rows it names. */
function Rows(p: { t: T; group: ProblemGroup }) {
  const { rows } = p.group;
  if (rows.length === 0) return <>–</>;
  if (rows.length === 1) return <>{rows[0]}</>;
  const { runs, moreRows } = rowRuns(rows);
  return (
    <>
      {runs.join(', ')}
      {moreRows > 0 ? ` ${p.t('spreadsheet.problems.rows_more', { count: moreRows })}` : ''} {p.t('spreadsheet.problems.row_count', { count: rows.length })}
    </>
  );
}
