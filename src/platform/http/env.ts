import type { Context } from 'hono';
import type { Config } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import type { AuditSubject } from '../audit/subjects.js';
import type { ApiScope } from '../auth/api-tokens.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Lang, T } from '../i18n/i18n.js';
import type { JobsInfo } from '../jobs.js';
import type { Mailer } from '../mail/mailer.js';
import type { ContentState } from '../public-changes.js';
import type { Tenant } from '../tenancy/service.js';
import type { AppNavEntry } from '../ui/app-nav.js';

export interface Services {
  database: Database;
  config: Config;
  mailer: Mailer;
  /** The internal navigation, from the modules' manifests, in order. */
  appNav: AppNavEntry[];
  /** How the Protokoll shows each kind of object, from the modules' manifests. */
  auditSubjects: AuditSubject[];
  /** The server's HMAC key (platform/auth/secret.ts), loaded once. */
  secret(): Promise<string>;
  /** The background jobs this instance runs, and how (platform/jobs.ts); shown on the Betrieb page. */
  jobs: JobsInfo;
}

export interface AppEnv {
  Variables: {
    services: Services;
    user: CurrentUser | null;
    csrfToken: string;
    /** The scope an API-Zugang used for this write, once its route allowed it (platform/http/bearer.ts). */
    tokenScope?: ApiScope;
    lang: Lang;
    t: T;
    /** The Kommune of an internal GET's slug, fetched with the session (null: no such Kommune); `tenantForApp` takes it. */
    slugTenant?: { slug: string; tenant: Tenant | null } | undefined;
    /** PostgreSQL: the snapshot and the Kommune's changes, read with the session (platform/public-changes.ts). */
    contentState?: ContentState | undefined;
    /** A page whose content changes with time alone (an invitation expires) says when: it is kept until then at most (keepPageUntil). */
    keptUntil?: Date | undefined;
  };
}

export type Ctx = Context<AppEnv>;
export const dbOf = (c: Ctx): Db => c.get('services').database.db;
