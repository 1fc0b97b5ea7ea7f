import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { cachedPublicResponses } from '../../platform/http/cached-page.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { bytesBody } from '../../platform/http/render.js';
import { listTenants, type Tenant } from '../../platform/tenancy/service.js';
import { BadListQuery, listPage, parseListQuery, type ListQuery } from './lists.js';
import { type AgendaEntry, agendaItemObject, bodyObject, consultationObject, deletedObject, fileObject, meetingObject, organizationObject, paperObject, systemObject, Urls } from './present.js';
import * as read from './queries.js';

const latestOf = (created: Date, changed: Date | undefined) => (changed && changed > created ? changed : created);

/*
 * OParl 1.1, read-only, at /oparl/v1: one System, one Body per Kommune. Public data: every
 * answer is JSON with `Access-Control-Allow-Origin: *`, as OParl recommends, and errors are
 * JSON too (never an HTML page).
 */

class NotFound extends Error {}

async function tenantOf(db: Db, slug: string): Promise<Tenant> {
  const tenant = (await listTenants(db)).find((t) => t.slug === slug);
  if (!tenant) throw new NotFound();
  return tenant;
}

const urlsOf = (c: Ctx) => new Urls(c.get('services').config.publicUrl);
/** The request's URL under the public origin (the links of a list must name the public host). */
const publicRequestUrl = (c: Ctx) => {
  const u = new URL(c.req.url);
  return `${c.get('services').config.publicUrl}${u.pathname}${u.search}`;
};

