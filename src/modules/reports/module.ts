import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { reportRoutes } from './routes.js';

/** Sachstandsbericht as DOCX and PDF. */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  routes: [reportRoutes],
  messages: [messages],
};
