import type { ModuleManifest } from '../../platform/module.js';
import { consultationNames, consultationOf } from './audit-names.js';
import { followUpAttention } from './attention.js';
import { seedDecisions, seedDraftPaper } from './demo.js';
import { messages } from './messages.js';
import { editionDecision } from './present.js';
import { publicMessages } from './public-messages.js';
import { publicDecisionRoutes } from './public-routes.js';
import { decisionRoutes } from './routes.js';

/**
 * Beschlüsse: Vorlagen with their Beratungsfolge in the Kommune's Gremien, the decision that
 * adopts an edition, and the Beschlusskontrolle (what a decision adopted, how far it is). It
 * changes editions' status through fortschreibung's rules, so it sits above fortschreibung,
 * measures and concepts.
 */
export const decisionsModule: ModuleManifest = {
  name: 'decisions',
  routes: [decisionRoutes, publicDecisionRoutes],
  messages: [messages, publicMessages],
  attentionSources: [followUpAttention],
  editionDecision: editionDecision,
  appNav: [{ section: 'papers', group: 'decision', path: '/vorlagen', label: 'decisions.nav.papers', order: 25 }],
  publicNav: [{ section: 'decisions', path: '/beschluesse', label: 'decisions.public.nav', order: 35 }],
  auditSubjects: [
    { entityType: 'paper', labelKey: 'audit.entity.paper', path: (e) => `/vorlagen/${e.entityId}` },
    { entityType: 'consultation', labelKey: 'audit.entity.consultation', path: (e) => consultationOf(e).paperId && `/vorlagen/${consultationOf(e).paperId}`, names: consultationNames },
    { entityType: 'paper_file', labelKey: 'audit.entity.paper_file' },
    { entityType: 'council_body', labelKey: 'audit.entity.council_body', path: () => '/gremien' },
    { entityType: 'paper_settings', labelKey: 'audit.entity.paper_settings', path: () => '/einstellungen/vorlagen' },
    { entityType: 'decision_follow_up', labelKey: 'audit.entity.decision_follow_up' },
  ],
  demoSeed: seedDecisions,
  demoSeedAfterDraft: seedDraftPaper,
};
