import { catalogs } from './catalogs.js';

export const languages = ['de', 'en'] as const;
export type Lang = (typeof languages)[number];
export type Params = Record<string, string | number>;
/**
 * Translate a key; `{name}` placeholders are filled from params. A message that depends on a
 * number has catalog entries per plural category instead of one entry: `key.one` and
 * `key.other` (Intl.PluralRules decides by the `count` param, which is shown formatted).
 */
export type T = (key: string, params?: Params) => string;

const pluralRules = { de: new Intl.PluralRules('de-DE'), en: new Intl.PluralRules('en-GB') };

/** The catalog key of a plural message for `count` ("measures.count" → "measures.count.one"). */
export function pluralKey(lang: Lang, key: string, count: number): string {
  const category = `${key}.${pluralRules[lang].select(count)}`;
  return category in catalogs[lang] || category in catalogs.de ? category : `${key}.other`;
}

export function translator(lang: Lang): T {
  const catalog = catalogs[lang];
  return (key, params) => {
    const count = params?.count;
    const resolved = !(key in catalog) && !(key in catalogs.de) && typeof count === 'number' ? pluralKey(lang, key, count) : key;
    const template = catalog[resolved] ?? catalogs.de[resolved];
    // A missing key is a bug the catalog test catches; show the key rather than crash a page.
    if (template === undefined) return key;
    if (!params) return template;
    const shown: Params = typeof count === 'number' ? { ...params, count: formatNumber(lang, count) } : params;
    return template.replace(/\{(\w+)\}/g, (m: string, name: string) => (name in shown ? String(shown[name]) : m));
  };
}

export const isLang = (value: unknown): value is Lang => languages.includes(value as Lang);

const numberFormats = { de: new Intl.NumberFormat('de-DE'), en: new Intl.NumberFormat('en-GB') };
export const formatNumber = (lang: Lang, n: number) => numberFormats[lang].format(n);

export function formatDate(lang: Lang, value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  return d.toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
}

export function formatDateTime(lang: Lang, value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' });
}
