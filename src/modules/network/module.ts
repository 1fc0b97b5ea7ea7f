import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { networkRoutes } from './routes.js';

/** Netzwerk: actors linked through the measures they share, laid out by d3-force, drawn as SVG on the server. */
export const networkModule: ModuleManifest = {
  name: 'network',
  routes: [networkRoutes],
  messages: [messages],
  appNav: [{ section: 'network', group: 'inventory', path: '/netzwerk', label: 'nav.network', order: 41 }],
};
