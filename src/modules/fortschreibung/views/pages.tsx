import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import { Alert, DataTable } from '../../../platform/ui/components.js';
import { Button, Csrf, ErrorSummary, SelectField, TextField, type FormState } from '../../../platform/ui/form.js';
import type { Edition } from '../../concepts/index.js';
import { diffKinds, fieldLabelKeys, type EditionDiff, type FieldChange } from '../diff.js';

export type Due = { due: string; overdue: boolean } | undefined;

/** "Nächste Fortschreibung fällig am 16.12.2026" (with "überfällig" once the day has passed). */
export function DueNote(p: { t: T; due: Due; settingsHref?: string }) {
  if (!p.due) return null;
  return (
    <p>
      <span>{p.t('fortschreibung.due', { date: formatDate('de', p.due.due) })}</span>
      {p.due.overdue ? (
        <>
          {' '}
          <span class="kern-badge kern-badge--danger">
            <span class="kern-label">{p.t('fortschreibung.overdue')}</span>
          </span>
        </>
      ) : null}
      {p.settingsHref ? (
        <>
          {' · '}
          <a href={p.settingsHref}>{p.t('fortschreibung.interval_link')}</a>
        </>
      ) : null}
    </p>
  );
}

export interface StartPageProps {
  t: T;
  base: string;
  csrfToken: string;
  adopted: Edition | undefined;
  running: Edition | undefined;
  counts: { guidelines: number; fields: number; goals: number; measures: number; indicators: number } | undefined;
  due: Due;
  canSettings: boolean;
  form: FormState;
  /** A refusal of the command (e.g. another Fortschreibung started meanwhile). */
  refusal?: string;
}

