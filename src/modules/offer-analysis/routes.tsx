import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { todayInGermany } from '../../platform/dates.js';
import { AppError, isAppError, type FieldError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import { germanDate } from '../../platform/i18n/german.js';
import { keptWhileUnchanged } from '../../platform/kept-derived.js';
import { spokenLanguageCodes, spokenLanguageName } from '../../platform/i18n/spoken-languages.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { DataTable } from '../../platform/ui/components.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, RadioGroup, SelectField, TextField, emptyForm, type FormState } from '../../platform/ui/form.js';
import { isUuid } from '../../platform/validation.js';
import { mergeOffers, offerById } from '../offers/index.js';
import { targetGroups } from '../measures/schema.js';
import { markNotDuplicate, notDuplicateDecisions, undoNotDuplicate } from './decisions.js';
import { gapMatrix, gapRowKinds, gapRowLabel, perThousand, type GapFilter } from './gaps.js';
import { municipalityOf, populationsOf, setPopulation } from './populations.js';
import { duplicateThreshold, type DuplicateReason } from './scoring.js';
import { clustersOf, comparableOffers, likelyDuplicates, type ScoredPair } from './service.js';
import { reasonMessage } from './similar.js';
import { gapsXlsx } from './xlsx.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

async function reader(c: Ctx) {
  const found = await tenantForApp(c);
  if (!canReadInternal(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found.tenant;
}
async function coordinator(c: Ctx) {
  const found = await tenantForApp(c);
  if (!isCoordinator(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found.tenant;
}

type T = (key: string, vars?: Record<string, string | number>) => string;
const reasonText = (t: T, r: DuplicateReason) => {
  const m = reasonMessage(r);
  return t(m.messageKey, m.params);
};

/** The chosen rows (category or Themenfeld), Zielgruppe and language of the gap matrix, from the query (unknown values are ignored). */
async function readGapFilter(c: Ctx, tenantId: string) {
  const groups = await dbOf(c).select({ id: targetGroups.id, name: targetGroups.name }).from(targetGroups).where(eq(targetGroups.tenantId, tenantId)).orderBy(asc(targetGroups.name));
  const group = groups.find((g) => g.id === c.req.query('zielgruppe'));
  const language = spokenLanguageCodes.find((l) => l === c.req.query('sprache'));
  const rows = gapRowKinds.find((k) => k === c.req.query('nach')) ?? 'kategorie';
  const filter: GapFilter = { targetGroupId: group?.id, language, rows };
  const query = new URLSearchParams({ ...(rows === 'kategorie' ? {} : { nach: rows }), ...(group ? { zielgruppe: group.id } : {}), ...(language ? { sprache: language } : {}) }).toString();
  return { groups, group, language, rows, filter, query: query ? `?${query}` : '' };
}

/**
 * The Doppelstrukturen report: every comparable offer read and the likely pairs scored (~45 ms of CPU
 * for the demo's 122 offers, issue 9.2), kept while nothing in the Kommune changed (offers, their
 * links, "kein Duplikat" decisions: all audited writes; platform/kept-derived.ts).
 */
const keptReports = keptWhileUnchanged<{ decisions: Awaited<ReturnType<typeof notDuplicateDecisions>>; networks: ScoredPair[]; clusters: ScoredPair[][] }>(16);
function duplicateReport(database: Database, tenantId: string) {
  return keptReports(database, tenantId, 'duplicates', async () => {
    const decisions = await notDuplicateDecisions(database.db, tenantId);
    const networks: ScoredPair[] = [];
    const clusters = clustersOf(likelyDuplicates(await comparableOffers(database.db, tenantId), duplicateThreshold, new Set(decisions.map((d) => d.key)), networks));
    return { decisions, networks, clusters };
  });
}

export function offerAnalysisRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/doppelstrukturen', keptAppPage, async (c) => {
    const tenant = await reader(c);
    const { user } = await tenantForApp(c);
    const manage = isCoordinator(user, tenant.id);
    const t = c.get('t') as T;
    const { decisions, networks, clusters } = await duplicateReport(c.get('services').database, tenant.id);
    const base = `${appBase(tenant)}/doppelstrukturen`;
    const offerLink = (o: { id: string; title: string }) => <a href={`${appBase(tenant)}/angebote/${o.id}`}>{o.title}</a>;
    const pairForm = (action: string, a: string, b: string, label: string, context: string) => (
      <form method="post" action={action} class="inline-form">
        <Csrf token={c.get('csrfToken')} />
        <input type="hidden" name="a" value={a} />
        <input type="hidden" name="b" value={b} />
        <Button variant="secondary" small>
          {label}
          <span class="visually-hidden"> {context}</span>
        </Button>
      </form>
    );
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('duplicates.title')} section="duplicates">
        <h1 class="kern-heading-large">{t('duplicates.title')}</h1>
        <p>{t('duplicates.intro', { threshold: Math.round(duplicateThreshold * 100) })}</p>
        <p aria-live="polite">{clusters.length ? t('duplicates.clusters', { count: clusters.length }) : t('duplicates.none')}</p>
        {clusters.map((pairs, i) => (
          <section class="stack">
            <h2 class="kern-heading-small">{t('duplicates.cluster', { number: i + 1 })}</h2>
            <DataTable caption={t('duplicates.cluster', { number: i + 1 })} headers={[t('duplicates.offer_a'), t('duplicates.offer_b'), t('duplicates.score'), t('duplicates.reasons'), ...(manage ? [t('duplicates.actions')] : [])]}>
              {pairs.map((p) => {
                const context = `${p.a.title} – ${p.b.title}`;
                return (
                  <tr>
                    <td>{offerLink(p.a)}</td>
                    <td>{offerLink(p.b)}</td>
                    <td>{Math.round(p.score * 100)}</td>
                    <td>{p.reasons.map((r) => reasonText(t, r)).join(', ')}</td>
                    {manage ? (
                      <td>
                        <div class="cell-actions">
                          {pairForm(`${base}/kein-duplikat`, p.a.id, p.b.id, t('duplicates.not_duplicate'), context)}
                          <a href={`${base}/zusammenfuehren?a=${p.a.id}&b=${p.b.id}`} class="kern-btn kern-btn--secondary kern-btn--x-small">
                            <span class="kern-label">
                              {t('duplicates.merge')}
                              <span class="visually-hidden"> {context}</span>
                            </span>
                          </a>
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </DataTable>
          </section>
        ))}
        {networks.length ? (
          <section class="stack">
            <h2 class="kern-heading-medium">{t('duplicates.networks')}</h2>
            <p>{t('duplicates.networks_intro')}</p>
            <DataTable caption={t('duplicates.networks')} headers={[t('duplicates.offer_a'), t('duplicates.offer_b'), t('duplicates.score')]}>
              {networks.map((p) => (
                <tr>
                  <td>{offerLink(p.a)}</td>
                  <td>{offerLink(p.b)}</td>
                  <td>{Math.round(p.score * 100)}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        ) : null}
        {decisions.length ? (
          <section class="stack">
            <h2 class="kern-heading-medium">{t('duplicates.decided')}</h2>
            <DataTable caption={t('duplicates.decided')} headers={[t('duplicates.offer_a'), t('duplicates.offer_b'), t('duplicates.decided_by'), ...(manage ? [t('duplicates.actions')] : [])]}>
              {decisions.map((d) => (
                <tr>
                  <td>{offerLink({ id: d.offerA, title: d.titleA })}</td>
                  <td>{offerLink({ id: d.offerB, title: d.titleB })}</td>
                  <td>{`${d.decidedBy}, ${germanDate(d.decidedAt.toISOString().slice(0, 10))}`}{d.note ? ` – ${d.note}` : ''}</td>
                  {manage ? <td>{pairForm(`${base}/kein-duplikat/aufheben`, d.offerA, d.offerB, t('duplicates.undo'), `${d.titleA} – ${d.titleB}`)}</td> : null}
                </tr>
              ))}
            </DataTable>
          </section>
        ) : null}
      </AppPage>,
    );
  });

  const decide = (undo: boolean) => async (c: Ctx) => {
    const tenant = await coordinator(c);
    const body = await formBody(c);
    const t = c.get('t') as T;
    const back = `${appBase(tenant)}/doppelstrukturen`;
    try {
      if (undo) await undoNotDuplicate(commandContext(c), tenant.id, body.a, body.b);
      else await markNotDuplicate(commandContext(c), tenant.id, body.a, body.b, body);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return redirectWithFlash(c, back, t('duplicates.note_invalid'));
      throw e;
    }
    return redirectWithFlash(c, back, t(undo ? 'duplicates.undone' : 'duplicates.marked'));
  };
  app.post('/app/k/:slug/doppelstrukturen/kein-duplikat', decide(false));
  app.post('/app/k/:slug/doppelstrukturen/kein-duplikat/aufheben', decide(true));

  /** Confirmation page of a merge: which of the two stays. */
  const mergePage = async (c: Ctx, tenant: Tenant, a: string, b: string, form: FormState, status = 200) => {
    const t = c.get('t') as T;
    const db = dbOf(c);
    const [x, y] = [await offerById(db, tenant.id, a), await offerById(db, tenant.id, b)];
    const base = `${appBase(tenant)}/doppelstrukturen`;
    const title = t('duplicates.merge_title');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="duplicates">
        <ConfirmAction
          t={t}
          title={title}
          action={`${base}/zusammenfuehren`}
          csrfToken={c.get('csrfToken')}
          fields={{ a: x.id, b: y.id, versionA: String(x.version), versionB: String(y.version) }}
          errors={form.errors}
          errorLabels={{ survivor: t('duplicates.merge_survivor') }}
          controls={<RadioGroup t={t} form={form} name="survivor" label={t('duplicates.merge_survivor')} required options={[{ value: x.id, label: x.title }, { value: y.id, label: y.title }]} />}
          confirmLabel={t('duplicates.merge_confirm')}
          cancelHref={base}
        >
          <p>{t('duplicates.merge_intro')}</p>
          <ul>
            <li>{t('duplicates.merge_links')}</li>
            <li>{t('duplicates.merge_kept')}</li>
            <li>{t('duplicates.merge_redirect')}</li>
          </ul>
        </ConfirmAction>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/doppelstrukturen/zusammenfuehren', keptAppPage, async (c) => {
    const tenant = await coordinator(c);
    const a = c.req.query('a') ?? '';
    const b = c.req.query('b') ?? '';
    if (!isUuid(a) || !isUuid(b) || a === b) throw new AppError('not_found');
    return mergePage(c, tenant, a, b, emptyForm({}));
  });

  app.post('/app/k/:slug/doppelstrukturen/zusammenfuehren', async (c) => {
    const tenant = await coordinator(c);
    const body = await formBody(c);
    const t = c.get('t') as T;
    const a = String(body.a ?? '');
    const b = String(body.b ?? '');
    if (!isUuid(a) || !isUuid(b) || a === b) throw new AppError('not_found');
    const survivor = body.survivor === a ? a : body.survivor === b ? b : null;
    if (!survivor) return mergePage(c, tenant, a, b, { values: body, errors: [{ field: 'survivor', messageKey: 'duplicates.merge_choose' }] }, 422);
    const duplicate = survivor === a ? b : a;
    const versions = survivor === a ? { survivor: body.versionA, duplicate: body.versionB } : { survivor: body.versionB, duplicate: body.versionA };
    try {
      await mergeOffers(commandContext(c), tenant.id, duplicate, survivor, versions);
    } catch (e) {
      if (isAppError(e, 'edit_conflict') || isAppError(e, 'validation_failed')) return redirectWithFlash(c, `${appBase(tenant)}/doppelstrukturen`, t('error.edit_conflict'));
      throw e;
    }
    return redirectWithFlash(c, `${appBase(tenant)}/angebote/${survivor}`, t('duplicates.merged'));
  });

  app.get('/app/k/:slug/luecken', keptAppPage, async (c) => {
    const tenant = await reader(c);
    const { user } = await tenantForApp(c);
    const t = c.get('t') as T;
    const db = dbOf(c);
    const { groups, group, language, rows, filter, query } = await readGapFilter(c, tenant.id);
    const m = await gapMatrix(db, tenant.id, filter);
    const rowHeading = t(rows === 'themenfeld' ? 'gaps.field' : 'gaps.category');
    const base = `${appBase(tenant)}/luecken`;
    const columns = [...m.municipalities, { id: '', name: t('gaps.countywide') }];
    const nameOf = new Map(m.municipalities.map((x) => [x.id, x.name]));
    const known = m.municipalities.filter((x) => m.populations.has(x.id)).length;
    const cell = (n: number, id: string) => {
      const rate = perThousand(n, m.populations.get(id));
      const rateText = rate === undefined ? null : <span class="gap-rate">{t('gaps.per_thousand', { rate: String(rate).replace('.', ',') })}</span>;
      if (n || id === '') return <td>{n}{rateText ? <> {rateText}</> : null}</td>;
      return <td class="gap-cell"><strong>{t('gaps.empty')}</strong>{rateText ? <> {rateText}</> : null}</td>;
    };
    const withMeasures = m.rows.filter((r) => m.measures[r.key]!.length);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('gaps.title')} section="gaps">
        <h1 class="kern-heading-large">{t('gaps.title')}</h1>
        <p>{t('gaps.intro')}</p>
        <p>
          {known === 0 ? t('gaps.no_population') : t('gaps.population_known', { known, total: m.municipalities.length })}{' '}
          {isCoordinator(user, tenant.id) ? <a href={`${base}/einwohner`}>{t('gaps.population_edit')}</a> : null}
        </p>
        <form method="get" action={base} class="filter-form" role="search" aria-label={t('gaps.filter')}>
          <SelectField t={t} form={emptyForm({ nach: rows })} name="nach" label={t('gaps.rows')} options={gapRowKinds.map((k) => ({ value: k, label: t(`gaps.rows.${k}`) }))} />
          <SelectField t={t} form={emptyForm({ zielgruppe: group?.id ?? '' })} name="zielgruppe" label={t('gaps.target_group')} emptyLabel={t('gaps.all_target_groups')} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          <SelectField t={t} form={emptyForm({ sprache: language ?? '' })} name="sprache" label={t('gaps.language')} emptyLabel={t('gaps.all_languages')} options={spokenLanguageCodes.map((code) => ({ value: code, label: spokenLanguageName(code) }))} />
          <Button variant="secondary">{t('gaps.apply')}</Button>
        </form>
        <p aria-live="polite">
          {t(rows === 'themenfeld' ? 'gaps.empty_cells_by_field' : 'gaps.empty_cells', { count: m.emptyCells })}
          {language ? ` ${t('gaps.in_language', { language: spokenLanguageName(language) })}` : ''}
          {group ? ` ${t('gaps.for_group', { group: group.name })}` : ''}
        </p>
        <DataTable caption={t('gaps.title')} wide headers={[rowHeading, ...columns.map((x) => x.name), t('gaps.total')]}>
          {m.rows.map((r) => (
            <tr>
              <th scope="row">{gapRowLabel(t, r)}</th>
              {columns.map((x) => cell(m.counts[r.key]![x.id] ?? 0, x.id))}
              <td>{Object.values(m.counts[r.key]!).reduce((s, n) => s + n, 0)}</td>
            </tr>
          ))}
        </DataTable>
        <p>
          <a href={`${base}.xlsx${query}`} download>{t('gaps.export')}</a>
        </p>
        <section class="stack">
          <h2 class="kern-heading-medium">{t('gaps.measures_title')}</h2>
          <p>{t(rows === 'themenfeld' ? 'gaps.measures_intro_by_field' : 'gaps.measures_intro')}</p>
          {withMeasures.length ? (
            <DataTable caption={t('gaps.measures_title')} headers={[rowHeading, t('gaps.measure'), t('gaps.measure_gaps')]}>
              {withMeasures.flatMap((r) =>
                m.measures[r.key]!.map((x) => (
                  <tr>
                    <th scope="row">{gapRowLabel(t, r)}</th>
                    <td><a href={`${appBase(tenant)}/massnahmen/${x.id}`}>{`${x.number} ${x.title}`}</a></td>
                    <td>{x.municipalityIds.map((id) => nameOf.get(id)).join(', ')}</td>
                  </tr>
                )),
              )}
            </DataTable>
          ) : (
            <p>{t(rows === 'themenfeld' ? 'gaps.measures_none_by_field' : 'gaps.measures_none')}</p>
          )}
        </section>
      </AppPage>,
    );
  });

  app.get('/app/k/:slug/luecken.xlsx', async (c) => {
    const tenant = await reader(c);
    const t = c.get('t') as T;
    const { filter } = await readGapFilter(c, tenant.id);
    const m = await gapMatrix(dbOf(c), tenant.id, filter);
    const body = await gapsXlsx(m, t);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="luecken.xlsx"',
    });
  });

  app.get('/app/k/:slug/luecken/einwohner', keptAppPage, async (c) => {
    const tenant = await coordinator(c);
    const t = c.get('t') as T;
    const db = dbOf(c);
    const municipalities = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.parentId, tenant.id)).orderBy(asc(tenants.name));
    const populations = await populationsOf(db, tenant.id);
    const base = `${appBase(tenant)}/luecken/einwohner`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('population.title')} section="gaps">
        <h1 class="kern-heading-large">{t('population.title')}</h1>
        <p>{t('population.intro')}</p>
        <DataTable caption={t('population.title')} headers={[t('population.municipality'), t('population.population'), t('population.reference_date'), t('population.source'), t('duplicates.actions')]}>
          {municipalities.map((x) => {
            const p = populations.get(x.id);
            return (
              <tr>
                <th scope="row">{x.name}</th>
                <td>{p ? p.population.toLocaleString('de-DE') : t('population.unknown')}</td>
                <td>{p ? germanDate(p.referenceDate) : ''}</td>
                <td>{p?.source ?? ''}</td>
                <td>
                  <a href={`${base}/${x.id}`}>
                    {t('population.edit')}
                    <span class="visually-hidden"> {x.name}</span>
                  </a>
                </td>
              </tr>
            );
          })}
        </DataTable>
        <p>
          <a href={`${appBase(tenant)}/luecken`}>{t('population.back')}</a>
        </p>
      </AppPage>,
    );
  });

  const populationPage = async (c: Ctx, tenant: Tenant, municipalityId: string, form: FormState, status = 200) => {
    const t = c.get('t') as T;
    const m = await municipalityOf(dbOf(c), tenant.id, municipalityId);
    const base = `${appBase(tenant)}/luecken/einwohner`;
    const title = t('population.edit_title', { name: m.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="gaps">
        <h1 class="kern-heading-large">{title}</h1>
        <form method="post" action={`${base}/${m.id}`} class="stack" novalidate>
          <Csrf token={c.get('csrfToken')} />
          {form.errors.length ? <ErrorList t={t} errors={form.errors} /> : null}
          <TextField t={t} form={form} name="population" label={t('population.population')} required inputmode="numeric" width="10" />
          <TextField t={t} form={form} name="referenceDate" label={t('population.reference_date')} required type="date" />
          <TextField t={t} form={form} name="source" label={t('population.source')} hint={t('population.source_hint')} required />
          <div class="actions">
            <Button>{t('form.save')}</Button>
            <a href={base}>{t('form.cancel')}</a>
          </div>
        </form>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/luecken/einwohner/:id', keptAppPage, async (c) => {
    const tenant = await coordinator(c);
    const p = (await populationsOf(dbOf(c), tenant.id)).get(c.req.param('id'));
    return populationPage(c, tenant, c.req.param('id'), emptyForm(p ? { population: String(p.population), referenceDate: p.referenceDate, source: p.source } : {}));
  });

  app.post('/app/k/:slug/luecken/einwohner/:id', async (c) => {
    const tenant = await coordinator(c);
    const body = await formBody(c);
    const id = c.req.param('id');
    try {
      await setPopulation(commandContext(c), tenant.id, id, body, todayInGermany());
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return populationPage(c, tenant, id, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
    return redirectWithFlash(c, `${appBase(tenant)}/luecken/einwohner`, (c.get('t') as T)('population.saved'));
  });

  return app;
}

/** The form's problems at the top, each linked to its field (the platform's summary, with this form's labels). */
function ErrorList(p: { t: T; errors: FieldError[] }) {
  return <ErrorSummary t={p.t} errors={p.errors} labels={{ population: p.t('population.population'), referenceDate: p.t('population.reference_date'), source: p.t('population.source') }} />;
}
