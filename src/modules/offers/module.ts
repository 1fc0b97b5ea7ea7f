import type { ModuleManifest } from '../../platform/module.js';
import { offerAttention } from './attention.js';
import { seedDemoOffers } from './demo.js';
import { messages } from './messages.js';
import { publicMessages } from './public-messages.js';
import { offerRoutes } from './routes.js';
import { offerUsages } from './usages.js';

/** Angebote: what actors offer in the county, kept by the Koordination (issue 10). */
export const offersModule: ModuleManifest = {
  name: 'offers',
  routes: [offerRoutes],
  messages: [messages, publicMessages],
  usages: offerUsages,
  attentionSources: [offerAttention],
  auditSubjects: [{ entityType: 'offer', labelKey: 'audit.entity.offer', path: (e) => `/angebote/${e.entityId}` }],
  demoSeed: seedDemoOffers,
  appNav: [{ section: 'offers', path: '/angebote', label: 'nav.offers', order: 42 }],
};
