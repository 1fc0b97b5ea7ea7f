import { commandContext } from '../../platform/http/session.js';
import { Hono } from 'hono';
import { historyOf } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { bytesBody, formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { editionById, editionOutline } from '../concepts/index.js';
import { measureById, type Measure, canManageStatusRules, statusRulesOf, statusRulesWithVersion, updateStatusRules } from '../measures/index.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { tenantBySlug, type Tenant } from '../../platform/tenancy/service.js';
import { todayInGermany } from './input.js';
import { canRecordUpdate } from './policy.js';
import { loadPublicProgress } from './public-data.js';
import { editionRollup } from './rollup.js';
import { attachmentWithContext, progressSources, publicAttachmentOf, recordMeasureUpdate, updatesAlongLineage, type StoredAttachment } from './updates.js';
import { PublicProgressPage } from './views/public-page.js';
import { RollupPage } from './views/rollup-page.js';
import { canReviewReports, decideReport, pendingReports, reportNeedsReview, updateReviewSetting } from './review.js';
import { ReviewPage } from './views/review-page.js';
import { RulesPage, rulesFormValues } from './views/rules-page.js';
import { UpdatesPage } from './views/updates-page.js';
import { loadPageTranslations } from '../../platform/translations/page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';


/** "Bericht März 2026.pdf" → a header that every browser reads (ASCII fallback + RFC 5987 UTF-8 name). */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'anhang';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Sends a stored attachment as a download, never rendered inline. */
export function sendAttachment(c: Ctx, a: StoredAttachment, cache: 'private' | 'public') {
  return c.body(bytesBody(a.bytes), 200, {
    'content-type': a.type,
    'content-disposition': contentDisposition(a.name),
    'content-length': String(a.bytes.length),
    'x-content-type-options': 'nosniff',
    'cache-control': cache === 'public' ? 'public, max-age=300' : 'private, no-store',
  });
}

/** An uploaded file from a multipart form, as the command takes it; nothing chosen = undefined. */
async function uploadedFile(value: unknown) {
  const file = Array.isArray(value) ? value[0] : value;
  if (!(file instanceof File)) return undefined;
  if (file.size === 0 && !file.name) return undefined;
  return { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) };
}

const formValues = (body: Record<string, unknown>) => {
  const { attachment: _file, _csrf, ...rest } = body;
  return rest;
};

/**
 * Umsetzung & Monitoring: Sachstandsmeldungen of a measure, the status vocabulary, roll-ups of an
 * edition (internal), and the public progress page of the adopted edition.
 */
