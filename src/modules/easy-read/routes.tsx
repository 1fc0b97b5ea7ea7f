import { Hono } from 'hono';
import { AppError, isAppError, type FieldError } from '../../platform/errors.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { translator } from '../../platform/i18n/i18n.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { withReadability } from '../../platform/ui/readability.js';
import { adoptedEdition, canManageConcept, listEditions } from '../concepts/index.js';
import { easyTextOf, easyTextsOf, publicEasyTexts, removeEasyText, saveEasyText } from './service.js';
import { anchorOf, EasyReadEditContent, EasyReadRemoveContent, headingOf, type EasyProblem } from './views/edit-page.js';
import { EasyReadFixedPage, EasyReadStart, easyReadPages, easyReadPath, type EasyReadPage } from './views/public-pages.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const editPath = (tenant: Tenant) => `${appBase(tenant)}/leichte-sprache`;

async function editPage(c: Ctx, tenant: Tenant, editionId: string | undefined, problem?: EasyProblem, status = 200) {
  const t = c.get('t');
  const db = dbOf(c);
  const editions = await listEditions(db, tenant.id);
  // The adopted edition by default (what the public sees), else the newest.
  const edition = editions.find((e) => e.id === editionId) ?? (await adoptedEdition(db, tenant.id)) ?? editions[0];
  const texts = edition ? await easyTextsOf(db, tenant.id, edition) : [];
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('easy_read.edit.title')} section="easy_read">
      <EasyReadEditContent
        t={t}
        action={edition ? `${editPath(tenant)}?fassung=${edition.id}` : editPath(tenant)}
        removeBase={edition ? `${editPath(tenant)}/${edition.id}` : editPath(tenant)}
        csrfToken={c.get('csrfToken')}
        editions={editions}
        edition={edition}
        texts={texts}
        publicHref={`/k/${tenant.slug}${easyReadPath}`}
        problem={problem}
      />
    </AppPage>,
    status,
  );
}

async function tenantForEditing(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  if (!canManageConcept(user, tenant.id)) throw new AppError('forbidden');
  return tenant;
}

export function easyReadRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/leichte-sprache', keptAppPage, async (c) => editPage(c, await tenantForEditing(c), c.req.query('fassung')));

  app.post('/app/k/:slug/leichte-sprache', async (c) => {
    const tenant = await tenantForEditing(c);
    const body = await formBody(c);
    const editionId = c.req.query('fassung') ?? '';
    const key = typeof body.key === 'string' ? body.key : '';
    const text = typeof body.text === 'string' ? body.text : '';
    try {
      const saved = await saveEasyText(commandContext(c), tenant.id, editionId, body);
      const t = c.get('t');
      return redirectWithFlash(c, `${editPath(tenant)}?fassung=${editionId}#${anchorOf(saved)}`, withReadability(t, t('easy_read.edit.saved'), saved.text));
    } catch (e) {
      const again = (errors: FieldError[], status: number) => editPage(c, tenant, editionId, { key, text, errors }, status);
      if (isAppError(e, 'validation_failed')) return again(e.fieldErrors.length ? e.fieldErrors : [{ field: 'text', messageKey: e.messageKey }], 422);
      if (isAppError(e, 'edit_conflict')) return again([{ field: 'text', messageKey: e.messageKey }], 409);
      throw e;
    }
  });

  // Removing a text: GET asks (ConfirmAction), POST removes at the version seen.
  const removal = '/app/k/:slug/leichte-sprache/:edition{[0-9a-fA-F-]+}/:kind{edition|field}/:item{[0-9a-fA-F-]+}/entfernen';
  const keyOf = (c: Ctx) => `${c.req.param('kind')}:${c.req.param('item')}`;
  app.get(removal, keptAppPage, async (c) => {
    const tenant = await tenantForEditing(c);
    const t = c.get('t');
    const { edition, unit } = await easyTextOf(dbOf(c), tenant.id, c.req.param('edition') ?? '', keyOf(c));
    if (!unit.version) throw new AppError('not_found');
    c.header('Cache-Control', 'no-store');
    const back = `${editPath(tenant)}?fassung=${edition.id}#${anchorOf(unit)}`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('easy_read.remove.title', { title: headingOf(t, unit) })} section="easy_read">
        <EasyReadRemoveContent t={t} text={unit} action={c.req.path} csrfToken={c.get('csrfToken')} cancelHref={back} />
      </AppPage>,
    );
  });
  app.post(removal, async (c) => {
    const tenant = await tenantForEditing(c);
    const editionId = c.req.param('edition') ?? '';
    const key = keyOf(c);
    try {
      const removed = await removeEasyText(commandContext(c), tenant.id, editionId, key, await formBody(c));
      return redirectWithFlash(c, `${editPath(tenant)}?fassung=${editionId}#${anchorOf(removed)}`, c.get('t')('easy_read.remove.done'));
    } catch (e) {
      // Changed meanwhile: back at the text, with the conflict at its form (nothing removed).
      if (isAppError(e, 'edit_conflict')) return editPage(c, tenant, editionId, { key, text: (await easyTextOf(dbOf(c), tenant.id, editionId, key)).unit.text, errors: [{ field: 'text', messageKey: e.messageKey }] }, 409);
      throw e;
    }
  });

  // Public: always German (Leichte Sprache is German), whatever `lang` the link carried.
  const page = cachedPublicPages(100);
  const german = translator('de');
  app.get(
    `/k/:slug${easyReadPath}`,
    page(async (c, tenant, tenantId) => <EasyReadStart t={german} url={c.req.url} tenant={tenant} data={await publicEasyTexts(dbOf(c), tenantId)} />),
  );
  app.get(
    `/k/:slug${easyReadPath}/:page{hilfe|impressum|datenschutz|barrierefreiheit}`,
    page(async (c, tenant) => {
      const name = c.req.param('page') as EasyReadPage;
      if (!(name in easyReadPages)) throw new AppError('not_found');
      return <EasyReadFixedPage t={german} url={c.req.url} tenant={tenant} page={name} />;
    }),
  );

  return app;
}
