import { Hono } from 'hono';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { AppError, isAppError, type FieldError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { handOver, handoffCookie, takeHandedOver } from '../../platform/http/handoff.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { findSimilar } from '../../platform/similar-items.js';
import { commandContext } from '../../platform/http/session.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { actorById, contactsOf } from '../actors/index.js';
import { offerById, offerChoices } from '../offers/index.js';
import {
  canManagePartnerLinks, createPartnerLink, defaultExpiry, linkById, linkOverview, openPartnerLink, partnerLinkMail, partnerLinkUrl, recipientOf, remindPartner, revokePartnerLink,
  type PartnerLink,
} from './links.js';
import { acceptSubmission, listSubmissions, rejectSubmission, submissionById } from './submissions.js';
import { LinkForm, OverviewContent, ReviewContent, type HandedLink } from './views/review-pages.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const id = '[0-9a-fA-F-]{36}';
const overviewPath = (tenant: Tenant) => `${appBase(tenant)}/partnerlinks`;
/** A link that was not mailed is shown once on the overview (the database keeps only its hash). */
const partnerLinkCookie = handoffCookie('ikon_partner_link');

async function coordination(c: Ctx) {
  const found = await tenantForApp(c);
  if (!canManagePartnerLinks(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found;
}

/** Mails the link to its recipient when a mail server is configured; false otherwise (then it is shown to copy). */
async function sendLink(c: Ctx, user: CurrentUser, tenant: Tenant, link: PartnerLink, token: string, reminder: boolean): Promise<{ sent: boolean; to?: string }> {
  const { config, mailer } = c.get('services');
  const recipient = await recipientOf(dbOf(c), link);
  if (!recipient || !mailer.enabled) return { sent: false };
  const actor = await actorById(dbOf(c), tenant.id, link.actorId);
  const mail = partnerLinkMail(c.get('t'), { to: recipient.email, name: recipient.name, actorName: actor.name, tenantName: tenant.name, senderName: user.name, link: partnerLinkUrl(config.publicUrl, token), expiresAt: link.expiresAt, reminder });
  try {
    return { sent: await mailer.send(mail), to: recipient.email };
  } catch (error) {
    console.error(`[${new Date().toISOString()}] partner link mail to ${recipient.email} failed`, error);
    return { sent: false };
  }
}

async function handedLink(c: Ctx, tenant: Tenant, user: CurrentUser): Promise<HandedLink | undefined> {
  const value = takeHandedOver(c, partnerLinkCookie, overviewPath(tenant));
  if (!value) return undefined;
  const [kind, token] = value.split(':') as [string, string | undefined];
  const opened = token ? await openPartnerLink(dbOf(c), token) : undefined;
  // Only a valid link of this Kommune; anything else in the cookie is dropped unseen.
  if (!opened || opened.tenant.id !== tenant.id || opened.state !== 'valid') return undefined;
  const url = partnerLinkUrl(c.get('services').config.publicUrl, token!);
  const recipient = await recipientOf(dbOf(c), opened.link);
  const mail = partnerLinkMail(c.get('t'), { to: recipient?.email ?? '', name: recipient?.name ?? null, actorName: opened.actor.name, tenantName: tenant.name, senderName: user.name, link: url, expiresAt: opened.link.expiresAt, reminder: kind === 'remind' });
  return { actorName: opened.actor.name, url, mail };
}

/** The Koordination's side: who has a link and answered, links made, revoked and reminded, submissions reviewed. */
export function reviewRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/partnerlinks', keptAppPage, async (c) => {
    const { tenant, user } = await coordination(c);
    const db = dbOf(c);
    const [rows, open, reviewed] = await Promise.all([linkOverview(db, tenant.id), listSubmissions(db, tenant.id, 'open'), listSubmissions(db, tenant.id, 'reviewed')]);
    const handed = await handedLink(c, tenant, user);
    c.header('Cache-Control', 'no-store');
    const t = c.get('t');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('partner_links.title')} section="partner-updates">
        <OverviewContent t={t} base={overviewPath(tenant)} rows={rows} open={open} reviewed={reviewed} handed={handed} now={new Date()} mailEnabled={c.get('services').mailer.enabled} />
      </AppPage>,
    );
  });

  const linkFormPage = async (c: Ctx, tenant: Tenant, actorId: string, form: FormState, status = 200) => {
    const db = dbOf(c);
    const t = c.get('t');
    const actor = await actorById(db, tenant.id, actorId);
    const contacts = (await contactsOf(db, tenant.id, actorId)).filter((x) => x.email);
    const existing = (await linkOverview(db, tenant.id)).find((r) => r.actorId === actorId)?.link ?? null;
    const title = t(existing ? 'partner_links.renew_title' : 'partner_links.create_title', { actor: actor.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="partner-updates">
        <LinkForm t={t} csrfToken={c.get('csrfToken')} title={title} action={c.req.path} back={overviewPath(tenant)} form={form} contacts={contacts} renew={!!existing} />
      </AppPage>,
      status,
    );
  };

  // The form shows whether a link exists and to whom: kept like other internal pages.
  app.get(`/app/k/:slug/partnerlinks/akteure/:actor{${id}}`, keptAppPage, async (c) => {
    const { tenant } = await coordination(c);
    const link = (await linkOverview(dbOf(c), tenant.id)).find((r) => r.actorId === c.req.param('actor'));
    return linkFormPage(c, tenant, c.req.param('actor'), emptyForm({ expiresOn: defaultExpiry(), recipientContactId: link?.recipient?.id ?? '' }));
  });

  app.post(`/app/k/:slug/partnerlinks/akteure/:actor{${id}}`, async (c) => {
    const { tenant, user } = await coordination(c);
    const body = await formBody(c);
    const t = c.get('t');
    let created: Awaited<ReturnType<typeof createPartnerLink>>;
    try {
      created = await createPartnerLink(commandContext(c), tenant.id, c.req.param('actor'), body);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return linkFormPage(c, tenant, c.req.param('actor'), { values: body, errors: e.fieldErrors as FieldError[] }, 422);
      throw e;
    }
    const { sent, to } = await sendLink(c, user, tenant, created.link, created.token, false);
    if (sent) return redirectWithFlash(c, overviewPath(tenant), t('partner_links.sent', { email: to ?? '' }));
    handOver(c, partnerLinkCookie, `create:${created.token}`, overviewPath(tenant));
    return redirectWithFlash(c, overviewPath(tenant), t('partner_links.created'));
  });

  const confirmPage = (kind: 'revoke' | 'remind') => async (c: Ctx) => {
    const { tenant } = await coordination(c);
    const t = c.get('t');
    const link = await linkById(dbOf(c), tenant.id, c.req.param('id') ?? '');
    const actor = await actorById(dbOf(c), tenant.id, link.actorId);
    const title = t(`partner_links.${kind}_confirm_title`, { actor: actor.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="partner-updates">
        <ConfirmAction t={t} title={title} action={c.req.path} csrfToken={c.get('csrfToken')} fields={{ version: String(link.version) }} confirmLabel={t(`partner_links.${kind}`)} cancelHref={overviewPath(tenant)}>
          <p>{t(`partner_links.${kind}_confirm_text`)}</p>
        </ConfirmAction>
      </AppPage>,
    );
  };
  app.get(`/app/k/:slug/partnerlinks/:id{${id}}/widerrufen`, keptAppPage, confirmPage('revoke'));
  app.get(`/app/k/:slug/partnerlinks/:id{${id}}/erinnern`, keptAppPage, confirmPage('remind'));

  app.post(`/app/k/:slug/partnerlinks/:id{${id}}/widerrufen`, async (c) => {
    const { tenant } = await coordination(c);
    const body = await formBody(c);
    const t = c.get('t');
    try {
      await revokePartnerLink(commandContext(c), tenant.id, c.req.param('id'), Number(body.version));
    } catch (e) {
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict')) return redirectWithFlash(c, overviewPath(tenant), t(e.messageKey));
      throw e;
    }
    return redirectWithFlash(c, overviewPath(tenant), t('partner_links.revoked'));
  });

  app.post(`/app/k/:slug/partnerlinks/:id{${id}}/erinnern`, async (c) => {
    const { tenant, user } = await coordination(c);
    const t = c.get('t');
    let reminded: Awaited<ReturnType<typeof remindPartner>>;
    try {
      reminded = await remindPartner(commandContext(c), tenant.id, c.req.param('id'));
    } catch (e) {
      if (isAppError(e, 'conflict')) return redirectWithFlash(c, overviewPath(tenant), t(e.messageKey));
      throw e;
    }
    const { sent, to } = await sendLink(c, user, tenant, reminded.link, reminded.token, true);
    if (sent) return redirectWithFlash(c, overviewPath(tenant), t('partner_links.reminder_sent', { email: to ?? '' }));
    handOver(c, partnerLinkCookie, `remind:${reminded.token}`, overviewPath(tenant));
    return redirectWithFlash(c, overviewPath(tenant), t('partner_links.reminder_created'));
  });

  const reviewPage = async (c: Ctx, tenant: Tenant, submissionId: string, problem?: string, form: FormState = emptyForm(), status = 200) => {
    const db = dbOf(c);
    const t = c.get('t');
    const submission = await submissionById(db, tenant.id, submissionId);
    const choices = await offerChoices(db, tenant.id);
    const current = submission.kind === 'offer_update' && submission.targetId ? await offerById(db, tenant.id, submission.targetId).catch(() => undefined) : undefined;
    // A new offer: does something like it exist already? (offer-analysis answers through the platform's hook.)
    const candidate = Object.fromEntries(Object.entries(submission.changes).map(([field, change]) => [field, change.after]));
    const similar = submission.kind === 'offer_new' && submission.status === 'offen' ? await findSimilar(db, 'offer', tenant.id, candidate) : [];
    const title = t('partner_review.title', { actor: submission.actorName });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="partner-updates">
        <ReviewContent t={t} csrfToken={c.get('csrfToken')} base={appBase(tenant)} back={overviewPath(tenant)} title={title} submission={submission} names={choices} targetTitle={current?.title} problem={problem} form={form} similar={similar} />
      </AppPage>,
      status,
    );
  };

  // The report and the offers it names, nothing about when links were last used: kept like other internal pages.
  app.get(`/app/k/:slug/partnerlinks/meldungen/:id{${id}}`, keptAppPage, async (c) => {
    const { tenant } = await coordination(c);
    return reviewPage(c, tenant, c.req.param('id'));
  });

  app.post(`/app/k/:slug/partnerlinks/meldungen/:id{${id}}`, async (c) => {
    const { tenant } = await coordination(c);
    const body = await formBody(c);
    const t = c.get('t');
    const submissionId = c.req.param('id');
    const decision = String(body.decision ?? '');
    const input = { note: body.note, fields: body.fields, version: body.version };
    try {
      if (decision === 'reject') await rejectSubmission(commandContext(c), tenant.id, submissionId, input);
      else if (decision === 'all' || decision === 'selected') await acceptSubmission(commandContext(c), tenant.id, submissionId, { ...input, all: decision === 'all' });
      else throw new AppError('bad_request', 'partner_review.error.decision');
    } catch (e) {
      const form = { values: body, errors: [] as FieldError[] };
      if (isAppError(e, 'validation_failed')) return reviewPage(c, tenant, submissionId, t('partner_review.error.not_applied'), { ...form, errors: e.fieldErrors }, 422);
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict') || isAppError(e, 'not_found')) return reviewPage(c, tenant, submissionId, t(e.messageKey), form, 409);
      throw e;
    }
    return redirectWithFlash(c, overviewPath(tenant), t(decision === 'reject' ? 'partner_review.rejected' : 'partner_review.accepted'));
  });

  return app;
}
