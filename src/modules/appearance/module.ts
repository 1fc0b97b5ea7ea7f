import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { appearanceRoutes } from './routes.js';

/** The colour and logo of each Kommune's public site (stored and served by the platform's tenancy). */
export const appearanceModule: ModuleManifest = {
  name: 'appearance',
  routes: [appearanceRoutes],
  messages: [messages],
  appNav: [{ section: 'appearance', group: 'publication', path: '/einstellungen/erscheinungsbild', label: 'nav.appearance', coordinatorOnly: true, order: 65 }],
};
