import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { isUuid } from '../../platform/validation.js';
import { listPublicDecisions, loadPublicDecision } from './present.js';
import { DecisionPage, DecisionsPage, decisionsPath } from './views/public.js';

/** The public decisions of a Kommune: only public papers whose deciding Gremium adopted them. */
export function publicDecisionRoutes() {
  const app = new Hono<AppEnv>();
  const page = cachedPublicPages(200);
  app.get(
    `/k/:slug${decisionsPath}`,
    page(async (c, tenant, tenantId) => <DecisionsPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} decisions={await listPublicDecisions(dbOf(c), tenantId)} />),
  );
  app.get(
    `/k/:slug${decisionsPath}/:id`,
    page(async (c, tenant, tenantId) => {
      const id = c.req.param('id') ?? '';
      const d = isUuid(id) ? await loadPublicDecision(dbOf(c), tenantId, id) : undefined;
      if (!d) throw new AppError('not_found');
      return <DecisionPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} d={d} />;
    }),
  );
  return app;
}
