import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.js';
import { activityRoutes } from './activity/routes.js';
import { actorRoutes } from './actors/routes.js';
import { attentionRoutes } from './attention/routes.js';
import { apiRoutes } from './api/index.js';
import { conceptRoutes } from './concepts/routes.js';
import { fortschreibungRoutes } from './concepts/fortschreibung/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { measureRoutes } from './measures/routes.js';
import { transferRoutes } from './measures/transfer/routes.js';
import { portalRoutes } from './portal/routes.js';
import { bulkStatusRoutes } from './progress/bulk/routes.js';
import { progressRoutes } from './progress/routes.js';
import { reportRoutes } from './reports/routes.js';
import { searchRoutes } from './search/routes.js';
import { tenantRoutes } from './tenants/routes.js';

/** What a domain module adds to the application (cf. Decidim's component manifests). */
export interface ModuleManifest {
  name: string;
  routes(): Hono<AppEnv>;
}

export const modules: ModuleManifest[] = [
  { name: 'attention', routes: attentionRoutes },
  { name: 'progress-bulk', routes: bulkStatusRoutes },
  { name: 'measures-transfer', routes: transferRoutes },
  { name: 'fortschreibung', routes: fortschreibungRoutes },
  { name: 'concepts', routes: conceptRoutes },
  { name: 'progress', routes: progressRoutes },
  { name: 'measures', routes: measureRoutes },
  { name: 'indicators', routes: indicatorRoutes },
  { name: 'actors', routes: actorRoutes },
  { name: 'search', routes: searchRoutes },
  { name: 'reports', routes: reportRoutes },
  { name: 'activity', routes: activityRoutes },
  { name: 'api', routes: apiRoutes },
  { name: 'portal', routes: portalRoutes },
  { name: 'tenants', routes: tenantRoutes },
];
