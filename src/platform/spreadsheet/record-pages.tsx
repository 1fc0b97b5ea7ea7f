import type { Child } from 'hono/jsx';
import type { FieldError } from '../errors.js';
import type { Ctx } from '../http/env.js';
import type { T } from '../i18n/i18n.js';
import type { Tenant } from '../tenancy/service.js';
import { AppPage } from '../ui/app-shell.js';
import { Button, ButtonLink, Csrf, ErrorSummary, FileField, SelectField, acceptSpreadsheets, emptyForm } from '../ui/form.js';
import { mappingFieldName, type UnknownHeading } from './headings.js';
import { MoreRows, previewRows } from './preview-rows.js';
import type { ImportProblem } from './problems.js';
import { ColumnsTable } from './columns-table.js';
import { ProblemsTable } from './problems-table.js';
import type { CellChange, RecordColumn, RecordPlan } from './records.js';
import { spreadsheetHint, type UploadedFile } from './upload.js';

/**
 * The pages of a directory import (actors, offers): upload with the format, the problems of a
 * refused file, the preview with old → new and the choice of columns for unknown headings. The
 * file travels between the steps in a hidden field; the server keeps nothing in between.
 */
export interface RecordImportPaths {
  /** Upload and preview (POST). */
  upload: string;
  confirm: string;
  back: string;
  backLabel: string;
  exportXlsx: string;
  exportCsv: string;
  /** The import of a related table (the actors' beside their contact persons'). */
  related?: { href: string; label: string };
}

export interface RecordImportText {
  title: string;
  intro: string;
  section: string;
}

const kept = (file: UploadedFile) => ({ name: file.name, base64: Buffer.from(file.bytes).toString('base64') });

function KeptFile(p: { file: UploadedFile }) {
  const f = kept(p.file);
  return (
    <>
      <input type="hidden" name="dateiname" value={f.name} />
      <input type="hidden" name="inhalt" value={f.base64} />
    </>
  );
}

/** A further sheet of the file the import reads too, by its name (e.g. "Ansprechpersonen"), with its columns. */
export interface FurtherSheet {
  sheet: string;
  columns: readonly RecordColumn[];
}

/** The headings ikon did not know on one sheet: the first (no `sheet`) or a further one, whose mapping fields carry its name. */
export interface HeadingGroup {
  sheet?: string;
  unknown: UnknownHeading[];
  columns: readonly RecordColumn[];
}

/** The unknown headings of a plan, per sheet (the further sheet's only when it was read). */
export function headingGroups(plan: Pick<RecordPlan<string, unknown, unknown>, 'unknown' | 'further'>, columns: readonly RecordColumn[], further?: FurtherSheet): HeadingGroup[] {
  const groups: HeadingGroup[] = [{ unknown: plan.unknown, columns }];
  if (further && plan.further) groups.push({ sheet: further.sheet, unknown: plan.further.unknown, columns: further.columns });
  return groups.filter((g) => g.unknown.length > 0);
}

/** The choices already made, to send along with the next step. */
function MappedFields(p: { groups: HeadingGroup[] }) {
  return <>{p.groups.flatMap((g) => g.unknown.filter((u) => u.mappedTo).map((u) => <input type="hidden" name={mappingFieldName(u.index, g.sheet)} value={u.mappedTo} />))}</>;
}

/** A choice per heading ikon does not know (per sheet of the file): which column it is, or leave it aside; sent back to the preview step. */
export function ColumnMappingForm(p: { c: Ctx; action: string; file: UploadedFile; groups: HeadingGroup[] }) {
  const t = p.c.get('t');
  if (p.groups.length === 0) return null;
  const choices = (g: HeadingGroup) =>
    g.unknown.map((u) => (
      <SelectField
        t={t}
        form={emptyForm({ [mappingFieldName(u.index, g.sheet)]: u.mappedTo ?? '' })}
        name={mappingFieldName(u.index, g.sheet)}
        label={t('spreadsheet.mapping.heading', { heading: u.heading })}
        emptyLabel={t('spreadsheet.mapping.ignore')}
        options={g.columns.map((c) => ({ value: c.key, label: c.heading }))}
      />
    ));
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class="stack" id="spalten-zuordnen">
      <h2 class="kern-heading-medium">{t('spreadsheet.mapping.title')}</h2>
      <p class="kern-body">{t('spreadsheet.mapping.intro')}</p>
      <Csrf token={p.c.get('csrfToken')} />
      <KeptFile file={p.file} />
      {p.groups.map((g) =>
        g.sheet ? (
          <fieldset class="kern-fieldset stack">
            <legend class="kern-label">{t('spreadsheet.mapping.sheet', { sheet: g.sheet })}</legend>
            {choices(g)}
          </fieldset>
        ) : (
          choices(g)
        ),
      )}
      <Button variant="secondary">{t('spreadsheet.mapping.submit')}</Button>
    </form>
  );
}

