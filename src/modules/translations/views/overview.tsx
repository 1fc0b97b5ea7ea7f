import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { dirOf, languageNames } from '../../../platform/i18n/languages.js';
import { ProblemsTable } from '../../../platform/spreadsheet/problems-table.js';
import type { ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { translatableSources, translationLanguages, type TranslationLang } from '../../../platform/translations/sources.js';
import { Alert } from '../../../platform/ui/components.js';
import { Button, Csrf, FileField } from '../../../platform/ui/form.js';
import { translationStates, type StateCounts, type TranslationState, type TranslationUnit } from '../units.js';

export const pageSize = 25;

export interface OverviewFilter {
  lang: TranslationLang;
  state: TranslationState | undefined;
  kind: string | undefined;
  page: number;
}

/** The URL of the overview with a filter (the language always, the rest where set). */
export function overviewHref(base: string, f: Partial<OverviewFilter> & { lang: TranslationLang }, hash?: string) {
  const q = new URLSearchParams({ sprache: f.lang });
  if (f.state) q.set('stand', f.state);
  if (f.kind) q.set('art', f.kind);
  if (f.page && f.page > 1) q.set('seite', String(f.page));
  return `${base}?${q}${hash ? `#${hash}` : ''}`;
}

/** A row whose save failed: what was typed and why (shown at that row). */
export interface RowProblem {
  key: string;
  text: string;
  errors: FieldError[];
  conflict?: boolean;
}

export interface OverviewProps {
  t: T;
  base: string;
  csrfToken: string;
  filter: OverviewFilter;
  counts: { perKind: { kind: string; labelKey: string; counts: StateCounts }[]; total: StateCounts };
  units: TranslationUnit[];
  /** The units before paging (for the count). */
  matching: number;
  showOutdated: boolean;
  tenantVersion: number;
  rowProblem?: RowProblem | undefined;
  importProblems?: ImportProblem[] | undefined;
}

export function TranslationsOverview(p: OverviewProps) {
  const { t, filter } = p;
  const language = languageNames[filter.lang];
  const pages = Math.max(1, Math.ceil(p.matching / pageSize));
  return (
    <div class="stack">
      <h1 class="kern-heading-x-large">{t('translations.title')}</h1>
      <p class="kern-body">{t('translations.intro')}</p>
      <nav aria-label={t('translations.languages')}>
        <ul class="inline-list">
          {translationLanguages.map((l) => (
            <li>
              <a class="kern-link" href={overviewHref(p.base, { lang: l })} aria-current={l === filter.lang ? 'page' : undefined} lang={l}>
                {languageNames[l]}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {p.importProblems ? (
        <Alert variant="danger" title={t('translations.import.rejected')} id="import-fehler">
          <ProblemsTable t={t} problems={p.importProblems} />
        </Alert>
      ) : null}

      <SummaryTable {...p} language={language} />

      <section class="stack" aria-labelledby="liste">
        <h2 class="kern-heading-large" id="liste">{t('translations.list.heading')}</h2>
        <FilterForm {...p} />
        {p.units.length ? (
          <>
            <p class="kern-body">{t('translations.list.count', { count: p.matching, from: (filter.page - 1) * pageSize + 1, to: (filter.page - 1) * pageSize + p.units.length, page: filter.page, pages })}</p>
            <ol class="translation-units">
              {p.units.map((u, i) => (
                <UnitRow {...p} unit={u} index={(filter.page - 1) * pageSize + i + 1} />
              ))}
            </ol>
            <Pager {...p} pages={pages} />
          </>
        ) : (
          <p class="kern-body">{t('translations.list.empty')}</p>
        )}
      </section>

      <section class="stack" aria-labelledby="weitergeben">
        <h2 class="kern-heading-large" id="weitergeben">{t('translations.export.heading')}</h2>
        <p class="kern-body">{t('translations.export.text')}</p>
        <ul class="kern-list">
          <li><a class="kern-link" href={`${p.base}/export.xlsx?sprache=${filter.lang}`}>{t('translations.export.xlsx')}</a></li>
          <li><a class="kern-link" href={`${p.base}/export.xlf?sprache=${filter.lang}`}>{t('translations.export.xliff')}</a></li>
        </ul>
        <form method="post" action={`${p.base}/import?sprache=${filter.lang}`} enctype="multipart/form-data" class="stack" aria-labelledby="einlesen">
          <h3 class="kern-heading-medium" id="einlesen">{t('translations.import.heading')} ({language})</h3>
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="sprache" value={filter.lang} />
          <FileField t={t} name="datei" label={t('translations.import.file')} hint={t('translations.import.hint')} accept=".xlsx,.csv,.xlf,.xliff" required />
          <div class="actions"><Button>{t('translations.import.submit')}</Button></div>
        </form>
      </section>

      <section class="stack" aria-labelledby="veraltet">
        <h2 class="kern-heading-large" id="veraltet">{t('translations.settings.heading')}</h2>
        <form method="post" action={`${p.base}/einstellung?sprache=${filter.lang}`} class="stack">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="version" value={String(p.tenantVersion)} />
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id="f-showOutdatedTranslations" name="showOutdatedTranslations" checked={p.showOutdated} aria-describedby="f-showOutdatedTranslations-hint" />
            <label class="kern-label" for="f-showOutdatedTranslations">{t('translations.settings.show_outdated')}</label>
          </div>
          <p class="kern-hint" id="f-showOutdatedTranslations-hint">{t('translations.settings.show_outdated_hint')}</p>
          <div class="actions"><Button variant="secondary">{t('translations.settings.save')}</Button></div>
        </form>
      </section>
    </div>
  );
}

function SummaryTable(p: OverviewProps & { language: string }) {
  const { t, filter } = p;
  const cell = (kind: string | undefined, kindLabel: string, state: TranslationState, n: number) =>
    n > 0 ? (
      <a class="kern-link" href={overviewHref(p.base, { lang: filter.lang, state, kind }, 'liste')}>
        {n}
        <span class="visually-hidden"> ({t('translations.summary.show', { state: t(`translations.state.${state}`), kind: kindLabel })})</span>
      </a>
    ) : (
      '0'
    );
  return (
    <div class="table-scroll">
      <table class="kern-table data-table">
        <caption class="kern-title">{t('translations.summary.caption', { language: p.language })}</caption>
        <thead>
          <tr class="kern-table__row">
            <th scope="col" class="kern-table__header">{t('translations.summary.kind')}</th>
            {translationStates.map((s) => (
              <th scope="col" class="kern-table__header kern-table__header--numeric">{t(`translations.state.${s}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {p.counts.perKind.map((k) => (
            <tr class="kern-table__row">
              <th scope="row" class="kern-table__header">{t(k.labelKey)}</th>
              {translationStates.map((s) => (
                <td class="kern-table__cell kern-table__cell--numeric">{cell(k.kind, t(k.labelKey), s, k.counts[s])}</td>
              ))}
            </tr>
          ))}
          <tr class="kern-table__row">
            <th scope="row" class="kern-table__header">{t('translations.summary.total')}</th>
            {translationStates.map((s) => (
              <td class="kern-table__cell kern-table__cell--numeric" data-state={s}>{cell(undefined, t('translations.list.all'), s, p.counts.total[s])}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function FilterForm(p: OverviewProps) {
  const { t, filter } = p;
  return (
    <form method="get" action={p.base} class="filter-row">
      <input type="hidden" name="sprache" value={filter.lang} />
      <div class="kern-form-input">
        <label class="kern-label" for="f-stand">{t('translations.list.state')}</label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="f-stand" name="stand">
            <option value="">{t('translations.list.all')}</option>
            {translationStates.map((s) => (
              <option value={s} selected={filter.state === s}>{t(`translations.state.${s}`)}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="kern-form-input">
        <label class="kern-label" for="f-art">{t('translations.list.kind')}</label>
        <div class="kern-form-input__select-wrapper">
          <select class="kern-form-input__select" id="f-art" name="art">
            <option value="">{t('translations.list.all')}</option>
            {translatableSources().map((s) => (
              <option value={s.kind} selected={filter.kind === s.kind}>{t(s.labelKey)}</option>
            ))}
          </select>
        </div>
      </div>
      <div class="actions"><Button variant="secondary">{t('translations.list.filter')}</Button></div>
    </form>
  );
}

function UnitRow(p: OverviewProps & { unit: TranslationUnit; index: number }) {
  const { t, unit: u, filter } = p;
  const id = `u-${p.index}`;
  const problem = p.rowProblem?.key === u.key ? p.rowProblem : undefined;
  const error = problem?.errors[0];
  const text = problem ? problem.text : (u.translation?.text ?? '');
  const back = overviewHref(p.base, filter);
  return (
    <li class="translation-unit stack" id={id} data-key={u.key} data-state={u.state}>
      <h3 class="kern-heading-small">
        {t(u.source.labelKey)}: <span lang="de">{u.itemLabel || t(u.source.labelKey)}</span> – {t(u.field.labelKey)}{' '}
        <span class={`kern-badge translation-state translation-state--${u.state}`}>{t(`translations.state.${u.state}`)}</span>
      </h3>
      {problem?.conflict ? <Alert variant="warning" title={t('translations.conflict')} /> : null}
      <div>
        <p class="kern-label">{t('translations.unit.german')}</p>
        <blockquote class="translation-german" lang="de" dir="ltr">{u.german}</blockquote>
      </div>
      {u.state === 'outdated' && u.translation ? (
        <details>
          <summary>{t('translations.unit.made_from')}</summary>
          <blockquote class="translation-german" lang="de" dir="ltr">{u.translation.sourceText}</blockquote>
        </details>
      ) : null}
      <form method="post" action={`${p.base}/speichern`} class="stack">
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="lang" value={filter.lang} />
        <input type="hidden" name="key" value={u.key} />
        <input type="hidden" name="sourceHash" value={u.germanHash} />
        <input type="hidden" name="version" value={String(u.translation?.version ?? 0)} />
        <input type="hidden" name="zurueck" value={back} />
        <div class="kern-form-input">
          <label class="kern-label" for={`${id}-text`}>{t('translations.unit.translation', { language: languageNames[filter.lang] })}</label>
          {error ? (
            <p class="kern-error" id={`${id}-error`}>
              <span class="visually-hidden">{t('form.error_prefix')} </span>
              {t(error.messageKey, error.params)}
            </p>
          ) : null}
          {u.field.multiline ? (
            <textarea class="kern-form-input__input" id={`${id}-text`} name="text" rows={4} lang={filter.lang} dir={dirOf(filter.lang)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
              {text}
            </textarea>
          ) : (
            <input class="kern-form-input__input" id={`${id}-text`} name="text" value={text} lang={filter.lang} dir={dirOf(filter.lang)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined} />
          )}
        </div>
        <div class="actions">
          <Button variant="secondary" small>{t('translations.unit.save')}</Button>
        </div>
      </form>
      {u.state === 'outdated' && u.translation ? (
        <form method="post" action={`${p.base}/bestaetigen`} class="stack">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="lang" value={filter.lang} />
          <input type="hidden" name="key" value={u.key} />
          <input type="hidden" name="version" value={String(u.translation.version)} />
          <input type="hidden" name="zurueck" value={back} />
          <p class="kern-hint" id={`${id}-confirm-hint`}>{t('translations.unit.confirm_hint')}</p>
          <div class="actions">
            <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small" aria-describedby={`${id}-confirm-hint`}>
              <span class="kern-label">{t('translations.unit.confirm')}</span>
            </button>
          </div>
        </form>
      ) : null}
      {u.translation ? <p class="kern-body muted">{t('translations.unit.last_saved', { name: u.translation.updatedByName || '–', date: formatDateTime('de', u.translation.updatedAt) })}</p> : null}
    </li>
  );
}

function Pager(p: OverviewProps & { pages: number }) {
  const { t, filter } = p;
  if (p.pages <= 1) return null;
  return (
    <nav aria-label={t('translations.list.pages')}>
      <ul class="inline-list">
        {filter.page > 1 ? <li><a class="kern-link" href={overviewHref(p.base, { ...filter, page: filter.page - 1 }, 'liste')}>{t('translations.list.previous_page')}</a></li> : null}
        {filter.page < p.pages ? <li><a class="kern-link" href={overviewHref(p.base, { ...filter, page: filter.page + 1 }, 'liste')}>{t('translations.list.next_page')}</a></li> : null}
      </ul>
    </nav>
  );
}
