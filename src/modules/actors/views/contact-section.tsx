import type { T } from '../../../platform/i18n/i18n.js';
import { germanDate } from '../../../platform/i18n/german.js';
import { spokenLanguageName } from '../../../platform/i18n/spoken-languages.js';
import { DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { ButtonLink } from '../../../platform/ui/form.js';
import type { Contact } from '../contacts.js';

/** The actor page's list of contact persons with their consent, disclosure downloads and erasure. */
export function ContactSection(p: { t: T; base: string; contacts: Contact[] }) {
  const { t } = p;
  return (
    <section class="stack" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" class="kern-heading-medium">
        {t('contacts.heading')}
      </h2>
      <p>{t('contacts.intro')}</p>
      {p.contacts.length === 0 ? (
        <p>{t('contacts.none')}</p>
      ) : (
        <DataTable caption={t('contacts.heading')} headers={[t('contacts.name'), t('contacts.role'), t('contacts.languages'), t('contacts.consent'), t('contacts.export_column'), t('contacts.erase')]}>
          {p.contacts.map((person) => {
            const href = `${p.base}/ansprechpersonen/${person.id}`;
            return (
              <tr>
                <td>
                  <a href={href}>{person.name}</a>
                </td>
                <td>{person.role}</td>
                <td>{person.languages.map(spokenLanguageName).join(', ')}</td>
                <td>
                  {t(`consent_scope.${person.consentScope}`)}
                  {person.consentDate ? `, ${germanDate(person.consentDate)}` : ''}
                  <br />
                  <strong>{t(person.consentScope === 'veroeffentlichung' ? 'contacts.published' : 'contacts.internal')}</strong>
                </td>
                <td>
                  <a href={`${href}/auskunft.json`}>
                    {t('contacts.export_json')}
                    <span class="visually-hidden"> {person.name}</span>
                  </a>
                  {' · '}
                  <a href={`${href}/auskunft.pdf`}>
                    {t('contacts.export_pdf')}
                    <span class="visually-hidden"> {person.name}</span>
                  </a>
                </td>
                <td>
                  <ConfirmLink href={`${href}/loeschen`} label={t('contacts.erase')} context={person.name} small />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <div>
        <ButtonLink href={`${p.base}/ansprechpersonen/neu`} variant="secondary">
          {t('contacts.new')}
        </ButtonLink>
      </div>
    </section>
  );
}
