import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/**
 * Copies the translations of items that were copied (a Fortschreibung copies an edition): `copies`
 * selects `old_id, new_id` pairs. The copies keep the fingerprint of the German text their
 * translation was made from, so they stay current while the German text stays the same and become
 * outdated when it is edited.
 */
export async function carryTranslations(tx: Db, tenantId: string, kind: string, copies: SQL): Promise<number> {
  const rows = await queryRows(
    tx,
    sql`insert into content_translations (tenant_id, lang, kind, item_id, field, text, source_hash, source_text, updated_at, updated_by_name)
        select ct.tenant_id, ct.lang, ct.kind, c.new_id, ct.field, ct.text, ct.source_hash, ct.source_text, ct.updated_at, ct.updated_by_name
        from content_translations ct join (${copies}) c on c.old_id = ct.item_id
        where ct.tenant_id = ${tenantId} and ct.kind = ${kind}
        on conflict do nothing
        returning 1 as carried`,
  );
  return rows.length;
}
