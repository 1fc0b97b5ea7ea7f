import type { T } from '../../../platform/i18n/i18n.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Alert, DataTable } from '../../../platform/ui/components.js';
import { Button, Csrf, ErrorSummary, RadioGroup, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import { complianceStatuses } from '../schema.js';
import type { Feedback, LegalPages } from '../service.js';

export const settingsLabels = (t: T) => ({
  imprint: t('legal.settings.imprint'),
  privacy: t('legal.settings.privacy'),
  contactName: t('legal.contact.name'),
  contactAddress: t('legal.contact.address'),
  contactEmail: t('legal.contact.email'),
  contactPhone: t('legal.contact.phone'),
  complianceStatus: t('legal.settings.status'),
  knownLimits: t('legal.settings.limits'),
  statementDate: t('legal.settings.date'),
  arbitrationUrl: t('legal.settings.arbitration'),
  version: t('legal.settings.title'),
});

/** The Koordination's form for the Kommune's Pflichtseiten. */
export function LegalSettingsContent(p: { t: T; csrfToken: string; action: string; publicBase: string; saved: LegalPages | undefined; form: FormState }) {
  const { t, form } = p;
  return (
    <div class="stack">
      <h1 class="kern-heading-x-large">{t('legal.settings.title')}</h1>
      <p class="kern-body">{t('legal.settings.intro')}</p>
      <p class="kern-body">
        {t('legal.settings.public_link')}{' '}
        {(['impressum', 'datenschutz', 'barrierefreiheit', 'kontakt'] as const).map((path, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a class="kern-link" href={`${p.publicBase}/${path}`}>
              {t(`legal.nav.${({ impressum: 'imprint', datenschutz: 'privacy', barrierefreiheit: 'accessibility', kontakt: 'contact' } as const)[path]}`)}
            </a>
          </>
        ))}
      </p>
      {p.saved ? (
        <p class="kern-body muted">{t('legal.settings.last_saved', { date: formatDateTime('de', p.saved.updatedAt), name: p.saved.updatedByName })}</p>
      ) : (
        <Alert variant="info" title={t('legal.settings.defaults_note')} />
      )}
      <form method="post" action={p.action} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? 0)} />
        <ErrorSummary t={t} errors={form.errors} labels={settingsLabels(t)} />
        <TextArea t={t} form={form} name="imprint" label={t('legal.settings.imprint')} rows={12} />
        <TextArea t={t} form={form} name="privacy" label={t('legal.settings.privacy')} rows={16} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('legal.settings.contact_legend')}</legend>
          <div class="stack">
            <TextField t={t} form={form} name="contactName" label={t('legal.contact.name')} />
            <TextArea t={t} form={form} name="contactAddress" label={t('legal.contact.address')} rows={3} />
            <TextField t={t} form={form} name="contactEmail" type="email" label={t('legal.contact.email')} hint={t('legal.settings.contact_email_hint')} />
            <TextField t={t} form={form} name="contactPhone" type="tel" label={t('legal.contact.phone')} />
          </div>
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('legal.settings.accessibility_legend')}</legend>
          <div class="stack">
            <RadioGroup t={t} form={form} name="complianceStatus" label={t('legal.settings.status')} required options={complianceStatuses.map((s) => ({ value: s, label: t(`legal.settings.status.${s}`) }))} />
            <TextArea t={t} form={form} name="knownLimits" label={t('legal.settings.limits')} hint={t('legal.settings.limits_hint')} rows={6} />
            <TextField t={t} form={form} name="statementDate" type="date" label={t('legal.settings.date')} hint={t('legal.settings.date_hint')} />
            <TextField t={t} form={form} name="arbitrationUrl" type="url" label={t('legal.settings.arbitration')} hint={t('legal.settings.arbitration_hint')} />
          </div>
        </fieldset>
        <div class="actions">
          <Button>{t('legal.settings.save')}</Button>
        </div>
      </form>
    </div>
  );
}

/** The messages from the feedback form, newest first, with their count. */
export function FeedbackListContent(p: { t: T; items: Feedback[]; total: number }) {
  const { t } = p;
  return (
    <div class="stack">
      <h1 class="kern-heading-x-large">{t('legal.feedback_list.title')}</h1>
      <p class="kern-body">{t('legal.feedback_list.intro')}</p>
      <p class="kern-body" id="feedback-count">
        <strong>{t('legal.feedback_list.count', { count: p.total })}</strong>
      </p>
      {p.items.length === 0 ? (
        <p class="kern-body">{t('legal.feedback_list.empty')}</p>
      ) : (
        <div class="table-scroll">
          <DataTable caption={t('legal.feedback_list.caption')} headers={[t('legal.feedback_list.received'), t('legal.feedback_list.from'), t('legal.feedback_list.message')]}>
            {p.items.map((f) => (
              <tr>
                <td>{formatDateTime('de', f.createdAt)}</td>
                <td>
                  {f.name || t('legal.feedback_list.anonymous')}
                  {f.email ? (
                    <>
                      <br />
                      <a class="kern-link" href={`mailto:${f.email}`}>
                        {f.email}
                      </a>
                    </>
                  ) : null}
                </td>
                <td style="white-space: pre-line">{f.message}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </div>
  );
}
