import { de } from './de.js';
import { en } from './en.js';

export type Catalog = Record<string, string>;
/** A module's own texts, German and English, merged into the catalogs below. */
export interface ModuleMessages {
  /** The internal application is German only; such catalogs need no English. */
  internalOnly?: boolean;
  de: Catalog;
  en: Catalog;
}

/** The platform's texts plus, once `useModuleMessages` ran at composition, every module's. */
export const catalogs: { de: Catalog; en: Catalog } = { de: { ...de }, en: { ...en } };

/**
 * Adds the modules' texts (from their manifests) to the catalogs. The application calls this when
 * it is composed (src/app.ts, src/cli.ts; tests through test/support/compose.ts); calling it again
 * with the same modules changes nothing.
 */
export function useModuleMessages(messages: ModuleMessages[]): void {
  Object.assign(catalogs.de, ...messages.map((m) => m.de));
  Object.assign(catalogs.en, ...messages.map((m) => m.en));
}
