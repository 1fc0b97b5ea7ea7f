import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { authorize } from '../../platform/commands.js';
import { isAppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { bytesBody, formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { todayInGermany } from '../../platform/dates.js';
import { keptWhileUnchanged } from '../../platform/kept-derived.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { adoptedEdition, editionById, listEditions } from '../concepts/index.js';
import { adoptionImpact, losesPublicContent } from '../fortschreibung/index.js';
import { bodyById, createBody, deleteBody, listBodies, updateBody } from './bodies.js';
import { addConsultation, consultationById, consultationsOf, consultationsOfPapers, isAdopting, moveConsultation, recordResult, removeConsultation } from './consultations.js';
import { paperDocument } from './document/load.js';
import { addPaperFile, attachmentHeader, filesOfPaper, paperFile, removePaperFile } from './files.js';
import { liveFigures } from './figures.js';
import { completeFollowUp, followUpsOfPaper } from './follow-ups.js';
import { formatNumber as formatPaperNumber, proposedNumber } from './numbering.js';
import { finalizePaper } from './finalize.js';
import { createPaper, deletePaper, listPapers, numberPartsOf, paperById, paperVersionsOf, updatePaper, type Paper } from './papers.js';
import { canManagePapers, canReadPapers } from './policy.js';
import { adoptedMeasures } from './queries.js';
import { paperSettingsOf, updatePaperSettings, type PaperSettings } from './settings.js';
import { paperTimeline } from './timeline.js';
import { compareVersions } from './versions.js';
import { VersionsPage } from './views/versions-page.js';
import { resultText } from './views/paper-page.js';
import { PaperForm } from './views/paper-form.js';
import { PaperPage, type PaperPageData } from './views/paper-page.js';
import { BodiesPage, PaperListPage, ResultPage, SettingsPage } from './views/pages.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const uuid = '{[0-9a-fA-F-]+}';
const date = (iso: string | null | undefined) => formatDate('de', iso);

/** Form values of a saved paper. */
const paperValues = (p: Paper) => ({
  kind: p.kind,
  subject: p.subject,
  paperDate: p.paperDate,
  leadOffice: p.leadOffice,
  officeCode: p.officeCode,
  clerk: p.clerk,
  fileReference: p.fileReference,
  visibility: p.isPublic ? 'oeffentlich' : 'nichtoeffentlich',
  proposal: p.proposal,
  facts: p.facts,
  financialEffects: p.hasFinancialEffects ? 'ja' : 'nein',
  financialText: p.financialText,
  financialAmount: p.financialAmount ?? '',
  climateImpact: p.climateImpact ?? '',
  climateText: p.climateText,
  signature: p.signature,
  editionId: p.editionId ?? '',
  version: p.version,
});

const settingsValues = (s: PaperSettings) => ({ ...s, inhabitants: s.inhabitants ?? '', foreignNationals: s.foreignNationals ?? '' });

/** What a paper's page shows of the Kommune's content: everything but what the person may do. */
type PaperReads = Omit<PaperPageData, 'canManage' | 'deletable'>;

async function paperPageReads(db: Db, tenantId: string, id: string): Promise<PaperReads> {
  const paper = await paperById(db, tenantId, id);
  // Everything else at once once the paper is known (issue 9.2: thirteen reads one after another).
  const [edition, live, steps, bodies, measures, followUps, versions, files, timeline] = await Promise.all([
    paper.editionId ? editionById(db, tenantId, paper.editionId).catch(() => undefined) : undefined,
    paper.state === 'entwurf' ? paperSettingsOf(db, tenantId).then(async (settings) => Object.fromEntries((await liveFigures(db, tenantId, paper.editionId, settings)).map((f) => [f.key, f]))) : {},
    consultationsOf(db, tenantId, paper.id),
    listBodies(db, tenantId),
    adoptedMeasures(db, tenantId, paper.id),
    followUpsOfPaper(db, tenantId, paper.id),
    paperVersionsOf(db, tenantId, paper.id),
    filesOfPaper(db, tenantId, paper.id),
    paperTimeline(db, tenantId, paper),
  ]);
  return { paper, steps, bodies, edition, figures: paper.state === 'final' ? (paper.figures ?? {}) : live, measures, followUps, versions, files, timeline };
}

/**
 * A paper's page data, kept while nothing in the Kommune changed (platform/kept-derived.ts; issue 9.2: thirteen
 * queries for the crawl's slowest internal page): the paper, its Beratungsfolge, files, versions and timeline
 * (audit entries) are all written by audited commands. Keyed by the paper and the day (the live figures count
 * as of today). Shared by everyone who may read papers; what a person may do is decided per request.
 */
const keptPapers = keptWhileUnchanged<PaperReads>(32);

export function decisionRoutes() {
  const app = new Hono<AppEnv>();

  // ---- the list and a paper's page --------------------------------------------------------

  app.get('/app/k/:slug/vorlagen', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canReadPapers(user, tenant.id));
    const t = c.get('t');
    const db = dbOf(c);
    const list = [];
    const [papers, stepsOf] = await Promise.all([listPapers(db, tenant.id), consultationsOfPapers(db, tenant.id)]);
    for (const paper of papers) {
      const steps = stepsOf.get(paper.id) ?? [];
      const decided = [...steps].reverse().find((s) => s.consultation.result);
      const next = steps.find((s) => !s.consultation.result);
      const status =
        paper.state === 'entwurf'
          ? t('decisions.state.entwurf')
          : decided
            ? t('decisions.list.status_result', { body: decided.body.name, date: date(decided.meeting.meetsOn), result: resultText(t, decided.consultation) })
            : next
              ? t('decisions.list.status_next', { body: next.body.name, date: date(next.meeting.meetsOn) })
              : t('decisions.state.final');
      list.push({ paper, status });
    }
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('decisions.list.title')} section="papers">
        <PaperListPage t={t} base={appBase(tenant)} papers={list} canManage={canManagePapers(user, tenant.id)} />
      </AppPage>,
    );
  });

  const paperPage = async (c: Ctx, tenant: Tenant, id: string, consultationForm: FormState = emptyForm({ role: 'vorberatung' }), status = 200, fileForm: FormState = emptyForm()) => {
    const { user } = await tenantForApp(c);
    authorize(canReadPapers(user, tenant.id));
    const t = c.get('t');
    const db = dbOf(c);
    const kept = await keptPapers(c.get('services').database, tenant.id, `${id}\0${todayInGermany()}`, () => paperPageReads(db, tenant.id, id));
    const { paper } = kept;
    const d: PaperPageData = {
      ...kept,
      canManage: canManagePapers(user, tenant.id),
      // A decided step (its Beratungsfolge has them all) keeps the paper (hasResults, without asking again).
      deletable: canManagePapers(user, tenant.id) && !kept.steps.some((s) => s.consultation.result !== null),
    };
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={`${paper.number} ${paper.subject}`} section="papers">
        <PaperPage t={t} base={appBase(tenant)} publicBase={`/k/${tenant.slug}`} csrfToken={c.get('csrfToken')} d={d} consultationForm={consultationForm} fileForm={fileForm} />
      </AppPage>,
      status,
    );
  };

  app.get(`/app/k/:slug/vorlagen/:id${uuid}`, keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return paperPage(c, tenant, c.req.param('id'));
  });

  app.get(`/app/k/:slug/vorlagen/:id${uuid}/versionen`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canReadPapers(user, tenant.id));
    const t = c.get('t');
    const db = dbOf(c);
    const paper = await paperById(db, tenant.id, c.req.param('id'));
    const versions = await paperVersionsOf(db, tenant.id, paper.id);
    const pick = (q: string | undefined, fallback: number) => versions.find((v) => String(v.version) === q) ?? versions.find((v) => v.version === fallback);
    const to = pick(c.req.query('bis'), versions.at(-1)?.version ?? 0);
    const from = pick(c.req.query('von'), (to?.version ?? 1) - 1) ?? versions[0];
    const comparison = from && to && versions.length > 1 ? compareVersions(from, to) : undefined;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('decisions.versions.title', { number: paper.number })} section="papers">
        <VersionsPage t={t} base={appBase(tenant)} paper={paper} versions={versions} comparison={comparison} />
      </AppPage>,
    );
  });

  // ---- the paper as document, its files ------------------------------------------------------

  for (const format of ['pdf', 'docx'] as const) {
    app.get(`/app/k/:slug/vorlagen/:id${uuid}/vorlage.${format}`, async (c) => {
      const { tenant, user } = await tenantForApp(c);
      authorize(canReadPapers(user, tenant.id));
      const d = await paperDocument(dbOf(c), tenant, await paperById(dbOf(c), tenant.id, c.req.param('id')), format);
      return c.body(new Uint8Array(d.bytes), 200, { 'content-type': d.contentType, 'content-disposition': attachmentHeader(d.fileName) });
    });
  }

  app.post(`/app/k/:slug/vorlagen/:id${uuid}/dateien`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    const file = Array.isArray(body.datei) ? body.datei[0] : body.datei;
    const upload = file instanceof File && (file.size > 0 || file.name) ? { name: file.name, bytes: Buffer.from(await file.arrayBuffer()) } : undefined;
    const title = typeof body.name === 'string' ? body.name : '';
    try {
      const added = await addPaperFile(commandContext(c), tenant.id, id, upload, title);
      return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${id}#anlagen`, c.get('t')('decisions.files.added', { name: added.name }));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return paperPage(c, tenant, id, undefined, 422, { values: { name: title }, errors: e.fieldErrors });
      throw e;
    }
  });

  const removeFilePage = async (c: Ctx, tenant: Tenant, status = 200) => {
    const t = c.get('t');
    const paper = await paperById(dbOf(c), tenant.id, c.req.param('id') ?? '');
    const file = await paperFile(dbOf(c), tenant.id, paper.id, c.req.param('fileId') ?? '');
    const path = `${appBase(tenant)}/vorlagen/${paper.id}`;
    const title = t('decisions.files.remove_title', { name: file.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="papers">
        <ConfirmAction t={t} title={title} action={`${path}/dateien/${file.id}/entfernen`} csrfToken={c.get('csrfToken')} confirmLabel={t('decisions.files.remove')} cancelHref={`${path}#anlagen`}>
          <p>{t('decisions.files.remove_means', { file: file.fileName, number: paper.number })}</p>
        </ConfirmAction>
      </AppPage>,
      status,
    );
  };
  app.get(`/app/k/:slug/vorlagen/:id${uuid}/dateien/:fileId${uuid}/entfernen`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    return removeFilePage(c, tenant);
  });
  app.post(`/app/k/:slug/vorlagen/:id${uuid}/dateien/:fileId${uuid}/entfernen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    await formBody(c);
    const id = c.req.param('id');
    const removed = await removePaperFile(commandContext(c), tenant.id, id, c.req.param('fileId'));
    return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${id}#anlagen`, c.get('t')('decisions.files.removed', { name: removed.name }));
  });

  // A stored document never changes (a removal is audited): kept like a page, it is not read from the database again.
  app.get(`/app/k/:slug/vorlagen/:id${uuid}/dateien/:fileId${uuid}`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canReadPapers(user, tenant.id));
    const paper = await paperById(dbOf(c), tenant.id, c.req.param('id'));
    const f = await paperFile(dbOf(c), tenant.id, paper.id, c.req.param('fileId'));
    return c.body(bytesBody(f.content), 200, { 'content-type': f.mimeType, 'content-disposition': attachmentHeader(f.fileName), 'x-content-type-options': 'nosniff' });
  });

  // ---- writing a paper ------------------------------------------------------------------------

  /** What the form is made from; the new paper's defaults come from it too (issue 9.2: read twice before). */
  const formInputs = async (db: Db, tenantId: string) => ({ settings: await paperSettingsOf(db, tenantId), editions: await listEditions(db, tenantId) });
  const formPage = async (c: Ctx, tenant: Tenant, form: FormState, paper: Paper | undefined, status = 200, inputs?: Awaited<ReturnType<typeof formInputs>>) => {
    const t = c.get('t');
    const db = dbOf(c);
    const { settings, editions: all } = inputs ?? (await formInputs(db, tenant.id));
    const editionId = typeof form.values.editionId === 'string' && form.values.editionId ? form.values.editionId : (paper?.editionId ?? null);
    const figures = await liveFigures(db, tenant.id, all.some((e) => e.id === editionId) ? editionId : null, settings);
    const paperDate = typeof form.values.paperDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(form.values.paperDate) ? form.values.paperDate : todayInGermany();
    const office = typeof form.values.officeCode === 'string' ? form.values.officeCode.replace(/[{}]/g, '') : '';
    const proposed = paper ? undefined : await proposedNumber(db, tenant.id, settings.numberFormat, numberPartsOf({ paperDate, officeCode: office }, settings));
    const editions = all.filter((e) => e.status !== 'abgeloest' || e.id === editionId);
    const title = paper ? t('decisions.paper.edit_title', { number: paper.number }) : t('decisions.paper.new_title');
    const base = appBase(tenant);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="papers">
        <div class="stack">
          <h1 class="kern-heading-x-large">{title}</h1>
          <PaperForm
            t={t}
            csrfToken={c.get('csrfToken')}
            action={paper ? `${base}/vorlagen/${paper.id}/bearbeiten` : `${base}/vorlagen`}
            form={form}
            editions={editions}
            figures={figures}
            proposedNumber={proposed}
            cancelHref={paper ? `${base}/vorlagen/${paper.id}` : `${base}/vorlagen`}
          />
        </div>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/vorlagen/neu', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    const inputs = await formInputs(dbOf(c), tenant.id);
    const { settings } = inputs;
    const draft = inputs.editions.find((e) => e.status === 'entwurf' || e.status === 'beteiligung' || e.status === 'zur_beschlussfassung');
    return formPage(
      c,
      tenant,
      emptyForm({
        kind: 'beschlussvorlage',
        paperDate: todayInGermany(),
        visibility: 'oeffentlich',
        financialEffects: 'nein',
        officeCode: settings.officeCode,
        leadOffice: settings.leadOffice,
        editionId: draft?.id ?? '',
        subject: draft?.title ?? '',
      }),
      undefined,
      200,
      inputs,
    );
  });

  app.post('/app/k/:slug/vorlagen', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    try {
      const paper = await createPaper(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${paper.id}`, c.get('t')('decisions.paper.created', { number: paper.number }));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return formPage(c, tenant, { values: body, errors: e.fieldErrors }, undefined, 422);
      throw e;
    }
  });

  app.get(`/app/k/:slug/vorlagen/:id${uuid}/bearbeiten`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    const paper = await paperById(dbOf(c), tenant.id, c.req.param('id'));
    return formPage(c, tenant, emptyForm(paperValues(paper)), paper);
  });

  app.post(`/app/k/:slug/vorlagen/:id${uuid}/bearbeiten`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    return submitForm(c, () => updatePaper(commandContext(c), tenant.id, id, body), {
      saved: (p) => [`${appBase(tenant)}/vorlagen/${p.id}`, c.get('t')('decisions.paper.saved', { number: p.number, version: p.version })],
      invalid: async (errors) => formPage(c, tenant, { values: body, errors }, await paperById(dbOf(c), tenant.id, id), 422),
      conflict: async () => {
        const current = await paperById(dbOf(c), tenant.id, id);
        return formPage(c, tenant, { values: { ...body, version: current.version }, errors: [{ field: 'version', messageKey: 'error.edit_conflict' }] }, current, 409);
      },
    });
  });

  // ---- final, delete ------------------------------------------------------------------------

  const confirmPage = async (c: Ctx, tenant: Tenant, paper: Paper, kind: 'endgueltig' | 'loeschen', status = 200, problem?: string) => {
    const t = c.get('t');
    const base = appBase(tenant);
    const edition = paper.editionId ? await editionById(dbOf(c), tenant.id, paper.editionId).catch(() => undefined) : undefined;
    const title = t(kind === 'endgueltig' ? 'decisions.finalize.title' : 'decisions.delete_paper.title', { number: paper.number });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="papers">
        <ConfirmAction
          t={t}
          title={title}
          action={`${base}/vorlagen/${paper.id}/${kind}`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(paper.version) }}
          confirmLabel={t(kind === 'endgueltig' ? 'decisions.finalize.confirm' : 'decisions.delete_paper.confirm')}
          cancelHref={`${base}/vorlagen/${paper.id}`}
          warning={problem ? { title: problem } : undefined}
        >
          <p>{paper.subject}</p>
          {kind === 'endgueltig' ? (
            <>
              <p>{t('decisions.finalize.means')}</p>
              {edition && paper.kind === 'beschlussvorlage' && (edition.status === 'entwurf' || edition.status === 'beteiligung') ? <p>{t('decisions.finalize.edition', { edition: edition.title })}</p> : null}
            </>
          ) : (
            <p>{t('decisions.delete_paper.means')}</p>
          )}
        </ConfirmAction>
      </AppPage>,
      status,
    );
  };

  for (const kind of ['endgueltig', 'loeschen'] as const) {
    app.get(`/app/k/:slug/vorlagen/:id${uuid}/${kind}`, keptAppPage, async (c) => {
      const { tenant, user } = await tenantForApp(c);
      authorize(canManagePapers(user, tenant.id));
      return confirmPage(c, tenant, await paperById(dbOf(c), tenant.id, c.req.param('id')), kind);
    });
    app.post(`/app/k/:slug/vorlagen/:id${uuid}/${kind}`, async (c) => {
      const { tenant } = await tenantForApp(c);
      const body = await formBody(c);
      const id = c.req.param('id');
      const t = c.get('t');
      try {
        if (kind === 'endgueltig') {
          const paper = await finalizePaper(commandContext(c), tenant.id, id, body);
          return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${id}`, t('decisions.finalize.done', { number: paper.number }));
        }
        const paper = await deletePaper(commandContext(c), tenant.id, id, body);
        return redirectWithFlash(c, `${appBase(tenant)}/vorlagen`, t('decisions.delete_paper.done', { number: paper.number }));
      } catch (e) {
        if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict') || isAppError(e, 'validation_failed')) {
          return confirmPage(c, tenant, await paperById(dbOf(c), tenant.id, id), kind, e.status, t(e.messageKey, e.options.params));
        }
        throw e;
      }
    });
  }

  // ---- the Beratungsfolge -------------------------------------------------------------------

  app.post(`/app/k/:slug/vorlagen/:id${uuid}/beratungen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    try {
      await addConsultation(commandContext(c), tenant.id, id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${id}#beratungsfolge`, c.get('t')('decisions.consultations.added'));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return paperPage(c, tenant, id, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  app.post(`/app/k/:slug/beratungen/:id${uuid}/verschieben`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const step = await consultationById(dbOf(c), tenant.id, c.req.param('id'));
    await moveConsultation(commandContext(c), tenant.id, step.id, body.richtung);
    return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${step.paperId}#beratungsfolge`, c.get('t')('decisions.consultations.moved'));
  });

  const removePage = async (c: Ctx, tenant: Tenant, id: string, status = 200, problem?: string) => {
    const t = c.get('t');
    const db = dbOf(c);
    const step = await consultationById(db, tenant.id, id);
    const row = (await consultationsOf(db, tenant.id, step.paperId)).find((s) => s.consultation.id === id)!;
    const base = appBase(tenant);
    const title = t('decisions.consultation.remove_title', { body: row.body.name, date: date(row.meeting.meetsOn) });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="papers">
        <ConfirmAction
          t={t}
          title={title}
          action={`${base}/beratungen/${id}/entfernen`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(step.version) }}
          confirmLabel={t('decisions.consultation.remove')}
          cancelHref={`${base}/vorlagen/${step.paperId}`}
          warning={problem ? { title: problem } : undefined}
        >
          <p>{t('decisions.consultation.remove_means')}</p>
        </ConfirmAction>
      </AppPage>,
      status,
    );
  };

  app.get(`/app/k/:slug/beratungen/:id${uuid}/entfernen`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    return removePage(c, tenant, c.req.param('id'));
  });

  app.post(`/app/k/:slug/beratungen/:id${uuid}/entfernen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    try {
      const removed = await removeConsultation(commandContext(c), tenant.id, id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${removed.paperId}#beratungsfolge`, c.get('t')('decisions.consultations.removed'));
    } catch (e) {
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict') || isAppError(e, 'validation_failed')) return removePage(c, tenant, id, e.status, c.get('t')(e.messageKey, e.options.params));
      throw e;
    }
  });

  const resultPage = async (c: Ctx, tenant: Tenant, id: string, form: FormState | undefined, status = 200) => {
    const { user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    const t = c.get('t');
    const db = dbOf(c);
    const step = await consultationById(db, tenant.id, id);
    const paper = await paperById(db, tenant.id, step.paperId);
    const row = (await consultationsOf(db, tenant.id, paper.id)).find((s) => s.consultation.id === id)!;
    const edition = paper.editionId && paper.kind === 'beschlussvorlage' && step.role === 'entscheidung' ? await editionById(db, tenant.id, paper.editionId).catch(() => undefined) : undefined;
    const pending = edition && edition.status !== 'beschlossen' && edition.status !== 'abgeloest' ? edition : undefined;
    const impact = pending ? await adoptionImpact(db, tenant.id, pending) : null;
    const current = pending ? await adoptedEdition(db, tenant.id) : undefined;
    const values = form ?? emptyForm({ ...step, unanimous: step.unanimous ? 'on' : '', votesYes: step.votesYes ?? '', votesNo: step.votesNo ?? '', votesAbstain: step.votesAbstain ?? '', result: step.result ?? '' });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('decisions.result.title', { body: row.body.name, date: date(row.meeting.meetsOn) })} section="papers">
        <ResultPage
          t={t}
          base={appBase(tenant)}
          csrfToken={c.get('csrfToken')}
          paper={paper}
          step={row}
          form={values}
          adopts={pending ? { editionTitle: pending.title, currentTitle: current?.title, impact, losesContent: losesPublicContent(impact) } : undefined}
        />
      </AppPage>,
      status,
    );
  };

  app.get(`/app/k/:slug/beratungen/:id${uuid}/ergebnis`, keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return resultPage(c, tenant, c.req.param('id'), undefined);
  });

  app.post(`/app/k/:slug/beratungen/:id${uuid}/ergebnis`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    const t = c.get('t');
    try {
      const { consultation, adoptedEditionId } = await recordResult(commandContext(c), tenant.id, id, body);
      const message = adoptedEditionId && isAdopting(consultation) ? t('decisions.result.saved_adopted') : t('decisions.result.saved');
      return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${consultation.paperId}#beratungsfolge`, message);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return resultPage(c, tenant, id, { values: body, errors: e.fieldErrors }, 422);
      if (isAppError(e, 'edit_conflict')) {
        const now = await consultationById(dbOf(c), tenant.id, id);
        return resultPage(c, tenant, id, { values: { ...body, version: now.version }, errors: [{ field: 'result', messageKey: 'error.edit_conflict' }] }, 409);
      }
      if (isAppError(e, 'conflict') || isAppError(e, 'invalid_transition')) return resultPage(c, tenant, id, { values: body, errors: [{ field: 'result', messageKey: e.messageKey, params: e.options.params }] }, 409);
      throw e;
    }
  });

  app.post(`/app/k/:slug/beschlussauftraege/:id${uuid}/erledigt`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const done = await completeFollowUp(commandContext(c), tenant.id, c.req.param('id'), body, todayInGermany());
    return redirectWithFlash(c, `${appBase(tenant)}/vorlagen/${done.paperId}#beschlusskontrolle`, c.get('t')('decisions.follow_ups.done'));
  });

  // ---- Gremien ----------------------------------------------------------------------------------

  const bodiesPage = async (c: Ctx, tenant: Tenant, form: FormState, editingId?: string, status = 200) => {
    const { user } = await tenantForApp(c);
    authorize(canReadPapers(user, tenant.id));
    const t = c.get('t');
    const db = dbOf(c);
    const editing = editingId ? await bodyById(db, tenant.id, editingId) : undefined;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('decisions.bodies.title')} section="papers">
        <BodiesPage t={t} base={appBase(tenant)} csrfToken={c.get('csrfToken')} bodies={await listBodies(db, tenant.id)} form={form} editing={editing} canManage={canManagePapers(user, tenant.id)} />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/gremien', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return bodiesPage(c, tenant, emptyForm({ kind: 'fachausschuss' }));
  });

  app.post('/app/k/:slug/gremien', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    try {
      const made = await createBody(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/gremien`, c.get('t')('decisions.body.created', { name: made.name }));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return bodiesPage(c, tenant, { values: body, errors: e.fieldErrors }, undefined, 422);
      throw e;
    }
  });

  app.get(`/app/k/:slug/gremien/:id${uuid}/bearbeiten`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    const b = await bodyById(dbOf(c), tenant.id, c.req.param('id'));
    return bodiesPage(c, tenant, emptyForm({ ...b }), b.id);
  });

  app.post(`/app/k/:slug/gremien/:id${uuid}/bearbeiten`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    return submitForm(c, () => updateBody(commandContext(c), tenant.id, id, body), {
      saved: (b) => [`${appBase(tenant)}/gremien`, c.get('t')('decisions.body.saved', { name: b.name })],
      invalid: (errors) => bodiesPage(c, tenant, { values: body, errors }, id, 422),
      conflict: async () => {
        const now = await bodyById(dbOf(c), tenant.id, id);
        return bodiesPage(c, tenant, { values: { ...body, version: now.version }, errors: [{ field: 'name', messageKey: 'error.edit_conflict' }] }, id, 409);
      },
    });
  });

  const deleteBodyPage = async (c: Ctx, tenant: Tenant, id: string, status = 200, problem?: string) => {
    const t = c.get('t');
    const b = await bodyById(dbOf(c), tenant.id, id);
    const base = appBase(tenant);
    const title = t('decisions.body.delete_title', { name: b.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="papers">
        <ConfirmAction
          t={t}
          title={title}
          action={`${base}/gremien/${id}/loeschen`}
          csrfToken={c.get('csrfToken')}
          fields={{ version: String(b.version) }}
          confirmLabel={t('decisions.delete')}
          cancelHref={`${base}/gremien`}
          warning={problem ? { title: problem } : undefined}
        >
          <p>{t('decisions.body.delete_means')}</p>
        </ConfirmAction>
      </AppPage>,
      status,
    );
  };

  app.get(`/app/k/:slug/gremien/:id${uuid}/loeschen`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    return deleteBodyPage(c, tenant, c.req.param('id'));
  });

  app.post(`/app/k/:slug/gremien/:id${uuid}/loeschen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    try {
      const gone = await deleteBody(commandContext(c), tenant.id, id, body);
      return redirectWithFlash(c, `${appBase(tenant)}/gremien`, c.get('t')('decisions.body.deleted', { name: gone.name }));
    } catch (e) {
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict') || isAppError(e, 'validation_failed')) return deleteBodyPage(c, tenant, id, e.status, c.get('t')(e.messageKey, e.options.params));
      throw e;
    }
  });

  // ---- settings ---------------------------------------------------------------------------------

  const settingsPage = async (c: Ctx, tenant: Tenant, form: FormState, status = 200) => {
    const { user } = await tenantForApp(c);
    authorize(canManagePapers(user, tenant.id));
    const t = c.get('t');
    const format = typeof form.values.numberFormat === 'string' ? form.values.numberFormat : '{Jahr}/{Amt}/{lfd}';
    const example = formatPaperNumber(format, { year: todayInGermany().slice(0, 4), office: typeof form.values.officeCode === 'string' && form.values.officeCode ? form.values.officeCode : 'FD91' }, 457);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('decisions.settings.title')} section="papers">
        <SettingsPage t={t} base={appBase(tenant)} csrfToken={c.get('csrfToken')} form={form} example={example} />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/einstellungen/vorlagen', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    return settingsPage(c, tenant, emptyForm(settingsValues(await paperSettingsOf(dbOf(c), tenant.id))));
  });

  app.post('/app/k/:slug/einstellungen/vorlagen', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    return submitForm(c, () => updatePaperSettings(commandContext(c), tenant.id, body), {
      saved: () => [`${appBase(tenant)}/einstellungen/vorlagen`, c.get('t')('decisions.settings.saved')],
      invalid: (errors) => settingsPage(c, tenant, { values: body, errors }, 422),
      conflict: async () => {
        const now = await paperSettingsOf(dbOf(c), tenant.id);
        return settingsPage(c, tenant, { values: { ...body, version: now.version }, errors: [{ field: 'numberFormat', messageKey: 'error.edit_conflict' }] }, 409);
      },
    });
  });

  return app;
}
