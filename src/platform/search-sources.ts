import type { SQL } from 'drizzle-orm';
import type { T } from './i18n/i18n.js';
import type { PortalLinks } from './ui/public-page.js';

/** What a search source is asked for: the documents of one edition that match a full-text query. */
export interface SearchMatch {
  tenantId: string;
  editionId: string;
  /** A tsquery (letters, digits, `:*`, `&`, `|`, parentheses only), for `to_tsquery(<language>, …)`. */
  tsquery: string;
  /** At most this many matches of the source are ranked (see the search module). */
  candidateLimit: number;
}

/** One document a search found, as every source returns it (its SQL selects exactly these columns). */
export interface SearchDocument {
  kind: string;
  id: string;
  editionId: string;
  /** Number shown with the title (measure 1.2.3, Ziel 1.2); sorts hits of equal score. */
  number: string;
  title: string;
  text: string;
  /** Where the document belongs (for measures and goals: the Themenfeld). */
  context: string;
  /** The Themenfeld's id where the context is one (its translation on the portal), else null. */
  contextId: string | null;
  /** Whether the public portal may show it; internal documents are found only inside the app. */
  isPublic: boolean;
  /** ts_rank of the document for the query. */
  score: number;
}

/** What the public portal gets of a hit (field by field, see the portal's presenters). */
export type PublicSearchDocument = Pick<SearchDocument, 'kind' | 'id' | 'number' | 'title' | 'text' | 'context' | 'contextId'>;

/**
 * A kind of document the search finds, declared by the module that owns it (manifest
 * `searchSources`); the search module ranks all sources' matches together. The source's table
 * keeps a generated `search_vector` with a GIN index, and the database triggers that keep the
 * Kommune's vocabulary (`search_terms`, migration 0004) should cover it, so compounds and typos
 * are found in it too.
 */
export interface SearchSource {
  kind: string;
  /** Language of the documents' text ('de': German stemming in the query, `lang` in the portal). */
  language: 'de';
  /**
   * The matching documents as SQL selecting the columns of `SearchDocument` (quoted camelCase
   * names), with `to_tsquery` of the source's text search configuration.
   */
  matches: (m: SearchMatch) => SQL;
  /** Link in the internal app; `base` is the Kommune's /app/k/:slug. */
  appUrl: (hit: SearchDocument, base: string) => string;
  /** Link on the Kommune's public site. */
  publicUrl: (hit: PublicSearchDocument, links: PortalLinks) => string;
  /** How a hit is named before its title in the internal result list ("1.2.3", "Handlungsziel 1.2"). */
  appLabel: (t: T, hit: SearchDocument) => string;
  /** How the portal names a hit in its result line ("Maßnahme 1.2.3"); `contextLabel` names its context ("Themenfeld"). */
  publicLabel: (t: T, hit: PublicSearchDocument) => string;
  contextLabel: string;
}

let sources: SearchSource[] = [];

/** Called once where the application is composed, with every module's `searchSources` in list order. */
export function useSearchSources(all: SearchSource[]): void {
  sources = all;
}

export const searchSourcesOfModules = (): readonly SearchSource[] => sources;

/** The source of a hit, for its link and label. */
export function searchSourceOf(kind: string): SearchSource {
  const source = sources.find((s) => s.kind === kind);
  if (!source) throw new Error(`no search source of kind ${kind}`);
  return source;
}
