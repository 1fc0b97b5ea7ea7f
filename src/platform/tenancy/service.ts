import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { found } from '../commands.js';
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
}
export const presentTenant = (t: Tenant): PublicTenant => ({ slug: t.slug, name: t.name, kind: t.kind, ags: t.ags, isDemo: t.isDemo, hasParent: t.parentId != null });
