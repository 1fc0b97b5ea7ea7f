import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { portalRoutes } from './routes.js';
import { sitemapRoutes } from './sitemap.js';

/** The public site of each Kommune under /k/{slug}: start, adopted concept, measures, search. */
export const portalModule: ModuleManifest = {
  name: 'portal',
  routes: [portalRoutes, sitemapRoutes],
  messages: [messages],
  publicNav: [
    { section: 'start', path: '', label: 'portal.nav.start', order: 10 },
    { section: 'concept', path: '/konzept', label: 'portal.nav.concept', order: 20 },
    { section: 'search', path: '/suche', label: 'portal.nav.search', order: 50 },
  ],
};
