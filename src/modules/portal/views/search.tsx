import { dirOf, formatNumber, isLang, type Lang, type T } from '../../../platform/i18n/i18n.js';
import type { SearchData } from '../data.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { PortalLinks, PortalPage } from '../../../platform/ui/public-page.js';
import { NoConcept } from '../../../platform/ui/public-page.js';
import { searchSourceOf } from '../../../platform/search-sources.js';
import { ContentMark } from '../../../platform/ui/content-mark.js';
import type { PageTranslations } from '../../../platform/translations/page.js';

/** A GET search form; `lang` travels as a hidden field because a GET form replaces the action's query. */
export function SearchForm(p: { t: T; lang: Lang; action: string; q: string }) {
  const { t } = p;
  return (
    <form method="get" action={p.action} role="search" class="portal-search-form">
      <div class="kern-form-input">
        <label class="kern-label" for="portal-q">{t('portal.search.label')}</label>
        <div class="kern-hint" id="portal-q-hint">{t('portal.search.hint')}</div>
        <input class="kern-form-input__input" id="portal-q" name="q" type="search" value={p.q} aria-describedby="portal-q-hint" maxlength={200} />
      </div>
      {p.lang !== 'de' ? <input type="hidden" name="lang" value={p.lang} /> : null}
      <button type="submit" class="kern-btn kern-btn--primary">
        <span class="kern-icon kern-icon--search" aria-hidden="true"></span>
        <span class="kern-label">{t('portal.search.submit')}</span>
      </button>
    </form>
  );
}

/** Shortens a description for a result list without cutting a word in half. */
const excerpt = (text: string, max = 220) => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 30)).trimEnd()} …`;
};

export function SearchPage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; q: string; data: SearchData; tr: PageTranslations }) {
  const { t, lang, tenant, q, data } = p;
  const links = new PortalLinks(tenant.slug, lang);
  const searched = q.trim() !== '';
  const n = data.hits.length;
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={searched ? `${t('portal.search.title')}: ${q}` : t('portal.search.title')} section="search" translated={p.tr.hasTranslations}>
      <h1 class="kern-heading-x-large">{t('portal.search.title')}</h1>
      {!data.hasConcept ? (
        <NoConcept t={t} heading="h2" />
      ) : (
        <>
          <p class="kern-body">{t('portal.search.intro')}</p>
          <SearchForm t={t} lang={lang} action={`${links.base}/suche`} q={q} />
          {searched ? (
            <section class="portal-section" aria-labelledby="portal-results-heading">
              <h2 class="kern-heading-large" id="portal-results-heading">
                {n === 0
                  ? t('portal.search.none', { q })
                  : t('portal.search.count', { count: n, q })}
              </h2>
              {n === 0 ? (
                <div class="portal-tips">
                  <h3 class="kern-heading-medium">{t('portal.search.tips')}</h3>
                  <ul class="kern-list kern-list--bullet">
                    <li>{t('portal.search.tip_spelling')}</li>
                    <li>{t('portal.search.tip_fewer')}</li>
                    {lang !== 'de' ? <li>{t('portal.search.tip_german')}</li> : null}
                    <li>
                      <a class="kern-link" href={links.concept()}>{t('portal.search.tip_browse')}</a>
                    </li>
                  </ul>
                </div>
              ) : (
                <ol class="portal-results">
                  {data.hits.map((h) => {
                    const source = searchSourceOf(h.kind);
                    // The hit in the page's language where translated (the search itself reads German).
                    const shown = (field: string, german: string) => (h.language === 'de' ? p.tr.pick(h.kind, h.id, field, german) : { text: german, attrs: h.language === lang ? {} : { lang: h.language, dir: isLang(h.language) ? dirOf(h.language) : 'ltr' }, state: 'source' as const, pageLang: lang });
                    const title = shown('title', h.title);
                    const text = shown('description', h.text);
                    const context = h.contextId ? p.tr.pick('field', h.contextId, 'title', h.context) : shown('context', h.context);
                    return (
                      <li class="portal-result">
                        <h3 class="kern-heading-medium portal-result__title" {...title.attrs}>
                          <a class="kern-link" href={source.publicUrl(h, links)}>{title.text}</a>
                          <ContentMark t={t} shown={title} />
                        </h3>
                        <p class="kern-body kern-body--small portal-result__meta">
                          {source.publicLabel(t, h)}
                          {' · '}
                          {t(source.contextLabel)}{': '}
                          <span {...context.attrs}>{context.text}</span>
                        </p>
                        {text.text ? (
                          <p class="kern-body portal-result__text" {...text.attrs}>{excerpt(text.text)}</p>
                        ) : null}
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
          ) : null}
        </>
      )}
    </PortalPage>
  );
}
