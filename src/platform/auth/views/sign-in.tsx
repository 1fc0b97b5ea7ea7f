import type { T } from '../../i18n/i18n.js';
import { Alert, DataTable } from '../../ui/components.js';
import { Button, Csrf, TextField, type FormState } from '../../ui/form.js';
import { Layout } from '../../ui/layout.js';
import { demoPassword } from '../demo-accounts.js';

export function SignInPage(p: {
  t: T;
  csrfToken: string;
  form: FormState;
  next: string;
  error?: string | undefined;
  flash?: string | undefined;
  demoAccounts?: { email: string; name: string; role: string }[] | undefined;
}) {
  const { t } = p;
  return (
    <Layout t={t} lang="de" title={t('auth.sign_in_title')} siteName="ikon" siteHref="/">
      <div class="kern-row">
        <div class="kern-col-12 kern-col-md-8 kern-col-lg-6 stack">
          <h1 class="kern-heading-large">{t('auth.sign_in_title')}</h1>
          {p.flash ? <Alert variant="success" title={p.flash} /> : null}
          {p.error ? <Alert variant="danger" title={p.error} /> : null}
          {p.form.errors.length ? <Alert variant="danger" title={t(p.form.errors[0]!.messageKey)} /> : null}
          <form method="post" action="/anmelden" class="stack" novalidate>
            <Csrf token={p.csrfToken} />
            <input type="hidden" name="weiter" value={p.next} />
            <TextField t={t} form={p.form} name="email" label={t('auth.email')} type="email" autocomplete="username" required />
            <TextField t={t} form={{ values: {}, errors: [] }} name="password" label={t('auth.password')} type="password" autocomplete="current-password" required />
            <Button>{t('auth.sign_in')}</Button>
          </form>
          <p>
            <a href="/passwort-vergessen">{t('auth.reset.link')}</a>
          </p>
          {p.demoAccounts ? (
            <section class="demo-box" aria-labelledby="demo-heading">
              <h2 id="demo-heading" class="kern-heading-small">{t('auth.demo_heading')}</h2>
              <p>{t('auth.demo_text', { password: demoPassword })}</p>
              <DataTable caption={t('auth.demo_heading')} headers={[t('auth.email'), t('auth.role')]}>
                  {p.demoAccounts.map((a) => (
                    <tr>
                      <td>
                        <code>{a.email}</code>
                      </td>
                      <td>{t(`role.${a.role}`)}</td>
                    </tr>
                  ))}
              </DataTable>
            </section>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}