export function oparlRoutes() {
  const app = new Hono<AppEnv>();

  app.use('/oparl/*', async (c, next) => {
    await next();
    c.header('Access-Control-Allow-Origin', '*');
  });

  app.onError((err, c) => {
    if (err instanceof NotFound || (err instanceof AppError && err.code === 'not_found')) return c.json({ type: 'about:blank', title: 'Nicht gefunden', status: 404 }, 404);
    if (err instanceof BadListQuery) return c.json({ type: 'about:blank', title: 'Ungültige Anfrage', status: 400, detail: err.message }, 400);
    throw err;
  });

  /*
   * List pages are cached like the portal's public pages (platform/http/cached-page.ts): built
   * once per change of the Kommune's data (every audited write announces one), not per client,
   * keyed by path and query. A 100-paper page is ≈ 280 KB, so at most 50 pages are kept.
   */
  const cached = cachedPublicResponses(50);
  // The cache has looked the Kommune up to render (tenantBySlug), so a list's handler gets it
  // from there instead of a second query (test/query-budget.test.ts).
  const cachedList = (handler: (c: Ctx, s: ListScope) => Promise<Response>) =>
    cached(async (c, tenant, tenantId) => {
      const res = await handler(c, { db: dbOf(c), tenant: { id: tenantId }, urls: urlsOf(c).forBody(tenant.slug) });
      return { body: new Uint8Array(await res.arrayBuffer()), headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' } };
    });

  /** What a list of one Kommune needs: the database, the Kommune's id and its URLs. */
  type ListScope = { db: Db; tenant: { id: string }; urls: ReturnType<ReturnType<typeof urlsOf>['forBody']> };

  /** One Kommune's request: its tenant, its URLs, and the list query if it is a list. */
  const scope = async (c: Ctx) => {
    const db = dbOf(c);
    const tenant = await tenantOf(db, c.req.param('slug') ?? '');
    return { db, tenant, urls: urlsOf(c).forBody(tenant.slug) };
  };
  const listQuery = (c: Ctx): ListQuery => parseListQuery(c.req.query());
  const id = (c: Ctx) => {
    const value = c.req.param('id') ?? '';
    if (!read.isUuid(value)) throw new NotFound();
    return value;
  };

  app.get('/oparl/v1', (c) => c.redirect(urlsOf(c).system, 301));

  app.get('/oparl/v1/system', async (c) => {
    const tenants = await listTenants(dbOf(c));
    const since = tenants.reduce((first, t) => (t.createdAt < first ? t.createdAt : first), tenants[0]?.createdAt ?? new Date(0));
    return c.json(systemObject(urlsOf(c), since));
  });

  app.get('/oparl/v1/bodies', async (c) => {
    const q = listQuery(c);
    const db = dbOf(c);
    const all = (await listTenants(db))
      .filter((t) => (!q.createdSince || t.createdAt >= q.createdSince) && (!q.createdUntil || t.createdAt <= q.createdUntil))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    // Three queries for all Kommunen, not three per Kommune.
    const changes = await read.lastChangesOf(db, all.map((t) => t.id));
    const withModified = all.map((t) => ({ t, modified: latestOf(t.createdAt, changes.get(t.id)) }));
    const filtered = withModified.filter(({ modified }) => (!q.modifiedSince || modified >= q.modifiedSince) && (!q.modifiedUntil || modified <= q.modifiedUntil));
    const slice = filtered.slice((q.page - 1) * q.limit, q.page * q.limit);
    return c.json(listPage(publicRequestUrl(c), q, slice.map(({ t, modified }) => bodyObject(urlsOf(c).forBody(t.slug), t, modified)), filtered.length));
  });

  app.get('/oparl/v1/body/:slug', async (c) => {
    const { db, tenant, urls } = await scope(c);
    return c.json(bodyObject(urls, tenant, await read.lastChangeOf(db, tenant.id, tenant.createdAt)));
  });

  app.get('/oparl/v1/body/:slug/organizations', cachedList(async (c, { db, tenant, urls }) => {
    const q = listQuery(c);
    const { rows, total } = await read.organizationPage(db, tenant.id, q);
    return c.json(listPage(publicRequestUrl(c), q, rows.map((o) => organizationObject(urls, o)), total));
  }));

  app.get('/oparl/v1/body/:slug/organization/:id', async (c) => {
    const { db, tenant, urls } = await scope(c);
    const row = await read.organizationById(db, tenant.id, id(c));
    if (!row) throw new NotFound();
    return c.json(organizationObject(urls, row));
  });

  const meetingList = async (c: Ctx, { db, tenant, urls }: ListScope, organizationId?: string) => {
    const q = listQuery(c);
    if (organizationId && !(await read.organizationById(db, tenant.id, organizationId))) throw new NotFound();
    const { rows, total } = await read.meetingPage(db, tenant.id, q, organizationId);
    const [agendas, names] = await Promise.all([read.agendasOf(db, tenant.id, rows.map((m) => m.id)), read.organizationNames(db, tenant.id)]);
    return c.json(listPage(publicRequestUrl(c), q, rows.map((m) => meetingObject(urls, m, names.get(m.bodyId) ?? '', agendas.get(m.id) ?? [])), total));
  };
  app.get('/oparl/v1/body/:slug/meetings', cachedList((c, s) => meetingList(c, s)));
  app.get('/oparl/v1/body/:slug/organization/:id/meetings', cachedList((c, s) => meetingList(c, s, id(c))));

  app.get('/oparl/v1/body/:slug/meeting/:id', async (c) => {
    const { db, tenant, urls } = await scope(c);
    const row = await read.meetingById(db, tenant.id, id(c));
    if (!row) throw new NotFound();
    const [agendas, names] = await Promise.all([read.agendasOf(db, tenant.id, [row.id]), read.organizationNames(db, tenant.id)]);
    return c.json(meetingObject(urls, row, names.get(row.bodyId) ?? '', agendas.get(row.id) ?? []));
  });

  app.get('/oparl/v1/body/:slug/papers', cachedList(async (c, { db, tenant, urls }) => {
    const q = listQuery(c);
    const { rows, total } = await read.paperPage(db, tenant.id, q);
    const ids = rows.filter((p) => !p.deletedAt).map((p) => p.id);
    const [files, consultations] = await Promise.all([read.filesOfPapers(db, tenant.id, ids), read.consultationsOfPapers(db, tenant.id, ids)]);
    const data = rows.map((p) => paperObject(urls, p, files.filter((f) => f.paperId === p.id), consultations.filter((k) => k.paperId === p.id)));
    return c.json(listPage(publicRequestUrl(c), q, data, total));
  }));

  app.get('/oparl/v1/body/:slug/paper/:id', async (c) => {
    const { db, tenant, urls } = await scope(c);
    const row = await read.paperById(db, tenant.id, id(c));
    if (!row) throw new NotFound();
    const [files, consultations] = await Promise.all([read.filesOfPapers(db, tenant.id, [row.id]), read.consultationsOfPapers(db, tenant.id, [row.id])]);
    return c.json(paperObject(urls, row, files, consultations));
  });

  app.get('/oparl/v1/body/:slug/consultations', cachedList(async (c, { db, tenant, urls }) => {
    const q = listQuery(c);
    const { rows, total } = await read.consultationPage(db, tenant.id, q);
    return c.json(listPage(publicRequestUrl(c), q, rows.map((r) => consultationObject(urls, r.consultation)), total));
  }));

  app.get('/oparl/v1/body/:slug/consultation/:id', async (c) => {
    const { db, tenant, urls } = await scope(c);
    const row = await read.consultationById(db, tenant.id, id(c));
    if (!row) throw new NotFound();
    if (row.paper.deletedAt) return c.json(deletedObject('Consultation', urls.object('consultation', row.consultation.id), { ...row.consultation, deletedAt: row.consultation.deletedAt ?? row.paper.deletedAt }));
    return c.json(consultationObject(urls, row.consultation));
  });

  app.get('/oparl/v1/body/:slug/agendaItems', cachedList(async (c, { db, tenant, urls }) => {
    const q = listQuery(c);
    const { rows, total } = await read.consultationPage(db, tenant.id, q);
    // The meetings' agendas in one query, not one per item.
    const agendas = await read.agendasOf(db, tenant.id, [...new Set(rows.filter((r) => !r.consultation.deletedAt).map((r) => r.consultation.meetingId))]);
    const data = rows.map((r) =>
      r.consultation.deletedAt
        ? deletedObject('AgendaItem', urls.object('agendaItem', r.consultation.id), r.consultation)
        : agendaItemObject(urls, r.consultation, r.paper, orderIn(agendas.get(r.consultation.meetingId) ?? [], r.consultation.id)),
    );
    return c.json(listPage(publicRequestUrl(c), q, data, total));
  }));

  app.get('/oparl/v1/body/:slug/agendaItem/:id', async (c) => {
    const { db, tenant, urls } = await scope(c);
    const row = await read.consultationById(db, tenant.id, id(c));
    if (!row) throw new NotFound();
    const deletedAt = row.consultation.deletedAt ?? row.paper.deletedAt;
    if (deletedAt) return c.json(deletedObject('AgendaItem', urls.object('agendaItem', row.consultation.id), { ...row.consultation, deletedAt }));
    return c.json(agendaItemObject(urls, row.consultation, row.paper, await orderAtMeeting(db, tenant.id, row.consultation.meetingId, row.consultation.id)));
  });

  app.get('/oparl/v1/body/:slug/files', cachedList(async (c, { db, tenant, urls }) => {
    const q = listQuery(c);
    const { rows, total } = await read.filePage(db, tenant.id, q);
    return c.json(listPage(publicRequestUrl(c), q, rows.map((f) => fileObject(urls, f)), total));
  }));

  app.get('/oparl/v1/body/:slug/file/:id', async (c) => {
    const { db, tenant, urls } = await scope(c);
    const row = await read.fileById(db, tenant.id, id(c));
    if (!row) throw new NotFound();
    return c.json(fileObject(urls, row));
  });

  app.get('/oparl/v1/body/:slug/file/:id/download', async (c) => {
    const { db, tenant } = await scope(c);
    const row = await read.fileById(db, tenant.id, id(c));
    if (!row || row.deletedAt) throw new NotFound();
    const content = await read.fileContent(db, tenant.id, row.id);
    if (!content) throw new NotFound();
    return c.body(bytesBody(content), 200, {
      'content-type': row.mimeType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
    });
  });

  // ikon publishes no persons (nobody consented to it), hence no memberships, and records no
  // Wahlperioden: these lists exist, as the Body links them, and are empty.
  for (const kind of ['persons', 'memberships', 'legislativeTerms'] as const) {
    app.get(`/oparl/v1/body/:slug/${kind}`, async (c) => {
      await scope(c);
      const q = listQuery(c);
      return c.json(listPage(publicRequestUrl(c), q, [], 0));
    });
  }

  return app;
}

/** The agenda item's place (1-based) in its meeting's published agenda. */
/** The 1-based place of an item in its meeting's agenda (sorted by TOP). */
const orderIn = (agenda: AgendaEntry[], consultationId: string) => agenda.findIndex((a) => a.consultation.id === consultationId) + 1 || 1;

async function orderAtMeeting(db: Db, tenantId: string, meetingId: string, consultationId: string) {
  return orderIn((await read.agendasOf(db, tenantId, [meetingId])).get(meetingId) ?? [], consultationId);
}
