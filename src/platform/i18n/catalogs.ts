import { de } from './de.js';
import { en } from './en.js';
import { languages, type Lang } from './languages.js';
import { publicTranslations } from './public/index.js';

export type Catalog = Record<string, string>;
/** The public languages besides German and English. */
export type FurtherLang = Exclude<Lang, 'de' | 'en'>;

/** A module's own texts, German and English, merged into the catalogs below. */
export interface ModuleMessages {
  /** The internal application is German only; such catalogs need no English. */
  internalOnly?: boolean;
  /**
   * Texts of the public portal's interface: needed in every public language (`ar`, `uk`, …
   * below), which test/catalogs.test.ts checks key by key.
   */
  publicInterface?: boolean;
  de: Catalog;
  en: Catalog;
  /** Translations of a `publicInterface` catalog into the further languages. */
  translations?: Record<FurtherLang, Catalog>;
}

/** The platform's texts plus, once `useModuleMessages` ran at composition, every module's. */
export const catalogs = Object.fromEntries(
  languages.map((l) => [l, { ...(l === 'de' ? de : l === 'en' ? en : publicTranslations[l]) }]),
) as Record<Lang, Catalog>;

/**
 * Adds the modules' texts (from their manifests) to the catalogs. The application calls this when
 * it is composed (src/app.ts, src/cli.ts; tests through test/support/compose.ts); calling it again
 * with the same modules changes nothing.
 */
export function useModuleMessages(messages: ModuleMessages[]): void {
  Object.assign(catalogs.de, ...messages.map((m) => m.de));
  Object.assign(catalogs.en, ...messages.map((m) => m.en));
  for (const l of languages) {
    if (l !== 'de' && l !== 'en') Object.assign(catalogs[l], ...messages.map((m) => m.translations?.[l] ?? {}));
  }
}
