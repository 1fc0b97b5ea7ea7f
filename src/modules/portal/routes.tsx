import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { loadPageTranslations } from '../../platform/translations/page.js';
import { filterParams, loadConcept, loadHome, loadMeasure, loadSearch, type PortalFilterQuery } from './data.js';
import { ConceptPage } from './views/concept.js';
import { HomePage } from './views/home.js';
import { MeasurePage } from './views/measure.js';
import { SearchPage } from './views/search.js';

/**
 * The public portal of a Kommune under `/k/{slug}`: start page, adopted concept with filters,
 * one page per measure, search. German by default, English with `?lang=en`.
 */
/** The kinds of translated content the concept page shows. */
const conceptKinds = ['edition', 'guideline', 'field', 'goal', 'measure'];
/** … and the measure page (its Sachstände and indicators: see progress and indicators). */
const measureKinds = ['field', 'goal', 'measure', 'measure_update', 'indicator'];
/** … the start page (the edition's title) and the search results (goals and measures with their Themenfeld). */
const homeKinds = ['edition'];
const searchKinds = ['field', 'goal', 'measure'];

export function portalRoutes() {
  const app = new Hono<AppEnv>();
  const page = cachedPublicPages(500);

  app.get(
    '/k/:slug',
    page(async (c, tenant, tenantId) => {
      const [data, tr] = await Promise.all([loadHome(dbOf(c), tenantId), loadPageTranslations(dbOf(c), tenantId, c.get('lang'), homeKinds)]);
      return <HomePage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} data={data} tr={tr} />;
    }),
  );

  app.get(
    '/k/:slug/konzept',
    page(async (c, tenant, tenantId) => {
      const query: PortalFilterQuery = {};
      for (const name of filterParams) query[name] = c.req.query(name) || undefined;
      const [data, tr] = await Promise.all([loadConcept(dbOf(c), tenantId, query), loadPageTranslations(dbOf(c), tenantId, c.get('lang'), conceptKinds)]);
      return <ConceptPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} data={data} tr={tr} />;
    }),
  );

  // Measure numbers contain dots ("1.2.3"); Hono's default parameter pattern `[^/]+` matches them.
  app.get(
    '/k/:slug/massnahmen/:number',
    page(async (c, tenant, tenantId) => {
      const [data, tr] = await Promise.all([loadMeasure(dbOf(c), tenantId, c.req.param('number') ?? ''), loadPageTranslations(dbOf(c), tenantId, c.get('lang'), measureKinds)]);
      if (!data) throw new AppError('not_found');
      return <MeasurePage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} data={data} tr={tr} />;
    }),
  );

  app.get(
    '/k/:slug/suche',
    page(async (c, tenant, tenantId) => {
      const q = (c.req.query('q') ?? '').slice(0, 200);
      const [data, tr] = await Promise.all([loadSearch(dbOf(c), tenantId, q), loadPageTranslations(dbOf(c), tenantId, c.get('lang'), searchKinds)]);
      return <SearchPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} q={q} data={data} tr={tr} />;
    }),
  );

  return app;
}
