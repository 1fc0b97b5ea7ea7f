import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { changedFields } from '../../platform/audit/diff.js';
import { auditAuthors, recentAudit, type AuditFilter } from '../../platform/audit/record.js';
import { loggedName, type AuditRow, type AuditSubject } from '../../platform/audit/subjects.js';
import { spreadsheetCsv, guardFormula } from '../../platform/csv.js';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { formatDateTime, type T } from '../../platform/i18n/i18n.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { auditFilterOf, readActivityQuery } from './filter.js';
import { AuditPage, type AuditLine } from './views/audit-page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const pageSize = 100;
/** A CSV holds at most this many entries (newest first); narrow the filter for older ones. */
const csvLimit = 100_000;
const csvBatch = 2_000;

/** Kind, name and link of each entry, through the modules' audit subjects; names looked up once per page. */
async function describe(db: Db, tenantId: string, t: T, subjects: AuditSubject[], rows: AuditRow[]): Promise<AuditLine[]> {
  const byType = new Map(subjects.map((s) => [s.entityType, s]));
  const looked = new Map<number, string>();
  for (const s of subjects) {
    const mine = rows.filter((r) => r.entityType === s.entityType);
    if (s.names && mine.length) for (const [id, name] of await s.names(db, tenantId, mine)) looked.set(id, name);
  }
  return rows.map((entry) => {
    const s = byType.get(entry.entityType);
    return {
      entry,
      kind: s ? t(s.labelKey) : t('audit.entity_other'),
      name: looked.get(entry.id) ?? loggedName(entry),
      href: entry.action === 'delete' ? undefined : s?.path?.(entry),
    };
  });
}

async function coordinatorTenant(c: Ctx) {
  const found = await tenantForApp(c);
  if (!isCoordinator(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found;
}

function queryOf(c: Ctx) {
  const subjects = c.get('services').auditSubjects;
  const query = readActivityQuery(c.req.query(), subjects.map((s) => s.entityType));
  return { subjects, query, filter: auditFilterOf(query) };
}

/** Protokoll: every write in this Kommune, newest first, with filters and CSV export (Koordination only). */
export function activityRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/app/k/:slug/protokoll', keptAppPage, async (c) => {
    const { tenant } = await coordinatorTenant(c);
    const t = c.get('t');
    const db = dbOf(c);
    const { subjects, query, filter } = queryOf(c);
    // Beyond the last page the list is simply empty; the bound keeps the offset a valid bigint.
    const page = Math.min(Math.max(1, Math.floor(Number(c.req.query('seite') ?? 1)) || 1), 1_000_000);
    const rows = await recentAudit(db, tenant.id, pageSize + 1, (page - 1) * pageSize, filter);
    const lines = await describe(db, tenant.id, t, subjects, rows.slice(0, pageSize));
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('audit.title')} section="audit">
        <AuditPage
          t={t}
          base={appBase(tenant)}
          query={query}
          lines={lines}
          authors={await auditAuthors(db, tenant.id)}
          subjects={subjects}
          objectName={lines.find((l) => l.name)?.name}
          page={page}
          hasMore={rows.length > pageSize}
        />
      </AppPage>,
    );
  });

  app.get('/app/k/:slug/protokoll.csv', async (c) => {
    const { tenant } = await coordinatorTenant(c);
    const t = c.get('t');
    const db = dbOf(c);
    const { subjects, filter } = queryOf(c);
    const rows: string[][] = [];
    for (let offset = 0; offset < csvLimit; offset += csvBatch) {
      const batch = await recentAudit(db, tenant.id, csvBatch, offset, filter satisfies AuditFilter);
      for (const l of await describe(db, tenant.id, t, subjects, batch)) {
        const e = l.entry;
        const fields = e.action === 'update' || e.action === 'import' ? changedFields(e.before, e.after).join(', ') : '';
        rows.push([formatDateTime('de', e.at), e.userName ?? '', t(`audit.action.${e.action}`), l.kind, l.name ?? '', e.entityId, fields].map(guardFormula));
      }
      if (batch.length < csvBatch) break;
    }
    const headings = [t('audit.when'), t('audit.who'), t('audit.what'), t('audit.kind'), t('audit.entity'), t('audit.csv_id'), t('audit.csv_fields')];
    return c.body(spreadsheetCsv(headings, rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="protokoll-${tenant.slug}.csv"`,
    });
  });
  return app;
}
