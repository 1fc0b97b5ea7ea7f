import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

/**
 * Notes a write made by hand in a test (SQL instead of a command) the way a command's audit entry
 * does (platform/public-changes.ts), but without the NOTIFY: as a late or lost notification from
 * another instance. Signed-in visitors then see the change at once (kept pages are checked against
 * these rows); anonymous visitors keep the cached page until it expires.
 */
export async function noteChangeWithoutNotify(db: Db, tenant: { slug: string } | { id: string }): Promise<void> {
  await db.execute(
    'id' in tenant
      ? sql`insert into content_changes (tenant_id) values (${tenant.id})`
      : sql`insert into content_changes (tenant_id) select id from tenants where slug = ${tenant.slug}`,
  );
}
