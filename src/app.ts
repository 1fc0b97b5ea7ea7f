import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { requestBodyLimit } from './platform/http/body-limit.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { authRoutes } from './platform/auth/routes.js';
import { rejectControlCharactersInPath } from './platform/http/address-guard.js';
import { loadServerSecret } from './platform/auth/secret.js';
import { csrfProtection } from './platform/http/csrf.js';
import type { AppEnv, Services } from './platform/http/env.js';
import { errorHandler, notFoundHandler } from './platform/http/errors.js';
import { countRequests, healthRoutes } from './platform/http/health.js';
import { queryTiming } from './platform/http/query-timing.js';
import { loadUser } from './platform/http/session.js';
import { isLang, translator } from './platform/i18n/i18n.js';
import { withIntervals, type Job, type JobsInfo } from './platform/jobs.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { useModules, type ModuleManifest } from './platform/module.js';
import { setUpTaskThreadWith } from './platform/threads/task-thread.js';
import { usePublicOrigin } from './platform/ui/public-page.js';
import { assetRoutes } from './platform/ui/assets.js';
import { brandRoutes } from './platform/tenancy/brand-routes.js';
import { modules as allModules } from './modules/index.js';
import { membershipsOf } from './modules/tenants/members.js';
import { checkApiToken } from './modules/tenants/api-tokens.js';

/**
 * Builds the whole application without listening, so tests can call `app.request()`. The modules'
 * manifests give routes, texts and navigation; the platform receives them here.
 */
/**
 * The modules' background jobs, with `IKON_JOB_INTERVALS` applied. Every job so far sends e-mail
 * (reminders): without a mail server there are none (the attention list shows them in the app).
 */
export function moduleJobs(modules: ModuleManifest[], database: Database, config: Config, mailer: Mailer): Job[] {
  if (!config.smtp) return [];
  return withIntervals(modules.flatMap((m) => m.jobs?.({ database, mailer, publicUrl: config.publicUrl }) ?? []), config.jobIntervals);
}

export function createApp(opts: { database: Database; config: Config; mailer?: Mailer; modules?: ModuleManifest[] }) {
  const modules = opts.modules ?? allModules;
  useModules(modules);
  setUpTaskThreadWith(new URL(`./modules/task-thread-setup${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href);
  usePublicOrigin(opts.config.publicUrl);
  const appNav = modules.flatMap((m) => m.appNav ?? []).sort((a, b) => a.order - b.order);
  let secret: Promise<string> | undefined;
  const mailer = opts.mailer ?? createMailer(opts.config.smtp);
  const jobs = moduleJobs(modules, opts.database, opts.config, mailer);
  // How src/main.ts runs them (platform/jobs/start.ts): a queue with PostgreSQL, in process with PGlite.
  const jobsInfo: JobsInfo = { kind: jobs.length === 0 ? 'off' : opts.database.kind === 'postgres' && opts.config.databaseUrl ? 'queue' : 'in_process', jobs };
  const services: Services = {
    database: opts.database,
    config: opts.config,
    mailer,
    appNav,
    auditSubjects: modules.flatMap((m) => m.auditSubjects ?? []),
    secret: () => (secret ??= loadServerSecret(opts.database.db, opts.config.secret).catch((e) => ((secret = undefined), Promise.reject(e)))),
    jobs: jobsInfo,
  };
  const app = new Hono<AppEnv>();
  app.use(countRequests);
  app.use(queryTiming);
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'"], scriptSrc: ["'self'"], frameAncestors: ["'none'"] },
      crossOriginEmbedderPolicy: false,
      // Same as frame-ancestors 'none' for browsers that only know the older header.
      xFrameOptions: 'DENY',
    }),
  );
  app.use(async (c, next) => {
    c.set('services', services);
    // The internal app is German; public pages take their language from ?lang= (German without it).
    const asked = c.req.query('lang');
    const lang = c.req.path.startsWith('/k/') && isLang(asked) ? asked : 'de';
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
  });
  app.use(rejectControlCharactersInPath);
  app.use(requestBodyLimit());
  app.route('/', assetRoutes());
  app.route('/', brandRoutes());
  app.route('/', healthRoutes());
  // Memberships and API-Zugänge belong to the tenants module; the platform's lookups are handed the queries.
  app.use(loadUser(membershipsOf, checkApiToken));
  app.use(csrfProtection);
  app.route('/', authRoutes());
  for (const routes of modules.flatMap((m) => m.routes ?? [])) app.route('/', routes());
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}
export type App = ReturnType<typeof createApp>;
