import type { ModuleManifest } from '../../platform/module.js';
import { followUpAttention } from './attention.js';
import { messages } from './messages.js';

/**
 * Beschlüsse: Vorlagen with their Beratungsfolge in the Kommune's Gremien, the decision that
 * adopts an edition, and the Beschlusskontrolle (what a decision adopted, how far it is). It
 * changes editions' status through fortschreibung's rules, so it sits above fortschreibung,
 * measures and concepts.
 */
export const decisionsModule: ModuleManifest = {
  name: 'decisions',
  messages: [messages],
  attentionSources: [followUpAttention],
  auditSubjects: [
    { entityType: 'paper', labelKey: 'audit.entity.paper', path: (e) => `/vorlagen/${e.entityId}` },
    { entityType: 'consultation', labelKey: 'audit.entity.consultation' },
    { entityType: 'council_body', labelKey: 'audit.entity.council_body', path: () => '/gremien' },
    { entityType: 'paper_settings', labelKey: 'audit.entity.paper_settings', path: () => '/einstellungen/vorlagen' },
    { entityType: 'decision_follow_up', labelKey: 'audit.entity.decision_follow_up' },
  ],
};
