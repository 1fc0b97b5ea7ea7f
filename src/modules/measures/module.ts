import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { measureRoutes } from './routes.js';
import { messages as transferMessages } from './transfer/messages.js';
import { transferRoutes } from './transfer/routes.js';

/** Maßnahmen of an edition, and their spreadsheet export and import. */
export const measuresModule: ModuleManifest = {
  name: 'measures',
  routes: [transferRoutes, measureRoutes],
  messages: [messages, transferMessages],
  auditSubjects: [{ entityType: 'measure', labelKey: 'audit.entity.measure', path: (e) => `/massnahmen/${e.entityId}` }],
};
