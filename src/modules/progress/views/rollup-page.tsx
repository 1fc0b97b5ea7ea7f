import type { T } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import type { Edition, EditionOutline } from '../../concepts/index.js';
import { measureStatuses } from '../../measures/schema.js';
import type { EditionRollup } from '../rollup.js';
import type { StatusRules } from '../../measures/index.js';
import { countsText, percent, ProgressBar, ProgressCell, ruleText } from './parts.js';

/** Progress of an edition, each Themenfeld and each goal, with the rule next to the figures. */
export function RollupPage(p: { t: T; base: string; edition: Edition; outline: EditionOutline; rollup: EditionRollup; rules: StatusRules; canManageRules: boolean }) {
  const { t, rollup: r } = p;
  const themeFields = p.outline.fields.filter((f) => !f.isCrossCutting);
  const fieldTitle = new Map(p.outline.fields.map((f) => [f.id, f.title]));
  const none = t('progress.rollup.none_counted');
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${p.base}/fassungen/${p.edition.id}`}>{p.edition.title}</a> · {t(`edition_status.${p.edition.status}`)}
      </p>
      <h1 class="kern-heading-large">{t('progress.rollup.title', { title: p.edition.title })}</h1>

      <section aria-labelledby="gesamt-heading">
        <h2 id="gesamt-heading" class="kern-heading-medium">
          {t('progress.rollup.overall')}
        </h2>
        <ProgressBar t={t} id="fortschritt-fassung" label={t('progress.rollup.overall_label')} value={r.edition.progress} noneKey="progress.rollup.none_counted" />
        <p>{countsText(t, r.edition, 'progress.rule')}</p>
        <div class="kern-alert kern-alert--info" role="note" aria-labelledby="regel-title">
          <div class="kern-alert__header">
            <span class="kern-title" id="regel-title">
              {t('progress.rule.heading')}
            </span>
          </div>
          <div class="kern-alert__body">
            {ruleText(t, p.rules, 'progress.rule', (s) => `measure_status.${s}`).map((line) => (
              <p>{line}</p>
            ))}
            {p.canManageRules ? (
              <p>
                <a href={`${p.base}/einstellungen/status`}>{t('progress.rollup.change_rules')}</a>
              </p>
            ) : null}
          </div>
        </div>
      </section>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading" class="kern-heading-medium">
          {t('progress.rollup.by_status')}
        </h2>
        <DataTable caption={t('progress.rollup.by_status')} headers={[t('measure.status'), t('progress.rollup.count'), t('progress.rollup.counts_column'), t('progress.rollup.implied_column')]}>
          {measureStatuses.map((s) => (
            <tr>
              <th scope="row">{t(`measure_status.${s}`)}</th>
              <td>{r.edition.byStatus[s]}</td>
              <td>{p.rules[s].countsInRollup ? t('form.yes') : t('form.no')}</td>
              <td>{p.rules[s].impliedProgress == null ? t('progress.settings.keep_reported') : percent(p.rules[s].impliedProgress!)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="felder-heading">
        <h2 id="felder-heading" class="kern-heading-medium">
          {t('progress.rollup.fields')}
        </h2>
        <DataTable caption={t('progress.rollup.fields')} headers={[t('measure.field'), t('progress.form.progress'), t('progress.rollup.measures_column')]}>
          {themeFields.map((f) => {
            const fp = r.fields.get(f.id);
            return (
              <tr>
                <th scope="row">{f.title}</th>
                <td>
                  <ProgressCell label={t('progress.rollup.progress_of', { title: f.title })} value={fp?.progress ?? null} none={none} />
                </td>
                <td>{fp ? countsText(t, fp, 'progress.rule') : '–'}</td>
              </tr>
            );
          })}
        </DataTable>
      </section>

      <section aria-labelledby="ziele-heading">
        <h2 id="ziele-heading" class="kern-heading-medium">
          {t('progress.rollup.goals')}
        </h2>
        <DataTable caption={t('progress.rollup.goals')} headers={[t('progress.rollup.goal_column'), t('measure.field'), t('progress.form.progress'), t('progress.rollup.measures_column')]}>
          {p.outline.goals.map((g) => {
            const gp = r.goals.get(g.id);
            return (
              <tr>
                <th scope="row">
                  {t(`goal_kind.${g.kind}`)} {g.number}: {g.title}
                </th>
                <td>{fieldTitle.get(g.fieldId) ?? '–'}</td>
                <td>
                  <ProgressCell label={t('progress.rollup.progress_of', { title: `${g.number} ${g.title}` })} value={gp?.progress ?? null} none={none} />
                </td>
                <td>{gp ? countsText(t, gp, 'progress.rule') : '–'}</td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </div>
  );
}
