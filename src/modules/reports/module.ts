import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { conceptDocumentRoutes } from './concept/routes.js';
import { reportRoutes } from './routes.js';

/** Sachstandsbericht and the concept edition as DOCX and tagged PDF. */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  routes: [reportRoutes, conceptDocumentRoutes],
  messages: [messages],
};
