import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { offerAnalysisRoutes } from './routes.js';
import { similarItemsForOffer } from './similar.js';

/** Doppelstrukturen and Lücken: which offers duplicate each other and where none exist (issue 10.4, 10.5). */
export const offerAnalysisModule: ModuleManifest = {
  name: 'offer-analysis',
  routes: [offerAnalysisRoutes],
  messages: [messages],
  appNav: [
    { section: 'duplicates', group: 'inventory', path: '/doppelstrukturen', label: 'nav.duplicates', order: 43 },
    { section: 'gaps', group: 'inventory', path: '/luecken', label: 'nav.gaps', order: 44 },
  ],
  // The offer form asks before saving whether the offer exists already (offers cannot import this module).
  similarityChecks: [{ of: 'offer', find: similarItemsForOffer }],
  auditSubjects: [{ entityType: 'municipality_population', labelKey: 'audit.entity.municipality_population', path: (e) => `/luecken/einwohner/${e.entityId}` }],
};
