import type { FieldError } from '../../../platform/errors.js';
import type { T } from '../../../platform/i18n/i18n.js';
import { Button, Csrf, ErrorSummary, FileField, acceptSpreadsheets } from '../../../platform/ui/form.js';
import type { Edition } from '../../concepts/index.js';
import { NumberFormatField } from '../../../platform/spreadsheet/number-format-field.js';
import type { NumberFormat } from '../../../platform/spreadsheet/numbers.js';
import type { ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { ProblemsTable } from '../../../platform/spreadsheet/problems-table.js';
import { spreadsheetHint } from '../../../platform/spreadsheet/upload.js';
import { ColumnsTable } from '../../../platform/spreadsheet/columns-table.js';
import { valueColumns } from '../import.js';
import type { Indicator } from '../service.js';
import { percentRangeImportMessage } from '../percent.js';
import { ConfirmOutOfRange } from './form-page.js';


/** Upload form, the expected columns, the indicators (with ids) the user may report on; after a refused file every problem. */
export function ImportPage(p: { t: T; base: string; csrfToken: string; edition: Edition; indicators: Indicator[]; problems?: ImportProblem[]; fileError?: FieldError; numberFormat?: NumberFormat; confirmOutOfRange?: boolean }) {
  const { t } = p;
  const eBase = `${p.base}/fassungen/${p.edition.id}`;
  const problems = p.problems ?? [];
  const fileOnly = problems.length > 0 && problems.every((x) => x.row === null);
  const summary: FieldError[] = p.fileError
    ? [p.fileError]
    : fileOnly
      ? problems.map((x) => ({ field: 'datei', messageKey: x.messageKey, params: x.params }))
      : problems.length
        ? [{ field: 'fehlerliste', messageKey: 'spreadsheet.problems.summary', params: { count: problems.length } }]
        : [];
  const fileError = p.fileError ? t(p.fileError.messageKey, p.fileError.params) : fileOnly ? problems.map((x) => t(x.messageKey, x.params)).join(' ') : undefined;
  return (
    <div class="stack">
      <p class="muted">
        <a href={eBase}>{p.edition.title}</a> · <a href={`${eBase}/indikatoren`}>{t('indicators.list.title')}</a>
      </p>
      <h1 class="kern-heading-large">{t('indicators.import.title')}</h1>
      <p>{t('indicators.import.intro', { title: p.edition.title })}</p>
      {summary.length ? (
        <>
          <ErrorSummary t={t} errors={summary} labels={{}} />
          <p>{t('error.import_rejected')}</p>
        </>
      ) : null}
      {fileOnly ? null : <ProblemsTable t={t} problems={problems} />}
      <form method="post" action={`${eBase}/indikatoren/import`} enctype="multipart/form-data" class="stack">
        <Csrf token={p.csrfToken} />
        <FileField t={t} accept={acceptSpreadsheets} required name="datei" label={t('indicators.import.file_label')} hint={spreadsheetHint(t)} error={fileError} />
        <NumberFormatField t={t} value={p.numberFormat} />
        <ConfirmOutOfRange
          t={t}
          asked={problems.some((x) => x.messageKey === percentRangeImportMessage)}
          checked={p.confirmOutOfRange === true}
          label={t('indicators.import.out_of_range_confirm')}
        />
        <div>
          <Button>{t('indicators.import.submit')}</Button>
        </div>
      </form>

      <h2 class="kern-heading-medium">{t('indicators.import.format_title')}</h2>
      <ul>
        <li>{t('indicators.import.format_rows')}</li>
        <li>{t('indicators.import.format_numbers')}</li>
        <li>{t('indicators.import.format_replace')}</li>
        <li>{t('transfer.upload.format_all_or_nothing')}</li>
        <li>
          {t('indicators.import.format_template')} <a href={`${eBase}/indikatoren/werte.csv`}>{t('indicators.list.download_csv')}</a>
        </li>
      </ul>
      <ColumnsTable t={t} caption={t('indicators.import.columns_caption')} columns={valueColumns} describe={(key) => t(`indicators.import.column.${key}`)} />

      <h2 class="kern-heading-medium">{t('indicators.import.indicators_title')}</h2>
      {p.indicators.length ? (
        <div class="table-scroll">
          <table class="data-table">
            <caption class="visually-hidden">{t('indicators.import.indicators_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.list.indicator')}</th>
                <th scope="col">{t('indicators.id')}</th>
                <th scope="col">{t('indicator.fact.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((i) => (
                <tr>
                  <th scope="row">{i.name}</th>
                  <td>
                    <code>{i.id}</code>
                  </td>
                  <td>{i.unit || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('indicators.import.no_indicators')}</p>
      )}
    </div>
  );
}
