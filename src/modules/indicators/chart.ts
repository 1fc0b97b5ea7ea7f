import { formatDate, localeOf, translator, type Lang, type T } from '../../platform/i18n/i18n.js';
import { targetDateOf, type JudgedIndicator, type MeasuredValue } from './status.js';

/**
 * Line charts of indicator values, drawn on the server as SVG markup: no script, no chart
 * library, printable, and the same picture in the app, on the portal and in documents.
 *
 * Accessibility: the <svg> is one image (role="img") named by its <title> (the indicator) and
 * described by its <desc> (the trend in words, with the numbers). Meaning never depends on colour
 * alone: measured values are a solid line with dots, the baseline a square, the target a dashed
 * line with a diamond, the path to the target dotted; a legend names each. Pages always show the
 * data table next to the chart as well.
 *
 * Only SVG presentation attributes are used (the Content-Security-Policy forbids inline styles).
 */
export interface ChartIndicator extends JudgedIndicator {
  id: string;
  name: string;
  unit: string;
}

export interface ChartOptions {
  /** Fixed pixel size (e.g. for PDF); default: 100 % of the container width, height by aspect ratio. */
  fixedSize?: boolean;
}

const W = 640;
const H = 330;
const plot = { left: 76, right: W - 24, top: 30, bottom: H - 74 };

const colours = {
  text: '#171a1f',
  muted: '#4a5261',
  grid: '#d5dae1',
  axis: '#6b7380',
  values: '#0b3a75',
  baseline: '#4a5261',
  target: '#8a1c00',
  path: '#4a5261',
};

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const locale = localeOf;

/** An indicator figure as people read it: German grouping and decimal comma on German pages. */
export function formatIndicatorNumber(lang: Lang, n: number, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(n);
}

/** "1.250 Personen", "45,5 %", or the bare number when the indicator has no unit. */
export function formatIndicatorValue(lang: Lang, n: number, unit: string): string {
  const number = formatIndicatorNumber(lang, n);
  return unit.trim() ? `${number} ${unit.trim()}` : number;
}

const dayMs = 86_400_000;
const time = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const round = (n: number) => Math.round(n * 10) / 10;

/** A "nice" step (1, 2, 2.5 or 5 × 10^k) for about `count` intervals over `range`. */
function niceStep(range: number, count: number): number {
  const raw = range / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** The value axis: a round range containing every number (and 0 when nothing is negative). */
export function valueAxis(numbers: number[]): { min: number; max: number; ticks: number[]; decimals: number } {
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  if (lo >= 0) lo = 0;
  if (hi <= 0 && lo < 0) hi = 0;
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, 5);
  const min = Math.floor(lo / step + 1e-9) * step;
  const max = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; i <= 20; i++) {
    const v = Number((min + i * step).toPrecision(12));
    if (v > max + step / 1e6) break;
    ticks.push(v);
  }
  const printed = String(Number(step.toPrecision(6)));
  const decimals = printed.includes('e') ? 4 : (printed.split('.')[1]?.length ?? 0);
  return { min, max, ticks, decimals: Math.min(decimals, 4) };
}

/** The time axis: from the earliest to the latest date shown, with a little room on both sides. */
function timeAxis(dates: string[]): { min: number; max: number; years: { year: number; start: number; end: number }[] } {
  const ts = dates.map(time);
  let min = Math.min(...ts);
  let max = Math.max(...ts);
  if (max - min < 60 * dayMs) {
    min -= 182 * dayMs;
    max += 182 * dayMs;
  }
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const years: { year: number; start: number; end: number }[] = [];
  for (let y = new Date(min).getUTCFullYear(); y <= new Date(max).getUTCFullYear(); y++) {
    years.push({ year: y, start: Math.max(min, Date.UTC(y, 0, 1)), end: Math.min(max, Date.UTC(y + 1, 0, 1)) });
  }
  return { min, max, years };
}

function describe(t: T, lang: Lang, ind: ChartIndicator, values: MeasuredValue[]): string {
  const v = (n: number) => formatIndicatorValue(lang, n, ind.unit);
  const d = (iso: string) => formatDate(lang, iso);
  const parts: string[] = [];
  if (values.length === 0) parts.push(t('indicator.chart.no_values'));
  else if (values.length === 1) parts.push(t('indicator.chart.one_value', { value: v(values[0]!.value), date: d(values[0]!.measuredOn) }));
  else {
    const first = values[0]!;
    const last = values.at(-1)!;
    const key = last.value > first.value ? 'indicator.chart.trend_up' : last.value < first.value ? 'indicator.chart.trend_down' : 'indicator.chart.trend_flat';
    parts.push(t(key, { count: values.length, from: v(first.value), fromDate: d(first.measuredOn), to: v(last.value), toDate: d(last.measuredOn) }));
  }
  if (ind.baselineValue != null && ind.baselineDate) parts.push(t('indicator.chart.baseline_text', { value: v(ind.baselineValue), date: d(ind.baselineDate) }));
  if (ind.targetValue != null && ind.targetYear != null) {
    parts.push(t('indicator.chart.target_text', { value: v(ind.targetValue), year: ind.targetYear, direction: t(`indicator.direction.${ind.direction}`) }));
  }
  return parts.join(' ');
}

