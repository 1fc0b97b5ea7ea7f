import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { noteContentChange } from '../../src/platform/public-changes.js';
import { tenants } from '../../src/platform/tenancy/schema.js';

/**
 * Notes a write made by hand in a test (SQL instead of a command) the way a command's audit entry
 * does (platform/public-changes.ts), but without the NOTIFY: as a late or lost notification from
 * another instance. Signed-in visitors then see the change at once (kept pages are checked against
 * these rows); anonymous visitors keep the cached page until it expires.
 */
export async function noteChangeWithoutNotify(db: Db, tenant: { slug: string } | { id: string }): Promise<void> {
  const id = 'id' in tenant ? tenant.id : (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, tenant.slug)))[0]!.id;
  await noteContentChange(db, id);
}
