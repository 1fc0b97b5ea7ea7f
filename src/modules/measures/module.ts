import type { ModuleManifest } from '../../platform/module.js';
import { actorApi } from './api/actors.js';
import { measureApi } from './api/routes.js';
import { editionPageRoutes } from './edition-routes.js';
import { messages } from './messages.js';
import { publicMessages } from './public-messages.js';
import { measureRoutes } from './routes.js';
import { measureSearchSource } from './search-source.js';
import { messages as transferMessages } from './transfer/messages.js';
import { transferRoutes } from './transfer/routes.js';
import { measureUsages } from './usages.js';
import { messages as targetGroupMessages } from './target-groups/messages.js';
import { targetGroupRoutes } from './target-groups/routes.js';
import { measureTranslatable } from './translatables.js';

/** Maßnahmen of an edition, the edition page that lists them, their spreadsheet export and import. */
export const measuresModule: ModuleManifest = {
  name: 'measures',
  translatables: [measureTranslatable],
  routes: [transferRoutes, measureRoutes, editionPageRoutes, targetGroupRoutes],
  apiRoutes: [measureApi, actorApi],
  searchSources: [measureSearchSource],
  messages: [messages, publicMessages, transferMessages, targetGroupMessages],
  usages: measureUsages,
  auditSubjects: [
    { entityType: 'measure', labelKey: 'audit.entity.measure', path: (e) => `/massnahmen/${e.entityId}` },
    { entityType: 'target_group', labelKey: 'audit.entity.target_group', path: (e) => `/zielgruppen/${e.entityId}` },
  ],
  appNav: [{ section: 'target_groups', group: 'concept', path: '/zielgruppen', label: 'nav.target_groups', coordinatorOnly: true, order: 45 }],
};
