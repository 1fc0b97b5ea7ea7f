import { DataTable } from '../../../platform/ui/components.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { T } from '../../../platform/i18n/i18n.js';
import { Button, Csrf, ErrorSummary, SelectField, TextField, type FormState } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import { tenantKinds } from '../../../platform/tenancy/schema.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import { adminNav } from './home.js';
import { Handoff, type InvitationHandoff } from './members.js';

/** Platform administration: every Kommune, and the form to add one. */
export function AdminTenantsPage(p: {
  t: T;
  csrfToken: string;
  user: CurrentUser;
  tenants: Tenant[];
  parents: Tenant[];
  form: FormState;
  flash?: string | undefined;
  handoff?: InvitationHandoff | undefined;
}) {
  const { t } = p;
  const byId = new Map(p.tenants.map((x) => [x.id, x]));
  const labels = {
    ags: t('admin.ags'),
    name: t('admin.name'),
    kind: t('admin.kind'),
    parentId: t('admin.parent'),
    slug: t('admin.slug'),
    coordinatorName: t('admin.coordinator_name'),
    coordinatorEmail: t('admin.coordinator_email'),
  };
  const f = { t, form: p.form };
  return (
    <Layout t={t} lang="de" title={t('admin.title')} siteName="ikon" siteHref="/app" nav={adminNav(t, 'admin', true)} user={p.user} csrfToken={p.csrfToken} flash={p.flash}>
      <div class="stack">
        <h1 class="kern-heading-large">{t('admin.title')}</h1>
        <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
        {p.handoff ? <Handoff t={t} handoff={p.handoff} /> : null}

        <section aria-labelledby="list-heading">
          <h2 id="list-heading" class="kern-heading-medium">
            {t('admin.list_heading')}
          </h2>
          {p.tenants.length ? (
            <DataTable caption={t('admin.list_caption')} headers={[t('admin.name'), t('admin.ags'), t('admin.kind'), t('admin.parent'), t('admin.slug')]}>
                  {p.tenants.map((x) => (
                    <tr>
                      <th scope="row">
                        <a href={`/app/k/${x.slug}`}>{x.name}</a>
                        {x.isDemo ? <span class="muted"> ({t('admin.demo')})</span> : null}
                      </th>
                      <td>{x.ags}</td>
                      <td>{t(`tenant_kind.${x.kind}`)}</td>
                      <td>{x.parentId ? byId.get(x.parentId)?.name ?? '' : ''}</td>
                      <td>
                        <a href={`/k/${x.slug}`}>{`/k/${x.slug}`}</a>
                      </td>
                    </tr>
                  ))}
                </DataTable>
          ) : (
            <p>{t('admin.empty')}</p>
          )}
        </section>

        <section aria-labelledby="create-heading">
          <h2 id="create-heading" class="kern-heading-medium">
            {t('admin.create_heading')}
          </h2>
          <form method="post" action="/app/admin/kommunen" class="stack" novalidate>
            <Csrf token={p.csrfToken} />
            <TextField {...f} name="name" label={labels.name} hint={t('admin.name_hint')} required />
            <TextField {...f} name="ags" label={labels.ags} hint={t('admin.ags_hint')} inputmode="numeric" width="8" required />
            <SelectField {...f} name="kind" label={labels.kind} required options={tenantKinds.map((k) => ({ value: k, label: t(`tenant_kind.${k}`) }))} />
            <SelectField {...f} name="parentId" label={labels.parentId} hint={t('admin.parent_hint')} emptyLabel={t('admin.no_parent')} options={p.parents.map((x) => ({ value: x.id, label: x.name }))} />
            <TextField {...f} name="slug" label={labels.slug} hint={t('admin.slug_hint')} />
            <fieldset class="kern-fieldset">
              <legend class="kern-title">{t('admin.coordinator_heading')}</legend>
              <div class="stack">
                <p class="kern-hint">{t('admin.coordinator_hint')}</p>
                <TextField {...f} name="coordinatorName" label={labels.coordinatorName} autocomplete="off" />
                <TextField {...f} name="coordinatorEmail" label={labels.coordinatorEmail} type="email" autocomplete="off" />
              </div>
            </fieldset>
            <Button>{t('admin.create')}</Button>
          </form>
        </section>
      </div>
    </Layout>
  );
}
