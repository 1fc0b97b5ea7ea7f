import type { Hono } from 'hono';
import type { Database, Db } from '../db/client.js';
import { useApiRoutes, type ApiRoutes } from './api/registry.js';
import { useEditionDecisionSource, type EditionDecisionSource } from './edition-decisions.js';
import { useAttentionSources, type AttentionSource } from './attention-sources.js';
import type { AuditSubject } from './audit/subjects.js';
import type { AppEnv } from './http/env.js';
import { useModuleMessages, type ModuleMessages } from './i18n/catalogs.js';
import type { Job } from './jobs.js';
import type { Mailer } from './mail/mailer.js';
import { usePersonalDataHolders, type PersonalDataHolder } from './personal-data.js';
import { useSearchSources, type SearchSource } from './search-sources.js';
import { useSimilarityChecks, type SimilarityCheck } from './similar-items.js';
import { useSitemapSources, type SitemapSource } from './sitemap-sources.js';
import { useTranslatableSources, type TranslatableSource } from './translations/sources.js';
import type { AppNavEntry } from './ui/app-nav.js';
import { usePublicFooter, usePublicNav, type PublicNavEntry } from './ui/public-page.js';
import { useUsageChecks, type UsageCheck } from './usage.js';

/** What the demo seed hands each module's step: the demo Kommune and its adopted edition. */
export interface DemoSeedContext {
  tenantId: string;
  adoptedEditionId: string;
  /** The draft Fortschreibung; only steps run after it exists (`demoSeedAfterDraft`) get it. */
  draftEditionId?: string;
}
/** A module's share of the demo data, run inside the demo seed's transaction. */
export type DemoSeedStep = (tx: Db, demo: DemoSeedContext) => Promise<unknown>;

/** What background jobs may use. */
export interface JobServices {
  database: Database;
  mailer: Mailer;
  publicUrl: string;
}

/**
 * What a module adds to the application, in one place (cf. Decidim's component manifests). Each
 * module's `module.ts` exports one; `src/modules/index.ts` lists them; the application and the
 * platform take what they need from that list. The platform never imports a module.
 */
export interface ModuleManifest {
  name: string;
  /** Internal and public pages, mounted in this order. */
  routes?: (() => Hono<AppEnv>)[];
  /** Routes of the JSON API (/api/v1) with their OpenAPI definitions; the api module serves them in one document. */
  apiRoutes?: ApiRoutes[];
  /** The module's texts; merged into the platform's catalogs at start-up. */
  messages?: ModuleMessages[];
  /** Kinds of documents the search finds in this module (the search module ranks them together). */
  searchSources?: SearchSource[];
  /** Sections of the Koordination's attention list (and reminder mail) that judge this module's data. */
  attentionSources?: AttentionSource[];
  /** The decision an edition rests on (one module, decisions, offers it; see edition-decisions.ts). */
  editionDecision?: EditionDecisionSource;
  /** Entries of the internal navigation. */
  appNav?: AppNavEntry[];
  /** How the Protokoll names and links entries about this module's objects. */
  auditSubjects?: AuditSubject[];
  /** Entries of the navigation of each Kommune's public site. */
  publicNav?: PublicNavEntry[];
  /** Links in the footer of each Kommune's public site (Impressum, Datenschutz, …). */
  publicFooter?: PublicNavEntry[];
  /** Demo data of this module (`IKON_DEMO=1`), run after the modules before it in the list. */
  demoSeed?: DemoSeedStep;
  /** Demo data that needs the draft Fortschreibung too (made after every `demoSeed` step, from their data). */
  demoSeedAfterDraft?: DemoSeedStep;
  /** Periodic background work; started only where a mail server is configured (every job so far sends e-mail). */
  jobs?: (services: JobServices) => Job[];
  /** How to count this module's rows that point to other modules' rows (checked before those are deleted). */
  usages?: UsageCheck[];
  /** Kinds of public content that can be translated (the translations module lists, exports and imports them). */
  translatables?: TranslatableSource[];
  /** "Gibt es das schon?": checks another module's items before they are saved (offer-analysis checks offers). */
  similarityChecks?: SimilarityCheck[];
  /** Public pages of a Kommune beyond the navigation (e.g. each published offer), for its sitemap.xml. */
  sitemapSources?: SitemapSource[];
  /** Copies of a person's data in this module's rows: disclosed with the person (Art. 15), scrubbed when the person is erased (Art. 17). */
  personalData?: PersonalDataHolder[];
}

/**
 * Hands the platform what the modules add to shared registries: their texts (catalogs), usage
 * checks, public navigation, API routes, search and attention sources. Run once where the application is composed (src/app.ts, src/cli.ts, test/support/compose.ts).
 */
export function useModules(modules: ModuleManifest[]): void {
  useModuleMessages(modules.flatMap((m) => m.messages ?? []));
  useUsageChecks(modules.flatMap((m) => m.usages ?? []));
  usePublicNav(modules.flatMap((m) => m.publicNav ?? []));
  usePublicFooter(modules.flatMap((m) => m.publicFooter ?? []));
  useApiRoutes(modules.flatMap((m) => m.apiRoutes ?? []));
  useSearchSources(modules.flatMap((m) => m.searchSources ?? []));
  useAttentionSources(modules.flatMap((m) => m.attentionSources ?? []));
  useEditionDecisionSource(modules.find((m) => m.editionDecision)?.editionDecision);
  useTranslatableSources(modules.flatMap((m) => m.translatables ?? []));
  useSimilarityChecks(modules.flatMap((m) => m.similarityChecks ?? []));
  useSitemapSources(modules.flatMap((m) => m.sitemapSources ?? []));
  usePersonalDataHolders(modules.flatMap((m) => m.personalData ?? []));
}
