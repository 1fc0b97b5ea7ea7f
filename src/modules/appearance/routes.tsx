import { Hono } from 'hono';
import { isAppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { brandLinks, logoOf, removeLogo, saveBrand } from '../../platform/tenancy/brand.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForCoordination } from '../../platform/ui/app-shell.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { versionFrom } from '../../platform/validation.js';
import { AppearanceContent } from './views/settings.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const path = (tenant: Tenant) => `${appBase(tenant)}/einstellungen/erscheinungsbild`;

const savedValues = (tenant: Tenant) => ({ brandColor: tenant.brandColor ?? '', version: tenant.version });

async function settingsPage(c: Ctx, tenant: Tenant, form: FormState, status = 200) {
  const t = c.get('t');
  const logo = tenant.logoVersion ? await logoOf(dbOf(c), tenant.id) : undefined;
  const src = brandLinks(tenant).logo;
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('appearance.title')} section="appearance">
      <AppearanceContent
        t={t}
        csrfToken={c.get('csrfToken')}
        action={path(tenant)}
        removeHref={`${path(tenant)}/logo-entfernen`}
        publicHref={`/k/${tenant.slug}`}
        logo={logo && src ? { src, width: logo.width, height: logo.height } : undefined}
        form={form}
      />
    </AppPage>,
    status,
  );
}

/** The chosen file's bytes; no file chosen = undefined. */
async function chosenFile(value: unknown): Promise<Uint8Array | undefined> {
  const file = Array.isArray(value) ? value[0] : value;
  if (!(file instanceof File) || (file.size === 0 && !file.name)) return undefined;
  return new Uint8Array(await file.arrayBuffer());
}

/** Koordination sets the colour and logo of the Kommune's public site. */
export function appearanceRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/einstellungen/erscheinungsbild', keptAppPage, async (c) => {
    const { tenant } = await tenantForCoordination(c);
    return settingsPage(c, tenant, emptyForm(savedValues(tenant)));
  });

  app.post('/app/k/:slug/einstellungen/erscheinungsbild', async (c) => {
    const { tenant } = await tenantForCoordination(c);
    const body = await formBody(c);
    const values = { brandColor: typeof body.brandColor === 'string' ? body.brandColor : '', version: body.version };
    return submitForm(c, async () => saveBrand(commandContext(c), tenant, versionFrom(body.version), { brandColor: values.brandColor, logo: await chosenFile(body.logo) }), {
      saved: () => [path(tenant), c.get('t')('appearance.saved')],
      invalid: (errors) => settingsPage(c, tenant, { values, errors }, 422),
      conflict: async () => {
        const { tenant: current } = await tenantForCoordination(c);
        return settingsPage(c, current, { values: { ...values, version: current.version }, errors: [{ field: 'version', messageKey: 'error.edit_conflict' }] }, 409);
      },
    });
  });

  app.get('/app/k/:slug/einstellungen/erscheinungsbild/logo-entfernen', keptAppPage, async (c) => {
    const { tenant } = await tenantForCoordination(c);
    const t = c.get('t');
    if (!tenant.logoVersion) return redirectWithFlash(c, path(tenant));
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('appearance.remove_logo.title')} section="appearance">
        <ConfirmAction
          t={t}
          title={t('appearance.remove_logo.title')}
          action={`${path(tenant)}/logo-entfernen`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(tenant.version) }}
          confirmLabel={t('appearance.remove_logo.confirm')}
          cancelHref={path(tenant)}
        >
          <p>{t('appearance.remove_logo.text')}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/einstellungen/erscheinungsbild/logo-entfernen', async (c) => {
    const { tenant } = await tenantForCoordination(c);
    const body = await formBody(c);
    try {
      await removeLogo(commandContext(c), tenant, versionFrom(body.version));
    } catch (e) {
      // Changed meanwhile (a new logo, another tab): back to the page, which shows what is saved now.
      if (isAppError(e, 'edit_conflict')) return redirectWithFlash(c, path(tenant), c.get('t')('error.edit_conflict'));
      throw e;
    }
    return redirectWithFlash(c, path(tenant), c.get('t')('appearance.removed'));
  });

  return app;
}
