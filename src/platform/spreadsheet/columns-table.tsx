import type { T } from '../i18n/i18n.js';
import type { ColumnSpec } from './headings.js';

/**
 * "So muss die Tabelle aussehen": every column an import reads, the other headings it recognises
 * and what belongs in it — the same table on every upload page (records, measures, Sachstände,
 * Messwerte).
 */
export function ColumnsTable<K extends string>(p: { t: T; caption: string; columns: readonly ColumnSpec<K>[]; required?: readonly string[]; describe: (key: K) => string }) {
  const { t } = p;
  return (
    <div class="table-scroll">
      <table class="kern-table data-table">
        <caption class="kern-title">{p.caption}</caption>
        <thead>
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">{t('spreadsheet.columns.heading')}</th>
            <th scope="col" class="kern-table__header">{t('spreadsheet.columns.aliases')}</th>
            <th scope="col" class="kern-table__header">{t('spreadsheet.columns.content')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {p.columns.map((col) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__header">
                {col.heading}
                {p.required?.includes(col.key) ? ` ${t('spreadsheet.columns.required')}` : ''}
              </th>
              <td class="kern-table__cell">{col.aliases.join(', ')}</td>
              <td class="kern-table__cell">{p.describe(col.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
