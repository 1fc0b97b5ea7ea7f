import { Hono } from 'hono';
import { AppError, isAppError, type FieldError } from '../../platform/errors.js';
import type { AppEnv, Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { problemsOf, type ImportProblem } from '../../platform/spreadsheet/problems.js';
import { isFile, uploaded } from '../../platform/spreadsheet/upload.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { isTranslationLang, translatableSource, type TranslationLang } from '../../platform/translations/sources.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { exportFileName, toTranslate, toTranslationXlsx, toXliff } from './export.js';
import { isXliff, readTranslationTable, readXliff } from './read-file.js';
import { canManageTranslations, confirmTranslation, importTranslations, saveDisplaySetting, saveTranslation } from './service.js';
import { countStates, keptTranslationUnits, translationStates, type TranslationState } from './units.js';
import { pageSize, TranslationsOverview, type OverviewFilter, type RowProblem } from './views/overview.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const basePath = (tenant: Tenant) => `${appBase(tenant)}/uebersetzungen`;

async function tenantForTranslations(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  if (!canManageTranslations(user, tenant.id)) throw new AppError('forbidden');
  return { tenant, user };
}

/** The language from `?sprache=` (English when missing or unknown). */
const langOf = (c: Ctx): TranslationLang => {
  const l = c.req.query('sprache');
  return isTranslationLang(l) ? l : 'en';
};

function filterOf(c: Ctx): OverviewFilter {
  const state = c.req.query('stand');
  const kind = c.req.query('art');
  const page = Number(c.req.query('seite'));
  return {
    lang: langOf(c),
    state: translationStates.includes(state as TranslationState) ? (state as TranslationState) : undefined,
    kind: kind && translatableSource(kind) ? kind : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** Only a path of this overview may be where a form sends the person back to. */
const backTo = (tenant: Tenant, value: unknown, lang: string) => {
  const base = basePath(tenant);
  return typeof value === 'string' && value.startsWith(`${base}?`) && !/[\s\\]/.test(value) ? value : `${base}?sprache=${lang}`;
};

async function overviewPage(c: Ctx, tenant: Tenant, filter: OverviewFilter, extra: { rowProblem?: RowProblem; importProblems?: ImportProblem[] } = {}, status = 200) {
  const t = c.get('t');
  const all = await keptTranslationUnits(c.get('services').database, tenant.id, filter.lang);
  const counts = countStates(all);
  const matching = all.filter((u) => (!filter.state || u.state === filter.state) && (!filter.kind || u.source.kind === filter.kind));
  // A row with a problem stays on the page whatever the filter now says of it.
  let page = filter.page;
  const problemIndex = extra.rowProblem ? matching.findIndex((u) => u.key === extra.rowProblem!.key) : -1;
  if (problemIndex >= 0) page = Math.floor(problemIndex / pageSize) + 1;
  page = Math.min(page, Math.max(1, Math.ceil(matching.length / pageSize)));
  c.header('Cache-Control', 'no-store');
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={c.get('t')('translations.title')} section="translations">
      <TranslationsOverview
        t={t}
        base={basePath(tenant)}
        csrfToken={c.get('csrfToken')}
        filter={{ ...filter, page }}
        counts={{ perKind: counts.perKind.map((k) => ({ kind: k.source.kind, labelKey: k.source.labelKey, counts: k.counts })), total: counts.total }}
        units={matching.slice((page - 1) * pageSize, page * pageSize)}
        matching={matching.length}
        showOutdated={tenant.showOutdatedTranslations}
        tenantVersion={tenant.version}
        rowProblem={extra.rowProblem}
        importProblems={extra.importProblems}
      />
    </AppPage>,
    status,
  );
}

/** The filter a form came from (its `zurueck` field), to render the overview again at that row. */
function filterFromBack(back: string, lang: TranslationLang): OverviewFilter {
  const q = new URL(back, 'http://x').searchParams;
  const state = q.get('stand');
  const kind = q.get('art');
  return {
    lang,
    state: translationStates.includes(state as TranslationState) ? (state as TranslationState) : undefined,
    kind: kind && translatableSource(kind) ? kind : undefined,
    page: Math.max(1, Number(q.get('seite')) || 1),
  };
}

export function translationRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/uebersetzungen', keptAppPage, async (c) => {
    const { tenant } = await tenantForTranslations(c);
    return overviewPage(c, tenant, filterOf(c));
  });

  for (const [path, command, savedKey] of [
    ['speichern', saveTranslation, 'translations.saved'],
    ['bestaetigen', confirmTranslation, 'translations.confirmed'],
  ] as const) {
    app.post(`/app/k/:slug/uebersetzungen/${path}`, async (c) => {
      const { tenant } = await tenantForTranslations(c);
      const body = await formBody(c);
      const lang: TranslationLang = isTranslationLang(body.lang) ? body.lang : 'en';
      const back = backTo(tenant, body.zurueck, lang);
      const key = typeof body.key === 'string' ? body.key : '';
      const text = typeof body.text === 'string' ? body.text : '';
      try {
        await command(commandContext(c), tenant.id, body);
      } catch (e) {
        const again = (errors: FieldError[], conflict: boolean, status: number) => overviewPage(c, tenant, filterFromBack(back, lang), { rowProblem: { key, text, errors, conflict } }, status);
        if (isAppError(e, 'validation_failed')) return again(e.fieldErrors.length ? e.fieldErrors : [{ field: 'text', messageKey: e.messageKey }], false, 422);
        if (isAppError(e, 'edit_conflict')) return again(e.messageKey === 'translations.error.german_changed' ? [{ field: 'text', messageKey: e.messageKey }] : [], true, 409);
        throw e;
      }
      return redirectWithFlash(c, back, c.get('t')(savedKey));
    });
  }

  app.post('/app/k/:slug/uebersetzungen/einstellung', async (c) => {
    const { tenant } = await tenantForTranslations(c);
    const body = await formBody(c);
    const lang = langOf(c);
    try {
      await saveDisplaySetting(commandContext(c), tenant.id, body);
    } catch (e) {
      // The only field is a checkbox: a stale version means someone changed a setting meanwhile.
      if (isAppError(e, 'edit_conflict') || isAppError(e, 'validation_failed')) return redirectWithFlash(c, `${basePath(tenant)}?sprache=${lang}#veraltet`, c.get('t')('error.edit_conflict'));
      throw e;
    }
    return redirectWithFlash(c, `${basePath(tenant)}?sprache=${lang}#veraltet`, c.get('t')('translations.settings.saved'));
  });

  for (const ext of ['xlsx', 'xlf'] as const) {
    app.get(`/app/k/:slug/uebersetzungen/export.${ext}`, keptAppPage, async (c) => {
      const { tenant } = await tenantForTranslations(c);
      const lang = langOf(c);
      const t = c.get('t');
      const units = toTranslate(await keptTranslationUnits(c.get('services').database, tenant.id, lang));
      if (units.length === 0) return redirectWithFlash(c, `${basePath(tenant)}?sprache=${lang}`, t('translations.export.nothing'));
      const body = ext === 'xlsx' ? await toTranslationXlsx(t, lang, units) : Buffer.from(toXliff(t, lang, `${tenant.slug}-${lang}`, units), 'utf8');
      const type = ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/xliff+xml; charset=utf-8';
      return c.body(body as unknown as ArrayBuffer, 200, {
        'content-type': type,
        'content-disposition': `attachment; filename="${exportFileName(lang, ext)}"`,
        'cache-control': 'no-store',
      });
    });
  }

  app.post('/app/k/:slug/uebersetzungen/import', async (c) => {
    const { tenant } = await tenantForTranslations(c);
    const body = await formBody(c);
    const lang: TranslationLang = isTranslationLang(body.sprache) ? body.sprache : langOf(c);
    const filter: OverviewFilter = { lang, state: undefined, kind: undefined, page: 1 };
    const t = c.get('t');
    const file = await uploaded(body);
    if (!isFile(file)) return overviewPage(c, tenant, filter, { importProblems: [{ row: null, column: null, messageKey: file.messageKey, params: file.params as Record<string, string | number> | undefined }] }, 422);
    try {
      const entries = isXliff(file.name, file.bytes) ? readXliff(file.bytes, lang) : await readTranslationTable(file.bytes, file.name);
      const outcome = await importTranslations(commandContext(c), tenant.id, lang, entries);
      const message = outcome.changed ? t('translations.import.done', { changed: outcome.changed, unchanged: outcome.unchanged, empty: outcome.empty }) : t('translations.import.nothing_changed');
      return redirectWithFlash(c, `${basePath(tenant)}?sprache=${lang}`, message);
    } catch (e) {
      const problems = problemsOf(e);
      if (problems) return overviewPage(c, tenant, filter, { importProblems: problems }, 422);
      throw e;
    }
  });

  return app;
}

