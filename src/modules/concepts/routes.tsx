import { commandContext } from '../../platform/http/session.js';
import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { DeleteConflict } from '../../platform/http/delete-conflict.js';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { DataTable } from '../../platform/ui/components.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, TextArea, TextField, emptyForm, type FormState } from '../../platform/ui/form.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { createEdition, editionById, listEditions, updateEdition } from './editions.js';
import { createItem, deleteItem, editionOutline, fieldKind, goalKind, guidelineKind, itemById, moveItem, updateItem } from './items.js';
import { canManageConcept } from './policy.js';
import { ItemForm, type ItemPath } from './views/item-form.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { withReadability } from '../../platform/ui/readability.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const kinds = { leitlinien: guidelineKind, themenfelder: fieldKind, ziele: goalKind } as const;
const isItemPath = (p: string): p is ItemPath => p in kinds;
/** The public text of a Leitlinie (text) or Themenfeld/Ziel (description) as the form sent it. */
const publicText = (body: Record<string, unknown>) => String(body.text ?? body.description ?? '');
const validationFailed = (e: unknown): e is AppError => e instanceof AppError && e.code === 'validation_failed';


/** The edition page with its (otherwise folded) outline of Leitlinien, Themenfelder and Ziele open. */
const outlineOf = (base: string, editionId: string) => `${base}/fassungen/${editionId}?gliederung=offen#gliederung`;

