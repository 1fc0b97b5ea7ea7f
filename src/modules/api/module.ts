import type { ModuleManifest } from '../../platform/module.js';
import { kommuneApi } from './kommunen.js';
import { apiRoutes } from './openapi.js';

/** The JSON API under /api/v1 with its OpenAPI document: serves every module's `apiRoutes`, and the Kommunen. */
export const apiModule: ModuleManifest = {
  name: 'api',
  routes: [apiRoutes],
  apiRoutes: [kommuneApi],
};
