import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { Edition } from '../../concepts/index.js';
import { formatIndicatorValue } from '../chart.js';
import type { FieldGroup } from '../service.js';
import { indicatorStatuses } from '../status.js';
import { IndicatorStatusBadge } from './parts.js';

export const ownerLabel = (t: T, owner: { kind: 'goal' | 'measure'; number: string; title: string }) =>
  `${t(`indicator.owner.${owner.kind}`, { number: owner.number })}: ${owner.title}`;

/** The edition's indicators, one table per Themenfeld, rows ordered by goal and measure, each with its status. */
export function IndicatorListPage(p: { t: T; base: string; edition: Edition; overview: FieldGroup[]; canCreate: boolean; open: boolean }) {
  const { t, base, edition } = p;
  const eBase = `${base}/fassungen/${edition.id}`;
  const entries = p.overview.flatMap((f) => f.groups.flatMap((g) => g.entries));
  const counts = indicatorStatuses.map((s) => ({ s, n: entries.filter((e) => e.status.status === s).length })).filter((x) => x.n > 0);
  return (
    <div class="stack">
      <p class="muted">
        <a href={eBase}>{edition.title}</a> · {t(`edition_status.${edition.status}`)}
      </p>
      <h1 class="kern-heading-large">{t('indicators.list.title')}</h1>
      <p>{t('indicators.list.intro')}</p>
      {!p.open ? <p class="muted">{t('indicators.list.superseded')}</p> : null}
      <div class="actions">
        {p.canCreate && p.open ? (
          <a class="kern-btn kern-btn--primary" href={`${eBase}/indikatoren/neu`}>
            <span class="kern-label">{t('indicators.new_title')}</span>
          </a>
        ) : null}
        {p.canCreate && p.open ? <a href={`${eBase}/indikatoren/import`}>{t('indicators.import.title')}</a> : null}
        <a href={`${eBase}/indikatoren/werte.csv`}>{t('indicators.list.download_csv')}</a>
      </div>
      {entries.length === 0 ? (
        <p>{t('indicators.list.empty')}</p>
      ) : (
        <p role="status">
          {t('indicators.list.count', { count: entries.length })} {counts.map((c) => `${t(`indicator.status.${c.s}`)}: ${c.n}`).join(' · ')}
        </p>
      )}
      {p.overview.map((f) => (
        <section aria-labelledby={`field-${f.field.id}`} class="field-section">
          <h2 id={`field-${f.field.id}`} class="kern-heading-medium">{f.field.title}</h2>
          <div class="table-scroll">
            <table class="data-table">
              <caption class="visually-hidden">{t('indicators.list.caption', { field: f.field.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('indicators.list.indicator')}</th>
                  <th scope="col">{t('indicator.fact.owner')}</th>
                  <th scope="col">{t('indicator.fact.kind')}</th>
                  <th scope="col">{t('indicators.list.latest')}</th>
                  <th scope="col">{t('indicator.fact.target')}</th>
                  <th scope="col">{t('indicator.fact.status')}</th>
                </tr>
              </thead>
              <tbody>
                {f.groups.flatMap((g) =>
                  g.entries.map((e) => (
                    <tr>
                      <th scope="row">
                        <a href={`${base}/indikatoren/${e.indicator.id}`}>{e.indicator.name}</a>
                        {e.indicator.isPublic ? null : <span class="muted"> ({t('indicators.not_public')})</span>}
                      </th>
                      <td>{ownerLabel(t, g.owner)}</td>
                      <td>{t(`indicator.kind.${e.indicator.kind}`)}</td>
                      <td>
                        {e.status.latest
                          ? t('indicator.value_on', { value: formatIndicatorValue('de', e.status.latest.value, e.indicator.unit), date: formatDate('de', e.status.latest.measuredOn) })
                          : '–'}
                      </td>
                      <td>
                        {e.indicator.targetValue != null && e.indicator.targetYear != null
                          ? t('indicator.target_by', { value: formatIndicatorValue('de', e.indicator.targetValue, e.indicator.unit), year: e.indicator.targetYear })
                          : '–'}
                      </td>
                      <td>
                        <IndicatorStatusBadge t={t} status={e.status.status} />
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
