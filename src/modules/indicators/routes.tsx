import { commandContext } from '../../platform/http/session.js';
import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { historyOf } from '../../platform/audit/record.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { authorize } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { DeleteConflict } from '../../platform/http/delete-conflict.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState, type Option } from '../../platform/ui/form.js';
import { formatDate, formatNumber } from '../../platform/i18n/i18n.js';
import { adoptedEdition, editionById, type Edition, editionOutline, presentEdition } from '../concepts/index.js';
import { exportFileName, toCsv } from '../measures/index.js';
import { numberFormatOf, type NumberFormat } from '../../platform/spreadsheet/numbers.js';
import { problemsOf, type ImportProblem } from '../../platform/spreadsheet/problems.js';
import { isFile, uploaded } from '../../platform/spreadsheet/upload.js';
import { cachedPublicPages } from '../../platform/http/cached-page.js';
import { todayInGermany } from '../progress/index.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { importIndicatorValues, valuesTable } from './import.js';
import { canManageIndicator, canManageSomeIndicators, isMonitoringOpen } from './policy.js';
import { presentOverview } from './present.js';
import {
  addIndicatorValue, createIndicator, deleteIndicator, deleteIndicatorValue, indicatorById, indicatorOverview, listIndicators, manageableIds, measureRefs, targetOf,
  updateIndicator, valuesOf, type Indicator, type Owner,
} from './service.js';
import { indicatorStatus } from './status.js';
import { IndicatorDetailPage } from './views/detail-page.js';
import { IndicatorConflict, IndicatorForm, indicatorFormValues, type TargetOptions } from './views/form-page.js';
import { ImportPage } from './views/import-page.js';
import { IndicatorListPage } from './views/list-page.js';
import { PublicIndicatorsPage } from './views/public-page.js';
import { loadPageTranslations } from '../../platform/translations/page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const failedValidation = (e: unknown): e is AppError => e instanceof AppError && e.code === 'validation_failed';
const editionPath = '/app/k/:slug/fassungen/:editionId/indikatoren';
const indicatorPath = '/app/k/:slug/indikatoren/:id';

/** Goals (Koordination only) and the measures the user may keep, grouped by Themenfeld, for the form. */
async function targetOptions(c: Ctx, tenant: Tenant, user: CurrentUser, editionId: string): Promise<TargetOptions> {
  const db = dbOf(c);
  const outline = await editionOutline(db, tenant.id, editionId);
  const refs = await measureRefs(db, tenant.id, editionId);
  const mayGoals = canManageIndicator(user, { kind: 'goal', tenantId: tenant.id });
  const group = <X extends { fieldId: string }>(items: X[], option: (x: X) => Option) =>
    outline.fields
      .map((f) => ({ label: f.title, options: items.filter((x) => x.fieldId === f.id).map(option) }))
      .filter((g) => g.options.length > 0);
  return {
    goals: mayGoals ? group(outline.goals, (g) => ({ value: g.id, label: `${g.number} ${g.title}` })) : [],
    measures: group(
      refs.filter((m) => canManageIndicator(user, { kind: 'measure', tenantId: tenant.id, leadActorId: m.leadActorId })),
      (m) => ({ value: m.id, label: `${m.number} ${m.title}` }),
    ),
  };
}

/** The owner (goal or measure) of one indicator, for its page. */
async function ownerOf(c: Ctx, tenant: Tenant, ind: Indicator): Promise<Owner | undefined> {
  const db = dbOf(c);
  if (ind.goalId) {
    const g = (await editionOutline(db, tenant.id, ind.editionId)).goals.find((x) => x.id === ind.goalId);
    return g && { kind: 'goal', id: g.id, number: g.number, title: g.title };
  }
  const m = (await measureRefs(db, tenant.id, ind.editionId)).find((x) => x.id === ind.measureId);
  return m && { kind: 'measure', id: m.id, number: m.number, title: m.title, leadActorId: m.leadActorId };
}

/** Form values made readable for the conflict table (ids → labels, checkbox → ja/nein). */
function readable(c: Ctx, values: Record<string, unknown>, targets: TargetOptions): Record<string, unknown> {
  const t = c.get('t');
  const labelOf = new Map([...targets.goals, ...targets.measures].flatMap((g) => g.options).map((o) => [o.value, o.label]));
  const out: Record<string, unknown> = { ...values };
  for (const k of ['goalId', 'measureId']) out[k] = values[k] ? labelOf.get(String(values[k])) ?? values[k] : '';
  out.isPublic = values.isPublic ? t('form.yes') : t('form.no');
  if (values.kind) out.kind = t(`indicator.kind.${values.kind}`);
  if (values.direction) out.direction = t(`indicator.direction.${values.direction}`);
  return out;
}

