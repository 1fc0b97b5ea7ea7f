import type { T } from '../i18n/i18n.js';
import type { ImportProblem } from './problems.js';

/**
 * How many problems the table lists: a file of thousands of wrong rows would otherwise render a
 * page of thousands of rows. The count says how many more there are; the same mistake usually
 * repeats, so fixing the ones shown and uploading again finds the rest.
 */
export const maxShownProblems = 200;

/** The problems of a refused file: row and column as Excel shows them, and what is wrong (the first maxShownProblems). */
export function ProblemsTable(p: { t: T; problems: ImportProblem[]; id?: string }) {
  if (p.problems.length === 0) return null;
  const shown = p.problems.slice(0, maxShownProblems);
  const more = p.problems.length - shown.length;
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
          {shown.map((x) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__header kern-table__header--numeric">
                {x.row ?? '–'}
              </th>
              <td class="kern-table__cell">{x.column ?? '–'}</td>
              <td class="kern-table__cell">{p.t(x.messageKey, x.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more > 0 ? (
        <p class="kern-body" data-more-problems={more}>
          {p.t('spreadsheet.problems.more', { shown: shown.length, count: more })}
        </p>
      ) : null}
    </div>
  );
}
