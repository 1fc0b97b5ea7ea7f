import { commandContext } from '../../platform/http/session.js';
import { Hono } from 'hono';
import { authorize } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { tenantById, type Tenant } from '../../platform/tenancy/service.js';
import { adoptedEdition, editionById, listEditions, type Edition, canManageConcept, editionTransitions } from '../concepts/index.js';
import { diffFileName, diffToXlsx } from './export.js';
import { canCompareEditions, canSetUpdateInterval, canStartFortschreibung } from './policy.js';
import { defaultFortschreibungTitle, editionCounts, fortschreibungInProgress, nextUpdateDue, setUpdateInterval, startFortschreibung } from './service.js';
import { comparison } from './snapshot.js';
import { ComparePage, SettingsPage, StartPage } from './views/pages.js';
import { DeleteDraftPage, StatusConfirmPage } from './views/status-pages.js';
import { adoptionImpact, changeEditionStatus, deleteDraftEdition, draftDeletionBlocker } from './adoption.js';
import type { EditionStatus } from '../concepts/schema.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const isAppError = (e: unknown, code: string): e is AppError => e instanceof AppError && e.code === code;

/** Newest first; editions created in the same moment (the demo seed) by where they stand in their life. */
const lifeRank: Record<string, number> = { entwurf: 0, beteiligung: 0, zur_beschlussfassung: 0, beschlossen: 1, abgeloest: 2 };
const newestFirst = (editions: Edition[]) =>
  [...editions].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (lifeRank[a.status] ?? 0) - (lifeRank[b.status] ?? 0));

/**
 * The two editions to compare: as asked; else the newest edition that continues another one
 * (a Fortschreibung) against that one; else the newest against the adopted one (or the one before).
 */
async function comparedEditions(c: Ctx, tenant: Tenant, editions: Edition[]): Promise<{ from?: Edition; to?: Edition }> {
  const db = dbOf(c);
  const von = c.req.query('von');
  const zu = c.req.query('zu');
  if (von || zu) {
    const from = await editionById(db, tenant.id, von ?? '');
    const to = await editionById(db, tenant.id, zu ?? '');
    return { from, to };
  }
  if (editions.length < 2) return {};
  const ordered = newestFirst(editions);
  const byId = new Map(ordered.map((e) => [e.id, e]));
  const continuing = ordered.find((e) => e.predecessorId && byId.has(e.predecessorId));
  if (continuing) return { from: byId.get(continuing.predecessorId!), to: continuing };
  const to = ordered[0]!;
  const from = ordered.find((e) => e.status === 'beschlossen' && e.id !== to.id) ?? ordered[1]!;
  return { from, to };
}

