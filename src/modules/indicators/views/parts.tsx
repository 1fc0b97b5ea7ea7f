import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { formatDate, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { germanContent } from '../../../platform/ui/public-page.js';
import { formatIndicatorValue, indicatorChartSvg, type ChartIndicator } from '../chart.js';
import { TableRegion } from '../../../platform/ui/table-region.js';
import type { IndicatorStatusKind, MeasuredValue } from '../status.js';
import { ContentMark } from '../../../platform/ui/content-mark.js';
import type { ShownText } from '../../../platform/translations/page.js';

/** User-written content is German: mark it so on English pages (WCAG 3.1.2). */

const statusVariant: Record<IndicatorStatusKind, string> = {
  reached: 'success',
  on_track: 'success',
  behind: 'warning',
  no_values: 'info',
  not_assessable: 'info',
};

/** The judgement as a KERN badge; the words carry the meaning, the colour repeats it. */
export function IndicatorStatusBadge(p: { t: T; status: IndicatorStatusKind }) {
  return (
    <span class={`kern-badge kern-badge--small kern-badge--${statusVariant[p.status]}`}>
      <span class="kern-label">{p.t(`indicator.status.${p.status}`)}</span>
    </span>
  );
}

export interface FigureValue extends MeasuredValue {
  id?: string;
  note?: string;
  createdBy?: string;
}

/**
 * The chart and, below it, the same figures as a table (caption, column and row headers): the
 * table is what screen readers, keyboard users and printouts rely on. `extraColumns` add
 * internal columns (note, who entered it, a delete button) in the app.
 */
export function IndicatorFigure(p: {
  t: T;
  lang: Lang;
  indicator: ChartIndicator;
  values: FigureValue[];
  headingLevel?: 'h2' | 'h3' | 'h4';
  internal?: { actions?: (v: FigureValue) => Child };
}) {
  const { t, lang, indicator: ind } = p;
  const de = germanContent(lang);
  const sorted = [...p.values].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const value = (n: number) => formatIndicatorValue(lang, n, ind.unit);
  const internal = p.internal;
  const headers = [t('indicator.table.date'), t('indicator.table.value'), t('indicator.table.type'), ...(internal ? [t('indicator.table.note'), t('indicator.table.recorded_by')] : []), ...(internal?.actions ? [t('indicator.table.actions')] : [])];
  const filler = internal ? [<td class="kern-table__cell"></td>, <td class="kern-table__cell"></td>, ...(internal.actions ? [<td class="kern-table__cell"></td>] : [])] : [];
  return (
    <div class="stack indicator-figure">
      <div class="portal-text">{raw(indicatorChartSvg(ind, sorted, lang))}</div>
      <TableRegion labelId={`werte-${ind.id}`}>
        <table class="kern-table kern-table--small">
          <caption class="kern-title" id={`werte-${ind.id}`}>
            {t('indicator.table.caption')}: <span {...de}>{ind.name}</span>
          </caption>
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {headers.map((h, i) => (
                <th scope="col" class={`kern-table__header${i === 1 ? ' kern-table__header--numeric' : ''}`}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {ind.baselineValue != null && ind.baselineDate ? (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__header">{formatDate(lang, ind.baselineDate)}</th>
                <td class="kern-table__cell kern-table__cell--numeric">{value(ind.baselineValue)}</td>
                <td class="kern-table__cell">{t('indicator.table.baseline')}</td>
                {filler}
              </tr>
            ) : null}
            {sorted.map((v) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__header">{formatDate(lang, v.measuredOn)}</th>
                <td class="kern-table__cell kern-table__cell--numeric">{value(v.value)}</td>
                <td class="kern-table__cell">{t('indicator.table.measured')}</td>
                {internal ? (
                  <>
                    <td class="kern-table__cell">{v.note || '–'}</td>
                    <td class="kern-table__cell">{v.createdBy ?? '–'}</td>
                    {internal.actions ? <td class="kern-table__cell">{internal.actions(v)}</td> : null}
                  </>
                ) : null}
              </tr>
            ))}
            {ind.targetValue != null && ind.targetYear != null ? (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__header">{t('indicator.table.target_date', { year: ind.targetYear })}</th>
                <td class="kern-table__cell kern-table__cell--numeric">{value(ind.targetValue)}</td>
                <td class="kern-table__cell">{t('indicator.table.target')}</td>
                {filler}
              </tr>
            ) : null}
          </tbody>
        </table>
      </TableRegion>
      {sorted.length === 0 ? <p class="kern-body muted">{t('indicator.chart.no_values')}</p> : null}
    </div>
  );
}

/** Baseline, target, direction, kind, unit, source, definition as a KERN description list. */
export function IndicatorFacts(p: {
  t: T;
  lang: Lang;
  indicator: ChartIndicator & { kind: string; definition: string; source: string };
  owner?: Child;
  extra?: { label: string; value: Child }[];
  /** The definition as the page shows it (translated, marked German); the German one otherwise. */
  definition?: ShownText;
}) {
  const { t, lang, indicator: ind } = p;
  const de = germanContent(lang);
  const none = <span class="muted">{t('indicator.none')}</span>;
  const rows: { label: string; value: Child }[] = [
    ...(p.owner ? [{ label: t('indicator.fact.owner'), value: p.owner }] : []),
    { label: t('indicator.fact.kind'), value: t(`indicator.kind.${ind.kind}`) },
    { label: t('indicator.fact.definition'), value: !ind.definition ? none : p.definition ? <span {...p.definition.attrs}>{p.definition.text}<ContentMark t={t} shown={p.definition} /></span> : <span {...de}>{ind.definition}</span> },
    { label: t('indicator.fact.unit'), value: ind.unit ? <span {...de}>{ind.unit}</span> : none },
    { label: t('indicator.fact.source'), value: ind.source ? <span {...de}>{ind.source}</span> : none },
    {
      label: t('indicator.fact.baseline'),
      value: ind.baselineValue != null && ind.baselineDate ? t('indicator.value_on', { value: formatIndicatorValue(lang, ind.baselineValue, ind.unit), date: formatDate(lang, ind.baselineDate) }) : none,
    },
    {
      label: t('indicator.fact.target'),
      value: ind.targetValue != null && ind.targetYear != null ? t('indicator.target_by', { value: formatIndicatorValue(lang, ind.targetValue, ind.unit), year: ind.targetYear }) : none,
    },
    { label: t('indicator.fact.direction'), value: t(`indicator.direction.${ind.direction}`) },
    ...(p.extra ?? []),
  ];
  return (
    <dl class="kern-description-list">
      {rows.map((r) => (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{r.label}</dt>
          <dd class="kern-description-list-item__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