/** GET/POST /app/k/:slug/fassungen/fortschreibung: what gets copied, and the form to start. */
export function StartPage(p: StartPageProps) {
  const { t, base } = p;
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${base}/fassungen`}>{t('editions.all')}</a>
      </p>
      <h1 class="kern-heading-large">{t('fortschreibung.title')}</h1>
      <DueNote t={t} due={p.due} settingsHref={p.canSettings ? `${base}/einstellungen/fortschreibung` : undefined} />
      {p.refusal ? <Alert variant="danger" title={p.refusal} /> : null}
      {!p.adopted ? (
        <Alert variant="info" title={t('fortschreibung.no_adopted')} />
      ) : p.running ? (
        <Alert variant="warning" title={t('fortschreibung.running_title')} id="running">
          <p>
            {t('fortschreibung.running_text')} <a href={`${base}/fassungen/${p.running.id}`}>{p.running.title}</a>{' '}
            {t('fortschreibung.running_status', { status: t(`edition_status.${p.running.status}`) })}
          </p>
          <p>
            <a href={`${base}/fassungen/vergleich?${new URLSearchParams({ von: p.adopted.id, zu: p.running.id }).toString()}`}>{t('fortschreibung.compare_link')}</a>
            {p.running.status === 'entwurf' ? (
              <>
                {' · '}
                <a href={`${base}/fassungen/${p.running.id}/loeschen`}>{t('fortschreibung.running_delete')}</a>
              </>
            ) : null}
          </p>
        </Alert>
      ) : (
        <>
          <p>{t('fortschreibung.intro', { title: p.adopted.title, date: formatDate('de', p.adopted.adoptedOn) || '–' })}</p>
          <h2 class="kern-heading-medium" id="copied-heading">
            {t('fortschreibung.copied_heading')}
          </h2>
          {p.counts ? (
            <ul aria-labelledby="copied-heading">
              <li>{t('fortschreibung.copied_guidelines', { count: p.counts.guidelines })}</li>
              <li>{t('fortschreibung.copied_fields', { count: p.counts.fields })}</li>
              <li>{t('fortschreibung.copied_goals', { count: p.counts.goals })}</li>
              <li>{t('fortschreibung.copied_measures', { count: p.counts.measures })}</li>
              <li>{t('fortschreibung.copied_status')}</li>
              <li>{t('fortschreibung.copied_indicators', { count: p.counts.indicators })}</li>
            </ul>
          ) : null}
          <p>{t('fortschreibung.not_copied')}</p>
          <form method="post" action={`${base}/fassungen/fortschreibung`} class="stack" novalidate>
            <ErrorSummary t={t} errors={p.form.errors} labels={{ title: t('fortschreibung.title_label') }} />
            <Csrf token={p.csrfToken} />
            <input type="hidden" name="from" value={p.adopted.id} />
            <TextField t={t} form={p.form} name="title" label={t('fortschreibung.title_label')} hint={t('fortschreibung.title_hint')} required />
            <div>
              <Button>{t('fortschreibung.start')}</Button>
            </div>
          </form>
        </>
      )}
      <p>
        <a href={`${base}/fassungen/vergleich`}>{t('fortschreibung.compare_link')}</a>
      </p>
    </div>
  );
}

export interface ComparePageProps {
  t: T;
  base: string;
  editions: Edition[];
  from: Edition | undefined;
  to: Edition | undefined;
  diff: EditionDiff | undefined;
  due: Due;
}

const cell = (t: T, v: string) => (v === '' ? <span class="muted">{`– (${t('fortschreibung.compare.empty_value')})`}</span> : v);

/** The last cells of a comparison row: which field changed, its value before and after. */
const ChangedField = (p: { t: T; change: FieldChange }) => (
  <>
    <td>{p.t(fieldLabelKeys[p.change.field] ?? p.change.field)}</td>
    <td class="diff-before">{cell(p.t, p.change.before)}</td>
    <td class="diff-after">{cell(p.t, p.change.after)}</td>
  </>
);

/** GET /app/k/:slug/fassungen/vergleich: two selects, a summary, and per kind a table of changes. */
export function ComparePage(p: ComparePageProps) {
  const { t, base, diff } = p;
  const options = p.editions.map((e) => ({ value: e.id, label: `${e.title} (${t(`edition_status.${e.status}`)})` }));
  const query = p.from && p.to ? new URLSearchParams({ von: p.from.id, zu: p.to.id }).toString() : '';
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${base}/fassungen`}>{t('editions.all')}</a>
      </p>
      <h1 class="kern-heading-large">{t('fortschreibung.compare.title')}</h1>
      <DueNote t={t} due={p.due} />
      <p>{t('fortschreibung.compare.intro')}</p>
      {p.editions.length < 2 ? (
        <Alert variant="info" title={t('fortschreibung.compare.too_few')} />
      ) : (
        <form method="get" action={`${base}/fassungen/vergleich`} class="stack">
          <SelectField t={t} form={{ values: { von: p.from?.id ?? '', zu: p.to?.id ?? '' }, errors: [] }} name="von" label={t('fortschreibung.compare.from')} options={options} required />
          <SelectField t={t} form={{ values: { von: p.from?.id ?? '', zu: p.to?.id ?? '' }, errors: [] }} name="zu" label={t('fortschreibung.compare.to')} options={options} required />
          <div>
            <Button variant="secondary">{t('fortschreibung.compare.submit')}</Button>
          </div>
        </form>
      )}
      {diff && p.from && p.to ? (
        <section class="stack" aria-labelledby="diff-heading">
          <h2 class="kern-heading-medium" id="diff-heading">
            {t('fortschreibung.compare.heading', { from: p.from.title, to: p.to.title })}
          </h2>
          {p.from.id === p.to.id ? <p>{t('fortschreibung.compare.same')}</p> : null}
          <p>{t(diff.matchedBy === 'lineage' ? 'fortschreibung.compare.by_lineage' : 'fortschreibung.compare.by_key')}</p>
          <p>
            <a href={`${base}/fassungen/vergleich.xlsx?${query}`} download>
              {t('fortschreibung.compare.download')}
            </a>
          </p>
          <DataTable
            caption={t('fortschreibung.compare.summary')}
            showCaption
            headers={[t('fortschreibung.compare.area'), t('fortschreibung.change.added'), t('fortschreibung.change.removed'), t('fortschreibung.change.changed'), t('fortschreibung.compare.unchanged')]}
          >
            {diffKinds.map((kind) => {
              const n = (c: string) => diff.items[kind].filter((i) => i.change === c).length;
              return (
                <tr>
                  <td>
                    <a href={`#changes-${kind}`}>{t(`fortschreibung.kind.${kind}`)}</a>
                  </td>
                  <td>{n('added')}</td>
                  <td>{n('removed')}</td>
                  <td>{n('changed')}</td>
                  <td>{diff.unchanged[kind]}</td>
                </tr>
              );
            })}
            <tr>
              <td>
                <a href="#changes-implementation">{t('fortschreibung.compare.implementation')}</a>
              </td>
              <td>–</td>
              <td>–</td>
              <td>{diff.implementation.length}</td>
              <td>–</td>
            </tr>
          </DataTable>
          {diffKinds.map((kind) => (
            <section class="stack" aria-labelledby={`changes-${kind}`}>
              <h3 class="kern-heading-small" id={`changes-${kind}`}>
                {t(`fortschreibung.kind.${kind}`)}
              </h3>
              {diff.items[kind].length === 0 ? (
                <p>{t('fortschreibung.compare.no_changes')}</p>
              ) : (
                <DataTable
                  caption={t(`fortschreibung.kind.${kind}`)}
                  headers={['change', 'number', 'title', 'field', 'before', 'after'].map((k) => t(`fortschreibung.column.${k}`))}
                >
                  {diff.items[kind].flatMap((item) => {
                    const id = item.idAfter ?? item.idBefore;
                    const title = kind === 'measures' && id ? <a href={`${base}/massnahmen/${id}`}>{item.title}</a> : item.title;
                    const change = t(`fortschreibung.change.${item.change}`);
                    if (item.change !== 'changed') {
                      return [
                        <tr>
                          <td>{change}</td>
                          <td>{item.number}</td>
                          <td>{title}</td>
                          <td>–</td>
                          <td>{item.change === 'removed' ? item.title : '–'}</td>
                          <td>{item.change === 'added' ? item.title : '–'}</td>
                        </tr>,
                      ];
                    }
                    return item.fields.map((f) => (
                      <tr>
                        <td>{change}</td>
                        <td>{item.number}</td>
                        <td>{title}</td>
                        <ChangedField t={t} change={f} />
                      </tr>
                    ));
                  })}
                </DataTable>
              )}
            </section>
          ))}
          <section class="stack" aria-labelledby="changes-implementation">
            <h3 class="kern-heading-small" id="changes-implementation">
              {t('fortschreibung.compare.implementation')}
            </h3>
            <p>{t('fortschreibung.compare.implementation_intro')}</p>
            {diff.implementation.length === 0 ? (
              <p>{t('fortschreibung.compare.no_changes')}</p>
            ) : (
              <DataTable caption={t('fortschreibung.compare.implementation')} headers={['number', 'title', 'field', 'before', 'after'].map((k) => t(`fortschreibung.column.${k}`))}>
                {diff.implementation.flatMap((item) =>
                  item.fields.map((f) => (
                    <tr>
                      <td>{item.number}</td>
                      <td>{item.idAfter ? <a href={`${base}/massnahmen/${item.idAfter}`}>{item.title}</a> : item.title}</td>
                      <ChangedField t={t} change={f} />
                    </tr>
                  )),
                )}
              </DataTable>
            )}
          </section>
        </section>
      ) : null}
    </div>
  );
}

