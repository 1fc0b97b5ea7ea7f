import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { portalRoutes } from './routes.js';

/** The public site of each Kommune under /k/{slug}: start, adopted concept, measures, search. */
export const portalModule: ModuleManifest = {
  name: 'portal',
  routes: [portalRoutes],
  messages: [messages],
};
