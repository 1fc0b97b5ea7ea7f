import { Hono } from 'hono';
import { todayInGermany } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { germanDate } from '../../platform/i18n/german.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { Alert } from '../../platform/ui/components.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { Button, emptyForm, type FormState } from '../../platform/ui/form.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { canManageContacts, contactById, createContact, eraseContact, updateContact } from './contacts.js';
import { discloseContact } from './privacy.js';
import { actorById } from './service.js';
import { ContactFields, contactFormOf } from './views/contact-form.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const id = '[0-9a-fA-F-]{36}';
const base = (tenant: Tenant, actorId: string) => `${appBase(tenant)}/akteure/${actorId}`;

async function coordinatorOnly(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  if (!canManageContacts(user, tenant.id)) throw new AppError('forbidden');
  return tenant;
}

/** Ansprechpersonen of an actor: add, change, disclose (Art. 15) and erase (Art. 17). */
export function contactRoutes() {
  const app = new Hono<AppEnv>();

  const formPage = async (c: Ctx, tenant: Tenant, actorId: string, contactId: string | undefined, form: FormState, status = 200, conflict = false) => {
    const t = c.get('t');
    const actor = await actorById(dbOf(c), tenant.id, actorId);
    const contact = contactId ? await contactById(dbOf(c), tenant.id, actorId, contactId) : undefined;
    const title = contact ? t('contacts.edit_title', { name: contact.name }) : t('contacts.new_title', { actor: actor.name });
    const action = contact ? `${base(tenant, actorId)}/ansprechpersonen/${contact.id}` : `${base(tenant, actorId)}/ansprechpersonen`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="actors">
        <h1 class="kern-heading-large">{title}</h1>
        <p>{t('contacts.intro')}</p>
        {conflict ? <Alert variant="danger" title={t('error.edit_conflict')} /> : null}
        <form method="post" action={action} class="stack" novalidate>
          {contact ? <input type="hidden" name="version" value={String(conflict ? contact.version : form.values.version ?? contact.version)} /> : null}
          <ContactFields c={c} form={form} />
          <div class="actions">
            <Button>{contact ? t('form.save') : t('form.create')}</Button>
            <a href={base(tenant, actorId)}>{t('form.cancel')}</a>
          </div>
        </form>
      </AppPage>,
      status,
    );
  };

  app.get(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/neu`, keptAppPage, async (c) => {
    const tenant = await coordinatorOnly(c);
    return formPage(c, tenant, c.req.param('actor'), undefined, emptyForm({ consentScope: 'keine' }));
  });

  app.post(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const actorId = c.req.param('actor');
    const body = await formBody(c);
    return submitForm(c, () => createContact(commandContext(c), tenant.id, actorId, body), {
      saved: (p) => [base(tenant, actorId), c.get('t')('contacts.created', { name: p.name })],
      invalid: (errors) => formPage(c, tenant, actorId, undefined, { values: body, errors }, 422),
      conflict: () => formPage(c, tenant, actorId, undefined, { values: body, errors: [] }, 409, true),
    });
  });

  app.get(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/:id{${id}}`, keptAppPage, async (c) => {
    const tenant = await coordinatorOnly(c);
    const contact = await contactById(dbOf(c), tenant.id, c.req.param('actor'), c.req.param('id'));
    return formPage(c, tenant, contact.actorId, contact.id, contactFormOf(contact));
  });

  app.post(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/:id{${id}}`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const actorId = c.req.param('actor');
    const contactId = c.req.param('id');
    const body = await formBody(c);
    return submitForm(c, () => updateContact(commandContext(c), tenant.id, actorId, contactId, body), {
      saved: () => [base(tenant, actorId), c.get('t')('contacts.saved')],
      invalid: (errors) => formPage(c, tenant, actorId, contactId, { values: body, errors }, 422),
      conflict: () => formPage(c, tenant, actorId, contactId, { values: body, errors: [] }, 409, true),
    });
  });

  app.get(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/:id{${id}}/loeschen`, keptAppPage, async (c) => {
    const tenant = await coordinatorOnly(c);
    const t = c.get('t');
    const actor = await actorById(dbOf(c), tenant.id, c.req.param('actor'));
    const contact = await contactById(dbOf(c), tenant.id, actor.id, c.req.param('id'));
    const title = t('contacts.erase_confirm_title', { name: contact.name });
    const action = `${base(tenant, actor.id)}/ansprechpersonen/${contact.id}/loeschen`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="actors">
        <ConfirmAction t={t} title={title} warning={{ title: t('contacts.erase_warning') }} action={action} csrfToken={c.get('csrfToken')} fields={{ version: String(contact.version) }} confirmLabel={t('contacts.erase')} cancelHref={`${base(tenant, actor.id)}/ansprechpersonen/${contact.id}`}>
          <p>{t('contacts.erase_text', { actor: actor.name })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/:id{${id}}/loeschen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const actorId = c.req.param('actor');
    const body = await formBody(c);
    await eraseContact(commandContext(c), tenant.id, actorId, c.req.param('id'), body.version);
    return redirectWithFlash(c, base(tenant, actorId), c.get('t')('contacts.erased'));
  });

  app.get(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/:id{${id}}/auskunft.json`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const d = await discloseContact(commandContext(c), tenant, c.req.param('actor'), c.req.param('id'), c.get('t'));
    return c.body(JSON.stringify(d, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="auskunft-${d.person.id}.json"`,
      'cache-control': 'no-store',
    });
  });

  app.get(`/app/k/:slug/akteure/:actor{${id}}/ansprechpersonen/:id{${id}}/auskunft.pdf`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const t = c.get('t');
    const d = await discloseContact(commandContext(c), tenant, c.req.param('actor'), c.req.param('id'), t);
    // pdfkit, fontkit and resvg load on the first disclosure, not with the server (issue 9).
    const { disclosurePdf } = await import('./privacy-pdf.js');
    const pdf = await disclosurePdf(d, t, germanDate(todayInGermany()));
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="auskunft-${d.person.id}.pdf"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
