import type { CurrentUser } from '../../platform/auth/current-user.js';
import { commandContext } from '../../platform/http/session.js';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { Hono } from 'hono';
import { historyOf } from '../../platform/audit/record.js';
import { editionDecisionOf } from '../../platform/edition-decisions.js';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { DeleteConflict } from '../../platform/http/delete-conflict.js';
import { formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { withReadability } from '../../platform/ui/readability.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { editionById, isEditionOpen } from '../concepts/index.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { measureFormValues } from './form-values.js';
import { measureOptions } from './options.js';
import { canCreateMeasure, canDeleteMeasure, canEditMeasure, canUpdateMeasureStatus } from './policy.js';
import { createMeasure, deleteMeasure, measureById, moveMeasure, updateMeasure, updateMeasureStatus, type Measure } from './service.js';
import { fieldOrder, moveMeasureTo, orderStamp } from './ordering.js';
import { MeasureForm } from './views/measure-form.js';
import { ConflictNotice, MeasureDetails } from './views/measure-page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';


export function measureRoutes() {
  const app = new Hono<AppEnv>();

  const formPage = async (c: Ctx, tenant: Tenant, editionId: string, form: FormState, opts: { measure?: Measure; conflict?: JSX.Element }, status = 200) => {
    const t = c.get('t');
    const base = appBase(tenant);
    const edition = await editionById(dbOf(c), tenant.id, editionId);
    const options = await measureOptions(dbOf(c), tenant.id, editionId);
    const title = opts.measure ? t('measures.edit_title', { number: opts.measure.number }) : t('measures.new_title');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <p class="muted">
          <a href={`${base}/fassungen/${edition.id}`}>{edition.title}</a>
        </p>
        <h1 class="kern-heading-large">{title}</h1>
        {opts.conflict ?? null}
        <MeasureForm
          t={t}
          csrfToken={c.get('csrfToken')}
          action={opts.measure ? `${base}/massnahmen/${opts.measure.id}/bearbeiten` : `${base}/fassungen/${edition.id}/massnahmen`}
          form={form}
          options={options}
          submitLabel={t('form.save')}
          cancelHref={opts.measure ? `${base}/massnahmen/${opts.measure.id}` : `${base}/fassungen/${edition.id}`}
        />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/fassungen/:editionId/massnahmen/neu', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canCreateMeasure(user, tenant.id)) throw new AppError('forbidden');
    const edition = await editionById(dbOf(c), tenant.id, c.req.param('editionId'));
    if (!isEditionOpen(edition.status)) throw new AppError('conflict', 'error.edition_locked');
    return formPage(c, tenant, edition.id, emptyForm({ horizon: 'mittel', priority: 'normal', status: 'geplant', fieldId: c.req.query('themenfeld') ?? '' }), {});
  });

  app.post('/app/k/:slug/fassungen/:editionId/massnahmen', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const editionId = c.req.param('editionId');
    try {
      const m = await createMeasure(commandContext(c), tenant.id, { ...body, editionId });
      return redirectWithFlash(c, `${appBase(tenant)}/massnahmen/${m.id}`, withReadability(c.get('t'), c.get('t')('measures.created', { number: m.number }), m.description));
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed') return formPage(c, tenant, editionId, { values: body, errors: e.fieldErrors }, {}, 422);
      throw e;
    }
  });

  /** The measure's page; after a refused delete it shows the conflict notice above it (status 409). */
  const detailPage = async (c: Ctx, tenant: Tenant, user: CurrentUser, id: string, conflict?: JSX.Element) => {
    const db = dbOf(c);
    const measure = await measureById(db, tenant.id, id);
    const [edition, decision, options, history, siblings] = await Promise.all([
      editionById(db, tenant.id, measure.editionId),
      editionDecisionOf(db, tenant.id, measure.editionId),
      measureOptions(db, tenant.id, measure.editionId),
      historyOf(db, tenant.id, 'measure', measure.id),
      fieldOrder(db, tenant.id, measure.editionId, measure.fieldId),
    ]);
    const t = c.get('t');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={`${measure.number} ${measure.title}`} section="editions">
        {conflict ?? null}
        <MeasureDetails
          t={t}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          measure={measure}
          edition={edition}
          decision={decision}
          options={options}
          history={history}
          order={{ siblings, stamp: orderStamp(siblings) }}
          contentOpen={isEditionOpen(edition.status)}
          can={{ edit: canEditMeasure(user, measure), status: canUpdateMeasureStatus(user, measure), delete: canDeleteMeasure(user, tenant.id) }}
        />
      </AppPage>,
      conflict ? 409 : 200,
    );
  };

  app.get('/app/k/:slug/massnahmen/:id', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    return detailPage(c, tenant, user, c.req.param('id'));
  });

  app.get('/app/k/:slug/massnahmen/:id/bearbeiten', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const measure = await measureById(dbOf(c), tenant.id, c.req.param('id'));
    if (!canEditMeasure(user, measure)) throw new AppError('forbidden');
    return formPage(c, tenant, measure.editionId, emptyForm(measureFormValues(measure)), { measure });
  });

  app.post('/app/k/:slug/massnahmen/:id/bearbeiten', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const db = dbOf(c);
    const id = c.req.param('id');
    return submitForm(c, () => updateMeasure(commandContext(c), tenant.id, id, body), {
      saved: (m) => [`${appBase(tenant)}/massnahmen/${m.id}`, withReadability(c.get('t'), c.get('t')('measures.saved'), m.description)],
      invalid: async (errors) => {
        const measure = await measureById(db, tenant.id, id);
        return formPage(c, tenant, measure.editionId, { values: body, errors }, { measure }, 422);
      },
      conflict: async () => {
        // Keep what this person typed; the form now carries the current version, so saving
        // again is a deliberate decision to replace the other change.
        const measure = await measureById(db, tenant.id, id);
        const [lastChange] = await historyOf(db, tenant.id, 'measure', id);
        const options = await measureOptions(db, tenant.id, measure.editionId);
        const conflict = <ConflictNotice t={c.get('t')} current={measure} mine={body} lastChange={lastChange} options={options} historyHref={`${appBase(tenant)}/massnahmen/${id}#verlauf`} />;
        return formPage(c, tenant, measure.editionId, { values: { ...body, version: measure.version }, errors: [] }, { measure, conflict }, 409);
      },
    });
  });

  app.post('/app/k/:slug/massnahmen/:id/status', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const base = `${appBase(tenant)}/massnahmen/${c.req.param('id')}`;
    try {
      await updateMeasureStatus(commandContext(c), tenant.id, c.req.param('id'), body);
      return redirectWithFlash(c, base, c.get('t')('measures.status_saved'));
    } catch (e) {
      if (e instanceof AppError && e.code === 'edit_conflict') return redirectWithFlash(c, `${base}#verlauf`, c.get('t')('measures.status_conflict'));
      throw e;
    }
  });

  app.post('/app/k/:slug/massnahmen/:id/verschieben', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const measure = await measureById(dbOf(c), tenant.id, c.req.param('id'));
    await moveMeasure(commandContext(c), tenant.id, measure.id, body.richtung === 'hoch' ? 'up' : 'down');
    return c.redirect(`${appBase(tenant)}/fassungen/${measure.editionId}#m-${measure.id}`, 303);
  });

  /** Move to a position of the Themenfeld; a stale order (someone moved meanwhile) is refused with a message. */
  app.post('/app/k/:slug/massnahmen/:id/position', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const measure = await measureById(dbOf(c), tenant.id, c.req.param('id'));
    const t = c.get('t');
    try {
      await moveMeasureTo(commandContext(c), tenant.id, measure.id, body);
    } catch (e) {
      if (e instanceof AppError && e.code === 'edit_conflict') return redirectWithFlash(c, `${appBase(tenant)}/massnahmen/${measure.id}#reihenfolge`, t('error.order_changed'));
      throw e;
    }
    return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${measure.editionId}?themenfeld=${measure.fieldId}#m-${measure.id}`, t('measures.moved', { number: measure.number }));
  });

  app.get('/app/k/:slug/massnahmen/:id/loeschen', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canDeleteMeasure(user, tenant.id)) throw new AppError('forbidden');
    const t = c.get('t');
    const measure = await measureById(dbOf(c), tenant.id, c.req.param('id'));
    const edition = await editionById(dbOf(c), tenant.id, measure.editionId);
    if (!isEditionOpen(edition.status)) throw new AppError('conflict', 'error.edition_locked');
    const title = t('measures.delete_confirm_title', { number: measure.number, title: measure.title });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <ConfirmAction
          t={t}
          title={title}
          action={`${appBase(tenant)}/massnahmen/${measure.id}/loeschen`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(measure.version) }}
          confirmLabel={t('measures.delete')}
          cancelHref={`${appBase(tenant)}/massnahmen/${measure.id}`}
        >
          <p>{t('measures.delete_confirm_text', { edition: edition.title })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/massnahmen/:id/loeschen', async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const body = await formBody(c);
    const measure = await measureById(dbOf(c), tenant.id, c.req.param('id'));
    try {
      await deleteMeasure(commandContext(c), tenant.id, measure.id, body.version);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'edit_conflict')) throw e;
      return detailPage(c, tenant, user, measure.id, await DeleteConflict({ c, tenantId: tenant.id, entityType: 'measure', entityId: measure.id }));
    }
    return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${measure.editionId}`, c.get('t')('measures.deleted', { number: measure.number }));
  });

  return app;
}
