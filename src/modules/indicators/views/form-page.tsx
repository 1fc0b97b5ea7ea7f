import type { T } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, CheckboxGroup, Csrf, ErrorSummary, SelectField, TextArea, TextField, selectedValues, type FormState, type Option } from '../../../platform/ui/form.js';
import { indicatorDirections, indicatorKinds } from '../../progress/schema.js';
import type { Indicator } from '../service.js';
import { percentRangeMessage } from '../percent.js';

export interface TargetOptions {
  /** Goals by Themenfeld; empty when the user may not keep goal indicators. */
  goals: { label: string; options: Option[] }[];
  /** Measures by Themenfeld the user may keep indicators of. */
  measures: { label: string; options: Option[] }[];
}

/** Form field → label, for the error summary and the conflict table. */
export const indicatorLabels = (t: T): Record<string, string> => ({
  goalId: t('indicators.form.goal'),
  measureId: t('indicators.form.measure'),
  name: t('indicators.form.name'),
  definition: t('indicator.fact.definition'),
  unit: t('indicator.fact.unit'),
  source: t('indicator.fact.source'),
  kind: t('indicator.fact.kind'),
  baselineValue: t('indicators.form.baseline_value'),
  baselineDate: t('indicators.form.baseline_date'),
  targetValue: t('indicators.form.target_value'),
  targetYear: t('indicators.form.target_year'),
  direction: t('indicator.fact.direction'),
  isPublic: t('indicators.form.public'),
});

/** The stored indicator as the form shows it (German number format). */
export function indicatorFormValues(i: Indicator): Record<string, unknown> {
  const n = (v: number | null) => (v == null ? '' : String(v).replace('.', ','));
  return {
    goalId: i.goalId ?? '',
    measureId: i.measureId ?? '',
    name: i.name,
    definition: i.definition,
    unit: i.unit,
    source: i.source,
    kind: i.kind,
    baselineValue: n(i.baselineValue),
    baselineDate: i.baselineDate ?? '',
    targetValue: n(i.targetValue),
    targetYear: i.targetYear == null ? '' : String(i.targetYear),
    direction: i.direction,
    isPublic: i.isPublic ? 'true' : undefined,
    version: i.version,
  };
}

/**
 * The checkbox that confirms figures in per cent outside 0–100 (percent.ts): shown only once a
 * form or file was refused for such a figure (`asked`), or while it is still checked after
 * another problem.
 */
export function ConfirmOutOfRange(p: { t: T; asked: boolean; checked: boolean; label?: string }) {
  if (!p.asked && !p.checked) return null;
  return (
    <CheckboxGroup
      t={p.t}
      form={{ values: { confirmOutOfRange: p.checked ? 'true' : undefined }, errors: [] }}
      name="confirmOutOfRange"
      label={p.t('indicators.form.out_of_range_legend')}
      hint={p.t('indicators.form.out_of_range_hint')}
      required
      options={[{ value: 'true', label: p.label ?? p.t('indicators.form.out_of_range_confirm') }]}
    />
  );
}

/** ConfirmOutOfRange's state in a form: refused for such a figure, or checked. */
export const outOfRangeState = (form: FormState) => ({
  asked: form.errors.some((e) => e.messageKey === percentRangeMessage),
  checked: selectedValues(form, 'confirmOutOfRange').size > 0,
});

