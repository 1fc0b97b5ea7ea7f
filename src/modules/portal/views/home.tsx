import { formatDate, formatNumber, type Lang, type T } from '../../../platform/i18n/i18n.js';
import type { HomeData } from '../data.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { germanContent, PortalLinks, PortalPage } from '../../../platform/ui/public-page.js';
import { NoConcept } from '../../../platform/ui/public-page.js';
import { SearchForm } from './search.js';
import { ContentMark } from '../../../platform/ui/content-mark.js';
import type { PageTranslations, ShownText } from '../../../platform/translations/page.js';

/** The adopted edition's title in the page's language where translated (else German, marked). */
const EditionTitle = (p: { t: T; shown: ShownText }) => (
  <>
    <cite {...p.shown.attrs}>{p.shown.text}</cite>
    <ContentMark t={p.t} shown={p.shown} />
  </>
);

export function HomePage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; data: HomeData | null; tr: PageTranslations }) {
  const { t, lang, tenant, data } = p;
  const links = new PortalLinks(tenant.slug, lang);
  const de = germanContent(lang);
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={t('portal.nav.start')} section="start" translated={p.tr.hasTranslations}>
      <div class="kern-hgroup portal-hgroup">
        <p class="kern-preline">{t(`portal.kind.${tenant.kind}`)}</p>
        <h1 class="kern-heading-x-large" {...de}>{tenant.name}</h1>
        <p class="kern-subline kern-body--muted">{t('portal.home.ags', { ags: tenant.ags })}</p>
      </div>
      <div class="portal-lead">
        <p class="kern-body kern-body--large">{t('portal.home.intro')}</p>
        <p class="kern-body">{t('portal.home.intro_more')}</p>
      </div>

      {data ? (
        <section class="portal-section" aria-labelledby="portal-concept-heading">
          <h2 class="kern-heading-large" id="portal-concept-heading">{t('portal.home.concept_heading')}</h2>
          <p class="kern-body">
            <EditionTitle t={t} shown={p.tr.pick('edition', data.edition.id, 'title', data.edition.title)} /> – {t('portal.concept.adopted_on', { date: formatDate(lang, data.edition.adoptedOn) })}
          </p>
          <h3 class="kern-heading-medium">{t('portal.home.figures')}</h3>
          <ul class="portal-figures">
            <li>
              <span class="portal-figures__n">{formatNumber(lang, data.fieldCount)}</span> {t('portal.home.fields_count')}
            </li>
            <li>
              <span class="portal-figures__n">{formatNumber(lang, data.goalCount)}</span> {t('portal.home.goals_count')}
            </li>
            <li>
              <span class="portal-figures__n">{formatNumber(lang, data.measureCount)}</span> {t('portal.home.measures_count')}
            </li>
          </ul>
          {data.byStatus.length ? (
            <div class="kern-table-responsive portal-status-table">
              <table class="kern-table kern-table--small">
                <caption class="kern-title">{t('portal.home.status_caption')}</caption>
                <thead class="kern-table__head">
                  <tr class="kern-table__row">
                    <th class="kern-table__header" scope="col">{t('portal.measure.status')}</th>
                    <th class="kern-table__header kern-table__header--numeric" scope="col">{t('portal.home.count')}</th>
                  </tr>
                </thead>
                <tbody class="kern-table__body">
                  {data.byStatus.map((s) => (
                    <tr class="kern-table__row">
                      <th class="kern-table__header" scope="row">
                        <a class="kern-link" href={links.concept([['status', s.status]], 'ergebnis')}>{t(`portal.status.${s.status}`)}</a>
                      </th>
                      <td class="kern-table__cell kern-table__cell--numeric">{formatNumber(lang, s.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p class="actions">
            <a class="kern-btn kern-btn--primary" href={links.concept()}>
              <span class="kern-label">{t('portal.home.read_concept')}</span>
            </a>
          </p>
        </section>
      ) : (
        <section class="portal-section">
          <NoConcept t={t} heading="h2" />
        </section>
      )}

      {data ? (
        <section class="portal-section" aria-labelledby="portal-search-heading">
          <h2 class="kern-heading-large" id="portal-search-heading">{t('portal.home.search_heading')}</h2>
          <SearchForm t={t} lang={lang} action={`${links.base}/suche`} q="" />
        </section>
      ) : null}
    </PortalPage>
  );
}