export function conceptRoutes() {
  const app = new Hono<AppEnv>();

  const editionsPage = async (c: Ctx, tenant: Tenant, form: FormState, status = 200) => {
    const t = c.get('t');
    const editions = await listEditions(dbOf(c), tenant.id);
    const base = appBase(tenant);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('editions.title')} section="editions">
        <h1 class="kern-heading-large">{t('editions.title')}</h1>
        <p>{t('editions.intro')}</p>
        <DataTable caption={t('editions.title')} headers={[t('editions.edition'), t('measure.status'), t('editions.adopted_on_label')]}>
            {editions.map((e) => (
              <tr>
                <td>
                  <a href={`${base}/fassungen/${e.id}`}>{e.title}</a>
                </td>
                <td>{t(`edition_status.${e.status}`)}</td>
                <td>{formatDate('de', e.adoptedOn) || '–'}</td>
              </tr>
            ))}
        </DataTable>
        <nav class="actions" aria-label={t('editions.monitoring')}>
          {canManageConcept(c.get('user'), tenant.id) ? <a href={`${base}/fassungen/fortschreibung`}>{t('editions.start_update')}</a> : null}
          <a href={`${base}/fassungen/vergleich`}>{t('editions.compare_all')}</a>
        </nav>
        {canManageConcept(c.get('user'), tenant.id) ? (
          <form method="post" action={`${base}/fassungen`} class="stack" novalidate aria-labelledby="new-edition">
            <h2 id="new-edition" class="kern-heading-medium">{t('editions.new')}</h2>
            <ErrorSummary t={t} errors={form.errors} labels={{ title: t('concept.item_title') }} />
            <Csrf token={c.get('csrfToken')} />
            <TextField t={t} form={form} name="title" label={t('concept.item_title')} required hint={t('editions.title_hint')} />
            <TextArea t={t} form={form} name="introduction" label={t('editions.introduction')} readability />
            <div>
              <Button>{t('form.create')}</Button>
            </div>
          </form>
        ) : null}
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/fassungen', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return editionsPage(c, tenant, emptyForm());
  });

  app.post('/app/k/:slug/fassungen', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    try {
      const e = await createEdition(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${e.id}`, c.get('t')('editions.created'));
    } catch (e) {
      if (validationFailed(e)) return editionsPage(c, tenant, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  const editionEditPage = async (c: Ctx, tenant: Tenant, id: string, form: FormState, status = 200) => {
    const t = c.get('t');
    const edition = await editionById(dbOf(c), tenant.id, id);
    const action = `${appBase(tenant)}/fassungen/${edition.id}/bearbeiten`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('editions.edit')} section="editions">
        <h1 class="kern-heading-large">{t('editions.edit')}</h1>
        <form method="post" action={action} class="stack" novalidate>
          <ErrorSummary t={t} errors={form.errors} labels={{ title: t('concept.item_title') }} />
          <Csrf token={c.get('csrfToken')} />
          <input type="hidden" name="version" value={String(form.values.version ?? edition.version)} />
          <TextField t={t} form={form} name="title" label={t('concept.item_title')} required />
          <TextArea t={t} form={form} name="introduction" label={t('editions.introduction')} rows={6} readability />
          <div class="actions">
            <Button>{t('form.save')}</Button>
            <a href={`${appBase(tenant)}/fassungen/${edition.id}`}>{t('form.cancel')}</a>
          </div>
        </form>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/bearbeiten', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canManageConcept(user, tenant.id)) throw new AppError('forbidden');
    const e = await editionById(dbOf(c), tenant.id, c.req.param('id'));
    return editionEditPage(c, tenant, e.id, emptyForm({ title: e.title, introduction: e.introduction, version: e.version }));
  });

  app.post('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/bearbeiten', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    try {
      const e = await updateEdition(commandContext(c), tenant.id, c.req.param('id'), body);
      return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${e.id}`, withReadability(c.get('t'), c.get('t')('editions.saved'), e.introduction));
    } catch (e) {
      if (validationFailed(e)) return editionEditPage(c, tenant, c.req.param('id'), { values: body, errors: e.fieldErrors }, 422);
      if (e instanceof AppError && e.code === 'edit_conflict') return editionEditPage(c, tenant, c.req.param('id'), { values: body, errors: [{ field: 'title', messageKey: 'error.edit_conflict' }] }, 409);
      throw e;
    }
  });

  // Leitlinien, Themenfelder, Ziele: one set of routes, the path segment picks the kind.
  const itemPage = async (c: Ctx, tenant: Tenant, kind: ItemPath, editionId: string, form: FormState, itemId?: string, status = 200, notice?: JSX.Element) => {
    const t = c.get('t');
    const base = appBase(tenant);
    const outline = await editionOutline(dbOf(c), tenant.id, editionId);
    const title = t(itemId ? `concept.edit_${kind}` : `concept.new_${kind}`);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <h1 class="kern-heading-large">{title}</h1>
        {notice ?? null}
        <ItemForm
          t={t}
          kind={kind}
          csrfToken={c.get('csrfToken')}
          action={itemId ? `${base}/${kind}/${itemId}/bearbeiten` : `${base}/fassungen/${editionId}/${kind}`}
          form={form}
          fields={outline.fields.filter((f) => !f.isCrossCutting)}
          cancelHref={outlineOf(base, editionId)}
          deleteAction={itemId ? `${base}/${kind}/${itemId}/loeschen` : undefined}
        />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/:kind{leitlinien|themenfelder|ziele}/neu', keptAppPage, async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant, user } = await tenantForApp(c);
    if (!canManageConcept(user, tenant.id)) throw new AppError('forbidden');
    const edition = await editionById(dbOf(c), tenant.id, c.req.param('id'));
    return itemPage(c, tenant, kind, edition.id, emptyForm({ fieldId: c.req.query('themenfeld') ?? '', kind: 'handlungsziel' }));
  });

  app.post('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/:kind{leitlinien|themenfelder|ziele}', async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const editionId = c.req.param('id');
    try {
      await createItem(commandContext(c), kinds[kind], tenant.id, editionId, body);
      return redirectWithFlash(c, outlineOf(appBase(tenant), editionId), withReadability(c.get('t'), c.get('t')('concept.item_created'), publicText(body)));
    } catch (e) {
      if (validationFailed(e)) return itemPage(c, tenant, kind, editionId, { values: body, errors: e.fieldErrors }, undefined, 422);
      throw e;
    }
  });

  app.get('/app/k/:slug/:kind{leitlinien|themenfelder|ziele}/:itemId/bearbeiten', keptAppPage, async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant, user } = await tenantForApp(c);
    if (!canManageConcept(user, tenant.id)) throw new AppError('forbidden');
    const item = await itemById(dbOf(c), kinds[kind], tenant.id, c.req.param('itemId'));
    return itemPage(c, tenant, kind, item.editionId, emptyForm({ ...item, isCrossCutting: item.isCrossCutting ? 'true' : undefined }), item.id);
  });

  app.post('/app/k/:slug/:kind{leitlinien|themenfelder|ziele}/:itemId/bearbeiten', async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const item = await itemById(dbOf(c), kinds[kind], tenant.id, c.req.param('itemId'));
    try {
      await updateItem(commandContext(c), kinds[kind], tenant.id, item.id, body);
      return redirectWithFlash(c, outlineOf(appBase(tenant), item.editionId), withReadability(c.get('t'), c.get('t')('concept.item_saved'), publicText(body)));
    } catch (e) {
      if (validationFailed(e)) return itemPage(c, tenant, kind, item.editionId, { values: body, errors: e.fieldErrors }, item.id, 422);
      if (e instanceof AppError && e.code === 'edit_conflict') return itemPage(c, tenant, kind, item.editionId, { values: { ...body, version: item.version }, errors: [{ field: 'title', messageKey: 'error.edit_conflict' }] }, item.id, 409);
      throw e;
    }
  });

  app.post('/app/k/:slug/:kind{leitlinien|themenfelder|ziele}/:itemId/verschieben', async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const item = await itemById(dbOf(c), kinds[kind], tenant.id, c.req.param('itemId'));
    await moveItem(commandContext(c), kinds[kind], tenant.id, item.id, body.richtung === 'hoch' ? 'up' : 'down');
    return c.redirect(outlineOf(appBase(tenant), item.editionId), 303);
  });

  app.get('/app/k/:slug/:kind{leitlinien|themenfelder|ziele}/:itemId/loeschen', keptAppPage, async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant, user } = await tenantForApp(c);
    if (!canManageConcept(user, tenant.id)) throw new AppError('forbidden');
    const t = c.get('t');
    const item = await itemById(dbOf(c), kinds[kind], tenant.id, c.req.param('itemId'));
    const base = appBase(tenant);
    const title = t(`concept.delete_confirm_${kind}`, { title: item.title });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <ConfirmAction
          t={t}
          title={title}
          action={`${base}/${kind}/${item.id}/loeschen`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(item.version) }}
          confirmLabel={t(`concept.delete_${kind}`)}
          cancelHref={`${base}/${kind}/${item.id}/bearbeiten`}
        >
          <p>{t(`concept.delete_hint_${kind}`)}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/:kind{leitlinien|themenfelder|ziele}/:itemId/loeschen', async (c) => {
    const kind = c.req.param('kind');
    if (!isItemPath(kind)) throw new AppError('not_found');
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const item = await itemById(dbOf(c), kinds[kind], tenant.id, c.req.param('itemId'));
    try {
      await deleteItem(commandContext(c), kinds[kind], tenant.id, item.id, body.version);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'edit_conflict')) throw e;
      const notice = await DeleteConflict({ c, tenantId: tenant.id, entityType: kinds[kind].entityType, entityId: item.id });
      return itemPage(c, tenant, kind, item.editionId, emptyForm({ ...item, isCrossCutting: item.isCrossCutting ? 'true' : undefined }), item.id, 409, notice);
    }
    return redirectWithFlash(c, outlineOf(appBase(tenant), item.editionId), c.get('t')('concept.item_deleted'));
  });

  return app;
}
