import type { T } from '../../../platform/i18n/i18n.js';
import { Alert } from '../../../platform/ui/components.js';
import { Button, Csrf, ErrorSummary, type FormState } from '../../../platform/ui/form.js';
import { measureStatuses, type MeasureStatus, DEFAULT_STATUS_RULES } from '../../measures/schema.js';
import { countsField, impliedField, type StatusRules } from '../../measures/index.js';
import { percent, ruleText } from './parts.js';

const checked = (v: unknown) => v === true || ['on', 'true', '1'].includes(String(v));
const text = (v: unknown) => (v == null ? '' : String(v));

/** The rules as the values of the settings form. */
export function rulesFormValues(rules: StatusRules, version: number): Record<string, unknown> {
  const values: Record<string, unknown> = { version };
  for (const s of measureStatuses) {
    values[impliedField(s)] = rules[s].impliedProgress == null ? '' : String(rules[s].impliedProgress);
    values[countsField(s)] = rules[s].countsInRollup ? 'on' : '';
  }
  return values;
}

export function ruleFieldLabels(t: T): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const s of measureStatuses) {
    labels[impliedField(s)] = t('progress.settings.implied_label', { status: t(`measure_status.${s}`) });
    labels[countsField(s)] = t('progress.settings.counts_label', { status: t(`measure_status.${s}`) });
  }
  return labels;
}

/** Status vocabulary of the Kommune: per status the implied progress and whether it counts. */
export function RulesPage(p: { t: T; action: string; csrfToken: string; rules: StatusRules; form: FormState; conflict?: boolean }) {
  const { t, form } = p;
  const labels = ruleFieldLabels(t);
  const errorOf = (name: string) => {
    const e = form.errors.find((x) => x.field === name);
    return e ? t(e.messageKey, e.params) : undefined;
  };
  const defaultText = (s: MeasureStatus) =>
    `${DEFAULT_STATUS_RULES[s].impliedProgress == null ? t('progress.settings.keep_reported') : percent(DEFAULT_STATUS_RULES[s].impliedProgress!)}; ${
      DEFAULT_STATUS_RULES[s].countsInRollup ? t('progress.settings.counts_yes') : t('progress.settings.counts_no')
    }`;
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('progress.settings.title')}</h1>
      <p>{t('progress.settings.intro')}</p>
      <p>
        <a href={p.action.replace(/status$/, 'fortschreibung')}>{t('progress.settings.update_interval_link')}</a>
      </p>
      <p>
        <a href={p.action.replace(/einstellungen\/status$/, 'pruefung#einstellung')}>{t('progress.settings.review_link')}</a>
      </p>
      <section aria-labelledby="regel-heading">
        <h2 id="regel-heading" class="kern-heading-medium">
          {t('progress.settings.rule_heading')}
        </h2>
        {ruleText(t, p.rules, 'progress.rule', (s) => `measure_status.${s}`).map((line) => (
          <p>{line}</p>
        ))}
      </section>
      {p.conflict ? <Alert variant="warning" title={t('progress.settings.conflict_title')} id="conflict"><p>{t('progress.settings.conflict_text')}</p></Alert> : null}
      <form method="post" action={p.action} class="stack" novalidate>
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={text(form.values.version)} />
        <div class="table-scroll">
          <table class="data-table">
            <caption>{t('progress.settings.table_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measure.status')}</th>
                <th scope="col">{t('progress.settings.implied_column')}</th>
                <th scope="col">{t('progress.settings.counts_column')}</th>
                <th scope="col">{t('progress.settings.default_column')}</th>
              </tr>
            </thead>
            <tbody>
              {measureStatuses.map((s) => {
                const implied = impliedField(s);
                const counts = countsField(s);
                const impliedError = errorOf(implied);
                return (
                  <tr>
                    <th scope="row">{t(`measure_status.${s}`)}</th>
                    <td>
                      <div class="kern-form-input">
                        <label class="visually-hidden" for={`f-${implied}`}>
                          {labels[implied]}
                        </label>
                        {impliedError ? (
                          <p class="kern-error" id={`f-${implied}-error`}>
                            <span class="visually-hidden">{t('form.error_prefix')} </span>
                            {impliedError}
                          </p>
                        ) : null}
                        <input
                          class={`kern-form-input__input${impliedError ? ' kern-form-input__input--error' : ''}`}
                          id={`f-${implied}`}
                          name={implied}
                          type="text"
                          inputmode="numeric"
                          size={4}
                          value={text(form.values[implied])}
                          aria-invalid={impliedError ? 'true' : undefined}
                          aria-describedby={[impliedError ? `f-${implied}-error` : '', 'implied-hint'].filter(Boolean).join(' ')}
                        />
                      </div>
                    </td>
                    <td>
                      <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" type="checkbox" id={`f-${counts}`} name={counts} value="on" checked={checked(form.values[counts])} />
                        <label class="kern-label" for={`f-${counts}`}>
                          <span class="visually-hidden">{labels[counts]}</span>
                          <span aria-hidden="true">{t('progress.settings.counts_short')}</span>
                        </label>
                      </div>
                    </td>
                    <td>{defaultText(s)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p class="kern-hint" id="implied-hint">
          {t('progress.settings.implied_hint')}
        </p>
        <div class="actions">
          <Button>{t('form.save')}</Button>
        </div>
      </form>
    </div>
  );
}
