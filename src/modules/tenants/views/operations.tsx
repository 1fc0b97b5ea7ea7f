import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import type { JobsInfo } from '../../../platform/jobs.js';
import type { JobOverview, JobRun } from '../../../platform/jobs/runs.js';
import { DataTable } from '../../../platform/ui/components.js';
import { Layout } from '../../../platform/ui/layout.js';
import { adminNav } from './home.js';

/** "alle 6 Stunden", "alle 30 Sekunden". */
function period(t: T, ms: number): string {
  if (ms % 3_600_000 === 0) return t('operations.every_hours', { count: ms / 3_600_000 });
  if (ms % 60_000 === 0) return t('operations.every_minutes', { count: ms / 60_000 });
  return t('operations.every_seconds', { count: Math.round(ms / 1000) });
}

function RunCell(p: { t: T; run: JobRun | undefined }) {
  const { t, run } = p;
  if (!run) return <td>{t('operations.never')}</td>;
  return (
    <td>
      {formatDateTime('de', run.startedAt)} · {t(`operations.outcome.${run.outcome}`)}
      {run.attempt > 1 ? ` (${t('operations.attempt', { count: run.attempt })})` : ''}
    </td>
  );
}

/** Platform administration: the background jobs (how they run, last run, failures). */
export function OperationsPage(p: { t: T; csrfToken: string; user: CurrentUser; info: JobsInfo; overview: { jobs: JobOverview[]; failures: JobRun[] }; labels: Map<string, string> }) {
  const { t } = p;
  const label = (name: string) => p.labels.get(name) ?? name;
  return (
    <Layout t={t} lang="de" title={t('operations.title')} siteName="ikon" siteHref="/app" nav={adminNav(t, 'operations', true)} user={p.user} csrfToken={p.csrfToken}>
      <div class="stack">
        <h1 class="kern-heading-large">{t('operations.title')}</h1>
        <section aria-labelledby="jobs-heading" class="stack">
          <h2 id="jobs-heading" class="kern-heading-medium">
            {t('operations.jobs_heading')}
          </h2>
          <p>{t(`operations.runner.${p.info.kind}`)}</p>
          {p.overview.jobs.length ? (
            <DataTable
              caption={t('operations.jobs_caption')}
              headers={[t('operations.job'), t('operations.schedule'), t('operations.last_run'), t('operations.last_success'), t('operations.failed_recently')]}
            >
              {p.overview.jobs.map((j) => {
                const def = p.info.jobs.find((d) => d.name === j.name);
                return (
                  <tr>
                    <th scope="row">{label(j.name)}</th>
                    <td>{def ? period(t, def.everyMs) : '–'}</td>
                    <RunCell t={t} run={j.lastRun} />
                    <td>{j.lastSuccess ? formatDateTime('de', j.lastSuccess.startedAt) : t('operations.never')}</td>
                    <td>{j.failedRecently}</td>
                  </tr>
                );
              })}
            </DataTable>
          ) : p.info.kind === 'off' ? null /* the runner sentence above already says no job runs */ : (
            <p>{t('operations.no_jobs')}</p>
          )}
        </section>
        <section aria-labelledby="failures-heading" class="stack">
          <h2 id="failures-heading" class="kern-heading-medium">
            {t('operations.failures_heading')}
          </h2>
          <p>{t('operations.failures_intro')}</p>
          {p.overview.failures.length ? (
            <DataTable caption={t('operations.failures_caption')} headers={[t('operations.started'), t('operations.job'), t('operations.attempt_header'), t('operations.outcome_header'), t('operations.error'), t('operations.instance')]}>
              {p.overview.failures.map((r) => (
                <tr>
                  <td>{formatDateTime('de', r.startedAt)}</td>
                  <th scope="row">{label(r.job)}</th>
                  <td>{r.attempt}</td>
                  <td>{t(`operations.outcome.${r.outcome}`)}</td>
                  <td>
                    <code>{r.error ?? ''}</code>
                  </td>
                  <td>{r.instance}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p>{t('operations.no_failures')}</p>
          )}
        </section>
      </div>
    </Layout>
  );
}
