import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { keptPerSession } from '../http/kept-page.js';
import { tenantForApp } from './app-shell.js';

/** One store for every kept internal page of the process: 16 MB in all, the oldest out first. */
const kept = keptPerSession();

/**
 * `app.get(path, keptAppPage, handler)`: an internal page opened again while nothing in its
 * Kommune changed is served as it was rendered, after one check (platform/http/kept-page.ts: per
 * person, session, URL and day, at most 10 minutes). Only for pages that show nothing but their
 * Kommune's own content (every write of it is audited, and the audit entry notes the change), the
 * person as her session knows her, and today's date: not for what changes without an audit entry
 * (when a partner link or an API-Zugang was last used, sign-ins), for other Kommunen's data beyond
 * the names of a Landkreis's Gemeinden (a new Gemeinde notes a change of its Landkreis), or for the
 * time of day.
 */
export const keptAppPage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { tenant } = await tenantForApp(c);
  c.res = await kept(c, tenant, async () => {
    await next();
    return c.res;
  });
};