/** The upload form; after a refused file its problems (and, when headings were unknown, the choice of columns). */
export function RecordUploadPage(p: {
  c: Ctx; tenant: Tenant; text: RecordImportText; paths: RecordImportPaths; columns: readonly RecordColumn[]; required: readonly string[];
  describe: (key: string) => string; problems?: ImportProblem[]; fileError?: FieldError; retry?: { file: UploadedFile; groups: HeadingGroup[] };
}) {
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
  return (
    <AppPage c={p.c} tenant={p.tenant} title={p.text.title} section={p.text.section}>
      <p>
        <a href={p.paths.back}>{p.paths.backLabel}</a>
      </p>
      <h1 class="kern-heading-large">{p.text.title}</h1>
      <p class="kern-body">{p.text.intro}</p>
      {p.paths.related ? (
        <p class="kern-body">
          <a href={p.paths.related.href}>{p.paths.related.label}</a>
        </p>
      ) : null}
      {summary.length ? (
        <>
          <ErrorSummary t={t} errors={summary} labels={{}} />
          <p class="kern-body">{t('error.import_rejected')}</p>
        </>
      ) : null}
      {fileOnly ? null : <ProblemsTable t={t} problems={problems} />}
      {p.retry ? <ColumnMappingForm c={p.c} action={p.paths.upload} file={p.retry.file} groups={p.retry.groups} /> : null}

      <form method="post" action={p.paths.upload} enctype="multipart/form-data" class="stack">
        <Csrf token={p.c.get('csrfToken')} />
        <FileField
          t={t}
          accept={acceptSpreadsheets}
          required
          name="datei"
          label={t('spreadsheet.upload.file_label')}
          hint={spreadsheetHint(t)}
          error={p.fileError ? t(p.fileError.messageKey, p.fileError.params) : fileOnly ? problems.map((x) => t(x.messageKey, x.params)).join(' ') : undefined}
        />
        <Button>{t('spreadsheet.upload.submit')}</Button>
      </form>

      <h2 class="kern-heading-medium">{t('spreadsheet.upload.format_title')}</h2>
      <ul>
        <li>{t('spreadsheet.upload.format_rows')}</li>
        <li>{t('spreadsheet.upload.format_match')}</li>
        <li>{t('spreadsheet.upload.format_all_or_nothing')}</li>
        <li>
          {t('spreadsheet.upload.format_template')} <a href={p.paths.exportXlsx}>{t('spreadsheet.export.xlsx')}</a>, <a href={p.paths.exportCsv}>{t('spreadsheet.export.csv')}</a>
        </li>
      </ul>
      <ColumnsTable t={t} caption={t('spreadsheet.columns.caption')} columns={p.columns} required={p.required} describe={p.describe} />
    </AppPage>
  );
}

