import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { jsonRows } from '../../db/reads.js';

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
export interface TranslatableSource<Row = any> {
  kind: string;
  /** Catalog key of the kind's name ("Maßnahme"). */
  labelKey: string;
  /** Place in the overview, smallest first. */
  order: number;
  fields: TranslatableField[];
  /**
   * The items the public sees now (the adopted edition's, the public Sachstände, …), in display
   * order: a query whose rows `item` turns into items. The rows arrive as JSON (`translatableItems`
   * asks every kind's query in one statement), keyed by the query's column names.
   */
  query: (tenantId: string) => SQL<Row>;
  /** One row of `query` as an item; `index` is its place in the query's order. */
  item: (row: Row, index: number) => TranslatableItem;
}

/** A source with its row type checked between `query` and `item`. */
export const translatable = <Row>(source: TranslatableSource<Row>): TranslatableSource => source;

/**
 * The items of each source, in the sources' order, with one query for all of them (each query's rows
 * aggregated in its order; issue 9: one query per kind made the overview's 17 queries).
 */
export async function translatableItems(db: Db, tenantId: string, list: readonly TranslatableSource[]): Promise<TranslatableItem[][]> {
  if (list.length === 0) return [];
  const columns = list.map((s, i) => sql`${jsonRows(s.query(tenantId))} as ${sql.identifier(`s${i}`)}`);
  const [row] = await queryRows<Record<string, unknown[]>>(db, sql`select ${sql.join(columns, sql`, `)}`);
  return list.map((s, i) => (row?.[`s${i}`] ?? []).map((r, n) => s.item(r, n)));
}

let sources: TranslatableSource[] = [];

/** The modules' translatable kinds (from their manifests), set where the application is composed. */
export function useTranslatableSources(list: TranslatableSource[]): void {
  sources = [...list].sort((a, b) => a.order - b.order);
}

export const translatableSources = (): readonly TranslatableSource[] => sources;
export const translatableSource = (kind: string) => sources.find((s) => s.kind === kind);
