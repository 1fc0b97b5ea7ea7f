import { changedFields } from '../../platform/audit/diff.js';
import { historyOf } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { germanDate } from '../../platform/i18n/german.js';
import type { T } from '../../platform/i18n/i18n.js';
import { spokenLanguageName } from '../../platform/i18n/spoken-languages.js';
import { discloseHeldData, type HeldPersonalData } from '../../platform/personal-data.js';
import { canManageContacts, contactById, personRef } from './contacts.js';
import { actorById } from './service.js';

/** Everything ikon keeps about one contact person (DSGVO Art. 15), as the JSON export carries it. */
export interface ContactDisclosure {
  generatedAt: string;
  kommune: string;
  person: {
    id: string;
    name: string;
    role: string;
    responsibility: string;
    email: string;
    phone: string;
    languages: string[];
    gender: string | null;
    createdAt: string;
  };
  actor: { id: string; name: string; address: string; website: string };
  consent: { scope: string; date: string | null; source: string; published: boolean };
  purpose: string;
  recipients: string;
  history: { at: string; action: string; by: string | null; changedFields: string[] }[];
  /** Copies of the person's data elsewhere (partner reports naming her), as the modules holding them describe them. */
  heldElsewhere: HeldPersonalData[];
}

/** Reading a person's data is the Koordination's (it keeps them); the export itself changes nothing. */
export async function discloseContact(ctx: CommandContext, tenant: { id: string; name: string }, actorId: string, id: string, t: T, now = new Date()): Promise<ContactDisclosure> {
  authorize(canManageContacts(ctx.user, tenant.id));
  const person = await contactById(ctx.db, tenant.id, actorId, id);
  const actor = await actorById(ctx.db, tenant.id, actorId);
  const history = await historyOf(ctx.db, tenant.id, 'actor_contact', id);
  const heldElsewhere = await discloseHeldData(ctx.db, tenant.id, personRef(person), t);
  const published = person.consentScope === 'veroeffentlichung';
  return {
    generatedAt: now.toISOString(),
    kommune: tenant.name,
    person: {
      id: person.id, name: person.name, role: person.role, responsibility: person.responsibility, email: person.email, phone: person.phone,
      languages: person.languages, gender: person.gender, createdAt: person.createdAt.toISOString(),
    },
    actor: { id: actor.id, name: actor.name, address: actor.address, website: actor.website },
    consent: { scope: person.consentScope, date: person.consentDate, source: person.consentSource, published },
    purpose: t('privacy.purpose_text'),
    recipients: t(published ? 'privacy.recipients_public' : 'privacy.recipients_internal'),
    history: [...history].reverse().map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      by: e.userName,
      changedFields: e.action === 'update' ? changedFields(e.before, e.after) : [],
    })),
    heldElsewhere,
  };
}

/** The disclosure as labelled lines, for the PDF (German labels, German dates). */
export function disclosureSections(d: ContactDisclosure, t: T): { heading: string; rows: [string, string][] }[] {
  const none = t('privacy.none');
  const orNone = (s: string | null | undefined) => (s ? s : none);
  const label = (field: string) => t(`contacts.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);
  return [
    {
      heading: t('privacy.stored_data'),
      rows: [
        [t('contacts.name'), d.person.name],
        [t('contacts.role'), orNone(d.person.role)],
        [t('contacts.responsibility'), orNone(d.person.responsibility)],
        [t('contacts.email'), orNone(d.person.email)],
        [t('contacts.phone'), orNone(d.person.phone)],
        [t('contacts.languages'), d.person.languages.length ? d.person.languages.map(spokenLanguageName).join(', ') : none],
        [t('contacts.gender'), d.person.gender ? t(`contact_gender.${d.person.gender}`) : t('contacts.gender_none')],
        [t('privacy.actor'), [d.actor.name, d.actor.address, d.actor.website].filter(Boolean).join(', ')],
      ],
    },
    {
      heading: t('contacts.consent'),
      rows: [
        [t('contacts.consent_scope'), t(`consent_scope.${d.consent.scope}`)],
        [t('contacts.consent_date'), d.consent.date ? germanDate(d.consent.date) : none],
        [t('contacts.consent_source'), orNone(d.consent.source)],
      ],
    },
    { heading: t('privacy.purpose'), rows: [['', d.purpose]] },
    { heading: t('privacy.recipients'), rows: [['', d.recipients]] },
    {
      heading: t('privacy.history'),
      rows: d.history.map((h) => {
        const params = { date: germanDate(h.at.slice(0, 10)), action: t(`audit.action.${h.action}`), user: h.by ?? none, fields: h.changedFields.map(label).join(', ') };
        return ['', t(h.changedFields.length ? 'privacy.history_entry' : 'privacy.history_entry_plain', params)];
      }),
    },
    ...d.heldElsewhere.map((h) => ({ heading: h.source, rows: h.fields.map((f): [string, string] => [f.label, f.value]) })),
  ];
}
