import { formatDate, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { spokenLanguageName } from '../../../platform/i18n/spoken-languages.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { germanContent, PortalLinks, PortalPage } from '../../../platform/ui/public-page.js';
import { ContentMark, ContentParagraphs } from '../../../platform/ui/content-mark.js';
import type { PageTranslations } from '../../../platform/translations/page.js';
import { jsonLdScript } from '../json-ld.js';
import { filterParams, type DirectoryFilter, type PublicOffer, type PublicProvider } from '../public-data.js';
import type { Upcoming } from '../schedule.js';
import { offerCategories } from '../schema.js';
import { scheduleSummary, weekdayName } from './schedule-text.js';

export const directoryPath = (slug: string) => `/k/${encodeURIComponent(slug)}/angebote`;

function WhenNow(p: { t: T; lang: Lang; offer: PublicOffer; upcoming: Upcoming }) {
  const { t, lang, offer: o, upcoming: u } = p;
  if (o.temporarilyClosed) return <p class="offer-now offer-now--closed">{o.reopensOn ? t('offer_public.closed_until', { date: formatDate(lang, o.reopensOn) }) : t('offer_public.closed')}</p>;
  if (u.today.length) return <p class="offer-now offer-now--open">{t('offer_public.open_today', { times: u.today.map((x) => `${x.startTime}–${x.endTime}`).join(', ') })}</p>;
  if (u.next) return <p class="offer-now">{t('offer_public.next', { date: formatDate(lang, u.next.date), times: `${u.next.startTime}–${u.next.endTime}` })}</p>;
  return null;
}

function Features(p: { t: T; offer: PublicOffer }) {
  const { t, offer: o } = p;
  const items = [
    o.free ? t('offer_public.free') : null,
    o.femaleContact ? t('offer_public.female_contact') : null,
    o.maleContact ? t('offer_public.male_contact') : null,
    o.childcare ? t('offer_public.childcare') : null,
    o.barrierFree === 'ja' ? t('offer_public.barrier_free') : o.barrierFree === 'nein' ? t('offer_public.not_barrier_free') : null,
    o.registrationRequired ? t('offer_public.registration') : null,
  ].filter((x): x is string => x !== null);
  return items.length ? (
    <ul class="offer-features">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  ) : null;
}

/** `/k/{slug}/angebote`: search and filters as GET parameters, the matching published offers. */
export function DirectoryPage(p: {
  t: T; lang: Lang; url: string; tenant: PublicTenant; filter: DirectoryFilter; offers: { offer: PublicOffer; upcoming: Upcoming }[];
  choices: { municipalities: { slug: string; name: string }[]; targetGroups: { id: string; name: string }[]; languages: string[] };
  tr: PageTranslations;
}) {
  const { t, lang, filter: f } = p;
  const links = new PortalLinks(p.tenant.slug, lang);
  const base = directoryPath(p.tenant.slug);
  const de = germanContent(lang);
  const title = t('offer_public.title');
  const select = (name: keyof DirectoryFilter, label: string, options: { value: string; label: string; de?: boolean }[]) => (
    <div class="kern-form-input">
      <label class="kern-label" for={`filter-${name}`}>{label}</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={`filter-${name}`} name={name}>
          <option value="">{t('offer_public.any')}</option>
          {options.map((o) => (
            <option value={o.value} selected={f[name] === o.value} {...(o.de ? de : {})}>{o.label}</option>
          ))}
        </select>
      </div>
    </div>
  );
  const check = (name: 'kostenlos' | 'frau' | 'kinderbetreuung' | 'barrierefrei', label: string) => (
    <div class="kern-form-check">
      <input class="kern-form-check__checkbox" type="checkbox" id={`filter-${name}`} name={name} value="1" checked={f[name]} />
      <label class="kern-label" for={`filter-${name}`}>{label}</label>
    </div>
  );
  const calendar = links.build(`${base}/kalender.ics`, filterParams(f));
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={p.tenant} title={title} section="offers" description={t('offer_public.intro')} translated={p.tr.hasTranslations}>
      <nav class="portal-breadcrumb" aria-label={t('portal.breadcrumb')}>
        <ol>
          <li><a class="kern-link" href={links.home()}>{t('portal.nav.start')}</a></li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1 class="kern-heading-x-large">{title}</h1>
      <p class="kern-body portal-lead">{t('offer_public.intro')}</p>
      <form method="get" action={base} class="offer-filter stack" role="search" aria-label={t('offer_public.filter_heading')}>
        {lang === 'de' ? null : <input type="hidden" name="lang" value={lang} />}
        <div class="kern-form-input">
          <label class="kern-label" for="filter-q">{t('offer_public.search')}</label>
          <input class="kern-form-input__input" type="search" id="filter-q" name="q" value={f.q} />
        </div>
        {select('gemeinde', t('offer_public.municipality'), p.choices.municipalities.map((m) => ({ value: m.slug, label: m.name, de: true })))}
        {select('kategorie', t('offer_public.category'), offerCategories.map((c) => ({ value: c, label: t(`offer_public.category.${c}`) })))}
        {select('sprache', t('offer_public.language'), p.choices.languages.map((c) => ({ value: c, label: spokenLanguageName(c) })))}
        {select('zielgruppe', t('offer_public.target_group'), p.choices.targetGroups.map((g) => ({ value: g.id, label: g.name, de: true })))}
        {select('wochentag', t('offer_public.weekday'), [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(lang, d) })))}
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('offer_public.features')}</legend>
          <div class="kern-fieldset__body">
            {check('kostenlos', t('offer_public.free'))}
            {check('frau', t('offer_public.female_contact'))}
            {check('kinderbetreuung', t('offer_public.childcare'))}
            {check('barrierefrei', t('offer_public.barrier_free'))}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="kern-btn kern-btn--primary"><span class="kern-label">{t('offer_public.submit')}</span></button>
          <a class="kern-link" href={links.build(base)}>{t('offer_public.reset')}</a>
        </div>
      </form>
      <p class="kern-body" role="status">{t('offer_public.results', { count: p.offers.length })} · <a class="kern-link" href={calendar}>{t('offer_public.calendar_list')}</a></p>
      <ul class="offer-list">
        {p.offers.map(({ offer: o, upcoming }) => {
          const offerTitle = p.tr.pick('offer', o.id, 'title', o.title);
          return (
          <li class="offer-list__item">
            <article class="kern-card kern-card--hug offer-card">
              <div class="kern-card__container">
                <header class="kern-card__header">
                  <p class="kern-body kern-body--small offer-card__meta">
                    <span class="kern-badge kern-badge--small kern-badge--info">{t(`offer_public.category.${o.category}`)}</span> <span {...de}>{o.municipalityName ?? t('offer_public.county_wide')}</span>
                  </p>
                  <h2 class="kern-heading-small offer-card__title">
                    <a class="kern-link" href={links.build(`${base}/${o.id}`)} {...offerTitle.attrs}>{offerTitle.text}</a>
                    <ContentMark t={t} shown={offerTitle} />
                  </h2>
                </header>
                <div class="kern-card__body">
                  <p class="kern-body">{scheduleSummary(t, lang, o.schedule)}</p>
                  <WhenNow t={t} lang={lang} offer={o} upcoming={upcoming} />
                  {o.languages.length ? <p class="kern-body">{t('offer_public.languages')}: {o.languages.map(spokenLanguageName).join(', ')}</p> : null}
                  <Features t={t} offer={o} />
                </div>
              </div>
            </article>
          </li>
          );
        })}
      </ul>
    </PortalPage>
  );
}