export function IndicatorForm(p: { t: T; csrfToken: string; action: string; cancelHref: string; form: FormState; targets: TargetOptions; deleteAction?: { href: string; version: number } }) {
  const { t, form } = p;
  const labels = indicatorLabels(t);
  return (
    <>
      <form method="post" action={p.action} class="stack" novalidate>
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <Csrf token={p.csrfToken} />
        {form.values.version !== undefined ? <input type="hidden" name="version" value={String(form.values.version)} /> : null}
        <TextField t={t} form={form} name="name" label={labels.name!} required hint={t('indicators.form.name_hint')} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('indicators.form.owner_legend')}</legend>
          <div class="kern-hint" id="owner-hint">
            {t(p.targets.goals.length ? 'indicators.form.owner_hint' : 'indicators.form.owner_hint_measures')}
          </div>
          {p.targets.goals.length ? (
            <SelectField t={t} form={form} name="goalId" label={labels.goalId!} emptyLabel={t('indicators.form.no_goal')} options={[]} groups={p.targets.goals} />
          ) : null}
          <SelectField t={t} form={form} name="measureId" label={labels.measureId!} emptyLabel={t('indicators.form.no_measure')} options={[]} groups={p.targets.measures} />
        </fieldset>
        <SelectField t={t} form={form} name="kind" label={labels.kind!} required hint={t('indicators.form.kind_hint')} options={indicatorKinds.map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))} />
        <TextArea t={t} form={form} name="definition" label={labels.definition!} hint={t('indicators.form.definition_hint')} rows={3} />
        <TextField t={t} form={form} name="unit" label={labels.unit!} hint={t('indicators.form.unit_hint')} />
        <TextField t={t} form={form} name="source" label={labels.source!} hint={t('indicators.form.source_hint')} />
        <TextField t={t} form={form} name="baselineValue" label={labels.baselineValue!} inputmode="decimal" hint={t('indicators.form.number_hint')} />
        <TextField t={t} form={form} name="baselineDate" label={labels.baselineDate!} type="date" />
        <TextField t={t} form={form} name="targetValue" label={labels.targetValue!} inputmode="decimal" hint={t('indicators.form.number_hint')} />
        <TextField t={t} form={form} name="targetYear" label={labels.targetYear!} inputmode="numeric" hint={t('indicators.form.target_year_hint')} />
        <SelectField t={t} form={form} name="direction" label={labels.direction!} required options={indicatorDirections.map((d) => ({ value: d, label: t(`indicator.direction.${d}`) }))} />
        <ConfirmOutOfRange t={t} {...outOfRangeState(form)} />
        <CheckboxGroup t={t} form={form} name="isPublic" label={t('indicators.form.public_legend')} required options={[{ value: 'true', label: labels.isPublic! }]} />
        <div class="actions">
          <Button>{t('form.save')}</Button>
          <a href={p.cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
      {p.deleteAction ? (
        <section aria-labelledby="delete-heading" class="stack">
          <h2 id="delete-heading" class="kern-heading-small">{t('indicators.delete_title')}</h2>
          <p>{t('indicators.delete_hint')}</p>
          <div>
            <ConfirmLink href={p.deleteAction.href} label={t('indicators.delete_title')} />
          </div>
        </section>
      ) : null}
    </>
  );
}

/** After a lost race: what the other person saved next to what this user typed (kept in the form below). */
export function IndicatorConflict(p: { t: T; current: Record<string, unknown>; mine: Record<string, unknown>; savedBy?: string | null }) {
  const { t } = p;
  const labels = indicatorLabels(t);
  const show = (v: unknown) => (v == null || v === '' ? '–' : String(v));
  const changed = Object.keys(labels).filter((k) => show(p.current[k]) !== show(p.mine[k]));
  return (
    <div class="kern-alert kern-alert--warning" role="alert" id="conflict">
      <div class="kern-alert__header">
        <h2 class="kern-title">{t('indicators.conflict_title')}</h2>
      </div>
      <div class="kern-alert__body stack">
        <p>{t('indicators.conflict_text', { name: p.savedBy ?? '–' })}</p>
        {changed.length ? (
          <DataTable caption={t('indicators.conflict_table')} showCaption headers={[t('audit.field'), t('indicators.conflict_saved'), t('indicators.conflict_mine')]}>
            {changed.map((k) => (
              <tr>
                <th scope="row">{labels[k]}</th>
                <td>{show(p.current[k])}</td>
                <td>{show(p.mine[k])}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </div>
    </div>
  );
}
