import type { Child } from 'hono/jsx';
import { AppError } from '../../platform/errors.js';
import { dbOf, type Ctx } from '../../platform/http/env.js';
import { requireUser } from '../../platform/http/session.js';
import { membershipIn, type CurrentUser } from '../../platform/auth/current-user.js';
import { Layout } from '../../platform/ui/layout.js';
import { takeFlash } from '../../platform/http/render.js';
import { canReadInternal, isCoordinator } from './policy.js';
import { tenantBySlug, type Tenant } from './service.js';

export type Section = 'overview' | 'editions' | 'attention' | 'actors' | 'members' | 'audit' | 'search' | 'settings';

/** The Kommune of an internal page (`/app/k/:slug/…`), after checking the user may see it. */
export async function tenantForApp(c: Ctx): Promise<{ tenant: Tenant; user: CurrentUser }> {
  const user = requireUser(c);
  const tenant = await tenantBySlug(dbOf(c), c.req.param('slug') ?? '');
  // Not a member: answer as if the Kommune did not exist, so slugs of others are not confirmed.
  if (!canReadInternal(user, tenant.id)) throw new AppError('not_found');
  return { tenant, user };
}

export const appBase = (tenant: Tenant) => `/app/k/${tenant.slug}`;

/** The frame of every internal page of a Kommune: navigation by section, the user's role. */
export function AppPage(p: { c: Ctx; tenant: Tenant; title: string; section: Section; children: Child; flash?: string | undefined }) {
  const t = p.c.get('t');
  const user = p.c.get('user');
  const base = appBase(p.tenant);
  const role = user?.isPlatformAdmin ? 'admin' : membershipIn(user, p.tenant.id)?.role;
  const nav = [
    { href: base, label: t('nav.overview'), current: p.section === 'overview' },
    { href: `${base}/fassungen`, label: t('nav.editions'), current: p.section === 'editions' },
    { href: `${base}/suche`, label: t('nav.search'), current: p.section === 'search' },
    { href: `${base}/akteure`, label: t('nav.actors'), current: p.section === 'actors' },
    ...(isCoordinator(user, p.tenant.id)
      ? [
          { href: `${base}/aufmerksamkeit`, label: t('nav.attention'), current: p.section === 'attention' },
          { href: `${base}/mitglieder`, label: t('nav.members'), current: p.section === 'members' },
          { href: `${base}/einstellungen/status`, label: t('nav.settings'), current: p.section === 'settings' },
          { href: `${base}/protokoll`, label: t('nav.audit'), current: p.section === 'audit' },
        ]
      : []),
    { href: `/k/${p.tenant.slug}`, label: t('nav.public_site') },
  ];
  return (
    <Layout
      t={t}
      lang="de"
      title={p.title}
      siteName={`ikon · ${p.tenant.name}${role ? ` (${t(`role.${role}`)})` : ''}`}
      siteHref={base}
      nav={nav}
      user={user}
      csrfToken={p.c.get('csrfToken')}
      flash={p.flash ?? takeFlash(p.c)}
    >
      {p.children}
    </Layout>
  );
}
