import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { AttentionSource } from '../../platform/attention-sources.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { DataTable } from '../../platform/ui/components.js';
import { offers } from './schema.js';
import { staleBefore } from './service.js';

interface UnverifiedOffer {
  id: string;
  title: string;
  verifiedOn: string | null;
}

/** "Angebote ohne Prüfung seit über 12 Monaten": entries that may no longer be true (issue 10.2). */
export const offerAttention: AttentionSource<UnverifiedOffer> = {
  id: 'angebote',
  titleKey: 'offers.attention.title',
  order: 50,
  counted: true,
  items: (db, { tenant, today }) =>
    db
      .select({ id: offers.id, title: offers.title, verifiedOn: offers.verifiedOn })
      .from(offers)
      .where(and(eq(offers.tenantId, tenant.id), isNull(offers.mergedIntoId), sql`${offers.status} <> 'beendet'`, sql`(${offers.verifiedOn} is null or ${offers.verifiedOn} < ${staleBefore(today)}::date)`))
      .orderBy(sql`${offers.verifiedOn} asc nulls first`, asc(offers.title)),
  body: ({ t, base, items }) =>
    items.length ? (
      <DataTable caption={t('offers.attention.title')} headers={[t('offers.column.title'), t('offers.column.verified')]}>
        {items.map((o) => (
          <tr>
            <th scope="row">
              <a href={`${base}/angebote/${o.id}`}>{o.title}</a>
            </th>
            <td>{o.verifiedOn ? formatDate('de', o.verifiedOn) : t('offers.never_verified')}</td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p>{t('offers.attention.none')}</p>
    ),
  mail: (t, o, base) => [`- ${t('offers.attention.mail_line', { title: o.title, date: o.verifiedOn ? formatDate('de', o.verifiedOn) : t('offers.never_verified') })}`, `  ${base}/angebote/${o.id}`],
  audit: (items) => ({ unverifiedOffers: items.length }),
  rules: (t) => [t('offers.attention.rule')],
};
