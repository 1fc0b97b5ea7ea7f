import type { auditLog } from '../../../platform/audit/schema.js';
import { changedFields } from '../../../platform/audit/diff.js';
import type { EditionDecision } from '../../../platform/edition-decisions.js';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, Csrf, SelectField, emptyForm } from '../../../platform/ui/form.js';
import type { Edition } from '../../concepts/index.js';
import { measureFieldLabels } from '../form-values.js';
import type { MeasureOptions } from '../options.js';
import { measureStatuses } from '../schema.js';
import type { Measure } from '../service.js';
import { nameKey, splitNames } from '../target-groups/names.js';
import { displayValue } from './display.js';

type AuditRow = typeof auditLog.$inferSelect;

export function MeasureDetails(p: {
  t: T;
  base: string;
  csrfToken: string;
  measure: Measure;
  edition: Edition;
  /** The decision the edition rests on, where a Vorlage records it. */
  decision?: EditionDecision | undefined;
  options: MeasureOptions;
  history: AuditRow[];
  /** The measures of its Themenfeld in order, and the stamp of that order (for moving). */
  order: { siblings: { id: string; number: string; title: string }[]; stamp: string };
  can: { edit: boolean; status: boolean; delete: boolean };
  contentOpen: boolean;
}) {
  const { t, measure: m, options } = p;
  const shown = measureFieldLabels.filter(([f]) => !['number', 'title'].includes(f));
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${p.base}/fassungen/${p.edition.id}`}>{p.edition.title}</a> · {t(`edition_status.${p.edition.status}`)}
        {p.decision ? (
          <>
            {' · '}
            <a href={`${p.base}${p.decision.path}`} data-decision={p.decision.number}>
              {t(p.decision.changed ? 'measures.decision.changed' : p.decision.unanimous ? 'measures.decision.unanimous' : 'measures.decision.adopted', {
                date: formatDate('de', p.decision.decidedOn),
                body: p.decision.body,
                number: p.decision.number,
              })}
            </a>
          </>
        ) : null}
      </p>
      <h1 class="kern-heading-large">
        {m.number} {m.title}
      </h1>
      <div class="actions">
        {p.can.edit && p.contentOpen ? (
          <a class="kern-btn kern-btn--primary" href={`${p.base}/massnahmen/${m.id}/bearbeiten`}>
            <span class="kern-label">{t('form.edit')}</span>
          </a>
        ) : null}
        {p.can.delete && p.contentOpen ? (
          <ConfirmLink href={`${p.base}/massnahmen/${m.id}/loeschen`} label={t('measures.delete')} />
        ) : null}
      </div>
      {/* Say what is locked only to those who could otherwise change it. */}
      {!p.contentOpen && p.can.edit ? <p class="muted">{t('measures.content_locked')}</p> : null}
      <p>
        <a href={`${p.base}/massnahmen/${m.id}/umsetzung`}>{t(p.can.status ? 'measures.progress_link' : 'measures.progress_link_read')}</a>
      </p>
      <dl class="fact-list">
        {shown.map(([field, key]) => (
          <>
            <dt>{t(key)}</dt>
            <dd>{displayValue(t, options, field, (m as any)[field]) || '–'}</dd>
          </>
        ))}
      </dl>
      {p.can.status && p.edition.status !== 'abgeloest' ? (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading" class="kern-heading-medium">
            {t('measures.update_status')}
          </h2>
          <form method="post" action={`${p.base}/massnahmen/${m.id}/status`} class="actions">
            <Csrf token={p.csrfToken} />
            <input type="hidden" name="version" value={String(m.version)} />
            <SelectField t={t} form={emptyForm({ status: m.status })} name="status" label={t('measure.status')} required options={measureStatuses.map((s) => ({ value: s, label: t(`measure_status.${s}`) }))} />
            <Button variant="secondary">{t('measures.save_status')}</Button>
          </form>
        </section>
      ) : null}
      {p.can.delete && p.contentOpen && p.order.siblings.length > 1 ? <PositionForm {...p} /> : null}
      <section aria-labelledby="history-heading" id="verlauf">
        <h2 id="history-heading" class="kern-heading-medium">
          {t('measures.history')}
        </h2>
        <HistoryTable t={t} history={p.history} options={options} />
      </section>
    </div>
  );
}

/** Move to a position of the Themenfeld in one step (instead of one ↑/↓ per page load). */
function PositionForm(p: { t: T; base: string; csrfToken: string; measure: Measure; order: { siblings: { id: string; number: string; title: string }[]; stamp: string } }) {
  const { t, measure: m } = p;
  const current = String(p.order.siblings.findIndex((x) => x.id === m.id) + 1);
  const options = p.order.siblings.map((x, i) => ({
    value: String(i + 1),
    label: t(x.id === m.id ? 'measures.position_current' : 'measures.position_option', { n: i + 1, number: x.number, title: x.title }),
  }));
  return (
    <section aria-labelledby="position-heading" id="reihenfolge">
      <h2 id="position-heading" class="kern-heading-medium">
        {t('measures.position_title')}
      </h2>
      <form method="post" action={`${p.base}/massnahmen/${m.id}/position`} class="stack">
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="reihenfolge" value={p.order.stamp} />
        <SelectField t={t} form={emptyForm({ position: current })} name="position" label={t('measures.position_label')} hint={t('measures.position_hint')} required options={options} />
        <div class="actions">
          <Button variant="secondary">{t('measures.position_submit')}</Button>
        </div>
      </form>
    </section>
  );
}

export function HistoryTable(p: { t: T; history: AuditRow[]; options: MeasureOptions }) {
  const { t } = p;
  const label = (f: string) => {
    const entry = measureFieldLabels.find(([x]) => x === f);
    return entry ? t(entry[1]) : f;
  };
  if (p.history.length === 0) return <p>{t('measures.history_empty')}</p>;
  return (
    <DataTable caption={t('measures.history')} headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.changes')]}>
          {p.history.map((h) => {
            const fields = h.action === 'update' || h.action === 'import' ? changedFields(h.before, h.after).filter((f) => measureFieldLabels.some(([x]) => x === f)) : [];
            return (
              <tr>
                <td>{formatDateTime('de', h.at)}</td>
                <td>{h.userName ?? '–'}</td>
                <td>{t(`audit.action.${h.action}`)}</td>
                <td>
                  {fields.length ? (
                    <ul>
                      {fields.map((f) => (
                        <li>
                          <strong>{label(f)}:</strong> <span class="diff-before">{displayValue(t, p.options, f, (h.before as any)?.[f]) || '–'}</span> →{' '}
                          <span class="diff-after">{displayValue(t, p.options, f, (h.after as any)?.[f]) || '–'}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            );
          })}
    </DataTable>
  );
}

/** Shown when a save lost the race: what the other person saved, next to what this person typed. */
export function ConflictNotice(p: { t: T; current: Measure; mine: Record<string, unknown>; lastChange?: AuditRow | undefined; options: MeasureOptions; historyHref: string }) {
  const { t } = p;
  const currentValues = p.current as unknown as Record<string, unknown>;
  const mine: Record<string, unknown> = { ...p.mine, targetGroups: chosenTargetGroups(p.mine, p.options) };
  const differing = measureFieldLabels.filter(([f]) => changedFields({ [f]: normaliseMine(f, mine[f]) }, { [f]: currentValues[f] }).length > 0);
  return (
    <div class="kern-alert kern-alert--warning" role="alert" id="conflict">
      <div class="kern-alert__header">
        <h2 class="kern-title">{t('measures.conflict_title')}</h2>
      </div>
      <div class="kern-alert__body stack">
        <p>
          {t('measures.conflict_text', {
            who: p.lastChange?.userName ?? t('measures.someone'),
            when: p.lastChange ? formatDateTime('de', p.lastChange.at) : '',
          })}
        </p>
        {differing.length ? (
          <DataTable caption={t('measures.conflict_table')} showCaption headers={[t('audit.field'), t('measures.conflict_saved'), t('measures.conflict_mine')]}>
              {differing.map(([f, key]) => (
                <tr>
                  <th scope="row">{t(key)}</th>
                  <td>{displayValue(t, p.options, f, currentValues[f]) || '–'}</td>
                  <td>{displayValue(t, p.options, f, normaliseMine(f, mine[f])) || '–'}</td>
                </tr>
              ))}
          </DataTable>
        ) : null}
        <p>
          <a href={p.historyHref}>{t('measures.conflict_history')}</a>
        </p>
      </div>
    </div>
  );
}

/** The Zielgruppen a submitted form names: the entries ticked plus the new names typed, by name. */
function chosenTargetGroups(form: Record<string, unknown>, options: MeasureOptions): string[] {
  const ids = new Set(normaliseMine('targetGroupIds', form.targetGroupIds) as string[]);
  const chosen = options.targetGroups.filter((g) => ids.has(g.id)).map((g) => g.name);
  const typed = typeof form.targetGroups === 'string' ? splitNames(form.targetGroups) : [];
  const all = [...chosen, ...typed.filter((n) => !chosen.some((c) => nameKey(c) === nameKey(n)))];
  return all.sort((a, b) => a.localeCompare(b, 'de'));
}

/** Form strings → the shapes stored, so the comparison is about content, not formatting. */
function normaliseMine(field: string, v: unknown): unknown {
  if ((field === 'staffFte' || field === 'costEur') && typeof v === 'string') return v === '' ? null : v.replace(/\./g, '').replace(',', '.');
  if (['goalIds', 'partnerActorIds', 'crossCuttingIds', 'municipalityIds', 'sdgs', 'targetGroupIds'].includes(field)) return v == null || v === '' ? [] : Array.isArray(v) ? v : [v];
  if (v === '') return null;
  return v;
}
