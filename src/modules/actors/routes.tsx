import { commandContext } from '../../platform/http/session.js';
import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { DeleteConflict } from '../../platform/http/delete-conflict.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { Alert, DataTable } from '../../platform/ui/components.js';
import { ConfirmAction, ConfirmLink } from '../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField, emptyForm, type FormState } from '../../platform/ui/form.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { municipalitiesOf, type Tenant } from '../../platform/tenancy/service.js';
import { contactCounts, contactsOf } from './contacts.js';
import { actorKinds } from './schema.js';
import { ContactSection } from './views/contact-section.js';
import { actorById, createActor, deleteActor, listActors, updateActor, type Actor } from './service.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';


function ActorFields(p: { c: Ctx; form: FormState; municipalities: { id: string; name: string }[] }) {
  const t = p.c.get('t');
  const f = { t, form: p.form };
  return (
    <>
      <ErrorSummary t={t} errors={p.form.errors} labels={{ name: t('actors.name'), kind: t('actors.kind'), municipalityId: t('actors.municipality'), address: t('actors.address'), website: t('actors.website') }} />
      <Csrf token={p.c.get('csrfToken')} />
      <TextField {...f} name="name" label={t('actors.name')} required />
      <SelectField {...f} name="kind" label={t('actors.kind')} required options={actorKinds.map((k) => ({ value: k, label: t(`actor_kind.${k}`) }))} />
      <SelectField {...f} name="municipalityId" label={t('actors.municipality')} emptyLabel={t('measure.whole_county')} options={p.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
      <TextArea {...f} name="address" label={t('actors.address')} hint={t('actors.address_hint')} rows={3} />
      <TextField {...f} name="website" label={t('actors.website')} hint={t('actors.website_hint')} type="url" />
    </>
  );
}

const actorForm = (a: Actor) => emptyForm({ name: a.name, kind: a.kind, municipalityId: a.municipalityId ?? '', address: a.address, website: a.website, version: a.version });

export function actorRoutes() {
  const app = new Hono<AppEnv>();

  const listPage = async (c: Ctx, tenant: Tenant, form: FormState, status = 200) => {
    const t = c.get('t');
    const db = dbOf(c);
    const manage = isCoordinator(c.get('user'), tenant.id);
    const [actors, municipalities, counts] = await Promise.all([listActors(db, tenant.id), municipalitiesOf(db, tenant.id), manage ? contactCounts(db, tenant.id) : new Map<string, number>()]);
    const base = appBase(tenant);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('actors.title')} section="actors">
        <h1 class="kern-heading-large">{t('actors.title')}</h1>
        <p>{t('actors.intro', { count: actors.length })}</p>
        <DataTable caption={t('actors.title')} headers={[t('actors.name'), t('actors.kind'), t('actors.municipality'), ...(manage ? [t('actors.contacts_column')] : [])]}>
              {actors.map((a) => (
                <tr>
                  <td>{manage ? <a href={`${base}/akteure/${a.id}`}>{a.name}</a> : a.name}</td>
                  <td>{t(`actor_kind.${a.kind}`)}</td>
                  <td>{a.municipalityName ?? t('measure.whole_county')}</td>
                  {manage ? <td>{counts.get(a.id) ?? 0}</td> : null}
                </tr>
              ))}
        </DataTable>
        {manage ? (
          <p class="kern-body">
            <a href={`${base}/akteure/import`}>{t('actors.import.link')}</a> · {t('actors.export.label')} <a href={`${base}/akteure/export.xlsx`}>{t('spreadsheet.export.xlsx')}</a>,{' '}
            <a href={`${base}/akteure/export.csv`}>{t('spreadsheet.export.csv')}</a>
            <br />
            <a href={`${base}/akteure/ansprechpersonen/import`}>{t('contacts.import.link')}</a> · {t('contacts.export.label')}{' '}
            <a href={`${base}/akteure/ansprechpersonen/export.xlsx`}>{t('spreadsheet.export.xlsx')}</a>, <a href={`${base}/akteure/ansprechpersonen/export.csv`}>{t('spreadsheet.export.csv')}</a>
            <br />
            <span class="kern-hint">{t('actors.export.hint')}</span>
          </p>
        ) : null}
        {manage ? (
          <form method="post" action={`${base}/akteure`} class="stack" novalidate aria-labelledby="new-actor">
            <h2 id="new-actor" class="kern-heading-medium">{t('actors.new')}</h2>
            <ActorFields c={c} form={form} municipalities={municipalities} />
            <div>
              <Button>{t('form.create')}</Button>
            </div>
          </form>
        ) : null}
      </AppPage>,
      status,
    );
  };

  const editPage = async (c: Ctx, tenant: Tenant, id: string, form: FormState, status = 200, error?: string | JSX.Element) => {
    const t = c.get('t');
    const actor = await actorById(dbOf(c), tenant.id, id);
    const municipalities = await municipalitiesOf(dbOf(c), tenant.id);
    const contacts = await contactsOf(dbOf(c), tenant.id, actor.id);
    const base = `${appBase(tenant)}/akteure/${actor.id}`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={actor.name} section="actors">
        <h1 class="kern-heading-large">{actor.name}</h1>
        {typeof error === 'string' ? <Alert variant="danger" title={error} /> : error ?? null}
        <form method="post" action={base} class="stack" novalidate>
          <input type="hidden" name="version" value={String(form.values.version ?? actor.version)} />
          <ActorFields c={c} form={form} municipalities={municipalities} />
          <div class="actions">
            <Button>{t('form.save')}</Button>
            <a href={`${appBase(tenant)}/akteure`}>{t('form.cancel')}</a>
          </div>
        </form>
        <ContactSection t={t} base={base} contacts={contacts} />
        <div class="stack">
          <p>{t('actors.delete_hint')}</p>
          <div>
            <ConfirmLink href={`${base}/loeschen`} label={t('actors.delete')} />
          </div>
        </div>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/akteure', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return listPage(c, tenant, emptyForm({ kind: 'wohlfahrtsverband' }));
  });

  app.post('/app/k/:slug/akteure', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    try {
      const a = await createActor(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/akteure`, c.get('t')('actors.created', { name: a.name }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed') return listPage(c, tenant, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  app.get('/app/k/:slug/akteure/:id', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!isCoordinator(user, tenant.id)) throw new AppError('forbidden');
    const a = await actorById(dbOf(c), tenant.id, c.req.param('id'));
    return editPage(c, tenant, a.id, actorForm(a));
  });

  app.post('/app/k/:slug/akteure/:id', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    try {
      await updateActor(commandContext(c), tenant.id, id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/akteure`, c.get('t')('actors.saved'));
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed') return editPage(c, tenant, id, { values: body, errors: e.fieldErrors }, 422);
      if (e instanceof AppError && e.code === 'edit_conflict') return editPage(c, tenant, id, { values: body, errors: [] }, 409, c.get('t')('error.edit_conflict'));
      throw e;
    }
  });

  app.get('/app/k/:slug/akteure/:id/loeschen', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!isCoordinator(user, tenant.id)) throw new AppError('forbidden');
    const t = c.get('t');
    const actor = await actorById(dbOf(c), tenant.id, c.req.param('id'));
    const title = t('actors.delete_confirm_title', { name: actor.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="actors">
        <ConfirmAction t={t} title={title} action={`${appBase(tenant)}/akteure/${actor.id}/loeschen`} csrfToken={c.get('csrfToken')} fields={{ version: String(actor.version) }} confirmLabel={t('actors.delete')} cancelHref={`${appBase(tenant)}/akteure/${actor.id}`}>
          <p>{t('actors.delete_hint')}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/akteure/:id/loeschen', async (c) => {
    const { tenant } = await tenantForApp(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await deleteActor(commandContext(c), tenant.id, id, body.version);
      return redirectWithFlash(c, `${appBase(tenant)}/akteure`, c.get('t')('actors.deleted'));
    } catch (e) {
      if (e instanceof AppError && e.code === 'edit_conflict') {
        const a = await actorById(dbOf(c), tenant.id, id);
        const notice = await DeleteConflict({ c, tenantId: tenant.id, entityType: 'actor', entityId: id });
        return editPage(c, tenant, id, actorForm(a), 409, notice);
      }
      if (e instanceof AppError && e.code === 'conflict') {
        const a = await actorById(dbOf(c), tenant.id, id);
        return editPage(c, tenant, id, actorForm(a), 409, c.get('t')(e.messageKey, e.options.params));
      }
      throw e;
    }
  });
  return app;
}