/** What the import would do: counts, new records, every changed cell old → new; confirm or map columns. */
export function RecordPreviewPage<K extends string, D, E>(p: {
  c: Ctx; tenant: Tenant; text: RecordImportText; paths: RecordImportPaths; columns: readonly RecordColumn[]; further?: FurtherSheet; plan: RecordPlan<K, D, E>; file: UploadedFile; extra?: Child;
}) {
  const t = p.c.get('t');
  const { plan } = p;
  const anything = plan.counts.created + plan.counts.updated + (plan.further?.changes ?? 0) > 0;
  const created = previewRows(plan.rows.filter((r) => r.action === 'create'));
  const updated = previewRows(plan.rows.filter((r) => r.action === 'update'));
  const groups = headingGroups(plan, p.columns, p.further);
  return (
    <AppPage c={p.c} tenant={p.tenant} title={t('spreadsheet.preview.title')} section={p.text.section}>
      <p>
        <a href={p.paths.back}>{p.paths.backLabel}</a>
      </p>
      <h1 class="kern-heading-large">{t('spreadsheet.preview.title')}</h1>
      <p class="kern-body">{t('spreadsheet.preview.intro', { file: p.file.name })}</p>
      <dl class="kern-description-list">
        {(['created', 'updated', 'unchanged'] as const).map((k) => (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t(`spreadsheet.preview.${k}`)}</dt>
            <dd class="kern-description-list-item__value" data-count={k}>
              {plan.counts[k]}
            </dd>
          </div>
        ))}
      </dl>
      {groups.map((g) => {
        const ignored = g.unknown.filter((u) => !u.mappedTo).map((u) => u.heading).join(', ');
        if (!ignored) return null;
        return <p class="kern-body" data-ignored>{g.sheet ? t('spreadsheet.preview.ignored_in_sheet', { sheet: g.sheet, headings: ignored }) : t('spreadsheet.preview.ignored', { headings: ignored })}</p>;
      })}
      {p.extra}
      {created.shown.length ? (
        <div class="table-scroll">
          <table class="kern-table data-table" data-list="created">
            <caption class="kern-title">{t('spreadsheet.preview.created_caption')}</caption>
            <thead>
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header kern-table__header--numeric">{t('spreadsheet.problems.row')}</th>
                <th scope="col" class="kern-table__header">{t('spreadsheet.preview.name')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {created.shown.map((r) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell kern-table__cell--numeric">{r.row}</td>
                  <th scope="row" class="kern-table__header">{r.label}</th>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreRows t={t} shown={created.shown.length} more={created.more} />
        </div>
      ) : null}
      {updated.shown.length ? (
        <>
          <h2 class="kern-heading-medium">{t('spreadsheet.preview.updated_caption')}</h2>
          {updated.shown.map((r) => (
            <ChangesTable t={t} row={r.row} label={r.label} changes={r.changes} />
          ))}
          <MoreRows t={t} shown={updated.shown.length} more={updated.more} />
        </>
      ) : null}
      {anything ? (
        <form method="post" action={p.paths.confirm} enctype="multipart/form-data" class="stack">
          <Csrf token={p.c.get('csrfToken')} />
          <KeptFile file={p.file} />
          <MappedFields groups={groups} />
          <div class="inline-form">
            <Button>{t('spreadsheet.preview.confirm')}</Button>
            <ButtonLink href={p.paths.upload}>{t('form.cancel')}</ButtonLink>
          </div>
        </form>
      ) : (
        <>
          <p class="kern-body">{t('spreadsheet.preview.nothing')}</p>
          <ButtonLink href={p.paths.back}>{p.paths.backLabel}</ButtonLink>
        </>
      )}
      <ColumnMappingForm c={p.c} action={p.paths.upload} file={p.file} groups={groups} />
    </AppPage>
  );
}

/** One updated record: every changed cell with its value before and after. */
export function ChangesTable(p: { t: T; row: number; label: string; changes: CellChange[] }) {
  const { t } = p;
  const shown = (v: string) => v || t('spreadsheet.preview.empty_value');
  return (
    <div class="table-scroll" data-changes={p.label}>
      <table class="kern-table data-table">
        <caption class="kern-title">{t('spreadsheet.preview.change_caption', { row: p.row, name: p.label })}</caption>
        <thead>
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">{t('spreadsheet.problems.column')}</th>
            <th scope="col" class="kern-table__header">{t('spreadsheet.preview.before')}</th>
            <th scope="col" class="kern-table__header">{t('spreadsheet.preview.after')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {p.changes.map((ch) => (
            <tr class="kern-table__row" data-column={ch.key}>
              <th scope="row" class="kern-table__header">{ch.column}</th>
              <td class="kern-table__cell">{shown(ch.before)}</td>
              <td class="kern-table__cell">{shown(ch.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
