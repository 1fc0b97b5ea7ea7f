import { de } from './de.js';
import { en } from './en.js';
import { moduleMessages } from '../../modules/messages.js';

export type Catalog = Record<string, string>;
/** A module's own texts, German and English, merged into the catalogs below. */
export interface ModuleMessages {
  /** The internal application is German only; such catalogs need no English. */
  internalOnly?: boolean;
  de: Catalog;
  en: Catalog;
}

export const catalogs: { de: Catalog; en: Catalog } = {
  de: Object.assign({}, de, ...moduleMessages.map((m) => m.de)),
  en: Object.assign({}, en, ...moduleMessages.map((m) => m.en)),
};
