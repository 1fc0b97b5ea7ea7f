import type { Db } from '../../db/client.js';

/** The languages content is translated into (German is the source). */
export const translationLanguages = ['en', 'ar', 'uk', 'ru', 'tr', 'fa'] as const;
export type TranslationLang = (typeof translationLanguages)[number];
export const isTranslationLang = (v: unknown): v is TranslationLang => translationLanguages.includes(v as TranslationLang);

/** A text of an item that can be translated (a measure's title, its description). */
export interface TranslatableField {
  name: string;
  /** Catalog key of the field's name in the coordinator's overview ("Titel", "Beschreibung"). */
  labelKey: string;
  /** Several paragraphs (a text area in the overview) rather than one line. */
  multiline: boolean;
}

/** One item whose German texts the public sees now, as its module reports it. */
export interface TranslatableItem {
  id: string;
  /** How the overview and the export name it ("1.2.3 Sprachkurse für Eltern"); '' for a kind's only item (the kind's name then). */
  label: string;
  /** The German text per field name; empty texts need no translation. */
  texts: Record<string, string>;
}

/**
 * A kind of public content that can be translated, declared by the module that owns it (manifest
 * `translatables`). The translations module lists, exports and imports every kind through this;
 * public pages read the translations with `loadPageTranslations` (platform/translations/page.ts).
 */
export interface TranslatableSource {
  kind: string;
  /** Catalog key of the kind's name ("Maßnahme"). */
  labelKey: string;
  /** Place in the overview, smallest first. */
  order: number;
  fields: TranslatableField[];
  /** The items the public sees now (the adopted edition's, the public Sachstände, …), in display order. */
  items: (db: Db, tenantId: string) => Promise<TranslatableItem[]>;
}

let sources: TranslatableSource[] = [];

/** The modules' translatable kinds (from their manifests), set where the application is composed. */
export function useTranslatableSources(list: TranslatableSource[]): void {
  sources = [...list].sort((a, b) => a.order - b.order);
}

export const translatableSources = (): readonly TranslatableSource[] => sources;
export const translatableSource = (kind: string) => sources.find((s) => s.kind === kind);