export interface SettingsPageProps {
  t: T;
  base: string;
  csrfToken: string;
  form: FormState;
  due: Due;
  hasAdopted: boolean;
}

/** GET/POST /app/k/:slug/einstellungen/fortschreibung. */
export function SettingsPage(p: SettingsPageProps) {
  const { t, base } = p;
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${base}/fassungen/fortschreibung`}>{t('fortschreibung.title')}</a>
      </p>
      <h1 class="kern-heading-large">{t('fortschreibung.settings.title')}</h1>
      <p>{t('fortschreibung.settings.intro')}</p>
      {p.hasAdopted ? <DueNote t={t} due={p.due} /> : <p>{t('fortschreibung.settings.no_adopted')}</p>}
      <form method="post" action={`${base}/einstellungen/fortschreibung`} class="stack" novalidate>
        <ErrorSummary t={t} errors={p.form.errors} labels={{ updateIntervalMonths: t('fortschreibung.settings.months') }} />
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(p.form.values.version ?? '')} />
        <TextField
          t={t}
          form={p.form}
          name="updateIntervalMonths"
          label={t('fortschreibung.settings.months')}
          hint={t('fortschreibung.settings.months_hint')}
          inputmode="numeric"
          required
        />
        <div>
          <Button>{t('form.save')}</Button>
        </div>
      </form>
    </div>
  );
}
