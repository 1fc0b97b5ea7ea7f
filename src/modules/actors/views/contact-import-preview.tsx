import type { T } from '../../../platform/i18n/i18n.js';
import { ChangesTable } from '../../../platform/spreadsheet/record-pages.js';
import type { ContactPlan } from '../contact-transfer.js';

/** What the file's sheet "Ansprechpersonen" would change: counts, new people, changed cells old → new. */
export function ContactImportPreview(p: { t: T; plan: ContactPlan }) {
  const { t, plan } = p;
  const created = plan.rows.filter((r) => r.action === 'create');
  const updated = plan.rows.filter((r) => r.action === 'update');
  return (
    <section class="stack" data-contacts>
      <h2 class="kern-heading-medium">{t('contacts.import.heading')}</h2>
      <p class="kern-body">{t('contacts.import.counts', plan.counts)}</p>
      {created.length ? (
        <ul data-list="contacts-created">
          {created.map((r) => (
            <li>{t('contacts.import.new_line', { row: r.row, name: r.label })}</li>
          ))}
        </ul>
      ) : null}
      {updated.map((r) => (
        <ChangesTable t={t} row={r.row} label={r.label} changes={r.changes} />
      ))}
    </section>
  );
}
