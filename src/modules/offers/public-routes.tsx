import { Hono } from 'hono';
import { addDays, todayInGermany } from '../../platform/dates.js';
import { cachedPublicPages, cachedPublicResponses } from '../../platform/http/cached-page.js';
import { isAppError } from '../../platform/errors.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { tenantBySlug } from '../../platform/tenancy/service.js';
import { loadPageTranslations } from '../../platform/translations/page.js';
import { offersCalendar } from './ical.js';
import { offerJsonLd } from './json-ld.js';
import { survivorOf } from './merge.js';
import { directoryChoices, filterParams, publicProviders, publishedOffer, publishedOffers, readFilter } from './public-data.js';
import { occurrencesBetween, upcoming } from './schedule.js';
import { DirectoryPage, OfferPage, directoryPath } from './views/public-pages.js';

const id = ':id{[0-9a-fA-F-]{36}}';
/** The translated content the directory and the offer page show (translatables.ts). */
const offerKinds = ['offer'];
const calendarHeaders = (name: string) => ({ 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${name}.ics"`, 'cache-control': 'public, max-age=300' });

/** The public offer directory of a Kommune: list with filters, one page per offer, calendar files. */
export function publicOfferRoutes() {
  const app = new Hono<AppEnv>();
  const page = cachedPublicPages(300);

  app.get(
    '/k/:slug/angebote',
    page(async (c, tenant, tenantId) => {
      const db = dbOf(c);
      const filter = readFilter((n) => c.req.query(n));
      const now = new Date();
      const today = todayInGermany(now);
      const offers = (await publishedOffers(db, tenantId, filter)).map((offer) => ({ offer, upcoming: upcoming(offer.schedule, now, today, offer) }));
      const tr = await loadPageTranslations(db, tenantId, c.get('lang'), offerKinds);
      return <DirectoryPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} filter={filter} offers={offers} choices={await directoryChoices(db, tenantId)} tr={tr} />;
    }),
  );

  const detail = page(async (c, tenant, tenantId) => {
    const offer = await publishedOffer(dbOf(c), tenantId, c.req.param('id') ?? '');
    const tr = await loadPageTranslations(dbOf(c), tenantId, c.get('lang'), offerKinds);
    const { byOffer } = await publicProviders(dbOf(c), tenantId, [offer.id]);
    const now = new Date();
    const today = todayInGermany(now);
    const next = offer.temporarilyClosed && !offer.reopensOn ? [] : occurrencesBetween(offer.schedule, today, addDays(today, 90)).filter((o) => o.end > now).slice(0, 6);
    const url = `${c.get('services').config.publicUrl}${directoryPath(tenant.slug)}/${offer.id}`;
    return <OfferPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} offer={offer} upcoming={upcoming(offer.schedule, now, today, offer)} next={next} jsonLd={offerJsonLd(offer, url, today)} providers={byOffer.get(offer.id) ?? []} tr={tr} />;
  });
  app.get(`/k/:slug/angebote/${id}`, async (c) => {
    try {
      return await detail(c);
    } catch (e) {
      // A merged offer's address (bookmarks, printed flyers) leads to the offer it was merged into.
      if (!isAppError(e, 'not_found')) throw e;
      const db = dbOf(c);
      const tenant = await tenantBySlug(db, c.req.param('slug') ?? '');
      const into = await survivorOf(db, tenant.id, c.req.param('id') ?? '');
      if (!into) throw e;
      const query = new URL(c.req.url).search;
      return c.redirect(`${directoryPath(tenant.slug)}/${into}${query}`, 301);
    }
  });

  // The calendars are kept like the pages (issue 9.2: 678 kB built per request was the crawl's slowest
  // route): built once per change, per day (the window starts today) and per filter, whatever else the
  // query string holds (`lang`, made-up parameters). DTSTAMP is the time the kept calendar was built:
  // with METHOD:PUBLISH, RFC 5545 (3.8.7.2) makes it the time "the instance of the iCalendar object was created".
  const calendars = cachedPublicResponses(100, (c) => {
    const filter = c.req.param('id') ? '' : new URLSearchParams(filterParams(readFilter((n) => c.req.query(n)))).toString();
    return `${todayInGermany()} ${new URL(c.req.url).pathname}?${filter}`;
  });
  const calendar = (single: boolean) =>
    calendars(async (c, tenant, tenantId) => {
      const db = dbOf(c);
      const origin = c.get('services').config.publicUrl;
      const offers = single ? [await publishedOffer(db, tenantId, c.req.param('id') ?? '')] : await publishedOffers(db, tenantId, readFilter((n) => c.req.query(n)));
      const now = new Date();
      const body = offersCalendar({
        name: single ? offers[0]!.title : `${tenant.name}: Angebote`,
        offers,
        from: todayInGermany(now),
        days: single ? 366 : 92,
        url: (offerId) => `${origin}${directoryPath(tenant.slug)}/${offerId}`,
        host: new URL(origin).host,
        now,
        maxEvents: 5000,
      });
      return { body: Buffer.from(body), headers: calendarHeaders(single ? 'angebot' : 'angebote') };
    });
  app.get('/k/:slug/angebote/kalender.ics', calendar(false));
  app.get(`/k/:slug/angebote/${id}/kalender.ics`, calendar(true));
  return app;
}
