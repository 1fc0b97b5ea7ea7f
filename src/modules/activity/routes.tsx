import { Hono } from 'hono';
import { recentAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { DataTable } from '../../platform/ui/components.js';
import { formatDateTime } from '../../platform/i18n/i18n.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';

const pageSize = 100;

/** Links from a log entry to what it is about, where that has a page. */
const entityPaths: Record<string, string> = { measure: 'massnahmen', edition: 'fassungen', actor: 'akteure', indicator: 'indikatoren' };

/** Protokoll: every write in this Kommune, newest first (Koordination only). */
export function activityRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/app/k/:slug/protokoll', async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!isCoordinator(user, tenant.id)) throw new AppError('forbidden');
    const t = c.get('t');
    // Beyond the last page the list is simply empty; the bound keeps the offset a valid bigint.
    const page = Math.min(Math.max(1, Math.floor(Number(c.req.query('seite') ?? 1)) || 1), 1_000_000);
    const rows = await recentAudit(dbOf(c), tenant.id, pageSize + 1, (page - 1) * pageSize);
    const base = appBase(tenant);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('audit.title')} section="audit">
        <h1 class="kern-heading-large">{t('audit.title')}</h1>
        <p>{t('audit.intro')}</p>
        <DataTable caption={t('audit.title')} headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.entity')]}>
              {rows.slice(0, pageSize).map((r) => {
                const label = (r.after as any)?.title ?? (r.before as any)?.title ?? (r.after as any)?.name ?? (r.before as any)?.name ?? '';
                const path = entityPaths[r.entityType];
                return (
                  <tr>
                    <td>{formatDateTime('de', r.at)}</td>
                    <td>{r.userName ?? '–'}</td>
                    <td>{t(`audit.action.${r.action}`)}</td>
                    <td>
                      {t(`audit.entity.${r.entityType}`)}
                      {label ? ': ' : ''}
                      {path && r.action !== 'delete' ? <a href={`${base}/${path}/${r.entityId}`}>{label || r.entityId}</a> : label}
                    </td>
                  </tr>
                );
              })}
        </DataTable>
        <nav aria-label={t('audit.pages')} class="actions">
          {page > 1 ? <a href={`?seite=${page - 1}`}>{t('audit.newer')}</a> : null}
          {rows.length > pageSize ? <a href={`?seite=${page + 1}`}>{t('audit.older')}</a> : null}
        </nav>
      </AppPage>,
    );
  });
  return app;
}
