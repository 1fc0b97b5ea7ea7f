/**
 * The languages of the public portal. The internal application is German; public pages take
 * the language from `?lang=` (German without it), so every language version has its own stable,
 * crawlable URL and the page cache keys on it (docs/decisions.md, "Languages of the portal").
 */
export const languages = ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa'] as const;
export type Lang = (typeof languages)[number];

export const isLang = (value: unknown): value is Lang => languages.includes(value as Lang);

const rtl: ReadonlySet<Lang> = new Set(['ar', 'fa']);
export const isRtl = (lang: Lang) => rtl.has(lang);
export const dirOf = (lang: Lang): 'rtl' | 'ltr' => (isRtl(lang) ? 'rtl' : 'ltr');

/**
 * Locales for Intl (numbers, dates, plural rules), with Intl's own default digits for each
 * language (docs/decisions.md, "Numbers on public pages"): Arabic ('ar') writes Western digits
 * by CLDR's default, Persian ('fa') Persian digits (۱۲۳). Persian dates stay Gregorian (they are
 * the dates of a German Kommune's decisions).
 */
const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB', ar: 'ar', uk: 'uk-UA', ru: 'ru-RU', tr: 'tr-TR', fa: 'fa-IR-u-ca-gregory' };
export const localeOf = (lang: Lang) => locales[lang];

/** Each language's own name, for the language switch. */
export const languageNames: Record<Lang, string> = { de: 'Deutsch', en: 'English', ar: 'العربية', uk: 'Українська', ru: 'Русский', tr: 'Türkçe', fa: 'فارسی' };
