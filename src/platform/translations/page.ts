import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { dirOf, type Lang } from '../i18n/languages.js';
import { sourceHash } from './source-hash.js';

/**
 * How a text appears on a public page: `source` on German pages; `translated` (current);
 * `outdated` (the German text changed since, shown with a notice where the Kommune allows it);
 * `german` (no usable translation: the German text, marked as German).
 */
export type ShownState = 'source' | 'translated' | 'outdated' | 'german';

export interface ShownText {
  text: string;
  state: ShownState;
  /** Spread on the element: the text's own language and direction where it differs from nothing. */
  attrs: { lang?: string; dir?: 'ltr' | 'rtl' };
  /** The page's language (the mark next to the text speaks it). */
  pageLang: Lang;
}

interface Row {
  show_outdated: boolean;
  kind: string | null;
  item_id: string | null;
  field: string | null;
  text: string | null;
  source_hash: string | null;
}

const keyOf = (kind: string, id: string, field: string) => `${kind}\u0000${id}\u0000${field}`;

/** The translations one public page shows, read at once (see loadPageTranslations). */
export class PageTranslations {
  private readonly hashes = new Map<string, string>();
  constructor(
    readonly lang: Lang,
    private readonly rows: ReadonlyMap<string, { text: string; hash: string }> = new Map(),
    private readonly showOutdated = true,
  ) {}

  /** Whether the page has any translation to show (the note at the top says so). */
  get hasTranslations(): boolean {
    return this.rows.size > 0;
  }

  /** The text to show for `field` of an item, given its German text. */
  pick(kind: string, id: string, field: string, german: string): ShownText {
    const lang = this.lang;
    if (lang === 'de') return { text: german, state: 'source', attrs: {}, pageLang: lang };
    const row = german.trim() ? this.rows.get(keyOf(kind, id, field)) : undefined;
    const own = { lang, dir: dirOf(lang) };
    if (row) {
      if (row.hash === this.hashOf(german)) return { text: row.text, state: 'translated', attrs: own, pageLang: lang };
      if (this.showOutdated) return { text: row.text, state: 'outdated', attrs: own, pageLang: lang };
    }
    return { text: german, state: 'german', attrs: { lang: 'de', dir: 'ltr' }, pageLang: lang };
  }

  /** Pages show the same text in several places (table of contents, heading, captions). */
  private hashOf(text: string) {
    let h = this.hashes.get(text);
    if (h === undefined) this.hashes.set(text, (h = sourceHash(text)));
    return h;
  }
}

/**
 * The Kommune's translations of the given kinds into the page's language, with its choice about
 * outdated ones: one query, however many items the page shows. German pages need none.
 */
export async function loadPageTranslations(db: Db, tenantId: string, lang: Lang, kinds: readonly string[]): Promise<PageTranslations> {
  if (lang === 'de' || kinds.length === 0) return new PageTranslations(lang);
  const rows = await queryRows<Row>(
    db,
    sql`select k.show_outdated_translations as show_outdated, ct.kind, ct.item_id, ct.field, ct.text, ct.source_hash
        from tenants k
        left join content_translations ct on ct.tenant_id = k.id and ct.lang = ${lang}
          and ct.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
        where k.id = ${tenantId}`,
  );
  const map = new Map<string, { text: string; hash: string }>();
  for (const r of rows) if (r.kind && r.item_id && r.field) map.set(keyOf(r.kind, r.item_id, r.field), { text: r.text ?? '', hash: r.source_hash ?? '' });
  return new PageTranslations(lang, map, rows[0]?.show_outdated ?? true);
}
