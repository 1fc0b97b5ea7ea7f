import type { CurrentUser } from '../../../platform/auth/current-user.js';
import type { T } from '../../../platform/i18n/i18n.js';
import { Button, ButtonLink, Csrf, ErrorSummary, TextField, type FormState } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Invitation } from '../service.js';
import type { Tenant } from '../../../platform/tenancy/service.js';

interface Common {
  t: T;
  csrfToken: string;
  user: CurrentUser | null;
}

function Frame(p: Common & { title: string; children: any }) {
  return (
    <Layout t={p.t} lang="de" title={p.title} siteName="ikon" siteHref="/" user={p.user} csrfToken={p.csrfToken}>
      <div class="kern-row">
        <div class="kern-col-12 kern-col-md-8 kern-col-lg-6 stack">{p.children}</div>
      </div>
    </Layout>
  );
}

/** A new person: choose name and password. */
export function AcceptInvitationPage(p: Common & { action: string; invitation: Invitation; tenant: Tenant; form: FormState }) {
  const { t } = p;
  const labels = { name: t('invitation.name'), password: t('auth.password'), passwordRepeat: t('auth.password_repeat') };
  return (
    <Frame {...p} title={t('invitation.title')}>
      <h1 class="kern-heading-large">{t('invitation.title')}</h1>
      <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
      <p>{t('invitation.intro', { tenant: p.tenant.name, role: t(`role.${p.invitation.role}`) })}</p>
      <p>{t('invitation.set_password')}</p>
      <form method="post" action={p.action} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <dl class="fact-list">
          <dt>{t('invitation.email')}</dt>
          <dd>{p.invitation.email}</dd>
        </dl>
        <TextField t={t} form={p.form} name="name" label={labels.name} autocomplete="name" required />
        <TextField t={t} form={{ values: {}, errors: p.form.errors }} name="password" label={labels.password} hint={t('auth.password_hint')} type="password" autocomplete="new-password" required />
        <TextField t={t} form={{ values: {}, errors: p.form.errors }} name="passwordRepeat" label={labels.passwordRepeat} type="password" autocomplete="new-password" required />
        <Button>{t('invitation.accept')}</Button>
      </form>
    </Frame>
  );
}

/** The invited address already has an account and that person is signed in: one click to join. */
export function ConfirmInvitationPage(p: Common & { action: string; invitation: Invitation; tenant: Tenant }) {
  const { t } = p;
  return (
    <Frame {...p} title={t('invitation.title')}>
      <h1 class="kern-heading-large">{t('invitation.title')}</h1>
      <p>{t('invitation.intro', { tenant: p.tenant.name, role: t(`role.${p.invitation.role}`) })}</p>
      <p>{t('invitation.existing_text', { email: p.invitation.email, tenant: p.tenant.name })}</p>
      <form method="post" action={p.action}>
        <Csrf token={p.csrfToken} />
        <Button>{t('invitation.accept_existing')}</Button>
      </form>
    </Frame>
  );
}

/** The invited address already has an account, but its owner is not signed in (or someone else is). */
export function SignInFirstPage(p: Common & { path: string; invitation: Invitation; notice?: string | undefined }) {
  const { t } = p;
  const other = p.user && p.user.email !== p.invitation.email;
  return (
    <Frame {...p} title={t('invitation.sign_in_first_title')}>
      <h1 class="kern-heading-large">{t('invitation.sign_in_first_title')}</h1>
      {p.notice ? (
        <div class="kern-alert kern-alert--info" role="status">
          <div class="kern-alert__header">
            <span class="kern-title">{p.notice}</span>
          </div>
        </div>
      ) : null}
      <p>{t('invitation.sign_in_first_text', { email: p.invitation.email })}</p>
      {other ? (
        <p>{t('invitation.other_account', { current: p.user!.email, email: p.invitation.email })}</p>
      ) : (
        <p>
          <ButtonLink href={`/anmelden?weiter=${encodeURIComponent(p.path)}`} variant="primary">
            {t('invitation.sign_in_first_link')}
          </ButtonLink>
        </p>
      )}
    </Frame>
  );
}

/** Unknown, expired or used links. */
export function InvitationGonePage(p: Common & { titleKey: string; textKey: string }) {
  const { t } = p;
  return (
    <Frame {...p} title={t(p.titleKey)}>
      <h1 class="kern-heading-large">{t(p.titleKey)}</h1>
      <p>{t(p.textKey)}</p>
      <p>
        <a href="/anmelden">{t('invitation.to_sign_in')}</a>
      </p>
    </Frame>
  );
}
