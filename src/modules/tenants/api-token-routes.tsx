import { Hono } from 'hono';
import { AppError, isAppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { handOver, handoffCookie, takeHandedOver } from '../../platform/http/handoff.js';
import { addYears, berlinDate } from '../../platform/dates.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { versionFrom } from '../../platform/validation.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { listActors } from '../actors/index.js';
import { apiTokenById, apiTokensOf, canManageApiTokens, createApiToken, openApiTokenBySecret, revokeApiToken } from './api-tokens.js';
import { ApiTokensContent, tokenRights, type NewApiToken } from './views/api-tokens.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const path = (tenant: Tenant) => `${appBase(tenant)}/einstellungen/api-zugaenge`;
const idPattern = ':id{[0-9a-fA-F-]{36}}';

/**
 * A token's secret is shown once, on the page after creating it: it travels across the redirect
 * in a short-lived HttpOnly cookie limited to this page (the database only has its hash), like an
 * invitation link that could not be mailed.
 */
const newTokenCookie = handoffCookie('ikon_new_api_token');

/** The Kommune of the API-Zugänge pages: Koordination only (other members 403, outsiders 404). */
async function tenantForTokens(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  if (!canManageApiTokens(user, tenant.id)) throw new AppError('forbidden');
  return { tenant, user };
}

async function takeCreated(c: Ctx, tenant: Tenant): Promise<NewApiToken | undefined> {
  const secret = takeHandedOver(c, newTokenCookie, path(tenant));
  if (!secret) return undefined;
  // Only a token of this Kommune that is still valid; anything else in the cookie is dropped unseen.
  const token = await openApiTokenBySecret(dbOf(c), tenant.id, secret);
  return token ? { name: token.name, secret } : undefined;
}

async function tokensPage(c: Ctx, tenant: Tenant, form: FormState, status = 200) {
  const db = dbOf(c);
  const t = c.get('t');
  const [tokens, actors] = await Promise.all([apiTokensOf(db, tenant.id), listActors(db, tenant.id)]);
  const created = status === 200 ? await takeCreated(c, tenant) : undefined;
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('api_tokens.title')} section="api-tokens">
      <ApiTokensContent
        t={t}
        csrfToken={c.get('csrfToken')}
        base={appBase(tenant)}
        tenantName={tenant.name}
        tenantSlug={tenant.slug}
        publicUrl={c.get('services').config.publicUrl}
        tokens={tokens}
        actors={actors}
        form={form}
        created={created}
        now={new Date()}
      />
    </AppPage>,
    status,
  );
}

export function apiTokenRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/einstellungen/api-zugaenge', keptAppPage, async (c) => {
    const { tenant } = await tenantForTokens(c);
    return tokensPage(c, tenant, emptyForm({ role: 'redaktion', scopes: ['progress'], expiresOn: addYears(berlinDate(new Date()), 1) }));
  });

  app.post('/app/k/:slug/einstellungen/api-zugaenge', async (c) => {
    const { tenant } = await tenantForTokens(c);
    const body = await formBody(c);
    try {
      const { token, secret } = await createApiToken(commandContext(c), tenant.id, body);
      handOver(c, newTokenCookie, secret, path(tenant));
      return redirectWithFlash(c, path(tenant), c.get('t')('api_tokens.created_flash', { name: token.name }));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return tokensPage(c, tenant, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  app.get(`/app/k/:slug/einstellungen/api-zugaenge/${idPattern}/widerrufen`, async (c) => {
    const { tenant } = await tenantForTokens(c);
    const t = c.get('t');
    const token = await apiTokenById(dbOf(c), tenant.id, c.req.param('id'));
    if (token.revokedAt) return redirectWithFlash(c, path(tenant), t('api_tokens.error.already_revoked'));
    const title = t('api_tokens.revoke_confirm_title', { name: token.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="api-tokens">
        <ConfirmAction
          t={t}
          title={title}
          action={`${path(tenant)}/${token.id}/widerrufen`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(token.version) }}
          confirmLabel={t('api_tokens.revoke_confirm')}
          cancelHref={path(tenant)}
        >
          <p>{t('api_tokens.revoke_confirm_text', { rights: tokenRights(t, token) })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`/app/k/:slug/einstellungen/api-zugaenge/${idPattern}/widerrufen`, async (c) => {
    const { tenant } = await tenantForTokens(c);
    const t = c.get('t');
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      const revoked = await revokeApiToken(commandContext(c), tenant.id, id, versionFrom(body.version));
      return redirectWithFlash(c, path(tenant), t('api_tokens.revoked_flash', { name: revoked.name }));
    } catch (e) {
      // Revoked meanwhile (by someone else, or in another tab): the list shows it so.
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict')) return redirectWithFlash(c, path(tenant), t(e.messageKey));
      throw e;
    }
  });

  return app;
}
