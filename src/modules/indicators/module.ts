import type { ModuleManifest } from '../../platform/module.js';
import { seedDemoIndicators } from './demo.js';
import { messages, publicMessages } from './messages.js';
import { indicatorRoutes } from './routes.js';

/** Indikatoren of goals and measures: values, charts, import, the public indicator page. */
export const indicatorsModule: ModuleManifest = {
  name: 'indicators',
  routes: [indicatorRoutes],
  messages: [messages, publicMessages],
  demoSeed: (tx, demo) => seedDemoIndicators(tx, demo.tenantId, demo.adoptedEditionId),
};
