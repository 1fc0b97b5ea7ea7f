import { catalogs } from './catalogs.js';

export const languages = ['de', 'en'] as const;
export type Lang = (typeof languages)[number];
export type Params = Record<string, string | number>;
/** Translate a key; `{name}` placeholders are filled from params. */
export type T = (key: string, params?: Params) => string;

export function translator(lang: Lang): T {
  const catalog = catalogs[lang];
  return (key, params) => {
    const template = catalog[key] ?? catalogs.de[key];
    // A missing key is a bug the catalog test catches; show the key rather than crash a page.
    if (template === undefined) return key;
    return params ? template.replace(/\{(\w+)\}/g, (m: string, name: string) => (name in params ? String(params[name]) : m)) : template;
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