/** `/k/{slug}/angebote/{id}`: one published offer, with its next times, calendar file and schema.org data. */
export function OfferPage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; offer: PublicOffer; upcoming: Upcoming; next: { date: string; startTime: string; endTime: string }[]; providers: PublicProvider[]; jsonLd: unknown; tr: PageTranslations }) {
  const { t, lang, offer: o } = p;
  const links = new PortalLinks(p.tenant.slug, lang);
  const base = directoryPath(p.tenant.slug);
  const de = germanContent(lang);
  const address = [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const offerTitle = p.tr.pick('offer', o.id, 'title', o.title);
  const description = p.tr.pick('offer', o.id, 'description', o.description);
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={p.tenant} title={offerTitle.text} section="offers" description={description.text.slice(0, 200) || undefined} translated={p.tr.hasTranslations}>
      <nav class="portal-breadcrumb" aria-label={t('portal.breadcrumb')}>
        <ol>
          <li><a class="kern-link" href={links.home()}>{t('portal.nav.start')}</a></li>
          <li><a class="kern-link" href={links.build(base)}>{t('offer_public.title')}</a></li>
          <li aria-current="page" {...offerTitle.attrs}>{offerTitle.text}</li>
        </ol>
      </nav>
      <article class="offer-detail">
        <h1 class="kern-heading-x-large" {...offerTitle.attrs}>{offerTitle.text}<ContentMark t={t} shown={offerTitle} /></h1>
        <p class="kern-body">{t(`offer_public.category.${o.category}`)}{o.status === 'pausiert' ? ` · ${t('offer_public.paused')}` : ''}</p>
        <WhenNow t={t} lang={lang} offer={o} upcoming={p.upcoming} />
        {o.description ? <ContentParagraphs t={t} shown={description} /> : null}
        <dl class="kern-description-list">
          <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.when')}</dt><dd class="kern-description-list-item__value">{scheduleSummary(t, lang, o.schedule)}</dd></div>
          <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.where')}</dt><dd class="kern-description-list-item__value" {...de}>{[address, o.municipalityName ?? t('offer_public.county_wide')].filter(Boolean).join(' · ')}</dd></div>
          {o.providers.length ? <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.providers')}</dt><dd class="kern-description-list-item__value" {...de}>{o.providers.join(', ')}</dd></div> : null}
          {o.languages.length ? <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.languages')}</dt><dd class="kern-description-list-item__value">{o.languages.map(spokenLanguageName).join(', ')}</dd></div> : null}
          {o.targetGroups.length ? <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.target_groups')}</dt><dd class="kern-description-list-item__value" {...de}>{o.targetGroups.join(', ')}</dd></div> : null}
          {!o.free && o.costNote ? <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.cost')}</dt><dd class="kern-description-list-item__value" {...de}>{o.costNote}</dd></div> : null}
          {o.website ? <div class="kern-description-list-item"><dt class="kern-description-list-item__key">{t('offer_public.website')}</dt><dd class="kern-description-list-item__value"><a class="kern-link" href={o.website}>{o.website}</a></dd></div> : null}
        </dl>
        <Features t={t} offer={o} />
        <Contacts t={t} lang={lang} providers={p.providers} />
        {p.next.length ? (
          <>
            <h2 class="kern-heading-medium">{t('offer_public.upcoming')}</h2>
            <ul>{p.next.map((n) => <li>{formatDate(lang, n.date)}, {n.startTime}–{n.endTime}</li>)}</ul>
          </>
        ) : null}
        <p class="kern-body no-print">
          <a class="kern-link" href={`${base}/${o.id}/kalender.ics`}>{t('offer_public.calendar')}</a>
        </p>
      </article>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(p.jsonLd) }} />
    </PortalPage>
  );
}

/** Contact persons of the providers: only those whose consent covers publication ever reach this list (publicProviders). */
function Contacts(p: { t: T; lang: Lang; providers: PublicProvider[] }) {
  const { t } = p;
  const de = germanContent(p.lang);
  const people = p.providers.flatMap((a) => a.contacts.map((c) => ({ ...c, actor: a.name })));
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="offer-contacts">
      <h2 class="kern-heading-medium" id="offer-contacts">{t('offer_public.contacts')}</h2>
      <ul class="offer-contacts">
        {people.map((c) => (
          <li class="offer-contact">
            <p class="kern-body kern-body--bold" {...de}>{c.name}</p>
            {c.role || c.responsibility ? <p class="kern-body" {...de}>{[c.role, c.responsibility].filter(Boolean).join(' · ')}</p> : null}
            <p class="kern-body kern-body--small" {...de}>{c.actor}</p>
            {c.email ? <p class="kern-body"><a class="kern-link" href={`mailto:${c.email}`}>{c.email}</a></p> : null}
            {c.phone ? <p class="kern-body"><a class="kern-link" href={`tel:${c.phone.replace(/[^0-9+]/g, '')}`}>{c.phone}</a></p> : null}
            {c.languages.length ? <p class="kern-body">{t('offer_public.languages')}: {c.languages.map(spokenLanguageName).join(', ')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
