import type { FieldError } from '../../../../platform/errors.js';
import type { Ctx } from '../../../../platform/http/env.js';
import { Button, Csrf, ErrorSummary, FileField, acceptSpreadsheets } from '../../../../platform/ui/form.js';
import type { Edition } from '../../../concepts/index.js';
import type { ImportProblem } from '../../../../platform/spreadsheet/problems.js';
import { ProblemsTable } from '../../../../platform/spreadsheet/problems-table.js';
import { spreadsheetHint } from '../../../../platform/spreadsheet/upload.js';
import { ColumnsTable } from '../../../../platform/spreadsheet/columns-table.js';
import { editionPath } from '../../../measures/index.js';
import { AppPage } from '../../../../platform/ui/app-shell.js';
import type { Tenant } from '../../../../platform/tenancy/service.js';
import { statusColumns } from '../columns.js';

export const statusImportPath = (tenant: Tenant, edition: Pick<Edition, 'id'>) => `${editionPath(tenant, edition)}/sachstand/import`;
export const statusExportPath = (tenant: Tenant, edition: Pick<Edition, 'id'>) => `${editionPath(tenant, edition)}/sachstand.xlsx`;

/** The upload form of the status table; after a refused file, every problem in it. */
export function StatusUploadPage(p: { c: Ctx; tenant: Tenant; edition: Edition; problems?: ImportProblem[]; fileError?: FieldError }) {
  const t = p.c.get('t');
  const problems = p.problems ?? [];
  const fileOnly = problems.length > 0 && problems.every((x) => x.row === null);
  const summary: FieldError[] = p.fileError
    ? [p.fileError]
    : fileOnly
      ? problems.map((x) => ({ field: 'datei', messageKey: x.messageKey, params: x.params }))
      : problems.length
        ? [{ field: 'fehlerliste', messageKey: 'spreadsheet.problems.summary', params: { count: problems.length } }]
        : [];
  const fileErrorText = p.fileError ? t(p.fileError.messageKey, p.fileError.params) : fileOnly ? problems.map((x) => t(x.messageKey, x.params)).join(' ') : undefined;
  return (
    <AppPage c={p.c} tenant={p.tenant} title={t('bulk_status.upload.title')} section="editions">
      <p>
        <a href={editionPath(p.tenant, p.edition)}>{t('transfer.back_to_edition', { title: p.edition.title })}</a>
      </p>
      <h1 class="kern-heading-large">{t('bulk_status.upload.title')}</h1>
      <p class="kern-body">{t('bulk_status.upload.intro', { title: p.edition.title })}</p>
      {summary.length ? (
        <>
          <ErrorSummary t={t} errors={summary} labels={{}} />
          <p class="kern-body">{t('error.import_rejected')}</p>
        </>
      ) : null}
      {fileOnly ? null : <ProblemsTable t={t} problems={problems} />}

      <ol>
        <li>
          {t('bulk_status.upload.step_download')} <a href={statusExportPath(p.tenant, p.edition)}>{t('bulk_status.export.link')}</a>
        </li>
        <li>{t('bulk_status.upload.step_edit')}</li>
        <li>{t('bulk_status.upload.step_upload')}</li>
      </ol>

      <form method="post" action={statusImportPath(p.tenant, p.edition)} enctype="multipart/form-data" class="stack">
        <Csrf token={p.c.get('csrfToken')} />
        <FileField t={t} accept={acceptSpreadsheets} required name="datei" label={t('bulk_status.upload.file_label')} hint={spreadsheetHint(t)} error={fileErrorText} />
        <Button>{t('transfer.upload.submit')}</Button>
      </form>

      <h2 class="kern-heading-medium">{t('bulk_status.upload.format_title')}</h2>
      <ul>
        <li>{t('bulk_status.upload.format_match')}</li>
        <li>{t('bulk_status.upload.format_changes')}</li>
        <li>{t('bulk_status.upload.format_text')}</li>
        <li>{t('bulk_status.upload.format_rights')}</li>
        <li>{t('bulk_status.upload.format_all_or_nothing')}</li>
      </ul>
      <ColumnsTable t={t} caption={t('bulk_status.columns.caption')} columns={statusColumns} describe={(key) => t(`bulk_status.column.${key}`)} />
    </AppPage>
  );
}
