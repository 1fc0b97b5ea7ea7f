import { measureStatuses, type MeasureStatus } from '../../measures/schema.js';
import { formatPercent, type Lang, type T } from '../../../platform/i18n/i18n.js';
import type { Progress } from '../rollup.js';
import type { StatusRules } from '../../measures/index.js';

/** "47 %" (rounded to whole percent; the roll-up keeps the exact mean), as the page's language writes it. */
export const percent = (n: number, lang: Lang = 'de') => formatPercent(lang, n);

/**
 * A progress bar the KERN way (`kern-progress` styles the native element): the native
 * `<progress>` is announced as a progress bar with its value; the visible number repeats it
 * for everyone who does not see the bar.
 */
export function ProgressBar(p: { id: string; label: string; value: number | null; t: T; labelClass?: string; noneKey: string; lang?: Lang }) {
  if (p.value == null) {
    return (
      <div class="kern-progress">
        <span class={p.labelClass ?? 'kern-label'}>
          {p.label}: {p.t(p.noneKey)}
        </span>
      </div>
    );
  }
  return (
    <div class="kern-progress">
      <label class={p.labelClass ?? 'kern-label'} for={p.id}>
        {p.label}: {percent(p.value, p.lang)}
      </label>
      <progress id={p.id} max={100} value={Math.round(p.value)}>
        {percent(p.value, p.lang)}
      </progress>
    </div>
  );
}

/** A progress bar inside a table cell: named by its row (aria-label), the number beside it. */
export function ProgressCell(p: { label: string; value: number | null; none: string; lang?: Lang }) {
  if (p.value == null) return <span>{p.none}</span>;
  return (
    <span class="kern-progress">
      <progress max={100} value={Math.round(p.value)} aria-label={p.label}>
        {percent(p.value, p.lang)}
      </progress>
      <span>{percent(p.value, p.lang)}</span>
    </span>
  );
}

/**
 * The roll-up rule in words, from the Kommune's own rules. `prefix` picks the catalog
 * (`progress.rule` internally, `progress_public.rule` on the portal); `statusKey` the status labels.
 */
export function ruleText(t: T, rules: StatusRules, prefix: 'progress.rule' | 'progress_public.rule', statusKey: (s: MeasureStatus) => string, lang: Lang = 'de'): string[] {
  const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${t(`${prefix}.and`)} ${xs.at(-1)}`);
  const excluded = measureStatuses.filter((s) => !rules[s].countsInRollup).map((s) => t(statusKey(s)));
  const implied = measureStatuses
    .filter((s) => rules[s].impliedProgress != null)
    .map((s) => t(`${prefix}.implied_item`, { status: t(statusKey(s)), progress: percent(rules[s].impliedProgress!, lang) }));
  return [
    excluded.length ? t(`${prefix}.mean_excluding`, { statuses: list(excluded) }) : t(`${prefix}.mean_all`),
    implied.length ? t(`${prefix}.per_measure`, { implied: list(implied) }) : t(`${prefix}.per_measure_reported`),
  ];
}

/** "142 Maßnahmen gezählt, 3 nicht gezählt" */
export function countsText(t: T, p: Progress, prefix: 'progress.rule' | 'progress_public.rule'): string {
  return p.excluded ? t(`${prefix}.counted_excluded`, { count: p.counted, excluded: p.excluded }) : t(`${prefix}.counted`, { count: p.counted });
}
