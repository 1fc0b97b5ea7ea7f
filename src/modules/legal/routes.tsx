import { Hono } from 'hono';
import { countInWindow } from '../../platform/auth/throttle.js';
import { isAppError } from '../../platform/errors.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { clientAddress } from '../../platform/http/client-address.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { translator } from '../../platform/i18n/i18n.js';
import { presentTenant, tenantBySlug, type Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForCoordination } from '../../platform/ui/app-shell.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { PortalLinks } from '../../platform/ui/public-page.js';
import { legalDefaults } from './defaults.js';
import { feedbackCount, feedbackOf, legalPagesOf, saveLegalPages, submitFeedback, type Feedback, type LegalPages } from './service.js';
import { AccessibilityPage, ContactPage, LegalTextPage, legalPaths } from './views/public.js';
import { FeedbackListContent, LegalSettingsContent } from './views/settings.js';
import { loadPageTranslations } from '../../platform/translations/page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

/** The translated texts the Pflichtseiten show (legal/translatables.ts). */
const legalKinds = ['legal_pages'];

/** Messages per client address and hour before the form asks to wait. */
export const feedbackPerHour = 10;

const settingsPath = (tenant: Tenant) => `${appBase(tenant)}/einstellungen/pflichtseiten`;

const formValues = (pages: LegalPages | undefined, tenantName: string): Record<string, unknown> => (pages ? { ...pages } : { ...legalDefaults(tenantName), version: 0 });

async function settingsPage(c: Ctx, tenant: Tenant, form: FormState, status = 200) {
  const t = c.get('t');
  const saved = await legalPagesOf(dbOf(c), tenant.id);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('legal.settings.title')} section="legal">
      <LegalSettingsContent t={t} csrfToken={c.get('csrfToken')} action={settingsPath(tenant)} publicBase={`/k/${tenant.slug}`} saved={saved} form={form} />
    </AppPage>,
    status,
  );
}

async function accessibilityPage(c: Ctx, form: FormState, status = 200) {
  const tenant = await tenantBySlug(dbOf(c), c.req.param('slug') ?? '');
  const lang = c.get('lang');
  const links = new PortalLinks(tenant.slug, lang);
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <AccessibilityPage
      t={c.get('t')}
      lang={lang}
      url={c.req.url}
      tenant={presentTenant(tenant)}
      pages={await legalPagesOf(dbOf(c), tenant.id)}
      tr={await loadPageTranslations(dbOf(c), tenant.id, lang, legalKinds)}
      csrfToken={c.get('csrfToken')}
      form={form}
      sent={status === 200 && c.req.query('gesendet') === '1'}
      action={links.build(`${links.base}${legalPaths.accessibility}`)}
    />,
    status,
  );
}

/** Mails a new message to the Kommune's contact address, where a mail server is configured; the stored message is what counts. */
async function mailFeedback(c: Ctx, tenant: Tenant, feedback: Feedback) {
  const mailer = c.get('services').mailer;
  const pages = await legalPagesOf(dbOf(c), tenant.id);
  if (!mailer.enabled || !pages?.contactEmail) return;
  const t = translator('de');
  const link = `${c.get('services').config.publicUrl}/app/k/${tenant.slug}/rueckmeldungen`;
  try {
    await mailer.send({
      to: pages.contactEmail,
      subject: t('legal.feedback.mail_subject', { tenant: tenant.name }),
      text: t('legal.feedback.mail_body', { name: feedback.name || '–', email: feedback.email || '–', message: feedback.message, link }),
    });
  } catch (e) {
    console.error('accessibility feedback: mail failed', e);
  }
}

export function legalRoutes() {
  const app = new Hono<AppEnv>();
  const page = cachedPublicPages(200);

  for (const kind of ['imprint', 'privacy'] as const) {
    app.get(
      `/k/:slug${legalPaths[kind]}`,
      page(async (c, tenant, tenantId) => (
        <LegalTextPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} kind={kind} pages={await legalPagesOf(dbOf(c), tenantId)} tr={await loadPageTranslations(dbOf(c), tenantId, c.get('lang'), legalKinds)} />
      )),
    );
  }
  app.get(
    `/k/:slug${legalPaths.contact}`,
    page(async (c, tenant, tenantId) => (
      <ContactPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} pages={await legalPagesOf(dbOf(c), tenantId)} tr={await loadPageTranslations(dbOf(c), tenantId, c.get('lang'), legalKinds)} />
    )),
  );

  app.get(`/k/:slug${legalPaths.accessibility}`, (c) => accessibilityPage(c, emptyForm()));

  app.post(`/k/:slug${legalPaths.accessibility}`, async (c) => {
    const db = dbOf(c);
    const tenant = await tenantBySlug(db, c.req.param('slug') ?? '');
    const body = await formBody(c);
    const values = { name: body.name, email: body.email, message: body.message };
    const address = clientAddress(c) ?? 'unknown';
    if ((await countInWindow(db, `feedback:${address}`, new Date(), 60 * 60_000)) > feedbackPerHour) {
      return accessibilityPage(c, { values, errors: [{ field: 'message', messageKey: 'legal.error.throttled' }] }, 429);
    }
    try {
      const saved = await submitFeedback(db, tenant.id, values, c.req.url);
      await mailFeedback(c, tenant, saved);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return accessibilityPage(c, { values, errors: e.fieldErrors }, 422);
      throw e;
    }
    const links = new PortalLinks(tenant.slug, c.get('lang'));
    return c.redirect(links.build(`${links.base}${legalPaths.accessibility}`, [['gesendet', '1']], 'rueckmeldung'), 303);
  });

  app.get('/app/k/:slug/einstellungen/pflichtseiten', keptAppPage, async (c) => {
    const { tenant } = await tenantForCoordination(c);
    return settingsPage(c, tenant, emptyForm(formValues(await legalPagesOf(dbOf(c), tenant.id), tenant.name)));
  });

  app.post('/app/k/:slug/einstellungen/pflichtseiten', async (c) => {
    const { tenant } = await tenantForCoordination(c);
    const body = await formBody(c);
    try {
      await saveLegalPages(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, settingsPath(tenant), c.get('t')('legal.settings.saved'));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return settingsPage(c, tenant, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  app.get('/app/k/:slug/rueckmeldungen', keptAppPage, async (c) => {
    const { tenant } = await tenantForCoordination(c);
    const t = c.get('t');
    const db = dbOf(c);
    const [items, total] = await Promise.all([feedbackOf(db, tenant.id), feedbackCount(db, tenant.id)]);
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('legal.feedback_list.title')} section="feedback">
        <FeedbackListContent t={t} items={items} total={total} />
      </AppPage>,
    );
  });

  return app;
}
