import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { bytesBody } from '../../platform/http/render.js';
import { tenantBySlug } from '../../platform/tenancy/service.js';
import { isUuid } from '../../platform/validation.js';
import { attachmentHeader, paperFile } from './files.js';
import { listPublicDecisions, loadPublicDecision } from './present.js';
import { publicDecision } from './queries.js';
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
  // The decided paper's documents as stored when it became final (the Vorlage, the concept, Anlagen).
  app.get(`/k/:slug${decisionsPath}/:id/dateien/:fileId`, async (c) => {
    const db = dbOf(c);
    const tenant = await tenantBySlug(db, c.req.param('slug'));
    const id = c.req.param('id');
    if (!isUuid(id) || !(await publicDecision(db, tenant.id, id))) throw new AppError('not_found');
    const f = await paperFile(db, tenant.id, id, c.req.param('fileId'));
    return c.body(bytesBody(f.content), 200, { 'content-type': f.mimeType, 'content-disposition': attachmentHeader(f.fileName), 'x-content-type-options': 'nosniff' });
  });
  return app;
}
