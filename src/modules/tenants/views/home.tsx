import type { CurrentUser, Membership } from '../../../platform/auth/current-user.js';
import type { T } from '../../../platform/i18n/i18n.js';
import { ButtonLink } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Tenant } from '../../../platform/tenancy/service.js';

/** The public start page: what ikon is, the Kommunen's portals, the way to sign in. */
export function LandingPage(p: { t: T; csrfToken: string; tenants: Tenant[] }) {
  const { t } = p;
  return (
    <Layout t={t} lang="de" title={t('home.title')} siteName="ikon" siteHref="/" csrfToken={p.csrfToken}>
      <div class="stack">
        <h1 class="kern-heading-large">{t('home.title')}</h1>
        <p>{t('home.intro')}</p>
        <section aria-labelledby="portals-heading">
          <h2 id="portals-heading" class="kern-heading-medium">
            {t('home.portals_heading')}
          </h2>
          {p.tenants.length ? (
            <ul>
              {p.tenants.map((x) => (
                <li>
                  <a href={`/k/${x.slug}`}>{x.name}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('home.no_tenants')}</p>
          )}
        </section>
        <section aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading" class="kern-heading-medium">
            {t('home.sign_in_heading')}
          </h2>
          <p>{t('home.sign_in_text')}</p>
          <ButtonLink href="/anmelden" variant="primary">
            {t('home.sign_in')}
          </ButtonLink>
        </section>
      </div>
    </Layout>
  );
}

export const adminNav = (t: T, current: 'home' | 'admin' | 'operations', isAdmin: boolean) =>
  isAdmin
    ? [
        { href: '/app', label: t('app.title'), current: current === 'home' },
        { href: '/app/admin/kommunen', label: t('app.admin_link'), current: current === 'admin' },
        { href: '/app/admin/betrieb', label: t('operations.title'), current: current === 'operations' },
      ]
    : [];

/** After sign-in: the Kommunen the person works in; platform admins also see all Kommunen. */
export function AppHomePage(p: { t: T; csrfToken: string; user: CurrentUser; memberships: Membership[]; allTenants?: Tenant[]; flash?: string | undefined }) {
  const { t } = p;
  return (
    <Layout
      t={t}
      lang="de"
      title={t('app.title')}
      siteName="ikon"
      siteHref="/app"
      nav={adminNav(t, 'home', p.user.isPlatformAdmin)}
      user={p.user}
      csrfToken={p.csrfToken}
      flash={p.flash}
    >
      <div class="stack">
        <h1 class="kern-heading-large">{t('app.title')}</h1>
        {p.memberships.length ? (
          <>
            <p>{t('app.intro')}</p>
            <ul>
              {p.memberships.map((m) => (
                <li>
                  <a href={`/app/k/${m.tenantSlug}`}>{m.tenantName}</a> <span class="muted">({t(`role.${m.role}`)})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('app.no_memberships')}</p>
        )}
        {p.allTenants ? (
          <section aria-labelledby="admin-heading">
            <h2 id="admin-heading" class="kern-heading-medium">
              {t('app.admin_heading')}
            </h2>
            <p>
              <a href="/app/admin/kommunen">{t('app.admin_link')}</a>
            </p>
            <h3 class="kern-heading-small">{t('app.all_tenants')}</h3>
            <ul>
              {p.allTenants.map((x) => (
                <li>
                  <a href={`/app/k/${x.slug}`}>{x.name}</a> <span class="muted">({t(`tenant_kind.${x.kind}`)})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
