import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { germanDate } from '../../platform/i18n/german.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { Alert, DataTable } from '../../platform/ui/components.js';
import { ConfirmAction, ConfirmLink } from '../../platform/ui/confirm.js';
import { Button, ButtonLink, SelectField, emptyForm, type FormState, type OptionGroup } from '../../platform/ui/form.js';
import { Paragraphs } from '../../platform/ui/public-page.js';
import { municipalitiesOf, type Tenant } from '../../platform/tenancy/service.js';
import { isUuid } from '../../platform/validation.js';
import { listActors } from '../actors/index.js';
import { listEditions } from '../concepts/index.js';
import { listMeasureSummaries } from '../measures/index.js';
import {
  canManageInterviews, canReadInterviews, createInterview, deleteInterview, interviewById, linksOfInterview, listInterviews, updateInterview,
} from './service.js';
import { InterviewFields, interviewFormOf, type InterviewOptions } from './views/interview-form.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const uuidPattern = '[0-9a-fA-F-]{36}';

async function reader(c: Ctx) {
  const found = await tenantForApp(c);
  if (!canReadInterviews(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found;
}
async function coordinator(c: Ctx) {
  const found = await tenantForApp(c);
  if (!canManageInterviews(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found.tenant;
}

/** Gemeinden, actors by kind, and the measures of the newest edition (plus any already linked from older ones). */
async function formOptions(c: Ctx, tenant: Tenant, linked: { id: string; number: string; title: string; editionTitle: string }[] = []): Promise<InterviewOptions> {
  const db = dbOf(c);
  const t = c.get('t');
  // The newest edition's measures follow its edition while the other lists are read (issue 9.2).
  const newestWithMeasures = async () => {
    const newest = (await listEditions(db, tenant.id))[0];
    return { newest, measures: newest ? await listMeasureSummaries(db, tenant.id, newest.id) : [] };
  };
  const [municipalities, actors, { newest, measures }] = await Promise.all([municipalitiesOf(db, tenant.id), listActors(db, tenant.id), newestWithMeasures()]);
  const byField = new Map<string, OptionGroup>();
  for (const m of measures) {
    const label = `${newest!.title}: ${m.fieldTitle}`;
    if (!byField.has(label)) byField.set(label, { label, options: [] });
    byField.get(label)!.options.push({ value: m.id, label: `${m.number} ${m.title}` });
  }
  const shown = new Set(measures.map((m) => m.id));
  const older = linked.filter((m) => !shown.has(m.id));
  const measureGroups = [...byField.values(), ...(older.length ? [{ label: t('interviews.measures_other_editions'), options: older.map((m) => ({ value: m.id, label: `${m.editionTitle}: ${m.number} ${m.title}` })) }] : [])];
  const actorGroups = new Map<string, OptionGroup>();
  for (const a of actors) {
    const label = t(`actor_kind.${a.kind}`);
    if (!actorGroups.has(label)) actorGroups.set(label, { label, options: [] });
    actorGroups.get(label)!.options.push({ value: a.id, label: a.name });
  }
  return { municipalities, actors: [...actorGroups.values()], measures: measureGroups };
}

export function interviewRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/gespraeche', keptAppPage, async (c) => {
    const { tenant, user } = await reader(c);
    const t = c.get('t');
    const db = dbOf(c);
    const municipalityId = c.req.query('gemeinde') ?? '';
    const [rows, municipalities] = await Promise.all([listInterviews(db, tenant.id, { municipalityId }), municipalitiesOf(db, tenant.id)]);
    const base = `${appBase(tenant)}/gespraeche`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('interviews.title')} section="interviews">
        <h1 class="kern-heading-large">{t('interviews.title')}</h1>
        <p>{t('interviews.intro')}</p>
        <form method="get" action={base} class="filter-form" role="search" aria-label={t('interviews.filter')}>
          <SelectField t={t} form={emptyForm({ gemeinde: municipalityId })} name="gemeinde" label={t('interviews.municipality')} emptyLabel={t('interviews.all_municipalities')} options={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          <Button variant="secondary">{t('interviews.filter_apply')}</Button>
        </form>
        <p aria-live="polite">{t('interviews.count', { count: rows.length })}</p>
        {rows.length ? (
          <DataTable caption={t('interviews.title')} headers={[t('interviews.held_on'), t('interviews.field_title'), t('interviews.municipality'), t('interviews.actors'), t('interviews.themes')]}>
            {rows.map((r) => (
              <tr>
                <td>{germanDate(r.heldOn)}</td>
                <td>
                  <a href={`${base}/${r.id}`}>{r.title}</a>
                </td>
                <td>{r.municipalityName ?? t('interviews.whole_county')}</td>
                <td>{r.actorNames.join(', ')}</td>
                <td>{r.themes}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {canManageInterviews(user, tenant.id) ? (
          <div>
            <ButtonLink href={`${base}/neu`}>{t('interviews.new')}</ButtonLink>
          </div>
        ) : null}
      </AppPage>,
    );
  });

  /** An interview with its links, read once for the form (issue 9.2: the edit page read both twice). */
  const loaded = async (c: Ctx, tenant: Tenant, interviewId: string) => {
    // Its links at once: another Kommune's or an unknown id has none, and interviewById refuses it (no id, no query).
    const [interview, links] = await Promise.all([
      interviewById(dbOf(c), tenant.id, interviewId),
      isUuid(interviewId) ? linksOfInterview(dbOf(c), tenant.id, interviewId) : { actors: [], measures: [] },
    ]);
    return { interview, links };
  };
  const formPage = async (c: Ctx, tenant: Tenant, current: Awaited<ReturnType<typeof loaded>> | undefined, form: FormState, status = 200, conflict = false) => {
    const t = c.get('t');
    const existing = current?.interview;
    const links = current?.links;
    const base = `${appBase(tenant)}/gespraeche`;
    const title = existing ? t('interviews.edit_title', { title: existing.title }) : t('interviews.new');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="interviews">
        <h1 class="kern-heading-large">{title}</h1>
        {conflict ? <Alert variant="danger" title={t('error.edit_conflict')} /> : null}
        <form method="post" action={existing ? `${base}/${existing.id}/bearbeiten` : base} class="stack" novalidate>
          {existing ? <input type="hidden" name="version" value={String(conflict ? existing.version : form.values.version ?? existing.version)} /> : null}
          <InterviewFields c={c} form={form} options={await formOptions(c, tenant, links?.measures)} />
          <div class="actions">
            <Button>{existing ? t('form.save') : t('form.create')}</Button>
            <a href={existing ? `${base}/${existing.id}` : base}>{t('form.cancel')}</a>
          </div>
        </form>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/gespraeche/neu', keptAppPage, async (c) => {
    const tenant = await coordinator(c);
    return formPage(c, tenant, undefined, emptyForm({ municipalityId: c.req.query('gemeinde') ?? '' }));
  });

  app.post('/app/k/:slug/gespraeche', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    return submitForm(c, () => createInterview(commandContext(c), tenant.id, body), {
      saved: (i) => [`${appBase(tenant)}/gespraeche/${i.id}`, c.get('t')('interviews.created')],
      invalid: (errors) => formPage(c, tenant, undefined, { values: body, errors }, 422),
      conflict: () => formPage(c, tenant, undefined, { values: body, errors: [] }, 409, true),
    });
  });

  app.get(`/app/k/:slug/gespraeche/:id{${uuidPattern}}`, keptAppPage, async (c) => {
    const { tenant, user } = await reader(c);
    const t = c.get('t');
    const db = dbOf(c);
    const interview = await interviewById(db, tenant.id, c.req.param('id'));
    const links = await linksOfInterview(db, tenant.id, interview.id);
    const municipality = interview.municipalityId ? (await municipalitiesOf(db, tenant.id)).find((m) => m.id === interview.municipalityId)?.name : undefined;
    const base = `${appBase(tenant)}/gespraeche/${interview.id}`;
    const text = (heading: string, value: string) =>
      value ? (
        <section class="stack">
          <h2 class="kern-heading-small">{heading}</h2>
          <Paragraphs text={value} />
        </section>
      ) : null;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={interview.title} section="interviews">
        <h1 class="kern-heading-large">{interview.title}</h1>
        <p>
          {germanDate(interview.heldOn)} · {municipality ?? t('interviews.whole_county')}
        </p>
        {text(t('interviews.participants'), interview.participants)}
        {links.actors.length ? (
          <section class="stack">
            <h2 class="kern-heading-small">{t('interviews.actors')}</h2>
            <ul>
              {links.actors.map((a) => (
                <li>{a.name}</li>
              ))}
            </ul>
          </section>
        ) : null}
        {text(t('interviews.themes'), interview.themes)}
        {text(t('interviews.findings'), interview.findings)}
        {text(t('interviews.conflict_potential'), interview.conflictPotential)}
        {links.measures.length ? (
          <section class="stack">
            <h2 class="kern-heading-small">{t('interviews.measures')}</h2>
            <ul>
              {links.measures.map((m) => (
                <li>
                  <a href={`${appBase(tenant)}/massnahmen/${m.id}`}>
                    {m.number} {m.title}
                  </a>{' '}
                  ({m.editionTitle})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {canManageInterviews(user, tenant.id) ? (
          <div class="actions">
            <ButtonLink href={`${base}/bearbeiten`}>{t('interviews.edit')}</ButtonLink>
            <ConfirmLink href={`${base}/loeschen`} label={t('interviews.delete')} />
          </div>
        ) : null}
        <p>
          <a href={`${appBase(tenant)}/gespraeche`}>{t('interviews.back')}</a>
        </p>
      </AppPage>,
    );
  });

  app.get(`/app/k/:slug/gespraeche/:id{${uuidPattern}}/bearbeiten`, keptAppPage, async (c) => {
    const tenant = await coordinator(c);
    const current = await loaded(c, tenant, c.req.param('id'));
    return formPage(c, tenant, current, interviewFormOf(current.interview, current.links));
  });

  app.post(`/app/k/:slug/gespraeche/:id{${uuidPattern}}/bearbeiten`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const interviewId = c.req.param('id');
    const body = await formBody(c);
    return submitForm(c, () => updateInterview(commandContext(c), tenant.id, interviewId, body), {
      saved: () => [`${appBase(tenant)}/gespraeche/${interviewId}`, c.get('t')('interviews.saved')],
      invalid: async (errors) => formPage(c, tenant, await loaded(c, tenant, interviewId), { values: body, errors }, 422),
      conflict: async () => formPage(c, tenant, await loaded(c, tenant, interviewId), { values: body, errors: [] }, 409, true),
    });
  });

  app.get(`/app/k/:slug/gespraeche/:id{${uuidPattern}}/loeschen`, keptAppPage, async (c) => {
    const tenant = await coordinator(c);
    const t = c.get('t');
    const interview = await interviewById(dbOf(c), tenant.id, c.req.param('id'));
    const title = t('interviews.delete_confirm_title', { title: interview.title });
    const base = `${appBase(tenant)}/gespraeche/${interview.id}`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="interviews">
        <ConfirmAction t={t} title={title} action={`${base}/loeschen`} csrfToken={c.get('csrfToken')} fields={{ version: String(interview.version) }} confirmLabel={t('interviews.delete')} cancelHref={base}>
          <p>{t('interviews.delete_text')}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`/app/k/:slug/gespraeche/:id{${uuidPattern}}/loeschen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    await deleteInterview(commandContext(c), tenant.id, c.req.param('id'), body.version);
    return redirectWithFlash(c, `${appBase(tenant)}/gespraeche`, c.get('t')('interviews.deleted'));
  });

  return app;
}