export function progressRoutes() {
  const app = new Hono<AppEnv>();

  // ---------------------------------------------------------------------------------------------
  // Internal: Umsetzung of one measure

  const updatesPage = async (c: Ctx, tenant: Tenant, measure: Measure, form: FormState, status = 200, conflict?: { who: string; when: Date | null }) => {
    const db = dbOf(c);
    const user = c.get('user');
    const edition = await editionById(db, tenant.id, measure.editionId);
    const rules = await statusRulesOf(db, tenant.id);
    // The history follows the measure's lineage: reports on its predecessors in earlier editions too.
    const updates = (await updatesAlongLineage(db, tenant.id, [measure.id])).get(measure.id) ?? [];
    const sources = await progressSources(db, tenant.id, updates.map((u) => u.id));
    const t = c.get('t');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('progress.updates.title', { number: measure.number, title: measure.title })} section="editions">
        <UpdatesPage
          t={t}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          measure={measure}
          edition={edition}
          rules={rules}
          updates={updates}
          sources={sources}
          canRecord={canRecordUpdate(user, measure) && edition.status !== 'abgeloest'}
          publicNeedsReview={!!user && reportNeedsReview(user, tenant)}
          form={form}
          conflict={conflict}
        />
      </AppPage>,
      status,
    );
  };

  const freshForm = (m: Measure) => emptyForm({ reportedOn: todayInGermany(), status: m.status, progress: '', text: '', version: m.version });

  app.get('/app/k/:slug/massnahmen/:id/umsetzung', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    const measure = await measureById(dbOf(c), tenant.id, c.req.param('id'));
    return updatesPage(c, tenant, measure, freshForm(measure));
  });

  app.post('/app/k/:slug/massnahmen/:id/umsetzung', async (c) => {
    const { tenant } = await tenantForApp(c);
    const db = dbOf(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    const attachment = await uploadedFile(body.attachment);
    try {
      const update = await recordMeasureUpdate(commandContext(c), tenant.id, id, { ...formValues(body), attachment });
      const saved = update.review === 'pending' ? 'progress.updates.saved_for_review' : 'progress.updates.saved';
      return redirectWithFlash(c, `${appBase(tenant)}/massnahmen/${id}/umsetzung`, c.get('t')(saved, { date: formatDate('de', update.reportedOn) }));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const measure = await measureById(db, tenant.id, id);
      if (e.code === 'validation_failed') return updatesPage(c, tenant, measure, { values: formValues(body), errors: e.fieldErrors }, 422);
      if (e.code === 'edit_conflict') {
        // Keep what this person typed; the form now carries the current version, so sending it
        // again records the report on top of the other change, deliberately.
        const [last] = await historyOf(db, tenant.id, 'measure', id);
        const who = last?.userName ?? c.get('t')('measures.someone');
        return updatesPage(c, tenant, measure, { values: { ...formValues(body), version: measure.version }, errors: [] }, 409, { who, when: last?.at ?? null });
      }
      throw e;
    }
  });

  app.get('/app/k/:slug/massnahmen/:id/umsetzung/anhang/:updateId', async (c) => {
    const { tenant } = await tenantForApp(c);
    const a = await attachmentWithContext(dbOf(c), tenant.id, c.req.param('updateId'));
    if (a.measureId !== c.req.param('id')) throw new AppError('not_found');
    return sendAttachment(c, a, 'private');
  });

  // ---------------------------------------------------------------------------------------------
  // Internal: status vocabulary (Koordination)

  const rulesPage = async (c: Ctx, tenant: Tenant, form: FormState | undefined, status = 200, conflict = false) => {
    const t = c.get('t');
    const current = await statusRulesWithVersion(dbOf(c), tenant.id);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('progress.settings.title')} section="editions">
        <RulesPage
          t={t}
          action={`${appBase(tenant)}/einstellungen/status`}
          csrfToken={c.get('csrfToken')}
          rules={current.rules}
          form={form ?? emptyForm(rulesFormValues(current.rules, current.version))}
          conflict={conflict}
        />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/einstellungen/status', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canManageStatusRules(user, tenant.id)) throw new AppError('forbidden');
    return rulesPage(c, tenant, undefined);
  });

  app.post('/app/k/:slug/einstellungen/status', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    return submitForm(c, () => updateStatusRules(commandContext(c), tenant.id, body), {
      saved: () => [`${appBase(tenant)}/einstellungen/status`, c.get('t')('progress.settings.saved')],
      invalid: (errors) => rulesPage(c, tenant, { values: formValues(body), errors }, 422),
      conflict: async () => {
        const current = await statusRulesWithVersion(dbOf(c), tenant.id);
        return rulesPage(c, tenant, { values: { ...formValues(body), version: current.version }, errors: [] }, 409, true);
      },
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Internal: review of partners' reports (Koordination)

  const reviewPage = async (c: Ctx, tenant: Tenant, status = 200, conflict = false) => {
    const t = c.get('t');
    const reports = await pendingReports(dbOf(c), tenant.id);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('progress.review.title')} section="review">
        <ReviewPage
          t={t}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          reports={reports}
          reviewPartnerReports={tenant.reviewPartnerReports}
          version={tenant.version}
          conflict={conflict}
        />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/pruefung', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canReviewReports(user, tenant.id)) throw new AppError('forbidden');
    return reviewPage(c, tenant);
  });

  const decide = (decision: 'approved' | 'declined') => async (c: Ctx) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const updateId = c.req.param('updateId')!;
    const [report] = (await pendingReports(dbOf(c), tenant.id)).filter((r) => r.id === updateId);
    await decideReport(commandContext(c), tenant.id, updateId, decision, { reason: body.reason });
    const label = report ? `${report.number} ${report.title}` : '';
    return redirectWithFlash(c, `${appBase(tenant)}/pruefung`, c.get('t')(decision === 'declined' ? 'progress.review.declined' : report?.publishRequested === false ? 'progress.review.approved_internal' : 'progress.review.approved', { label }));
  };
  app.post('/app/k/:slug/pruefung/:updateId{[0-9a-fA-F-]+}/freigeben', decide('approved'));
  app.post('/app/k/:slug/pruefung/:updateId{[0-9a-fA-F-]+}/ablehnen', decide('declined'));

  app.post('/app/k/:slug/pruefung/einstellung', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    return submitForm(c, () => updateReviewSetting(commandContext(c), tenant.id, body), {
      saved: (after) => [`${appBase(tenant)}/pruefung`, c.get('t')(after.reviewPartnerReports ? 'progress.review.setting_saved_on' : 'progress.review.setting_saved_off')],
      conflict: async () => reviewPage(c, (await tenantForApp(c)).tenant, 409, true),
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Internal: roll-up of an edition

  app.get('/app/k/:slug/fassungen/:id/umsetzung', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const db = dbOf(c);
    const edition = await editionById(db, tenant.id, c.req.param('id'));
    const outline = await editionOutline(db, tenant.id, edition.id);
    const rules = await statusRulesOf(db, tenant.id);
    // The page's status rules serve the roll-up too (issue 9.2: read twice before).
    const rollup = await editionRollup(db, tenant.id, edition.id, rules);
    const t = c.get('t');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('progress.rollup.title', { title: edition.title })} section="editions">
        <RollupPage t={t} base={appBase(tenant)} edition={edition} outline={outline} rollup={rollup} rules={rules} canManageRules={canManageStatusRules(user, tenant.id)} />
      </AppPage>,
    );
  });

  // ---------------------------------------------------------------------------------------------
  // Public: progress of the adopted edition, cached for anonymous visitors like the portal's pages

  const page = cachedPublicPages(200);
  app.get(
    '/k/:slug/umsetzung',
    page(async (c, tenant, tenantId) => {
      const [data, tr] = await Promise.all([loadPublicProgress(dbOf(c), tenantId), loadPageTranslations(dbOf(c), tenantId, c.get('lang'), ['field', 'measure', 'measure_update'])]);
      return <PublicProgressPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} data={data} tr={tr} />;
    }),
  );

  app.get('/k/:slug/umsetzung/anhang/:updateId', async (c) => {
    const tenant = await tenantBySlug(dbOf(c), c.req.param('slug'));
    return sendAttachment(c, await publicAttachmentOf(dbOf(c), tenant.id, c.req.param('updateId')), 'public');
  });

  return app;
}
