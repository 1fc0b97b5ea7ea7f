import { formatDate, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { StatusBadge } from '../../measures/index.js';
import type { PublicMeasureProgress } from '../public-measure.js';
import { ProgressBar } from './parts.js';
import { portalPath, PublicUpdateEntry } from './public-update.js';
import type { PageTranslations } from '../../../platform/translations/page.js';

/**
 * The implementation section of a public measure page: current status with the date of the
 * latest public Sachstand, the progress as an accessible progress bar, the status history as a
 * table and the public Sachstände. Headings start at `h2` (the page's `h1` is the measure).
 */
export function PublicMeasureProgressSection(p: { t: T; lang: Lang; slug: string; number: string; data: PublicMeasureProgress; tr?: PageTranslations | undefined }) {
  const { t, lang, data } = p;
  const latest = data.updates[0];
  return (
    <section class="portal-section" aria-labelledby="umsetzung">
      <h2 class="kern-heading-large" id="umsetzung">{t('progress_public.measure.heading')}</h2>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('progress_public.measure.current_status')}</dt>
          <dd class="kern-description-list-item__value">
            <StatusBadge t={t} status={data.status} />
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t('progress_public.measure.latest')}</dt>
          <dd class="kern-description-list-item__value">{latest ? formatDate(lang, latest.reportedOn) : t('progress_public.measure.no_update_short')}</dd>
        </div>
      </dl>
      {data.counts ? (
        <ProgressBar t={t} lang={lang} id="fortschritt-massnahme" label={t('progress_public.measure.progress_label', { number: p.number })} value={data.progress} noneKey="progress_public.no_report" />
      ) : (
        <p class="kern-body">{t('progress_public.measure.not_counted', { status: t(`portal.status.${data.status}`) })}</p>
      )}

      <h3 class="kern-heading-medium" id="statusverlauf">{t('progress_public.measure.history_heading')}</h3>
      {data.history.length ? (
        <div class="kern-table-responsive">
          <table class="kern-table kern-table--small">
            <caption class="kern-title">{t('progress_public.measure.history_caption', { number: p.number })}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('progress_public.measure.since')}</th>
                <th class="kern-table__header" scope="col">{t('portal.measure.status')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {data.history.map((s) => (
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="row">{formatDate(lang, s.since)}</th>
                  <td class="kern-table__cell">{t(`portal.status.${s.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="kern-body">{t('progress_public.measure.no_history')}</p>
      )}

      <h3 class="kern-heading-medium" id="sachstaende">{t('progress_public.measure.updates_heading')}</h3>
      {data.updates.length ? (
        <ol class="portal-results">
          {data.updates.map((u) => (
            <PublicUpdateEntry t={t} lang={lang} slug={p.slug} update={u} tr={p.tr} />
          ))}
        </ol>
      ) : (
        <p class="kern-body">{t('progress_public.measure.no_update')}</p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={portalPath(p.slug, lang, '/umsetzung')}>{t('progress_public.measure.overall_link')}</a>
      </p>
    </section>
  );
}
