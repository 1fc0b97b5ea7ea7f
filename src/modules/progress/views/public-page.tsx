import { formatDate, formatNumber, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { measureStatuses } from '../../measures/schema.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { germanContent, fieldAnchor, PortalLinks, PortalPage, NoConcept } from '../../../platform/ui/public-page.js';
import { ContentMark } from '../../../platform/ui/content-mark.js';
import type { PageTranslations } from '../../../platform/translations/page.js';
import { TableRegion } from '../../../platform/ui/table-region.js';
import { StatusBadge } from '../../measures/index.js';
import type { PublicProgressData, PublicProgressMeasure } from '../public-data.js';
import { countsText, ProgressBar, ProgressCell, ruleText } from './parts.js';
import { portalPath, PublicUpdateEntry } from './public-update.js';

const anchorOf = (number: string) => `massnahme-${number.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** `/k/{slug}/umsetzung`: how far the adopted concept has come, with the public Sachstandsmeldungen. */
export function PublicProgressPage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; data: PublicProgressData | null; tr: PageTranslations }) {
  const { t, lang, tenant, data } = p;
  const title = t('progress_public.title');
  if (!data) {
    return (
      <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={title} section="progress">
        <NoConcept t={t} heading="h1" />
      </PortalPage>
    );
  }
  const links = new PortalLinks(tenant.slug, lang);
  const de = germanContent(lang);
  const none = t('progress_public.none_counted');
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={title} section="progress" translated={p.tr.hasTranslations}>
      <nav class="portal-breadcrumb" aria-label={t('portal.breadcrumb')}>
        <ol>
          <li><a class="kern-link" href={links.home()}>{t('portal.nav.start')}</a></li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <div class="kern-hgroup portal-hgroup">
        <p class="kern-preline" {...de}>{data.edition.title}</p>
        <h1 class="kern-heading-x-large">{title}</h1>
      </div>
      <div class="portal-lead">
        <p class="kern-body kern-body--large">{t('progress_public.intro')}</p>
        <p class="kern-body">
          {t('progress_public.indicators_intro')}{' '}
          <a class="kern-link" href={portalPath(tenant.slug, lang, '/indikatoren')}>{t('progress_public.indicators_link')}</a>
        </p>
      </div>

      <section class="portal-section" aria-labelledby="gesamtstand">
        <h2 class="kern-heading-large" id="gesamtstand">{t('progress_public.overall_heading')}</h2>
        <ProgressBar t={t} lang={lang} id="fortschritt-gesamt" label={t('progress_public.overall_label')} value={data.overall.progress} noneKey="progress_public.none_counted" labelClass="kern-label" />
        <p class="kern-body">{countsText(t, data.overall, 'progress_public.rule')}</p>
        <h3 class="kern-heading-medium">{t('progress_public.rule.heading')}</h3>
        {ruleText(t, data.rules, 'progress_public.rule', (s) => `portal.status.${s}`, lang).map((line) => (
          <p class="kern-body portal-text">{line}</p>
        ))}
      </section>

      <section class="portal-section" aria-labelledby="nach-status">
        <h2 class="kern-heading-large" id="nach-status">{t('progress_public.by_status_heading')}</h2>
        <div class="kern-table-responsive portal-status-table">
          <table class="kern-table kern-table--small">
            <caption class="kern-title">{t('progress_public.by_status_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('portal.measure.status')}</th>
                <th class="kern-table__header kern-table__header--numeric" scope="col">{t('portal.home.count')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {measureStatuses.map((s) => (
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="row">{t(`portal.status.${s}`)}</th>
                  <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(lang, data.overall.byStatus[s])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="portal-section" aria-labelledby="themenfelder">
        <h2 class="kern-heading-large" id="themenfelder">{t('progress_public.fields_heading')}</h2>
        <TableRegion labelId="themenfelder-tabelle">
          <table class="kern-table kern-table--small">
            <caption class="kern-title" id="themenfelder-tabelle">{t('progress_public.fields_caption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('portal.measure.field')}</th>
                <th class="kern-table__header" scope="col">{t('progress_public.progress')}</th>
                <th class="kern-table__header" scope="col">{t('progress_public.measures')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {data.fields.map((f) => (
                <tr class="kern-table__row">
                  <th class="kern-table__header" scope="row">
                    <a class="kern-link" href={`#${fieldAnchor(f.field.index)}`} {...de}>{f.field.title}</a>
                  </th>
                  <td class="kern-table__cell">
                    <ProgressCell lang={lang} label={t('progress_public.progress_of', { title: f.field.title })} value={f.progress.progress} none={none} />
                  </td>
                  <td class="kern-table__cell">{countsText(t, f.progress, 'progress_public.rule')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>

        {data.fields.map((f) => {
          const withUpdates = f.measures.filter((m) => m.updates.length > 0);
          const headingId = fieldAnchor(f.field.index);
          const fieldTitle = p.tr.pick('field', f.field.id, 'title', f.field.title);
          return (
            <section class="portal-field" aria-labelledby={headingId}>
              <div class="kern-hgroup">
                <p class="kern-preline">{t('portal.concept.field_number', { n: formatNumber(lang, f.field.index) })}</p>
                <h3 class="kern-heading-medium" id={headingId} {...fieldTitle.attrs}>{fieldTitle.text}<ContentMark t={t} shown={fieldTitle} /></h3>
              </div>
              <ProgressBar t={t} lang={lang} id={`fortschritt-${headingId}`} label={t('progress_public.field_progress')} value={f.progress.progress} noneKey="progress_public.none_counted" />
              <TableRegion labelId={`${headingId}-tabelle`}>
                <table class="kern-table kern-table--small portal-measures">
                  <caption class="kern-title" id={`${headingId}-tabelle`}>{t('progress_public.measures_caption', { title: f.field.title, count: f.measures.length })}</caption>
                  <thead class="kern-table__head">
                    <tr class="kern-table__row">
                      <th class="kern-table__header" scope="col">{t('portal.measure.number')}</th>
                      <th class="kern-table__header" scope="col">{t('portal.measure.title')}</th>
                      <th class="kern-table__header" scope="col">{t('portal.measure.status')}</th>
                      <th class="kern-table__header" scope="col">{t('progress_public.progress')}</th>
                      <th class="kern-table__header" scope="col">{t('progress_public.latest_update')}</th>
                    </tr>
                  </thead>
                  <tbody class="kern-table__body">
                    {f.measures.map((m) => {
                      const measureTitle = p.tr.pick('measure', m.id, 'title', m.title);
                      return (
                      <tr class="kern-table__row">
                        <th class="kern-table__header portal-nr" scope="row">{m.number}</th>
                        <td class="kern-table__cell" {...measureTitle.attrs}>
                          <a class="kern-link" href={links.measure(m.number)}>{measureTitle.text}</a>
                          <ContentMark t={t} shown={measureTitle} />
                        </td>
                        <td class="kern-table__cell"><StatusBadge t={t} status={m.status} /></td>
                        <td class="kern-table__cell">
                          {m.counts ? (
                            <ProgressCell lang={lang} label={t('progress_public.progress_of', { title: `${m.number} ${m.title}` })} value={m.progress} none={t('progress_public.no_report')} />
                          ) : (
                            t('progress_public.not_counted')
                          )}
                        </td>
                        <td class="kern-table__cell">
                          {m.updates[0] ? <a class="kern-link" href={`#${anchorOf(m.number)}`}>{formatDate(lang, m.updates[0].reportedOn)}</a> : t('progress_public.no_public_update')}
                        </td>
                      </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableRegion>
              {withUpdates.length ? (
                <>
                  <h4 class="kern-heading-small portal-h4">{t('progress_public.updates_heading', { title: f.field.title })}</h4>
                  {withUpdates.map((m) => (
                    <MeasureUpdates t={t} tr={p.tr} lang={lang} slug={tenant.slug} measure={m} />
                  ))}
                </>
              ) : null}
            </section>
          );
        })}
      </section>
    </PortalPage>
  );
}

function MeasureUpdates(p: { t: T; lang: Lang; slug: string; measure: PublicProgressMeasure; tr: PageTranslations }) {
  const { t, lang, measure: m } = p;
  const title = p.tr.pick('measure', m.id, 'title', m.title);
  const id = anchorOf(m.number);
  return (
    <article class="portal-result" aria-labelledby={id}>
      <h5 class="kern-heading-small portal-result__title" id={id}>
        {t('portal.measure.label', { number: m.number })}: <span {...title.attrs}>{title.text}</span>
        <ContentMark t={t} shown={title} />
      </h5>
      <ol class="portal-results">
        {m.updates.map((u) => (
          <PublicUpdateEntry t={t} lang={lang} slug={p.slug} update={u} tr={p.tr} />
        ))}
      </ol>
    </article>
  );
}
