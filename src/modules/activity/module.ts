import type { ModuleManifest } from '../../platform/module.js';
import { activityRoutes } from './routes.js';

/** Protokoll: the audit log of a Kommune, for Koordination. */
export const activityModule: ModuleManifest = {
  name: 'activity',
  routes: [activityRoutes],
  appNav: [{ section: 'audit', group: 'administration', path: '/protokoll', label: 'nav.audit', coordinatorOnly: true, order: 80 }],
};
