import type { T } from '../../i18n/i18n.js';
import { Alert } from '../../ui/components.js';
import { Button, Csrf, ErrorSummary, TextField, type FormState } from '../../ui/form.js';
import { Layout } from '../../ui/layout.js';

type Common = { t: T; csrfToken: string };

function Page(p: Common & { title: string; children: unknown }) {
  return (
    <Layout t={p.t} lang="de" title={p.title} siteName="ikon" siteHref="/">
      <div class="kern-row">
        <div class="kern-col-12 kern-col-md-8 kern-col-lg-6 stack">
          <h1 class="kern-heading-large">{p.title}</h1>
          {p.children as any}
        </div>
      </div>
    </Layout>
  );
}

const BackToSignIn = ({ t }: { t: T }) => (
  <p>
    <a href="/anmelden">{t('auth.reset.back_to_sign_in')}</a>
  </p>
);

/** "Passwort vergessen": the e-mail form, or (without a mail server) whom to ask instead. */
export function RequestResetPage(p: Common & { form: FormState; mailAvailable: boolean; error?: string | undefined }) {
  const { t } = p;
  if (!p.mailAvailable) {
    return (
      <Page {...p} title={t('auth.reset.request_title')}>
        <Alert variant="info" title={t('auth.reset.no_mail_title')}>
          <p>{t('auth.reset.no_mail_text')}</p>
        </Alert>
        <BackToSignIn t={t} />
      </Page>
    );
  }
  return (
    <Page {...p} title={t('auth.reset.request_title')}>
      {p.error ? <Alert variant="danger" title={p.error} /> : null}
      <p>{t('auth.reset.request_intro')}</p>
      <form method="post" action="/passwort-vergessen" class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <TextField t={t} form={p.form} name="email" label={t('auth.email')} type="email" autocomplete="username" required />
        <Button>{t('auth.reset.request_submit')}</Button>
      </form>
      <BackToSignIn t={t} />
    </Page>
  );
}

/** The same answer whether or not the address has an account. */
export function ResetRequestedPage(p: Common) {
  const { t } = p;
  return (
    <Page {...p} title={t('auth.reset.requested_title')}>
      <Alert variant="success" title={t('auth.reset.requested_title')}>
        <p>{t('auth.reset.requested_text')}</p>
      </Alert>
      <BackToSignIn t={t} />
    </Page>
  );
}

/** The new password, reached through the link in the mail. */
export function NewPasswordPage(p: Common & { action: string; email: string; form: FormState }) {
  const { t } = p;
  const labels = { password: t('auth.reset.new_password'), passwordRepeat: t('auth.password_repeat') };
  return (
    <Page {...p} title={t('auth.reset.new_title')}>
      <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
      <p>{t('auth.reset.new_intro', { email: p.email })}</p>
      <form method="post" action={p.action} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="text" name="username" value={p.email} autocomplete="username" hidden />
        <TextField t={t} form={{ values: {}, errors: p.form.errors }} name="password" label={labels.password} hint={t('auth.password_hint')} type="password" autocomplete="new-password" required />
        <TextField t={t} form={{ values: {}, errors: p.form.errors }} name="passwordRepeat" label={labels.passwordRepeat} type="password" autocomplete="new-password" required />
        <Button>{t('auth.reset.new_submit')}</Button>
      </form>
    </Page>
  );
}

/** A link that is unknown, expired or already used. */
export function ResetLinkGonePage(p: Common & { textKey: string; mailAvailable: boolean }) {
  const { t } = p;
  return (
    <Page {...p} title={t('auth.reset.gone_title')}>
      <p>{t(p.textKey)}</p>
      <p>{p.mailAvailable ? <a href="/passwort-vergessen">{t('auth.reset.request_again')}</a> : t('auth.reset.no_mail_text')}</p>
      <BackToSignIn t={t} />
    </Page>
  );
}
