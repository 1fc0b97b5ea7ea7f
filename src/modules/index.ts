import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.js';

/** What a domain module adds to the application (cf. Decidim's component manifests). */
export interface ModuleManifest {
  name: string;
  routes(): Hono<AppEnv>;
}

export const modules: ModuleManifest[] = [];
