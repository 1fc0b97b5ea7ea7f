import { Hono } from 'hono';
import { clientAddress } from '../http/client-address.js';
import { dbOf, type AppEnv, type Ctx } from '../http/env.js';
import { formBody, redirectWithFlash, render } from '../http/render.js';
import { clearSessionCookie } from '../http/session.js';
import { isAppError } from '../errors.js';
import { emptyForm, type FormState } from '../ui/form.js';
import {
  completePasswordReset,
  passwordResetLink,
  passwordResetMail,
  requestPasswordReset,
  resolvePasswordReset,
  type ResetLinkState,
} from './password-reset.js';
import { NewPasswordPage, RequestResetPage, ResetLinkGonePage, ResetRequestedPage } from './views/password-reset.js';

/** «Passwort vergessen»: request a link by e-mail, then set a new password through it. */
export function passwordResetRoutes() {
  const app = new Hono<AppEnv>();
  const common = (c: Ctx) => ({ t: c.get('t'), csrfToken: c.get('csrfToken') });
  const mailAvailable = (c: Ctx) => c.get('services').mailer.enabled;

  const requestPage = (c: Ctx, form: FormState, status = 200, error?: string) =>
    render(c, <RequestResetPage {...common(c)} form={form} mailAvailable={mailAvailable(c)} error={error} />, status);

  app.get('/passwort-vergessen', (c) => requestPage(c, emptyForm()));

  app.post('/passwort-vergessen', async (c) => {
    const body = await formBody(c);
    if (!mailAvailable(c)) return requestPage(c, emptyForm());
    const result = await requestPasswordReset(dbOf(c), body, clientAddress(c));
    if (result.throttled) return requestPage(c, { values: { email: body.email }, errors: [] }, 429, c.get('t')('auth.reset.throttled'));
    if (result.mail) {
      const { mailer, config } = c.get('services');
      const mail = passwordResetMail(c.get('t'), { ...result.mail, link: passwordResetLink(config.publicUrl, result.mail.token) });
      // Not awaited: how long the SMTP server takes must not tell whether the address has an account.
      mailer.send(mail).catch((error) => console.error(`[${new Date().toISOString()}] Mail zum Zurücksetzen des Passworts nicht versandt:`, error));
    }
    return render(c, <ResetRequestedPage {...common(c)} />);
  });

  const gonePage = (c: Ctx, state: ResetLinkState | undefined) => {
    const textKey = state === 'used' ? 'auth.reset.used_text' : state === 'expired' ? 'auth.reset.expired_text' : 'auth.reset.gone_text';
    return render(c, <ResetLinkGonePage {...common(c)} textKey={textKey} mailAvailable={mailAvailable(c)} />, state ? 410 : 404);
  };

  app.get('/passwort-neu/:token', async (c) => {
    const resolved = await resolvePasswordReset(dbOf(c), c.req.param('token'));
    if (!resolved || resolved.state !== 'open') return gonePage(c, resolved?.state);
    return render(c, <NewPasswordPage {...common(c)} action={c.req.path} email={resolved.email} form={emptyForm()} />);
  });

  app.post('/passwort-neu/:token', async (c) => {
    const db = dbOf(c);
    const token = c.req.param('token');
    const body = await formBody(c);
    try {
      await completePasswordReset(db, token, body);
    } catch (e) {
      const now = await resolvePasswordReset(db, token);
      if (isAppError(e, 'validation_failed') && now?.state === 'open') {
        return render(c, <NewPasswordPage {...common(c)} action={c.req.path} email={now.email} form={{ values: {}, errors: e.fieldErrors }} />, 422);
      }
      if (isAppError(e, 'conflict') || isAppError(e, 'validation_failed')) return gonePage(c, now?.state);
      throw e;
    }
    // All sessions of the account are gone; whoever was signed in on this browser starts afresh.
    await clearSessionCookie(c);
    return redirectWithFlash(c, '/anmelden', c.get('t')('auth.reset.done'));
  });
  return app;
}
