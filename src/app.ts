import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { authRoutes } from './platform/auth/routes.js';
import { csrfProtection } from './platform/http/csrf.js';
import type { AppEnv, Services } from './platform/http/env.js';
import { errorHandler, notFoundHandler } from './platform/http/errors.js';
import { countRequests, healthRoutes } from './platform/http/health.js';
import { loadUser } from './platform/http/session.js';
import { isLang, translator } from './platform/i18n/i18n.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { assetRoutes } from './platform/ui/assets.js';
import { modules } from './modules/index.js';

/** Builds the whole application without listening, so tests can call `app.request()`. */
export function createApp(opts: { database: Database; config: Config; mailer?: Mailer }) {
  const services: Services = { database: opts.database, config: opts.config, mailer: opts.mailer ?? createMailer(opts.config.smtp) };
  const app = new Hono<AppEnv>();
  app.use(countRequests);
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
    // The internal app is German; public pages may ask for English with ?lang=en.
    const asked = c.req.query('lang');
    const lang = c.req.path.startsWith('/k/') && isLang(asked) ? asked : 'de';
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
  });
  app.route('/', assetRoutes());
  app.route('/', healthRoutes());
  app.use(csrfProtection(opts.config.secureCookies));
  app.use(loadUser);
  app.route('/', authRoutes());
  for (const m of modules) app.route('/', m.routes());
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}
export type App = ReturnType<typeof createApp>;
