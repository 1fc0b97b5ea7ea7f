import type { ModuleManifest } from '../../platform/module.js';
import { oparlRoutes } from './routes.js';

/**
 * OParl 1.1 (read-only, /oparl/v1): the council data of the decisions module — Gremien,
 * Sitzungen, public Vorlagen with their Beratungsfolge and files — in the open standard of
 * German council information systems, one Body per Kommune.
 */
export const oparlModule: ModuleManifest = {
  name: 'oparl',
  routes: [oparlRoutes],
};
