import type { ModuleManifest } from '../../platform/module.js';
import { indicatorApi } from './api.js';
import { seedDemoIndicators } from './demo.js';
import { indicatorAttention } from './attention.js';
import { attentionMessages } from './attention-messages.js';
import { messages, publicMessages } from './messages.js';
import { indicatorRoutes } from './routes.js';
import type { AuditRow } from '../../platform/audit/subjects.js';
import { indicatorTranslatable } from './translatables.js';

const indicatorOf = (e: AuditRow) => ((e.after ?? e.before) as { indicatorId?: string } | null)?.indicatorId;

/** Indikatoren of goals and measures: values, charts, import, the public indicator page. */
export const indicatorsModule: ModuleManifest = {
  name: 'indicators',
  translatables: [indicatorTranslatable],
  routes: [indicatorRoutes],
  apiRoutes: [indicatorApi],
  messages: [messages, publicMessages, attentionMessages],
  attentionSources: [indicatorAttention],
  auditSubjects: [
    { entityType: 'indicator', labelKey: 'audit.entity.indicator', path: (e) => `/indikatoren/${e.entityId}` },
    { entityType: 'indicator_value', labelKey: 'audit.entity.indicator_value', path: (e) => indicatorOf(e) && `/indikatoren/${indicatorOf(e)}` },
  ],
  publicNav: [{ section: 'indicators', path: '/indikatoren', label: 'portal.nav.indicators', order: 40 }],
  demoSeed: (tx, demo) => seedDemoIndicators(tx, demo.tenantId, demo.adoptedEditionId),
};
