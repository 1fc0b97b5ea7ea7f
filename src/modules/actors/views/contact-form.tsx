import type { Ctx } from '../../../platform/http/env.js';
import { spokenLanguageCodes, spokenLanguageName } from '../../../platform/i18n/spoken-languages.js';
import { ChoiceList, Csrf, ErrorSummary, RadioGroup, SelectField, TextArea, TextField, emptyForm, type FormState } from '../../../platform/ui/form.js';
import type { Contact } from '../contacts.js';
import { consentScopes, contactGenders } from '../schema.js';

export const contactFormOf = (p: Contact) =>
  emptyForm({
    name: p.name, role: p.role, responsibility: p.responsibility, email: p.email, phone: p.phone, languages: p.languages, gender: p.gender ?? '',
    consentScope: p.consentScope, consentDate: p.consentDate ?? '', consentSource: p.consentSource, version: p.version,
  });

/** The fields of a contact person: who, how to reach them, and what they agreed to. */
export function ContactFields(p: { c: Ctx; form: FormState }) {
  const t = p.c.get('t');
  const f = { t, form: p.form };
  const labels: Record<string, string> = {
    name: t('contacts.name'), role: t('contacts.role'), responsibility: t('contacts.responsibility'), email: t('contacts.email'), phone: t('contacts.phone'),
    languages: t('contacts.languages'), gender: t('contacts.gender'), consentScope: t('contacts.consent_scope'), consentDate: t('contacts.consent_date'),
    consentSource: t('contacts.consent_source'),
  };
  const languages = [...spokenLanguageCodes].map((code) => ({ value: code, label: spokenLanguageName(code) }));
  return (
    <>
      <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
      <Csrf token={p.c.get('csrfToken')} />
      <TextField {...f} name="name" label={labels.name!} required autocomplete="off" />
      <TextField {...f} name="role" label={labels.role!} hint={t('contacts.role_hint')} />
      <TextArea {...f} name="responsibility" label={labels.responsibility!} hint={t('contacts.responsibility_hint')} rows={2} />
      <TextField {...f} name="email" label={labels.email!} type="email" autocomplete="off" />
      <TextField {...f} name="phone" label={labels.phone!} type="tel" autocomplete="off" />
      <ChoiceList {...f} name="languages" label={labels.languages!} hint={t('contacts.languages_hint')} groups={[{ label: labels.languages!, options: languages }]} />
      <fieldset class="kern-fieldset stack">
        <legend class="kern-heading-small">{t('contacts.consent')}</legend>
        <RadioGroup {...f} name="consentScope" label={labels.consentScope!} hint={t('contacts.consent_scope_hint')} required options={consentScopes.map((s) => ({ value: s, label: t(`consent_scope.${s}`) }))} />
        <TextField {...f} name="consentDate" label={labels.consentDate!} type="date" requirement={t('contacts.consent_required_with_scope')} />
        <TextField {...f} name="consentSource" label={labels.consentSource!} hint={t('contacts.consent_source_hint')} requirement={t('contacts.consent_required_with_scope')} />
        <SelectField {...f} name="gender" label={labels.gender!} hint={t('contacts.gender_hint')} emptyLabel={t('contacts.gender_none')} options={contactGenders.map((g) => ({ value: g, label: t(`contact_gender.${g}`) }))} />
      </fieldset>
    </>
  );
}
