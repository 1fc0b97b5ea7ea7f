import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/record.js';
import { assertNotStale, found, type CommandContext } from '../commands.js';
import { AppError } from '../errors.js';
import { tenants } from './schema.js';

export type Tenant = typeof tenants.$inferSelect;

/** What a slug may look like ("musterland", "kreis-wesermarsch"); anything else names no Kommune. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const maxSlugLength = 60;

export async function tenantBySlug(db: Db, slug: string): Promise<Tenant> {
  if (slug.length > maxSlugLength || !slugPattern.test(slug)) throw new AppError('not_found');
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return found(row);
}

export async function tenantById(db: Db, id: string): Promise<Tenant> {
  const [row] = await db.select().from(tenants).where(eq(tenants.id, id));
  return found(row);
}

/**
 * The Kommune, locked until the transaction ends against another writer that locks it too: the
 * directory imports (actors, contact persons, offers) plan against what the Kommune has and then
 * write, so two confirmations of one file at once (a double click) would each create every row.
 * The second now waits and plans against the first's rows. `no key update`: writes that only
 * point to the Kommune (every row of it) are not held up.
 */
export async function lockedTenant(tx: Db, id: string): Promise<Tenant> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, id)).for('no key update');
  return found(row);
}

/** The settings of a Kommune its Koordination changes on the modules' settings pages. */
export type TenantSettings = Partial<Pick<Tenant, 'silentAfterMonths' | 'remindersEnabled' | 'updateIntervalMonths' | 'reviewPartnerReports' | 'brandColor' | 'logoVersion' | 'showOutdatedTranslations'>>;

/**
 * Changes settings of a Kommune, at the version the person saw (else an edit conflict naming the
 * current version), audited as an update of the tenant with the changed settings before and
 * after. The caller has checked the role and parsed the input.
 */
export async function updateTenantSettings(ctx: CommandContext, tenantId: string, version: number, values: TenantSettings): Promise<Tenant> {
  const keys = Object.keys(values) as (keyof TenantSettings)[];
  const only = (t: Tenant) => Object.fromEntries(keys.map((k) => [k, t[k]]));
  return ctx.db.transaction(async (tx) => {
    const before = await tenantById(tx, tenantId);
    const rows = await tx
      .update(tenants)
      .set({ ...values, version: before.version + 1 })
      .where(and(eq(tenants.id, tenantId), eq(tenants.version, version)))
      .returning();
    assertNotStale(rows, before.version);
    const after = found(rows[0]);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'tenant', entityId: tenantId, before: only(before), after: only(after) });
    return after;
  });
}

export const listTenants = (db: Db) => db.select().from(tenants).orderBy(asc(tenants.name));

/** The Gemeinden of a Landkreis (its child tenants). */
export const municipalitiesOf = (db: Db, tenantId: string) =>
  db.select().from(tenants).where(eq(tenants.parentId, tenantId)).orderBy(asc(tenants.name));

/** What the public site may show of a Kommune. */
export interface PublicTenant {
  slug: string;
  name: string;
  kind: Tenant['kind'];
  ags: string;
  isDemo: boolean;
  hasParent: boolean;
  /** The Kommune's colour and logo on its public site (see brand.ts). */
  brandColor: string | null;
  logoVersion: number | null;
}
export const presentTenant = (t: Tenant): PublicTenant => ({
  slug: t.slug,
  name: t.name,
  kind: t.kind,
  ags: t.ags,
  isDemo: t.isDemo,
  hasParent: t.parentId != null,
  brandColor: t.brandColor,
  logoVersion: t.logoVersion,
});
