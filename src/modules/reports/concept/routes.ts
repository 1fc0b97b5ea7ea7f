import { Hono } from 'hono';
import { AppError } from '../../../platform/errors.js';
import { cachedPublicResponses } from '../../../platform/http/cached-page.js';
import { dbOf, type AppEnv, type Ctx } from '../../../platform/http/env.js';
import { tenantForApp } from '../../../platform/ui/app-shell.js';
import { adoptedEdition } from '../../concepts/index.js';
import { conceptDocument, type ConceptDocument, type ConceptFormat } from './document.js';

const download = (c: Ctx, d: ConceptDocument) => c.body(new Uint8Array(d.bytes), 200, { 'content-type': d.contentType, 'content-disposition': `attachment; filename="${d.fileName}"` });

/**
 * The concept edition as a document: any edition for members (a draft marked "Entwurf"), the
 * adopted one for everybody at /k/{slug}/konzept.pdf. The public file is cached like a public
 * page (about 0.3 s of CPU per render for the demo edition) and dropped on every change in the
 * Kommune; it is keyed by its path only, so query strings cannot force renders.
 */
export function conceptDocumentRoutes() {
  const app = new Hono<AppEnv>();
  const internal = (format: ConceptFormat) => async (c: Ctx) => {
    const { tenant } = await tenantForApp(c);
    return download(c, await conceptDocument(dbOf(c), tenant, c.req.param('id') ?? '', format));
  };
  app.get('/app/k/:slug/fassungen/:id/konzept.pdf', internal('pdf'));
  app.get('/app/k/:slug/fassungen/:id/konzept.docx', internal('docx'));

  const cached = cachedPublicResponses(50, (c) => new URL(c.req.url).pathname);
  app.get(
    '/k/:slug/konzept.pdf',
    cached(async (c, tenant, tenantId) => {
      const edition = await adoptedEdition(dbOf(c), tenantId);
      if (!edition) throw new AppError('not_found');
      const d = await conceptDocument(dbOf(c), { id: tenantId, name: tenant.name }, edition, 'pdf');
      return { body: d.bytes, headers: { 'content-type': d.contentType, 'content-disposition': `attachment; filename="${d.fileName}"` } };
    }),
  );
  return app;
}
