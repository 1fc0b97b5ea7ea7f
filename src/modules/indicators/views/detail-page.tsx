import type { T } from '../../../platform/i18n/i18n.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, TextField, type FormState } from '../../../platform/ui/form.js';
import type { Edition } from '../../concepts/index.js';
import type { Indicator, IndicatorValue, Owner } from '../service.js';
import type { IndicatorStatus } from '../status.js';
import { isPercentUnit } from '../percent.js';
import { ConfirmOutOfRange, outOfRangeState } from './form-page.js';
import { ownerLabel } from './list-page.js';
import { IndicatorFacts, IndicatorFigure, IndicatorStatusBadge } from './parts.js';

export const valueLabels = (t: T): Record<string, string> => ({
  measuredOn: t('indicators.value.date'),
  value: t('indicators.value.value'),
  note: t('indicators.value.note'),
});

/** What the value field asks for: a figure in the indicator's unit; in per cent, one from 0 to 100 (percent.ts). */
const valueHint = (t: T, unit: string) =>
  isPercentUnit(unit) ? t('indicators.value.value_hint_percent', { unit }) : unit ? t('indicators.value.value_hint_unit', { unit }) : t('indicators.form.number_hint');

/** One indicator: what it measures, chart and table of its values, and (for its keepers) the value form. */
export function IndicatorDetailPage(p: {
  t: T;
  base: string;
  csrfToken: string;
  edition: Edition;
  indicator: Indicator;
  owner: Owner | undefined;
  values: IndicatorValue[];
  status: IndicatorStatus;
  canManage: boolean;
  open: boolean;
  valueForm: FormState;
}) {
  const { t, base, indicator: ind } = p;
  const iBase = `${base}/indikatoren/${ind.id}`;
  const manage = p.canManage && p.open;
  const ownerLink = p.owner ? (
    p.owner.kind === 'measure' ? <a href={`${base}/massnahmen/${p.owner.id}`}>{ownerLabel(t, p.owner)}</a> : <a href={`${base}/fassungen/${p.edition.id}#ziel-${p.owner.id}`}>{ownerLabel(t, p.owner)}</a>
  ) : (
    '–'
  );
  const labels = valueLabels(t);
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${base}/fassungen/${p.edition.id}`}>{p.edition.title}</a> · <a href={`${base}/fassungen/${p.edition.id}/indikatoren`}>{t('indicators.list.title')}</a>
      </p>
      <h1 class="kern-heading-large">{ind.name}</h1>
      <p>
        <IndicatorStatusBadge t={t} status={p.status.status} /> {ind.isPublic ? t('indicators.is_public') : t('indicators.not_public_long')}
      </p>
      {manage ? (
        <div class="actions">
          <a class="kern-btn kern-btn--secondary" href={`${iBase}/bearbeiten`}>
            <span class="kern-label">{t('indicators.edit_title')}</span>
          </a>
        </div>
      ) : null}
      {!p.open ? <p class="muted">{t('indicators.list.superseded')}</p> : null}
      <IndicatorFacts t={t} lang="de" indicator={ind} owner={ownerLink} extra={[{ label: t('indicators.id'), value: <code>{ind.id}</code> }]} />

      <section aria-labelledby="values-heading" class="stack">
        <h2 id="values-heading" class="kern-heading-medium">{t('indicators.values_heading')}</h2>
        <IndicatorFigure
          t={t}
          lang="de"
          indicator={ind}
          values={p.values}
          internal={{
            actions: manage
              ? (v) => (
                  <ConfirmLink
                    small
                    href={`${iBase}/werte/${v.id}/loeschen`}
                    label={t('form.delete')}
                    context={t('indicators.value.delete_context', { date: v.measuredOn.split('-').reverse().join('.') })}
                  />
                )
              : undefined,
          }}
        />
      </section>

      {manage ? (
        <section aria-labelledby="add-value-heading">
          <h2 id="add-value-heading" class="kern-heading-medium">{t('indicators.value.add_title')}</h2>
          <form method="post" action={`${iBase}/werte`} class="stack" novalidate>
            <ErrorSummary t={t} errors={p.valueForm.errors} labels={labels} />
            <Csrf token={p.csrfToken} />
            <TextField t={t} form={p.valueForm} name="measuredOn" label={labels.measuredOn!} type="date" required hint={t('indicators.value.date_hint')} />
            <TextField t={t} form={p.valueForm} name="value" label={labels.value!} inputmode="decimal" required hint={valueHint(t, ind.unit)} />
            <TextField t={t} form={p.valueForm} name="note" label={labels.note!} hint={t('indicators.value.note_hint')} />
            <ConfirmOutOfRange t={t} {...outOfRangeState(p.valueForm)} />
            <div>
              <Button>{t('indicators.value.add_button')}</Button>
            </div>
          </form>
        </section>
      ) : null}
    </div>
  );
}
