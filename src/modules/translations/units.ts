import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { keptWhileUnchanged } from '../../platform/kept-derived.js';
import { contentTranslations } from '../../platform/translations/schema.js';
import { sourceHash } from '../../platform/translations/source-hash.js';
import { translatableItems, translatableSources, type TranslatableField, type TranslatableSource, type TranslationLang } from '../../platform/translations/sources.js';

/** fehlt / veraltet / aktuell, as the overview names them. */
export const translationStates = ['missing', 'outdated', 'current'] as const;
export type TranslationState = (typeof translationStates)[number];

export type StoredTranslation = typeof contentTranslations.$inferSelect;

/** One German text of the public content and its translation into one language. */
export interface TranslationUnit {
  /** `kind:itemId:field`, the key of the export files (an XLIFF unit id). */
  key: string;
  source: TranslatableSource;
  field: TranslatableField;
  itemId: string;
  itemLabel: string;
  german: string;
  germanHash: string;
  state: TranslationState;
  translation: StoredTranslation | undefined;
}

export const unitKey = (kind: string, itemId: string, field: string) => `${kind}:${itemId}:${field}`;

/** A key as the export wrote it, or undefined. */
export function parseUnitKey(key: string): { kind: string; itemId: string; field: string } | undefined {
  const m = /^([a-z_]+):([0-9a-f-]{36}):([A-Za-z]+)$/.exec(key.trim());
  return m ? { kind: m[1]!, itemId: m[2]!, field: m[3]! } : undefined;
}

export const stateOf = (germanHash: string, t: Pick<StoredTranslation, 'sourceHash'> | undefined): TranslationState =>
  !t ? 'missing' : t.sourceHash === germanHash ? 'current' : 'outdated';

/**
 * Every German text the public sees now (each registered kind's items, fields with text) with its
 * translation into `lang`: one query for every kind's items plus one for the translations.
 */
export async function translationUnits(db: Db, tenantId: string, lang: TranslationLang): Promise<TranslationUnit[]> {
  const sources = translatableSources();
  const itemsPerSource = await translatableItems(db, tenantId, sources);
  const stored = await db.select().from(contentTranslations).where(and(eq(contentTranslations.tenantId, tenantId), eq(contentTranslations.lang, lang)));
  const byKey = new Map(stored.map((t) => [unitKey(t.kind, t.itemId, t.field), t]));
  const units: TranslationUnit[] = [];
  sources.forEach((source, i) => {
    for (const item of itemsPerSource[i]!) {
      for (const field of source.fields) {
        const german = item.texts[field.name] ?? '';
        if (!german.trim()) continue;
        const key = unitKey(source.kind, item.id, field.name);
        const translation = byKey.get(key);
        const germanHash = sourceHash(german);
        units.push({ key, source, field, itemId: item.id, itemLabel: item.label, german, germanHash, state: stateOf(germanHash, translation), translation });
      }
    }
  });
  return units;
}

const keptUnits = keptWhileUnchanged<TranslationUnit[]>(16);

/**
 * `translationUnits` for pages (the overview, the export), kept per language while nothing in the
 * Kommune changed (platform/kept-derived.ts; translations and the public content are audited writes).
 * Issue 9.2: every page of the overview read all items of every kind and hashed each text again. Read
 * only: the units are shared.
 */
export const keptTranslationUnits = (database: Database, tenantId: string, lang: TranslationLang): Promise<readonly TranslationUnit[]> =>
  keptUnits(database, tenantId, lang, () => translationUnits(database.db, tenantId, lang));

export interface StateCounts {
  missing: number;
  outdated: number;
  current: number;
}

/** Counts per kind (in the sources' order) and in total. */
export function countStates(units: readonly TranslationUnit[]): { perKind: { source: TranslatableSource; counts: StateCounts }[]; total: StateCounts } {
  const total: StateCounts = { missing: 0, outdated: 0, current: 0 };
  const perKind = new Map<string, { source: TranslatableSource; counts: StateCounts }>();
  for (const s of translatableSources()) perKind.set(s.kind, { source: s, counts: { missing: 0, outdated: 0, current: 0 } });
  for (const u of units) {
    perKind.get(u.source.kind)!.counts[u.state] += 1;
    total[u.state] += 1;
  }
  return { perKind: [...perKind.values()], total };
}
