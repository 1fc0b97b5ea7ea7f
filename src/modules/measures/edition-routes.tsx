import { Hono } from 'hono';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { AppError } from '../../platform/errors.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';
import { listActors } from '../actors/index.js';
import { editionById, transitionEdition, editionOutline, canManageConcept, isEditionOpen } from '../concepts/index.js';
import { canCreateMeasure } from './policy.js';
import { orderStamp, sortFieldByNumber } from './ordering.js';
import { listMeasureSummaries, targetGroupsOf } from './service.js';
import { EditionPage } from './views/edition-page.js';

const measuresPerPage = 50;

/**
 * The page of one edition: the concept's outline (Leitlinien, Themenfelder, Ziele, from concepts)
 * and its measures with filters. It shows measures, so it lives here, above concepts
 * (docs/architecture.md); the status change is Fortschreibung's (fortschreibung/routes.tsx).
 */
export function editionPageRoutes() {
  const app = new Hono<AppEnv>();

  const editionPage = async (c: Ctx, tenant: Tenant, editionId: string, status = 200) => {
    const db = dbOf(c);
    const user = c.get('user');
    const edition = await editionById(db, tenant.id, editionId);
    const q = c.req.query();
    const filter = { fieldId: q.themenfeld, horizon: q.zeithorizont, status: q.status, targetGroup: q.zielgruppe, leadActorId: q.federfuehrung };
    // Without a filter the list is all measures: listing them twice cost a third of the page.
    const filtered = Object.values(filter).some((v) => v);
    const [outline, measures, allIfFiltered, targetGroups, actors] = await Promise.all([
      editionOutline(db, tenant.id, edition.id),
      listMeasureSummaries(db, tenant.id, edition.id, filter),
      filtered ? listMeasureSummaries(db, tenant.id, edition.id) : undefined,
      targetGroupsOf(db, tenant.id, edition.id),
      listActors(db, tenant.id),
    ]);
    const all = allIfFiltered ?? measures;
    // 50 rows per page keep the page light (an edition has 160+ measures).
    const pageCount = Math.max(1, Math.ceil(measures.length / measuresPerPage));
    const page = Math.min(pageCount, Math.max(1, Number(q.seite ?? 1) || 1));
    const pageLink = (n: number) => `?${new URLSearchParams({ ...q, seite: String(n) }).toString()}#measures-heading`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={edition.title} section="editions">
        <EditionPage
          page={{ current: page, count: pageCount, link: pageLink, total: measures.length }}
          t={c.get('t')}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          edition={edition}
          outline={outline}
          measures={measures.slice((page - 1) * measuresPerPage, page * measuresPerPage)}
          totalMeasures={all.length}
          orderStamp={orderStamp(all)}
          filter={{ themenfeld: q.themenfeld ?? '', zeithorizont: q.zeithorizont ?? '', status: q.status ?? '', zielgruppe: q.zielgruppe ?? '', federfuehrung: q.federfuehrung ?? '' }}
          targetGroups={targetGroups}
          actors={actors}
          canManage={canManageConcept(user, tenant.id)}
          canCreateMeasure={canCreateMeasure(user, tenant.id)}
          open={isEditionOpen(edition.status)}
          outlineOpen={q.gliederung === 'offen'}
        />
      </AppPage>,
      status,
    );
  };

  // The heaviest internal page, opened again after every measure: kept while nothing changed (platform/ui/kept-app-page.ts).
  app.get('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return editionPage(c, tenant, c.req.param('id'));
  });

  /** "nach Nummer sortieren" for one Themenfeld; refused when the order changed since the page was shown. */
  app.post('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/sortieren', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const t = c.get('t');
    const editionUrl = `${appBase(tenant)}/fassungen/${c.req.param('id')}`;
    try {
      const moved = await sortFieldByNumber(commandContext(c), tenant.id, c.req.param('id'), body);
      return redirectWithFlash(c, `${editionUrl}?themenfeld=${encodeURIComponent(String(body.themenfeld))}#massnahmen`, t('measures.sorted', { count: moved }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'edit_conflict') return redirectWithFlash(c, `${editionUrl}#massnahmen`, t('error.order_changed'));
      throw e;
    }
  });

  return app;
}
