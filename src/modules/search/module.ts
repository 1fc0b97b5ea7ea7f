import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { searchRoutes } from './routes.js';

/** Full-text search over an edition's goals and measures (internal page; the portal has its own). */
export const searchModule: ModuleManifest = {
  name: 'search',
  routes: [searchRoutes],
  messages: [messages],
  appNav: [{ section: 'search', path: '/suche', label: 'nav.search', order: 30 }],
};