/**
 * The chart of one indicator as SVG markup. `values` may come in any order; non-finite ones are
 * skipped. With neither values nor baseline nor target the chart says so instead of drawing axes.
 */
export function indicatorChartSvg(indicator: ChartIndicator, values: readonly MeasuredValue[], lang: Lang, opts: ChartOptions = {}): string {
  const t = translator(lang);
  const series = values.filter((x) => Number.isFinite(x.value) && !Number.isNaN(time(x.measuredOn))).slice().sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const baseline = indicator.baselineValue != null && Number.isFinite(indicator.baselineValue) && indicator.baselineDate ? { value: indicator.baselineValue, date: indicator.baselineDate } : null;
  const target =
    indicator.targetValue != null && Number.isFinite(indicator.targetValue) && indicator.targetYear != null ? { value: indicator.targetValue, date: targetDateOf(indicator.targetYear) } : null;

  const key = indicator.id.replace(/[^A-Za-z0-9_-]/g, '') || 'x';
  const titleId = `chart-${key}-title`;
  const descId = `chart-${key}-desc`;
  const contentLang = lang === 'de' ? '' : ' lang="de"';
  const size = opts.fixedSize ? `width="${W}" height="${H}"` : 'width="100%"';
  const open = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" ${size} role="img" aria-labelledby="${titleId} ${descId}" class="indicator-chart" font-family="'Fira Sans', system-ui, sans-serif" font-size="13" fill="${colours.text}">`;
  const head = `<title id="${titleId}"${contentLang}>${escapeXml(indicator.name)}</title><desc id="${descId}">${escapeXml(describe(t, lang, indicator, series))}</desc>`;

  const numbers = [...series.map((x) => x.value), ...(baseline ? [baseline.value] : []), ...(target ? [target.value] : [])];
  const dates = [...series.map((x) => x.measuredOn), ...(baseline ? [baseline.date] : []), ...(target ? [target.date] : [])];
  if (numbers.length === 0) {
    return `${open}${head}<rect x="1" y="1" width="${W - 2}" height="${H - 2}" fill="none" stroke="${colours.grid}"/><text x="${W / 2}" y="${H / 2}" text-anchor="middle" fill="${colours.muted}">${escapeXml(t('indicator.chart.empty'))}</text></svg>`;
  }

  const yAxis = valueAxis(numbers);
  const xAxis = timeAxis(dates);
  const x = (iso: string) => round(plot.left + ((time(iso) - xAxis.min) / (xAxis.max - xAxis.min)) * (plot.right - plot.left));
  const xt = (ms: number) => round(plot.left + ((ms - xAxis.min) / (xAxis.max - xAxis.min)) * (plot.right - plot.left));
  const y = (n: number) => round(plot.bottom - ((n - yAxis.min) / (yAxis.max - yAxis.min)) * (plot.bottom - plot.top));
  const tick = (n: number) => formatIndicatorNumber(lang, n, yAxis.decimals);
  const out: string[] = [open, head];

  // Grid and value axis labels.
  out.push('<g data-kind="axes">');
  for (const n of yAxis.ticks) {
    out.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(n)}" y2="${y(n)}" stroke="${colours.grid}" stroke-width="1"/>`);
    out.push(`<text x="${plot.left - 8}" y="${y(n) + 4}" text-anchor="end" fill="${colours.muted}">${escapeXml(tick(n))}</text>`);
  }
  if (indicator.unit.trim()) {
    out.push(`<text x="8" y="16" fill="${colours.muted}"${contentLang}>${escapeXml(t('indicator.chart.unit', { unit: indicator.unit.trim() }))}</text>`);
  }
  // Time axis: a band per year, labelled in its middle; a tick at each turn of the year.
  out.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${colours.axis}" stroke-width="1"/>`);
  const bandWidth = (b: { start: number; end: number }) => xt(b.end) - xt(b.start);
  const labelEvery = Math.max(1, Math.ceil(xAxis.years.length / 10));
  xAxis.years.forEach((b, i) => {
    if (b.start === Date.UTC(b.year, 0, 1)) {
      out.push(`<line x1="${xt(b.start)}" x2="${xt(b.start)}" y1="${plot.bottom}" y2="${plot.bottom + 6}" stroke="${colours.axis}" stroke-width="1"/>`);
    }
    if (bandWidth(b) >= 28 && i % labelEvery === 0) {
      out.push(`<text x="${round((xt(b.start) + xt(b.end)) / 2)}" y="${plot.bottom + 22}" text-anchor="middle" fill="${colours.muted}">${b.year}</text>`);
    }
  });
  out.push('</g>');

  // Target: dashed line across, a diamond at the end of the target year, and its label.
  if (target) {
    const ty = y(target.value);
    const tx = x(target.date);
    // The label goes on the side of the line away from the data (and stays inside the plot).
    const reference = series.length ? series.at(-1)!.value : baseline?.value ?? target.value;
    const labelBelow = (reference > target.value && ty + 24 <= plot.bottom) || ty - 22 < plot.top;
    out.push(
      `<g data-kind="target"><line x1="${plot.left}" x2="${plot.right}" y1="${ty}" y2="${ty}" stroke="${colours.target}" stroke-width="2" stroke-dasharray="8 5"/>`,
      `<path d="M${tx} ${round(ty - 7)} L${round(tx + 7)} ${ty} L${tx} ${round(ty + 7)} L${round(tx - 7)} ${ty} Z" fill="#fff" stroke="${colours.target}" stroke-width="2"/>`,
      `<text x="${plot.right}" y="${labelBelow ? round(ty + 20) : round(ty - 9)}" text-anchor="end" fill="${colours.target}" font-weight="600">${escapeXml(t('indicator.chart.target_label', { year: indicator.targetYear!, value: formatIndicatorValue(lang, target.value, indicator.unit) }))}</text></g>`,
    );
  }
  // The straight path from baseline to target the status judgement measures against.
  if (baseline && target) {
    out.push(`<line data-kind="path" x1="${x(baseline.date)}" y1="${y(baseline.value)}" x2="${x(target.date)}" y2="${y(target.value)}" stroke="${colours.path}" stroke-width="1.5" stroke-dasharray="2 4"/>`);
  }
  // Measured values: solid line with a dot per value.
  if (series.length) {
    const points = series.map((p) => `${x(p.measuredOn)},${y(p.value)}`).join(' ');
    if (series.length > 1) out.push(`<polyline data-kind="values-line" points="${points}" fill="none" stroke="${colours.values}" stroke-width="2.5" stroke-linejoin="round"/>`);
    for (const p of series) {
      out.push(`<circle data-kind="value" cx="${x(p.measuredOn)}" cy="${y(p.value)}" r="4.5" fill="${colours.values}"><title>${escapeXml(`${formatDate(lang, p.measuredOn)}: ${formatIndicatorValue(lang, p.value, indicator.unit)}`)}</title></circle>`);
    }
  }
  // Baseline: a square (named in the legend; its value is in the description and the table).
  if (baseline) {
    const bx = x(baseline.date);
    const by = y(baseline.value);
    out.push(`<rect data-kind="baseline" x="${round(bx - 5)}" y="${round(by - 5)}" width="10" height="10" fill="${colours.baseline}"><title>${escapeXml(`${t('indicator.chart.legend_baseline')}: ${formatIndicatorValue(lang, baseline.value, indicator.unit)}`)}</title></rect>`);
  }

  // Legend (only what the chart shows).
  const legend: string[] = [];
  const item = (symbol: string, label: string) => legend.push(`${symbol}|${label}`);
  if (series.length) item('values', t('indicator.chart.legend_values'));
  if (baseline) item('baseline', t('indicator.chart.legend_baseline'));
  if (target) item('target', t('indicator.chart.legend_target'));
  if (baseline && target) item('path', t('indicator.chart.legend_path'));
  const ly = H - 20;
  out.push('<g data-kind="legend">');
  legend.forEach((entry, i) => {
    const [symbol, label] = entry.split('|') as [string, string];
    const lx = plot.left + i * 140;
    if (symbol === 'values') out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${colours.values}" stroke-width="2.5"/><circle cx="${lx + 12}" cy="${ly}" r="4" fill="${colours.values}"/>`);
    if (symbol === 'baseline') out.push(`<rect x="${lx + 7}" y="${ly - 5}" width="10" height="10" fill="${colours.baseline}"/>`);
    if (symbol === 'target') out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${colours.target}" stroke-width="2" stroke-dasharray="8 5"/>`);
    if (symbol === 'path') out.push(`<line x1="${lx}" x2="${lx + 24}" y1="${ly}" y2="${ly}" stroke="${colours.path}" stroke-width="1.5" stroke-dasharray="2 4"/>`);
    out.push(`<text x="${lx + 30}" y="${ly + 4}">${escapeXml(label)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
}
