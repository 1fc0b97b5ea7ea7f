import type { Child } from 'hono/jsx';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { found } from '../commands.js';
import { keptWhileUnchanged } from '../kept-derived.js';
import { AppError } from '../errors.js';
import { dbOf, type Ctx } from '../http/env.js';
import { requireUser } from '../http/session.js';
import { membershipIn, type CurrentUser } from '../auth/current-user.js';
import { takeFlash } from '../http/render.js';
import { actorActedFor, canReadInternal, isCoordinator } from '../tenancy/policy.js';
import { tenantBySlug, type Tenant } from '../tenancy/service.js';
import { GroupedNav, type AppNavEntry } from './app-nav.js';
import { Layout } from './layout.js';

/**
 * The Kommune of the slug: the one the session lookup fetched along (GET and HEAD only, which
 * change nothing, so it holds for the whole request, also when a route asks twice), else asked for.
 */
async function requestTenant(c: Ctx, slug: string): Promise<Tenant> {
  const known = c.get('slugTenant');
  return known?.slug === slug ? found(known.tenant ?? undefined) : tenantBySlug(dbOf(c), slug);
}

/** The Kommune of an internal page (`/app/k/:slug/…`), after checking the user may see it. */
export async function tenantForApp(c: Ctx): Promise<{ tenant: Tenant; user: CurrentUser }> {
  const user = requireUser(c);
  const tenant = await requestTenant(c, c.req.param('slug') ?? '');
  // Not a member: answer as if the Kommune did not exist, so slugs of others are not confirmed.
  if (!canReadInternal(user, tenant.id)) throw new AppError('not_found');
  return { tenant, user };
}

/** The same, for pages of the Koordination only (settings): other members get 403. */
export async function tenantForCoordination(c: Ctx): Promise<{ tenant: Tenant; user: CurrentUser }> {
  const found = await tenantForApp(c);
  if (!isCoordinator(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found;
}

/** The entries' counts (0 for an entry without one), all in one query: every internal page pays it. */
export async function navCounts(db: Db, tenantId: string, entries: AppNavEntry[]): Promise<number[]> {
  const asked = entries.flatMap((e, i) => (e.count ? [sql`${e.count(tenantId)} as ${sql.identifier(`c${i}`)}`] : []));
  if (asked.length === 0) return entries.map(() => 0);
  const [row] = await queryRows<Record<string, number>>(db, sql`select ${sql.join(asked, sql`, `)}`);
  return entries.map((e, i) => (e.count ? Number(row?.[`c${i}`] ?? 0) : 0));
}

/**
 * The counts as `navCounts`, kept while nothing in the Kommune changed: each counts rows of the
 * Kommune only (open partner reports, pending progress reports, accessibility feedback), written by
 * audited commands, so nothing but the Kommune's content and which entries are shown (the key)
 * decides them, whoever asks. Only where checking for a change costs no query (PGlite, a sole
 * writer): on PostgreSQL the check is a query as well, and the counts' query is as cheap.
 */
const keptCounts = keptWhileUnchanged<number[]>(200);
async function frameCounts(database: Database, tenantId: string, entries: AppNavEntry[]): Promise<number[]> {
  const counted = entries.filter((e) => e.count);
  if (counted.length === 0 || !database.soleWriter) return navCounts(database.db, tenantId, entries);
  // Kept for the counted entries only: which other entries a person sees does not move them.
  const kept = await keptCounts(database, tenantId, counted.map((e) => e.section).join(' '), () => navCounts(database.db, tenantId, counted));
  return entries.map((e) => (e.count ? kept[counted.indexOf(e)]! : 0));
}

export const appBase = (tenant: Tenant) => `/app/k/${tenant.slug}`;

/**
 * The frame of every internal page of a Kommune: navigation by section, grouped by phase (the
 * entries come from the modules' manifests), the user's role. `section` names the navigation entry to mark as current.
 */
export async function AppPage(p: { c: Ctx; tenant: Tenant; title: string; section: string; children: Child; flash?: string | undefined }) {
  const t = p.c.get('t');
  const user = p.c.get('user');
  const base = appBase(p.tenant);
  const role = user?.isPlatformAdmin ? 'admin' : membershipIn(user, p.tenant.id)?.role;
  const coordinator = isCoordinator(user, p.tenant.id);
  const actsForActor = actorActedFor(user, p.tenant.id) !== null;
  const entries = p.c.get('services').appNav.filter((e) => coordinator || !e.coordinatorOnly || (e.actorMembersToo && actsForActor));
  const counts = await frameCounts(p.c.get('services').database, p.tenant.id, entries);
  const links = entries.map((e, i) => ({ href: `${base}${e.path}`, label: counts[i]! > 0 ? `${t(e.label)} (${counts[i]})` : t(e.label), current: p.section === e.section, group: e.group, count: counts[i]! }));
  const menu = <GroupedNav t={t} links={links} trailing={[{ href: `/k/${p.tenant.slug}`, label: t('nav.public_site') }]} />;
  return (
    <Layout
      t={t}
      lang="de"
      title={p.title}
      siteName={`ikon · ${p.tenant.name}${role ? ` (${t(`role.${role}`)})` : ''}`}
      siteHref={base}
      menu={menu}
      user={user}
      csrfToken={p.c.get('csrfToken')}
      flash={p.flash ?? takeFlash(p.c)}
    >
      {p.children}
    </Layout>
  );
}