export function indicatorRoutes() {
  const app = new Hono<AppEnv>();

  // ---- list --------------------------------------------------------------------------------

  app.get(editionPath, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const edition = await editionById(dbOf(c), tenant.id, c.req.param('editionId') ?? '');
    const overview = await indicatorOverview(dbOf(c), tenant.id, edition.id);
    const t = c.get('t');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={`${t('indicators.list.title')}: ${edition.title}`} section="editions">
        <IndicatorListPage t={t} base={appBase(tenant)} edition={edition} overview={overview} canCreate={canManageSomeIndicators(user, tenant.id)} open={isMonitoringOpen(edition.status)} />
      </AppPage>,
    );
  });

  // ---- create and edit ---------------------------------------------------------------------

  const formPage = async (c: Ctx, tenant: Tenant, edition: Edition, form: FormState, opts: { indicator?: Indicator; conflict?: JSX.Element } = {}, status = 200) => {
    const t = c.get('t');
    const base = appBase(tenant);
    const targets = await targetOptions(c, tenant, c.get('user')!, edition.id);
    const title = opts.indicator ? t('indicators.edit_title') : t('indicators.new_title');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <p class="muted">
          <a href={`${base}/fassungen/${edition.id}`}>{edition.title}</a> · <a href={`${base}/fassungen/${edition.id}/indikatoren`}>{t('indicators.list.title')}</a>
        </p>
        <h1 class="kern-heading-large">{title}</h1>
        {opts.conflict ?? null}
        <IndicatorForm
          t={t}
          csrfToken={c.get('csrfToken')}
          action={opts.indicator ? `${base}/indikatoren/${opts.indicator.id}/bearbeiten` : `${base}/fassungen/${edition.id}/indikatoren`}
          cancelHref={opts.indicator ? `${base}/indikatoren/${opts.indicator.id}` : `${base}/fassungen/${edition.id}/indikatoren`}
          form={form}
          targets={targets}
          deleteAction={opts.indicator ? { href: `${base}/indikatoren/${opts.indicator.id}/loeschen`, version: opts.indicator.version } : undefined}
        />
      </AppPage>,
      status,
    );
  };

  const openEdition = async (c: Ctx, tenant: Tenant, editionId: string) => {
    const edition = await editionById(dbOf(c), tenant.id, editionId);
    if (!isMonitoringOpen(edition.status)) throw new AppError('conflict', 'indicators.error.edition_superseded');
    return edition;
  };

  app.get(`${editionPath}/neu`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManageSomeIndicators(user, tenant.id));
    const edition = await openEdition(c, tenant, c.req.param('editionId') ?? '');
    return formPage(c, tenant, edition, emptyForm({ kind: 'output', direction: 'higher', isPublic: 'true', goalId: c.req.query('ziel') ?? '', measureId: c.req.query('massnahme') ?? '' }));
  });

  app.post(editionPath, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const editionId = c.req.param('editionId') ?? '';
    try {
      const created = await createIndicator(commandContext(c), tenant.id, editionId, body);
      return redirectWithFlash(c, `${appBase(tenant)}/indikatoren/${created.id}`, c.get('t')('indicators.created', { name: created.name }));
    } catch (e) {
      if (failedValidation(e)) return formPage(c, tenant, await editionById(dbOf(c), tenant.id, editionId), { values: body, errors: e.fieldErrors }, {}, 422);
      throw e;
    }
  });

  /** The indicator of the URL, with the right to keep it checked (404 before 403). */
  const manageable = async (c: Ctx) => {
    const { tenant, user } = await tenantForApp(c);
    const indicator = await indicatorById(dbOf(c), tenant.id, c.req.param('id') ?? '');
    authorize(canManageIndicator(user, await targetOf(dbOf(c), indicator)));
    return { tenant, user, indicator };
  };

  app.get(`${indicatorPath}/bearbeiten`, keptAppPage, async (c) => {
    const { tenant, indicator } = await manageable(c);
    const edition = await openEdition(c, tenant, indicator.editionId);
    return formPage(c, tenant, edition, emptyForm(indicatorFormValues(indicator)), { indicator });
  });

  app.post(`${indicatorPath}/bearbeiten`, async (c) => {
    const { tenant, user, indicator } = await manageable(c);
    const body = await formBody(c);
    try {
      const saved = await updateIndicator(commandContext(c), tenant.id, indicator.id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/indikatoren/${saved.id}`, c.get('t')('indicators.saved'));
    } catch (e) {
      const edition = await editionById(dbOf(c), tenant.id, indicator.editionId);
      if (failedValidation(e)) return formPage(c, tenant, edition, { values: body, errors: e.fieldErrors }, { indicator }, 422);
      if (e instanceof AppError && e.code === 'edit_conflict') {
        const current = await indicatorById(dbOf(c), tenant.id, indicator.id);
        const [last] = await historyOf(dbOf(c), tenant.id, 'indicator', indicator.id);
        const targets = await targetOptions(c, tenant, user, edition.id);
        const conflict = <IndicatorConflict t={c.get('t')} current={readable(c, indicatorFormValues(current), targets)} mine={readable(c, body, targets)} savedBy={last?.userName} />;
        // The user's input stays in the form; it now carries the current version: saving again overwrites deliberately.
        return formPage(c, tenant, edition, { values: { ...body, version: current.version }, errors: [] }, { indicator: current, conflict }, 409);
      }
      throw e;
    }
  });

  app.get(`${indicatorPath}/loeschen`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const t = c.get('t');
    const indicator = await indicatorById(dbOf(c), tenant.id, c.req.param('id') ?? '');
    if (!canManageIndicator(user, await targetOf(dbOf(c), indicator))) throw new AppError('forbidden');
    const title = t('indicators.delete_confirm_title', { name: indicator.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <ConfirmAction t={t} title={title} action={`${appBase(tenant)}/indikatoren/${indicator.id}/loeschen`} csrfToken={c.get('csrfToken')} fields={{ version: String(indicator.version) }} confirmLabel={t('indicators.delete_title')} cancelHref={`${appBase(tenant)}/indikatoren/${indicator.id}`}>
          <p>{t('indicators.delete_hint')}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`${indicatorPath}/loeschen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id') ?? '';
    let deleted: Indicator;
    try {
      deleted = await deleteIndicator(commandContext(c), tenant.id, id, body.version);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'edit_conflict')) throw e;
      const current = await indicatorById(dbOf(c), tenant.id, id);
      const edition = await editionById(dbOf(c), tenant.id, current.editionId);
      const conflict = await DeleteConflict({ c, tenantId: tenant.id, entityType: 'indicator', entityId: id });
      return formPage(c, tenant, edition, emptyForm(indicatorFormValues(current)), { indicator: current, conflict }, 409);
    }
    return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${deleted.editionId}/indikatoren`, c.get('t')('indicators.deleted', { name: deleted.name }));
  });

  // ---- detail and values -------------------------------------------------------------------

  const detailPage = async (c: Ctx, tenant: Tenant, user: CurrentUser, id: string, valueForm: FormState, status = 200) => {
    const db = dbOf(c);
    const indicator = await indicatorById(db, tenant.id, id);
    const edition = await editionById(db, tenant.id, indicator.editionId);
    const values = await valuesOf(db, tenant.id, indicator.id);
    const canManage = canManageIndicator(user, await targetOf(db, indicator));
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={indicator.name} section="editions">
        <IndicatorDetailPage
          t={c.get('t')}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          edition={edition}
          indicator={indicator}
          owner={await ownerOf(c, tenant, indicator)}
          values={values}
          status={indicatorStatus(indicator, values, todayInGermany())}
          canManage={canManage}
          open={isMonitoringOpen(edition.status)}
          valueForm={valueForm}
        />
      </AppPage>,
      status,
    );
  };

  app.get(indicatorPath, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    return detailPage(c, tenant, user, c.req.param('id') ?? '', emptyForm({ measuredOn: todayInGermany() }));
  });

  app.post(`${indicatorPath}/werte`, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id') ?? '';
    try {
      await addIndicatorValue(commandContext(c), tenant.id, id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/indikatoren/${id}#values-heading`, c.get('t')('indicators.value.added'));
    } catch (e) {
      if (failedValidation(e)) return detailPage(c, tenant, user, id, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  app.get(`${indicatorPath}/werte/:valueId/loeschen`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const t = c.get('t');
    const indicator = await indicatorById(dbOf(c), tenant.id, c.req.param('id') ?? '');
    if (!canManageIndicator(user, await targetOf(dbOf(c), indicator))) throw new AppError('forbidden');
    const value = (await valuesOf(dbOf(c), tenant.id, indicator.id)).find((v) => v.id === c.req.param('valueId'));
    if (!value) throw new AppError('not_found');
    const title = t('indicators.value.delete_confirm_title', { name: indicator.name, date: formatDate('de', value.measuredOn) });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="editions">
        <ConfirmAction t={t} title={title} action={`${appBase(tenant)}/indikatoren/${indicator.id}/werte/${value.id}/loeschen`} csrfToken={c.get('csrfToken')} fields={{ version: String(indicator.version) }} confirmLabel={t('indicators.value.delete_confirm')} cancelHref={`${appBase(tenant)}/indikatoren/${indicator.id}#values-heading`}>
          <p>{t('indicators.value.delete_confirm_text', { value: formatNumber('de', value.value), unit: indicator.unit })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`${indicatorPath}/werte/:valueId/loeschen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const id = c.req.param('id') ?? '';
    await deleteIndicatorValue(commandContext(c), tenant.id, id, c.req.param('valueId') ?? '');
    return redirectWithFlash(c, `${appBase(tenant)}/indikatoren/${id}#values-heading`, c.get('t')('indicators.value.deleted'));
  });

  // ---- import and download of values --------------------------------------------------------

  const importPage = async (c: Ctx, tenant: Tenant, user: CurrentUser, edition: Edition, opts: { problems?: ImportProblem[]; fileError?: FieldError; numberFormat?: NumberFormat; confirmOutOfRange?: boolean } = {}, status = 200) => {
    const db = dbOf(c);
    const list = await listIndicators(db, tenant.id, edition.id);
    const allowed = await manageableIds(db, user, tenant.id, list);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={c.get('t')('indicators.import.title')} section="editions">
        <ImportPage t={c.get('t')} base={appBase(tenant)} csrfToken={c.get('csrfToken')} edition={edition} indicators={list.filter((i) => allowed.has(i.id))} {...opts} />
      </AppPage>,
      status,
    );
  };

  const importScope = async (c: Ctx) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManageSomeIndicators(user, tenant.id));
    const edition = await openEdition(c, tenant, c.req.param('editionId') ?? '');
    return { tenant, user, edition };
  };

  app.get(`${editionPath}/import`, keptAppPage, async (c) => {
    const { tenant, user, edition } = await importScope(c);
    return importPage(c, tenant, user, edition);
  });

  app.post(`${editionPath}/import`, async (c) => {
    const { tenant, user, edition } = await importScope(c);
    const body = await formBody(c);
    const numberFormat = numberFormatOf(body.zahlenformat);
    const confirmOutOfRange = body.confirmOutOfRange === 'true';
    const upload = await uploaded(body);
    if (!isFile(upload)) return importPage(c, tenant, user, edition, { fileError: upload, numberFormat, confirmOutOfRange }, 422);
    try {
      const r = await importIndicatorValues(commandContext(c), tenant.id, edition.id, upload, { numberFormat, confirmOutOfRange });
      const message = c.get('t')('indicators.import.done', { created: r.created, replaced: r.replaced, unchanged: r.unchanged });
      return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${edition.id}/indikatoren`, message);
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      return importPage(c, tenant, user, edition, { problems, numberFormat, confirmOutOfRange }, 422);
    }
  });

  // Any member may download: the file holds what the internal pages show.
  app.get(`${editionPath}/werte.csv`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const edition = await editionById(dbOf(c), tenant.id, c.req.param('editionId') ?? '');
    const name = exportFileName(edition, 'csv').replace(/^massnahmen-/, 'indikatorwerte-');
    return c.body(toCsv(await valuesTable(dbOf(c), tenant.id, edition.id)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    });
  });

  // ---- public page ---------------------------------------------------------------------------

  const page = cachedPublicPages(200);
  app.get(
    '/k/:slug/indikatoren',
    page(async (c, tenant, tenantId) => {
      const db = dbOf(c);
      const edition = await adoptedEdition(db, tenantId);
      const fields = edition ? presentOverview(await indicatorOverview(db, tenantId, edition.id, { publicOnly: true })) : [];
      const tr = await loadPageTranslations(db, tenantId, c.get('lang'), ['indicator']);
      return <PublicIndicatorsPage t={c.get('t')} lang={c.get('lang')} url={c.req.url} tenant={tenant} edition={edition ? presentEdition(edition) : null} fields={fields} tr={tr} />;
    }),
  );

  return app;
}
