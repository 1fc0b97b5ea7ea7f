import type { AuditSubject, AuditRow } from '../../../platform/audit/subjects.js';
import { formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { Button, SelectField, TextField, emptyForm } from '../../../platform/ui/form.js';
import { activitySearch, type ActivityQuery } from '../filter.js';

export interface AuditLine {
  entry: AuditRow;
  kind: string;
  name: string | undefined;
  href: string | undefined;
}

/** The Protokoll: filter form, CSV link, entries with names and links, pages. */
export function AuditPage(p: {
  t: T;
  base: string;
  query: ActivityQuery;
  lines: AuditLine[];
  authors: { userId: string; userName: string }[];
  subjects: AuditSubject[];
  objectName: string | undefined;
  page: number;
  hasMore: boolean;
}) {
  const { t, query } = p;
  const form = emptyForm({ person: query.person ?? '', art: query.kind ?? '', von: query.from ?? '', bis: query.until ?? '' });
  const kinds = p.subjects.map((s) => ({ value: s.entityType, label: t(s.labelKey) })).sort((a, b) => a.label.localeCompare(b.label, 'de'));
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form method="get" action={`${p.base}/protokoll`} class="filters" aria-label={t('audit.filter')}>
        {query.object ? <input type="hidden" name="objekt" value={query.object} /> : null}
        <SelectField t={t} form={form} name="person" label={t('audit.filter_person')} emptyLabel={t('audit.filter_all')} options={p.authors.map((a) => ({ value: a.userId, label: a.userName }))} />
        <SelectField t={t} form={form} name="art" label={t('audit.filter_kind')} emptyLabel={t('audit.filter_all')} options={kinds} />
        <TextField t={t} form={form} name="von" label={t('audit.filter_from')} type="date" />
        <TextField t={t} form={form} name="bis" label={t('audit.filter_until')} type="date" />
        <Button variant="secondary">{t('audit.filter_apply')}</Button>
      </form>
      {query.object ? (
        <p>
          {t('audit.object_only', { name: p.objectName ?? t('audit.unnamed') })} <a href={`${p.base}/protokoll${activitySearch({ ...query, object: undefined })}`}>{t('audit.object_all')}</a>
        </p>
      ) : null}
      <p>
        <a href={`${p.base}/protokoll.csv${activitySearch(query)}`}>{t('audit.export_csv')}</a>
      </p>
      {p.lines.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <DataTable caption={t('audit.title')} headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.kind'), t('audit.entity')]}>
          {p.lines.map((l) => (
            <tr>
              <td>{formatDateTime('de', l.entry.at)}</td>
              <td>{l.entry.userName ?? '–'}</td>
              <td>{t(`audit.action.${l.entry.action}`)}</td>
              <td>{l.kind}</td>
              <td>
                {l.href ? <a href={`${p.base}${l.href}`}>{l.name ?? t('audit.unnamed')}</a> : (l.name ?? t('audit.unnamed'))}
                {query.object ? null : (
                  <>
                    {' '}
                    <a class="muted" href={`${p.base}/protokoll${activitySearch({ object: l.entry.entityId })}`} aria-label={t('audit.object_history_of', { name: l.name ?? l.kind })}>
                      {t('audit.object_history')}
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label={t('audit.pages')} class="actions">
        {p.page > 1 ? <a href={`${p.base}/protokoll${activitySearch(query, { seite: String(p.page - 1) })}`}>{t('audit.newer')}</a> : null}
        {p.hasMore ? <a href={`${p.base}/protokoll${activitySearch(query, { seite: String(p.page + 1) })}`}>{t('audit.older')}</a> : null}
      </nav>
    </div>
  );
}
