import type { FieldError } from '../../../../platform/errors.js';
import type { Ctx } from '../../../../platform/http/env.js';
import type { T } from '../../../../platform/i18n/i18n.js';
import { Button, ButtonLink, Csrf, ErrorSummary } from '../../../../platform/ui/form.js';
import type { Edition } from '../../../concepts/index.js';
import type { Tenant } from '../../../../platform/tenancy/service.js';
import { AppPage } from '../../../../platform/ui/app-shell.js';
import { manyNewUnconfirmed } from '../apply.js';
import type { NumberFormat } from '../../../../platform/spreadsheet/numbers.js';
import type { Plan, PlannedRow } from '../plan.js';
import type { ImportProblem } from '../../../../platform/spreadsheet/problems.js';
import { ProblemsTable } from '../../../../platform/spreadsheet/problems-table.js';
import { MoreRows, previewRows } from '../../../../platform/spreadsheet/preview-rows.js';
import { editionPath } from './upload-page.js';

export interface KeptFile {
  name: string;
  base64: string;
}

/**
 * What the import would do: counts, what would be created, which measures change. The file
 * travels back with the confirmation as a hidden field; the server keeps nothing in between.
 */
export function PreviewPage(p: { c: Ctx; tenant: Tenant; edition: Edition; plan: Plan; file: KeptFile; numberFormat?: NumberFormat; problems?: ImportProblem[] }) {
  const t = p.c.get('t');
  const base = editionPath(p.tenant, p.edition);
  const { plan } = p;
  const toCreate = plan.newActors.length + plan.newFields.length + plan.newGoals.length + plan.newTargetGroups.length;
  const anything = plan.counts.created + plan.counts.updated + toCreate > 0;
  const manyNewProblem = p.problems?.find((x) => x.messageKey === manyNewUnconfirmed);
  const missingProblems = p.problems?.filter((x) => x.unknownReference) ?? [];
  const errors: FieldError[] = [
    ...(manyNewProblem ? [{ field: 'viele_neu', messageKey: manyNewProblem.messageKey, params: manyNewProblem.params }] : []),
    ...(missingProblems.length ? [{ field: 'anlegen', messageKey: 'transfer.preview.create_missing_required' }] : []),
  ];
  const manyNewParams = { count: plan.counts.created, existing: plan.existingMeasures };
  const updated = previewRows(plan.rows.filter((r) => r.action === 'update'));
  const created = previewRows(plan.rows.filter((r) => r.action === 'create'));
  return (
    <AppPage c={p.c} tenant={p.tenant} title={t('transfer.preview.title')} section="editions">
      <p>
        <a href={base}>{t('transfer.back_to_edition', { title: p.edition.title })}</a>
      </p>
      <h1 class="kern-heading-large">{t('transfer.preview.title')}</h1>
      <ErrorSummary t={t} errors={errors} labels={{}} />
      <p class="kern-body">{t('transfer.preview.intro', { file: p.file.name, title: p.edition.title })}</p>
      {plan.manyNew ? (
        <div class="kern-alert kern-alert--warning" role="status" id="viele-neu">
          <div class="kern-alert__header">
            <h2 class="kern-title">{t('transfer.preview.many_new_title', manyNewParams)}</h2>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body">{t('transfer.preview.many_new_text', manyNewParams)}</p>
          </div>
        </div>
      ) : null}

      <h2 class="kern-heading-medium">{t('transfer.preview.changes')}</h2>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('transfer.preview.created')}</dt>
          <dd class="kern-description-list-item__value" data-count="created">{plan.counts.created}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('transfer.preview.updated')}</dt>
          <dd class="kern-description-list-item__value" data-count="updated">{plan.counts.updated}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('transfer.preview.unchanged')}</dt>
          <dd class="kern-description-list-item__value" data-count="unchanged">{plan.counts.unchanged}</dd>
        </div>
      </dl>
      {plan.ignoredHeadings.length ? <p class="kern-body">{t('transfer.preview.ignored', { headings: plan.ignoredHeadings.join(', ') })}</p> : null}
      {plan.numberFormat ? (
        <p class="kern-body" data-number-format={plan.numberFormat}>
          {t(`transfer.preview.number_format_${plan.numberFormatDecidedBy}`, { format: t(`spreadsheet.number_format.${plan.numberFormat}`) })}
        </p>
      ) : null}
      {plan.restoredNumbers.length ? (
        <p class="kern-body" data-restored-numbers={plan.restoredNumbers.length}>
          {t('transfer.preview.restored_numbers', { count: plan.restoredNumbers.length, text: plan.restoredNumbers[0]!.text, number: plan.restoredNumbers[0]!.number })}
        </p>
      ) : null}

      {toCreate ? (
        <>
          <h2 class="kern-heading-medium">{t('transfer.preview.new_references')}</h2>
          {plan.newActors.length ? (
            <>
              <h3 class="kern-heading-small">{t('transfer.preview.new_actors', { count: plan.newActors.length })}</h3>
              <ul data-list="new-actors">{plan.newActors.map((a) => <li>{a.name}</li>)}</ul>
            </>
          ) : null}
          {plan.newFields.length ? (
            <>
              <h3 class="kern-heading-small">{t('transfer.preview.new_fields', { count: plan.newFields.length })}</h3>
              <ul data-list="new-fields">
                {plan.newFields.map((f) => (
                  <li>
                    {f.title}
                    {f.crossCutting ? ` ${t('transfer.preview.cross_cutting')}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {plan.newTargetGroups.length ? (
            <>
              <h3 class="kern-heading-small">{t('transfer.preview.new_target_groups', { count: plan.newTargetGroups.length })}</h3>
              <ul data-list="new-target-groups">
                {plan.newTargetGroups.map((name) => (
                  <li>{t('transfer.preview.new_target_group', { name })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {plan.newGoals.length ? (
            <>
              <h3 class="kern-heading-small">{t('transfer.preview.new_goals', { count: plan.newGoals.length })}</h3>
              <ul data-list="new-goals">
                {plan.newGoals.map((g) => (
                  <li>{t('transfer.preview.goal_in_field', { goal: `${g.number} ${g.title}`, field: g.fieldTitle })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}

      {p.problems?.length ? <ProblemsTable t={t} problems={p.problems} id="f-probleme" /> : null}

      {created.shown.length ? (
        <>
          <RowsTable caption={t('transfer.preview.created_caption')} t={t} rows={created.shown.map((r) => ({ row: r.row, number: r.data.number, title: r.data.title, note: '' }))} />
          <MoreRows t={t} shown={created.shown.length} more={created.more} />
        </>
      ) : null}
      {updated.shown.length ? (
        <>
          <h2 class="kern-heading-medium">{t('transfer.preview.updated_caption')}</h2>
          {updated.shown.map((r) => (
            <ChangesTable t={t} row={r} />
          ))}
          <MoreRows t={t} shown={updated.shown.length} more={updated.more} />
        </>
      ) : null}

      {anything ? (
        <form method="post" action={`${base}/import/bestaetigen`} enctype="multipart/form-data" class="stack">
          <Csrf token={p.c.get('csrfToken')} />
          <input type="hidden" name="dateiname" value={p.file.name} />
          <input type="hidden" name="inhalt" value={p.file.base64} />
          {p.numberFormat ? <input type="hidden" name="zahlenformat" value={p.numberFormat} /> : null}
          {plan.manyNew ? <ConfirmCheckbox name="viele_neu" label={t('transfer.preview.many_new_confirm', manyNewParams)} invalid={!!manyNewProblem} /> : null}
          {toCreate ? (
            <ConfirmCheckbox name="anlegen" label={t('transfer.preview.create_missing')} hint={t('transfer.preview.create_missing_hint')} invalid={missingProblems.length > 0} />
          ) : null}
          <div class="inline-form">
            <Button>{t('transfer.preview.confirm')}</Button>
            <ButtonLink href={`${base}/import`}>{t('form.cancel')}</ButtonLink>
          </div>
        </form>
      ) : (
        <>
          <p class="kern-body">{t('transfer.preview.nothing')}</p>
          <ButtonLink href={base}>{t('transfer.back_to_edition', { title: p.edition.title })}</ButtonLink>
        </>
      )}
    </AppPage>
  );
}

function RowsTable(p: { t: T; caption: string; rows: { row: number; number: string; title: string; note: string }[]; noteHeading?: string }) {
  return (
    <div class="table-scroll">
      <table class="kern-table data-table">
        <caption class="kern-title">{p.caption}</caption>
        <thead>
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">{p.t('spreadsheet.problems.row')}</th>
            <th scope="col" class="kern-table__header">{p.t('transfer.preview.number')}</th>
            <th scope="col" class="kern-table__header">{p.t('transfer.preview.measure')}</th>
            {p.noteHeading ? <th scope="col" class="kern-table__header">{p.noteHeading}</th> : null}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {p.rows.map((r) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell">{r.row}</td>
              <th scope="row" class="kern-table__header">{r.number}</th>
              <td class="kern-table__cell">{r.title}</td>
              {p.noteHeading ? <td class="kern-table__cell">{r.note}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A checkbox the import needs ticked before it runs; marked when the last submit lacked it. */
function ConfirmCheckbox(p: { name: string; label: string; hint?: string; invalid: boolean }) {
  const id = `f-${p.name}`;
  return (
    <div class={`kern-form-check${p.invalid ? ' kern-form-check--error' : ''}`}>
      <input
        class={`kern-form-check__checkbox${p.invalid ? ' kern-form-check__checkbox--error' : ''}`}
        type="checkbox"
        id={id}
        name={p.name}
        value="1"
        aria-describedby={p.hint ? `${id}-hint` : undefined}
        aria-invalid={p.invalid ? 'true' : undefined}
      />
      <label class="kern-label" for={id}>
        {p.label}
      </label>
      {p.hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {p.hint}
        </div>
      ) : null}
    </div>
  );
}

/** One updated measure: every changed cell with its value before and after. */
function ChangesTable(p: { t: T; row: PlannedRow }) {
  const { t, row } = p;
  const shown = (v: string) => v || t('transfer.preview.empty_value');
  return (
    <div class="table-scroll" data-changes={row.data.number}>
      <table class="kern-table data-table">
        <caption class="kern-title">{t('transfer.preview.change_caption', { row: row.row, number: row.data.number, title: row.data.title })}</caption>
        <thead>
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">{t('transfer.preview.change_column')}</th>
            <th scope="col" class="kern-table__header">{t('transfer.preview.change_before')}</th>
            <th scope="col" class="kern-table__header">{t('transfer.preview.change_after')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {row.changes.map((ch) => (
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
