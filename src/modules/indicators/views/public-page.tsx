import { formatDate, type Lang, type T } from '../../../platform/i18n/i18n.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import type { PublicEdition } from '../../concepts/index.js';
import { germanContent, PortalLinks, PortalPage, NoConcept } from '../../../platform/ui/public-page.js';
import type { PublicIndicatorField } from '../present.js';
import { PublicIndicatorArticle } from './public-indicator.js';
import type { PageTranslations } from '../../../platform/translations/page.js';

const anchor = (i: number) => `indikatoren-themenfeld-${i + 1}`;

/** `/k/{slug}/indikatoren`: the public indicators of the adopted edition, each as chart and table. */
export function PublicIndicatorsPage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; edition: PublicEdition | null; fields: PublicIndicatorField[]; tr: PageTranslations }) {
  const { t, lang } = p;
  const links = new PortalLinks(p.tenant.slug, lang);
  const de = germanContent(lang);
  const title = t('indicator.public.title');
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={p.tenant} title={title} section="indicators" translated={p.tr.hasTranslations}>
      <nav class="portal-breadcrumb" aria-label={t('portal.breadcrumb')}>
        <ol>
          <li><a class="kern-link" href={links.home()}>{t('portal.nav.start')}</a></li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      {!p.edition ? (
        <NoConcept t={t} heading="h1" />
      ) : (
        <>
          <h1 class="kern-heading-x-large">{title}</h1>
          <p class="kern-body portal-lead">{t('indicator.public.intro')}</p>
          <p class="kern-body">
            <span {...de}>{p.edition.title}</span>
            {p.edition.adoptedOn ? `, ${t('portal.concept.adopted_on', { date: formatDate(lang, p.edition.adoptedOn) })}` : ''}
            {' · '}
            <a class="kern-link" href={links.concept()}>{t('indicator.public.to_concept')}</a>
          </p>
          {p.fields.length === 0 ? (
            <p class="kern-body">{t('indicator.public.none')}</p>
          ) : (
            <>
              <nav class="portal-toc" aria-labelledby="indicator-toc">
                <h2 class="kern-heading-small portal-toc__title" id="indicator-toc">{t('portal.concept.toc')}</h2>
                <ul>
                  {p.fields.map((f, i) => (
                    <li>
                      <a class="kern-link" href={`#${anchor(i)}`} {...de}>{f.title}</a> ({t('indicator.public.count', { count: f.indicators.length })})
                    </li>
                  ))}
                </ul>
              </nav>
              {p.fields.map((f, i) => (
                <section class="portal-field" aria-labelledby={anchor(i)}>
                  <h2 class="kern-heading-large" id={anchor(i)} {...de}>{f.title}</h2>
                  {f.indicators.map((ind) => {
                    const ownerHref = ind.owner.kind === 'measure' ? links.measure(ind.owner.number) : links.goal(ind.owner.number);
                    return (
                      <PublicIndicatorArticle
                        t={t}
                        tr={p.tr}
                        lang={lang}
                        indicator={ind}
                        owner={
                          <a class="kern-link" href={ownerHref}>
                            <span>
                              {t(`indicator.owner.${ind.owner.kind}`, { number: ind.owner.number })}: <span {...de}>{ind.owner.title}</span>
                            </span>
                          </a>
                        }
                      />
                    );
                  })}
                </section>
              ))}
            </>
          )}
        </>
      )}
    </PortalPage>
  );
}
