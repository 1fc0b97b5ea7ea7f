import type { ModuleManifest } from '../../platform/module.js';
import { offerApi } from './api.js';
import { offerAttention } from './attention.js';
import { seedDemoOffers } from './demo.js';
import { messages } from './messages.js';
import { publicMessages } from './public-messages.js';
import { offerSitemapPaths } from './public-data.js';
import { publicOfferRoutes } from './public-routes.js';
import { offerRoutes } from './routes.js';
import { offerTranslatable } from './translatables.js';
import { offerTransferRoutes } from './transfer-routes.js';
import { offerUsages } from './usages.js';

/** Angebote: what actors offer in the county, kept by the Koordination (issue 10). */
export const offersModule: ModuleManifest = {
  name: 'offers',
  routes: [offerTransferRoutes, offerRoutes, publicOfferRoutes],
  messages: [messages, publicMessages],
  apiRoutes: [offerApi],
  sitemapSources: [offerSitemapPaths],
  usages: offerUsages,
  translatables: [offerTranslatable],
  attentionSources: [offerAttention],
  auditSubjects: [{ entityType: 'offer', labelKey: 'audit.entity.offer', path: (e) => `/angebote/${e.entityId}` }],
  demoSeed: seedDemoOffers,
  publicNav: [{ section: 'offers', path: '/angebote', label: 'portal.nav.offers', order: 35 }],
  appNav: [{ section: 'offers', group: 'inventory', path: '/angebote', label: 'nav.offers', order: 42 }],
};
