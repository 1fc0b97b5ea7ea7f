import type { FieldError } from '../../../../platform/errors.js';
import type { Ctx } from '../../../../platform/http/env.js';
import { Button, Csrf, ErrorSummary, FileField, acceptSpreadsheets, emptyForm } from '../../../../platform/ui/form.js';
import type { T } from '../../../../platform/i18n/i18n.js';
import { NumberFormatField } from '../../../../platform/spreadsheet/number-format-field.js';
import type { NumberFormat } from '../../../../platform/spreadsheet/numbers.js';
import type { Edition } from '../../../concepts/index.js';
import { appBase, AppPage } from '../../../../platform/ui/app-shell.js';
import type { Tenant } from '../../../../platform/tenancy/service.js';
import { columns, requiredColumns } from '../columns.js';
import type { ImportProblem } from '../../../../platform/spreadsheet/problems.js';
import { ProblemsTable } from '../../../../platform/spreadsheet/problems-table.js';
import { spreadsheetHint } from '../../../../platform/spreadsheet/upload.js';
import { ColumnsTable } from '../../../../platform/spreadsheet/columns-table.js';

export const editionPath = (tenant: Tenant, edition: Pick<Edition, 'id'>) => `${appBase(tenant)}/fassungen/${edition.id}`;


/** The upload form with what the table must look like; after a refused file, every problem in it. */
export function UploadPage(p: { c: Ctx; tenant: Tenant; edition: Edition; problems?: ImportProblem[]; fileError?: FieldError; numberFormat?: NumberFormat }) {
  const t = p.c.get('t');
  const base = editionPath(p.tenant, p.edition);
  const problems = p.problems ?? [];
  const fileOnly = problems.length > 0 && problems.every((x) => x.row === null);
  const summary: FieldError[] = p.fileError
    ? [p.fileError]
    : fileOnly
      ? problems.map((x) => ({ field: 'datei', messageKey: x.messageKey, params: x.params }))
      : problems.length
        ? [{ field: 'fehlerliste', messageKey: 'spreadsheet.problems.summary', params: { count: problems.length } }]
        : [];
  return (
    <AppPage c={p.c} tenant={p.tenant} title={t('transfer.upload.title')} section="editions">
      <p>
        <a href={base}>{t('transfer.back_to_edition', { title: p.edition.title })}</a>
      </p>
      <h1 class="kern-heading-large">{t('transfer.upload.title')}</h1>
      <p class="kern-body">{t('transfer.upload.intro', { title: p.edition.title })}</p>
      {summary.length ? (
        <>
          <ErrorSummary t={t} errors={summary} labels={{}} />
          <p class="kern-body">{t('error.import_rejected')}</p>
        </>
      ) : null}
      {fileOnly ? null : <ProblemsTable t={t} problems={problems} />}

      <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="stack">
        <Csrf token={p.c.get('csrfToken')} />
        <FileField
          t={t}
          accept={acceptSpreadsheets}
          required
          name="datei"
          label={t('transfer.upload.file_label')}
          hint={spreadsheetHint(t)}
          error={p.fileError ? t(p.fileError.messageKey, p.fileError.params) : fileOnly ? problems.map((x) => t(x.messageKey, x.params)).join(' ') : undefined}
        />
        <NumberFormatField t={t} value={p.numberFormat} />
        <Button>{t('transfer.upload.submit')}</Button>
      </form>

      <h2 class="kern-heading-medium">{t('transfer.upload.format_title')}</h2>
      <ul>
        <li>{t('transfer.upload.format_rows')}</li>
        <li>{t('transfer.upload.format_upsert')}</li>
        <li>{t('transfer.upload.format_lists')}</li>
        <li>{t('transfer.upload.format_all_or_nothing')}</li>
        <li>
          {t('transfer.upload.format_template')} <a href={`${base}/export.xlsx`}>{t('transfer.export.xlsx')}</a>,{' '}
          <a href={`${base}/export.csv`}>{t('transfer.export.csv')}</a>
        </li>
      </ul>
      <ColumnsTable t={t} caption={t('transfer.columns.caption')} columns={columns} required={requiredColumns} describe={(key) => t(`transfer.column.${key}`)} />
    </AppPage>
  );
}
