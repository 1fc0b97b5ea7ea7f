import type { ModuleManifest } from '../../platform/module.js';
import { messages as fortschreibungMessages } from './fortschreibung/messages.js';
import { fortschreibungRoutes } from './fortschreibung/routes.js';
import { messages } from './messages.js';
import { conceptRoutes } from './routes.js';

/** The Integrationskonzept: editions, Leitlinien, Themenfelder, Ziele; Fortschreibung. */
export const conceptsModule: ModuleManifest = {
  name: 'concepts',
  routes: [fortschreibungRoutes, conceptRoutes],
  messages: [messages, fortschreibungMessages],
  appNav: [{ section: 'editions', path: '/fassungen', label: 'nav.editions', order: 20 }],
};
