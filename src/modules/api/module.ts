import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { apiRoutes } from './openapi.js';

/** The JSON API under /api/v1 with its OpenAPI document. */
export const apiModule: ModuleManifest = {
  name: 'api',
  routes: [apiRoutes],
  messages: [messages],
};
