import type { Ctx } from '../../../../platform/http/env.js';
import { formatDate, type T } from '../../../../platform/i18n/i18n.js';
import { Button, ButtonLink, Csrf } from '../../../../platform/ui/form.js';
import { DataTable } from '../../../../platform/ui/components.js';
import type { Edition } from '../../../concepts/index.js';
import { editionPath } from '../../../measures/index.js';
import { AppPage } from '../../../../platform/ui/app-shell.js';
import { MoreRows, previewRows } from '../../../../platform/spreadsheet/preview-rows.js';
import type { Tenant } from '../../../../platform/tenancy/service.js';
import { yesNo } from '../columns.js';
import type { StatusPlan } from '../plan.js';
import { statusImportPath } from './upload-page.js';

export interface KeptFile {
  name: string;
  base64: string;
}

/** "alt → neu" with the words a screen reader needs; unchanged values once. */
function Change(p: { t: T; before: string; after: string }) {
  if (p.before === p.after) return <>{p.after}</>;
  return (
    <>
      <span class="visually-hidden">{p.t('bulk_status.preview.before')} </span>
      <span class="diff-before">{p.before || '–'}</span> <span aria-hidden="true">→</span>
      <span class="visually-hidden"> {p.t('bulk_status.preview.after')}</span> <span class="diff-after">{p.after || '–'}</span>
    </>
  );
}

const percent = (n: number | null) => (n == null ? '–' : `${n} %`);
const short = (s: string, max = 280) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * What the import would record, row by row (old → new), and what it leaves aside. The file
 * travels back with the confirmation; the measure versions shown here go with it.
 */
export function StatusPreviewPage(p: { c: Ctx; tenant: Tenant; edition: Edition; plan: StatusPlan; file: KeptFile; today: string }) {
  const t = p.c.get('t');
  const { plan } = p;
  const back = editionPath(p.tenant, p.edition);
  const versions = JSON.stringify(Object.fromEntries(plan.changes.map((c) => [c.measureId, c.version])));
  const status = (s: string) => t(`measure_status.${s}`);
  const date = (iso: string | null | undefined) => formatDate('de', iso);
  const changes = previewRows(plan.changes);
  const ignored = previewRows(plan.ignored);
  return (
    <AppPage c={p.c} tenant={p.tenant} title={t('bulk_status.preview.title')} section="editions">
      <p>
        <a href={back}>{t('transfer.back_to_edition', { title: p.edition.title })}</a>
      </p>
      <h1 class="kern-heading-large">{t('bulk_status.preview.title')}</h1>
      <p class="kern-body">{t('bulk_status.preview.intro', { file: p.file.name, title: p.edition.title })}</p>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('bulk_status.preview.changed')}</dt>
          <dd class="kern-description-list-item__value" data-count="changed">
            {plan.changes.length}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('bulk_status.preview.unchanged')}</dt>
          <dd class="kern-description-list-item__value" data-count="unchanged">
            {plan.unchanged}
          </dd>
        </div>
      </dl>
      {plan.ignoredHeadings.length ? <p class="kern-body">{t('transfer.preview.ignored', { headings: plan.ignoredHeadings.join(', ') })}</p> : null}

      {plan.changes.length ? (
        <>
          <DataTable
            showCaption
            caption={t('bulk_status.preview.changes_caption', { count: plan.changes.length })}
            headers={[t('spreadsheet.problems.row'), t('measure.number'), t('bulk_status.preview.measure'), t('measure.status'), t('bulk_status.preview.progress'), t('bulk_status.preview.text'), t('bulk_status.preview.date'), t('bulk_status.preview.public')]}
          >
            {changes.shown.map((c) => (
              <tr class="kern-table__row" data-change={c.number}>
                <td class="kern-table__cell">{c.row}</td>
                <th scope="row" class="kern-table__header">
                  {c.number}
                </th>
                <td class="kern-table__cell">{c.title}</td>
                <td class="kern-table__cell">
                  <Change t={t} before={status(c.before.status)} after={status(c.after.status)} />
                </td>
                <td class="kern-table__cell">
                  <Change t={t} before={percent(c.before.progress)} after={percent(c.after.progress)} />
                </td>
                <td class="kern-table__cell">
                  {short(c.after.text)}
                  {c.after.textGenerated ? <span class="muted"> {t('bulk_status.preview.text_generated')}</span> : null}
                </td>
                <td class="kern-table__cell" data-backdated={c.after.backdated ? '1' : undefined}>
                  {date(c.after.reportedOn ?? p.today)}
                  {c.after.backdated ? <strong class="backdated"> {t('bulk_status.preview.backdated', { latest: date(c.before.reportedOn) })}</strong> : null}
                </td>
                <td class="kern-table__cell">{yesNo(c.after.isPublic)}</td>
              </tr>
            ))}
          </DataTable>
          <MoreRows t={t} shown={changes.shown.length} more={changes.more} />
        </>
      ) : null}

      {plan.ignored.length ? (
        <>
          <h2 class="kern-heading-medium">{t('bulk_status.preview.ignored_heading')}</h2>
          <p class="kern-body">{t('bulk_status.preview.ignored_intro')}</p>
          <DataTable showCaption caption={t('bulk_status.preview.ignored_caption', { count: plan.ignored.length })} headers={[t('spreadsheet.problems.row'), t('spreadsheet.problems.column'), t('bulk_status.preview.note')]}>
            {ignored.shown.map((x) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__header">
                  {x.row}
                </th>
                <td class="kern-table__cell">{x.column}</td>
                <td class="kern-table__cell">{t(x.messageKey, x.params)}</td>
              </tr>
            ))}
          </DataTable>
          <MoreRows t={t} shown={ignored.shown.length} more={ignored.more} />
        </>
      ) : null}

      {plan.changes.length ? (
        <form method="post" action={`${statusImportPath(p.tenant, p.edition)}/bestaetigen`} enctype="multipart/form-data" class="stack">
          <Csrf token={p.c.get('csrfToken')} />
          <input type="hidden" name="dateiname" value={p.file.name} />
          <input type="hidden" name="inhalt" value={p.file.base64} />
          <input type="hidden" name="versionen" value={versions} />
          <p class="kern-body">{t('bulk_status.preview.confirm_hint', { count: plan.changes.length })}</p>
          <div class="inline-form">
            <Button>{t('bulk_status.preview.confirm')}</Button>
            <ButtonLink href={statusImportPath(p.tenant, p.edition)}>{t('form.cancel')}</ButtonLink>
          </div>
        </form>
      ) : (
        <>
          <p class="kern-body" data-nothing="1">
            {t('bulk_status.preview.nothing')}
          </p>
          <ButtonLink href={back}>{t('transfer.back_to_edition', { title: p.edition.title })}</ButtonLink>
        </>
      )}
    </AppPage>
  );
}
