import { catalogs } from './catalogs.js';
import { languages, type Lang } from './languages.js';

export { languages, isLang, isRtl, dirOf, localeOf, type Lang } from './languages.js';
import { localeOf } from './languages.js';
export type Params = Record<string, string | number>;
/**
 * Translate a key; `{name}` placeholders are filled from params. A message that depends on a
 * number has catalog entries per plural category instead of one entry: `key.one` and
 * `key.other` (Intl.PluralRules decides by the `count` param, which is shown formatted;
 * Russian and Ukrainian also have `key.few` and `key.many`, Arabic `key.two` …).
 */
export type T = (key: string, params?: Params) => string;

const perLang = <V>(make: (locale: string) => V) => Object.fromEntries(languages.map((l) => [l, make(localeOf(l))])) as Record<Lang, V>;
const pluralRules = perLang((l) => new Intl.PluralRules(l));

/** The catalog key of a plural message for `count` ("measures.count" → "measures.count.one"). */
export function pluralKey(lang: Lang, key: string, count: number): string {
  const category = `${key}.${pluralRules[lang].select(count)}`;
  return category in catalogs[lang] || category in catalogs.de ? category : `${key}.other`;
}

/**
 * The message in `lang`; a key the language lacks falls back to English (public languages) and
 * then German. A missing key is a bug the catalog test catches (test/catalogs.test.ts).
 */
function lookup(lang: Lang, key: string): string | undefined {
  return catalogs[lang][key] ?? (lang === 'de' ? undefined : catalogs.en[key]) ?? catalogs.de[key];
}

export function translator(lang: Lang): T {
  const catalog = catalogs[lang];
  return (key, params) => {
    const count = params?.count;
    const resolved = !(key in catalog) && !(key in catalogs.de) && typeof count === 'number' ? pluralKey(lang, key, count) : key;
    const template = lookup(lang, resolved);
    // Show the key rather than crash a page.
    if (template === undefined) return key;
    if (!params) return template;
    const shown: Params = typeof count === 'number' ? { ...params, count: formatNumber(lang, count) } : params;
    return template.replace(/\{(\w+)\}/g, (m: string, name: string) => (name in shown ? String(shown[name]) : m));
  };
}

const numberFormats = perLang((l) => new Intl.NumberFormat(l));
export const formatNumber = (lang: Lang, n: number) => numberFormats[lang].format(n);

const percentFormats = perLang((l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 }));
/** 47 → "47 %" (German), "47%" (English), "۴۷٪" (Persian): whole percent, as the page's language writes it. */
export const formatPercent = (lang: Lang, percent: number) => percentFormats[lang].format(Math.round(percent) / 100);

/**
 * One formatter per language, made on first use: `toLocaleDateString` builds a new one on every
 * call, which made dates a tenth of the offer directory's render time (issue 9).
 */
export function formatterPerLang<V>(make: (locale: string) => V): (lang: Lang) => V {
  const made = new Map<Lang, V>();
  return (lang) => {
    let f = made.get(lang);
    if (f === undefined) made.set(lang, (f = make(localeOf(lang))));
    return f;
  };
}

const dateFormats = formatterPerLang((l) => new Intl.DateTimeFormat(l, { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }));
export function formatDate(lang: Lang, value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return dateFormats(lang).format(d);
}

const dateTimeFormats = formatterPerLang((l) => new Intl.DateTimeFormat(l, { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }));
export function formatDateTime(lang: Lang, value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return dateTimeFormats(lang).format(d);
}
