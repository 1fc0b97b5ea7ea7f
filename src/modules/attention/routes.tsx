import { commandContext } from '../../platform/http/session.js';
import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, render, submitForm } from '../../platform/http/render.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { berlinDate } from '../../platform/dates.js';
import { recipientsOf } from './reminders.js';
import { canSeeAttention, loadAttention, updateAttentionSettings } from './service.js';
import { actorActedFor } from '../../platform/tenancy/policy.js';
import { forActor } from './rules.js';
import { actorById } from '../actors/index.js';
import { ActorAttentionContent, AttentionContent } from './views/attention-page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const settingsForm = (tenant: Tenant): FormState =>
  emptyForm({ silentAfterMonths: tenant.silentAfterMonths, remindersEnabled: tenant.remindersEnabled ? 'on' : '', version: tenant.version });

/** The Kommune of the attention settings: Koordination only (other members 403, outsiders 404). */
async function scope(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  if (!canSeeAttention(user, tenant.id)) throw new AppError('forbidden');
  return { tenant, user };
}

/**
 * A member acting for an actor (Fachdienst/Redaktion, Partner): the measures that actor leads
 * (rules.ts `forActor`), as her reminder lists them. Without a mail server this page is her
 * reminder ("otherwise in-app", issue 3).
 */
async function actorPage(c: Ctx, tenant: Tenant, actorId: string) {
  const t = c.get('t');
  const db = dbOf(c);
  const { edition, list, ignoredStatuses } = await loadAttention(db, tenant, berlinDate(new Date()), { withSections: false });
  const actor = await actorById(db, tenant.id, actorId);
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('attention.title')} section="attention">
      <ActorAttentionContent t={t} base={appBase(tenant)} edition={edition} list={{ ...list, ...forActor(list, actorId) }} ignoredStatuses={ignoredStatuses} actorName={actor.name} />
    </AppPage>,
  );
}

async function page(c: Ctx, tenant: Tenant, opts: { settings?: FormState; conflict?: boolean } = {}, status = 200) {
  const t = c.get('t');
  const db = dbOf(c);
  const { config } = c.get('services');
  const today = berlinDate(new Date());
  const { edition, list, ignoredStatuses } = await loadAttention(db, tenant, today);
  const recipients = tenant.remindersEnabled && edition ? await recipientsOf(db, tenant.id, list) : [];
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('attention.title')} section="attention">
      <AttentionContent
        t={t}
        base={appBase(tenant)}
        csrfToken={c.get('csrfToken')}
        edition={edition}
        list={list}
        ignoredStatuses={ignoredStatuses}
        settings={opts.settings ?? settingsForm(tenant)}
        remindersEnabled={tenant.remindersEnabled}
        smtpConfigured={!!config.smtp}
        recipients={recipients}
        conflict={opts.conflict}
      />
    </AppPage>,
    status,
  );
}

export function attentionRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/aufmerksamkeit', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (canSeeAttention(user, tenant.id)) return page(c, tenant);
    const actorId = actorActedFor(user, tenant.id);
    if (!actorId) throw new AppError('forbidden');
    return actorPage(c, tenant, actorId);
  });

  app.post('/app/k/:slug/aufmerksamkeit/einstellungen', async (c) => {
    const { tenant } = await scope(c);
    const body = await formBody(c);
    return submitForm(c, () => updateAttentionSettings(commandContext(c), tenant.id, body), {
      saved: () => [`${appBase(tenant)}/aufmerksamkeit#einstellungen`, c.get('t')('attention.settings.saved')],
      invalid: (errors) => page(c, tenant, { settings: { values: { ...body, version: body.version }, errors } }, 422),
      conflict: async () => {
        // Show what is saved now; what this person typed is kept in the form with the new version.
        const current = await tenantForApp(c);
        return page(c, current.tenant, { settings: { values: { ...body, version: current.tenant.version }, errors: [] }, conflict: true }, 409);
      },
    });
  });

  return app;
}