export function fortschreibungRoutes() {
  const app = new Hono<AppEnv>();

  // ---- start a Fortschreibung ----------------------------------------------------------------

  const startPage = async (c: Ctx, tenant: Tenant, form?: FormState, status = 200, refusal?: string) => {
    const db = dbOf(c);
    const t = c.get('t');
    const adopted = await adoptedEdition(db, tenant.id);
    const running = adopted ? await fortschreibungInProgress(db, tenant.id, adopted.id) : undefined;
    const counts = adopted && !running ? await editionCounts(db, tenant.id, adopted.id) : undefined;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('fortschreibung.title')} section="editions">
        <StartPage
          t={t}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          adopted={adopted}
          running={running}
          counts={counts}
          due={nextUpdateDue(tenant, adopted)}
          canSettings={canSetUpdateInterval(c.get('user'), tenant.id)}
          form={form ?? emptyForm({ title: adopted ? defaultFortschreibungTitle(adopted) : '' })}
          refusal={refusal}
        />
      </AppPage>,
      status,
    );
  };

  // ---- status changes and deleting a draft: confirmation page (GET), then the command (POST) ----

  const statusPage = async (c: Ctx, tenant: Tenant, edition: Edition, to: EditionStatus, form: FormState, status = 200) => {
    const t = c.get('t');
    const impact = to === 'beschlossen' ? await adoptionImpact(dbOf(c), tenant.id, edition) : null;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('fortschreibung.status.title', { title: edition.title, to: t(`edition_status.${to}`) })} section="editions">
        <StatusConfirmPage t={t} base={appBase(tenant)} csrfToken={c.get('csrfToken')} edition={edition} to={to} impact={impact} form={form} />
      </AppPage>,
      status,
    );
  };

  /** The target status of a status change, if the edition may move there; otherwise not found. */
  const targetStatus = (edition: Edition, to: unknown): EditionStatus => {
    if (typeof to !== 'string' || !editionTransitions[edition.status].includes(to as EditionStatus)) throw new AppError('invalid_transition', 'error.invalid_transition');
    return to as EditionStatus;
  };

  app.get('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/status', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManageConcept(user, tenant.id));
    const edition = await editionById(dbOf(c), tenant.id, c.req.param('id'));
    const to = targetStatus(edition, c.req.query('to'));
    return statusPage(c, tenant, edition, to, emptyForm({ version: edition.version, adoptedOn: c.req.query('adoptedOn') ?? '' }));
  });

  app.post('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/status', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const t = c.get('t');
    try {
      const e = await changeEditionStatus(commandContext(c), tenant.id, c.req.param('id'), body);
      return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${e.id}`, t('editions.status_changed', { status: t(`edition_status.${e.status}`) }));
    } catch (e) {
      if (isAppError(e, 'validation_failed') || isAppError(e, 'edit_conflict')) {
        const edition = await editionById(dbOf(c), tenant.id, c.req.param('id'));
        const errors = isAppError(e, 'validation_failed') ? e.fieldErrors : [{ field: 'to', messageKey: 'error.edit_conflict' }];
        return statusPage(c, tenant, edition, targetStatus(edition, body.to), { values: { ...body, version: edition.version }, errors }, isAppError(e, 'edit_conflict') ? 409 : 422);
      }
      throw e;
    }
  });

  const deletePage = async (c: Ctx, tenant: Tenant, edition: Edition, status = 200, refusal?: string) => {
    const t = c.get('t');
    const db = dbOf(c);
    const blocker = refusal ?? (await draftDeletionBlocker(db, tenant.id, edition));
    const counts = await editionCounts(db, tenant.id, edition.id);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('fortschreibung.delete.title', { title: edition.title })} section="editions">
        <DeleteDraftPage
          t={t}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          edition={edition}
          measures={counts.measures}
          blocker={typeof blocker === 'string' ? blocker : blocker ? t(blocker.messageKey, blocker.params) : null}
        />
      </AppPage>,
      blocker ? (status === 200 ? 409 : status) : status,
    );
  };

  app.get('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/loeschen', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManageConcept(user, tenant.id));
    return deletePage(c, tenant, await editionById(dbOf(c), tenant.id, c.req.param('id')));
  });

  app.post('/app/k/:slug/fassungen/:id{[0-9a-fA-F-]+}/loeschen', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const t = c.get('t');
    try {
      const deleted = await deleteDraftEdition(commandContext(c), tenant.id, c.req.param('id'), body);
      return redirectWithFlash(c, `${appBase(tenant)}/fassungen`, t('fortschreibung.delete.done', { title: deleted.title }));
    } catch (e) {
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict')) {
        return deletePage(c, tenant, await editionById(dbOf(c), tenant.id, c.req.param('id')), 409, t(e.messageKey, e.options.params));
      }
      throw e;
    }
  });

  app.get('/app/k/:slug/fassungen/fortschreibung', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canStartFortschreibung(user, tenant.id));
    return startPage(c, tenant);
  });

  app.post('/app/k/:slug/fassungen/fortschreibung', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const t = c.get('t');
    try {
      const { edition, counts } = await startFortschreibung(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/fassungen/${edition.id}`, t('fortschreibung.started', { title: edition.title, count: counts.measures }));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return startPage(c, tenant, { values: body, errors: e.fieldErrors }, 422);
      // Refusals (a Fortschreibung already in the works, another edition adopted meanwhile): the
      // page explains and links to the edition in the works.
      if (isAppError(e, 'conflict')) return startPage(c, tenant, { values: body, errors: [] }, 409, t(e.messageKey, e.options.params));
      throw e;
    }
  });

  // ---- compare two editions ------------------------------------------------------------------

  app.get('/app/k/:slug/fassungen/vergleich', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canCompareEditions(user, tenant.id));
    const db = dbOf(c);
    const t = c.get('t');
    const editions = await listEditions(db, tenant.id);
    const { from, to } = await comparedEditions(c, tenant, editions);
    const diff = from && to ? (await comparison(c.get('services').database, tenant.id, from, to)).diff : undefined;
    const adopted = editions.find((e) => e.status === 'beschlossen');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('fortschreibung.compare.title')} section="editions">
        <ComparePage t={t} base={appBase(tenant)} editions={newestFirst(editions)} from={from} to={to} diff={diff} due={nextUpdateDue(tenant, adopted)} />
      </AppPage>,
    );
  });

  app.get('/app/k/:slug/fassungen/vergleich.xlsx', async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canCompareEditions(user, tenant.id));
    const db = dbOf(c);
    const from = await editionById(db, tenant.id, c.req.query('von') ?? '');
    const to = await editionById(db, tenant.id, c.req.query('zu') ?? '');
    const compared = await comparison(c.get('services').database, tenant.id, from, to);
    const bytes = await diffToXlsx(c.get('t'), compared.diff, compared.from, compared.to);
    const name = diffFileName(from, to);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    });
  });

  // ---- update interval -----------------------------------------------------------------------

  const settingsPage = async (c: Ctx, tenant: Tenant, form: FormState, status = 200) => {
    const t = c.get('t');
    const adopted = await adoptedEdition(dbOf(c), tenant.id);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('fortschreibung.settings.title')} section="settings">
        <SettingsPage t={t} base={appBase(tenant)} csrfToken={c.get('csrfToken')} form={form} due={nextUpdateDue(tenant, adopted)} hasAdopted={!!adopted?.adoptedOn} />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/einstellungen/fortschreibung', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canSetUpdateInterval(user, tenant.id));
    return settingsPage(c, tenant, emptyForm({ updateIntervalMonths: tenant.updateIntervalMonths, version: tenant.version }));
  });

  app.post('/app/k/:slug/einstellungen/fortschreibung', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    return submitForm(c, () => setUpdateInterval(commandContext(c), tenant.id, body), {
      saved: (saved) => [`${appBase(tenant)}/einstellungen/fortschreibung`, c.get('t')('fortschreibung.settings.saved', { count: saved.updateIntervalMonths })],
      invalid: (errors) => settingsPage(c, tenant, { values: body, errors }, 422),
      conflict: async () => {
        // Someone else saved first: show their value, keep the form's version current.
        const current = await tenantById(dbOf(c), tenant.id);
        return settingsPage(c, current, { values: { ...body, version: current.version }, errors: [{ field: 'updateIntervalMonths', messageKey: 'error.edit_conflict' }] }, 409);
      },
    });
  });

  return app;
}
