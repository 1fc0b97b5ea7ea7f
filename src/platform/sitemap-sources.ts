import type { Db } from '../db/client.js';

/**
 * Public pages of a Kommune that only a module knows (one per published offer, …), for its
 * sitemap.xml: paths below /k/:slug. The portal lists them with every language as alternate.
 */
export type SitemapSource = (db: Db, tenantId: string) => Promise<string[]>;

let sources: SitemapSource[] = [];

/** Called once where the application is composed (useModules), in the order of the module list. */
export function useSitemapSources(all: SitemapSource[]): void {
  sources = all;
}

export const sitemapSources = (): readonly SitemapSource[] => sources;
