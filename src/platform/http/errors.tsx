import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.js';
import { translator } from '../i18n/i18n.js';
import { Layout } from '../ui/layout.js';
import type { AppEnv } from './env.js';
import { render } from './render.js';

const isApi = (path: string) => path.startsWith('/api/');

/** RFC 9457 problem details for the API: stable `type`/`code`, German `title`, field errors. */
export function problem(c: Context<AppEnv>, error: AppError) {
  const t = translator('de');
  return c.json(
    {
      type: `https://ikon.invalid/problems/${error.code}`,
      code: error.code,
      title: t(error.messageKey, error.options.params),
      status: error.status,
      ...(error.fieldErrors.length ? { errors: error.fieldErrors.map((e) => ({ field: e.field, code: e.messageKey, message: t(e.messageKey, e.params) })) } : {}),
      ...(error.options.detail ?? {}),
    },
    error.status as any,
    { 'content-type': 'application/problem+json; charset=utf-8' },
  );
}

export function ErrorPage(p: { c: Context<AppEnv>; status: number; titleKey: string; textKey: string; params?: Record<string, string | number> }) {
  const lang = p.c.get('lang') ?? 'de';
  const t = translator(lang);
  return (
    <Layout t={t} lang={lang} title={t(p.titleKey)} siteName="ikon" siteHref="/" user={p.c.get('user')} csrfToken={p.c.get('csrfToken')}>
      <h1 class="kern-heading-large">{t(p.titleKey)}</h1>
      <p>{t(p.textKey, p.params)}</p>
      <p>
        <a href="/">{t('error.back_home')}</a>
      </p>
    </Layout>
  );
}

export function notFoundHandler(c: Context<AppEnv>) {
  if (isApi(c.req.path)) return problem(c, new AppError('not_found'));
  return render(c as any, <ErrorPage c={c} status={404} titleKey="error.not_found_title" textKey="error.not_found_text" />, 404);
}

/** Titles of the HTML error page by error code; everything else is "Aktion nicht möglich". */
const pageTitleKey: Partial<Record<AppError['code'], string>> = {
  not_found: 'error.not_found_title',
  forbidden: 'error.forbidden_title',
  csrf_failed: 'error.csrf_failed_title',
  bad_request: 'error.bad_request_title',
  payload_too_large: 'error.payload_too_large_title',
};

/**
 * Errors the client caused (AppError, and Hono's own 4xx such as an unreadable body) get a calm
 * answer and no log entry; only unexpected errors are logged with their stack, for operators.
 */
export function errorHandler(err: Error, c: Context<AppEnv>) {
  if (err instanceof HTTPException && err.status < 500) err = new AppError('bad_request');
  if (err instanceof AppError) {
    if (isApi(c.req.path)) return problem(c, err);
    if (err.code === 'unauthenticated') return c.redirect(`/anmelden?weiter=${encodeURIComponent(c.req.path)}`, 303);
    const titleKey = pageTitleKey[err.code] ?? 'error.generic_title';
    return render(c as any, <ErrorPage c={c} status={err.status} titleKey={titleKey} textKey={err.messageKey} params={err.options.params} />, err.status);
  }
  // Unexpected: log for operators, show users a calm page without internals.
  console.error(`[${new Date().toISOString()}] ${c.req.method} ${c.req.path}`, err);
  if (isApi(c.req.path)) {
    return c.json({ type: 'https://ikon.invalid/problems/internal', code: 'internal', title: translator('de')('error.internal_title'), status: 500 }, 500, {
      'content-type': 'application/problem+json; charset=utf-8',
    });
  }
  return render(c as any, <ErrorPage c={c} status={500} titleKey="error.internal_title" textKey="error.internal_text" />, 500);
}
