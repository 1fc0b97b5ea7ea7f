import { DataTable } from '../../../platform/ui/components.js';
import type { auditLog } from '../../../platform/audit/schema.js';
import { formatDate, formatDateTime, formatNumber, type T } from '../../../platform/i18n/i18n.js';
import { measureStatuses } from '../../measures/schema.js';
import type { EditionSummary } from '../service.js';

type AuditRow = typeof auditLog.$inferSelect;

/** A catalog text, or the fallback when the catalog has no such key (e.g. a new entity type). */
const labelOr = (t: T, key: string, fallback: string) => {
  const text = t(key);
  return text === key ? fallback : text;
};

export interface CountColumn {
  heading: string;
  counts: Map<string, number>;
}

/** The internal start page of a Kommune: editions, measures by status, latest changes. */
export function OverviewContent(p: {
  t: T;
  base: string;
  tenantName: string;
  roleLabel: string | undefined;
  editions: EditionSummary[];
  columns: CountColumn[];
  audit: AuditRow[];
  showAuditLink: boolean;
}) {
  const { t } = p;
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{p.tenantName}</h1>
      {p.roleLabel ? <p>{t('overview.your_role', { role: p.roleLabel })}</p> : null}

      <section aria-labelledby="editions-heading">
        <h2 id="editions-heading" class="kern-heading-medium">
          {t('overview.editions_heading')}
        </h2>
        {p.editions.length ? (
          <DataTable caption={t('overview.editions_heading')} headers={[t('overview.edition'), t('overview.status'), t('overview.date')]}>
              {p.editions.map((e) => (
                <tr>
                  <td>
                    <a href={`${p.base}/fassungen/${e.id}`}>{e.title}</a>
                  </td>
                  <td>{t(`edition_status.${e.status}`)}</td>
                  <td>
                    {e.adoptedOn
                      ? t('overview.adopted_on', { date: formatDate('de', e.adoptedOn) })
                      : t('overview.created_on', { date: formatDate('de', e.createdAt) })}
                  </td>
                </tr>
              ))}
            </DataTable>
        ) : (
          <p>{t('overview.no_editions')}</p>
        )}
      </section>

      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading" class="kern-heading-medium">
          {t('overview.measures_heading')}
        </h2>
        {p.columns.length ? (
          <DataTable caption={t('overview.measures_caption')} headers={[t('overview.status'), ...p.columns.map((col) => col.heading)]}>
                {measureStatuses.map((s) => (
                  <tr>
                    <th scope="row">{t(`measure_status.${s}`)}</th>
                    {p.columns.map((col) => (
                      <td>{formatNumber('de', col.counts.get(s) ?? 0)}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('overview.total')}</th>
                  {p.columns.map((col) => (
                    <td>
                      <strong>{formatNumber('de', total(col.counts))}</strong>
                    </td>
                  ))}
                </tr>
          </DataTable>
        ) : (
          <p>{t('overview.no_measures')}</p>
        )}
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" class="kern-heading-medium">
          {t('overview.audit_heading')}
        </h2>
        {p.audit.length ? (
          <DataTable caption={t('overview.audit_caption')} headers={[t('overview.audit_when'), t('overview.audit_who'), t('overview.audit_what')]}>
                {p.audit.map((a) => (
                  <tr>
                    <td>{formatDateTime('de', a.at)}</td>
                    <td>{a.userName ?? t('overview.system')}</td>
                    <td>
                      {labelOr(t, `overview.entity.${a.entityType}`, a.entityType)} {labelOr(t, `overview.action.${a.action}`, a.action)}
                      {auditTitle(a) ? <span class="muted"> – {auditTitle(a)}</span> : null}
                    </td>
                  </tr>
                ))}
              </DataTable>
        ) : (
          <p>{t('overview.audit_empty')}</p>
        )}
        {p.showAuditLink ? (
          <p>
            <a href={`${p.base}/protokoll`}>{t('overview.audit_all')}</a>
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** A short human name of the changed thing from the logged values (title, name or e-mail). */
function auditTitle(a: AuditRow): string | undefined {
  for (const v of [a.after, a.before]) {
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const parts = [o.number, o.title ?? o.name ?? o.email].filter((x) => typeof x === 'string' && x !== '');
      if (parts.length) return parts.join(' ');
    }
  }
  return undefined;
}
