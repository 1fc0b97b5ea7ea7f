import type { Lang, T } from '../../../platform/i18n/i18n.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { Button, Csrf, ErrorSummary, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import { Alert } from '../../../platform/ui/components.js';
import { germanContent, PortalPage } from '../../../platform/ui/public-page.js';
import { ContentMark, ContentParagraphs } from '../../../platform/ui/content-mark.js';
import { PageTranslations } from '../../../platform/translations/page.js';
import type { LegalPages } from '../service.js';
import { feedbackLimits } from '../service.js';

export type LegalKind = 'imprint' | 'privacy' | 'accessibility' | 'contact';

/** The public path of each Pflichtseite below /k/:slug (also its navigation `section`). */
export const legalPaths: Record<LegalKind, string> = { imprint: '/impressum', privacy: '/datenschutz', accessibility: '/barrierefreiheit', contact: '/kontakt' };

interface Frame {
  t: T;
  lang: Lang;
  url: string;
  tenant: PublicTenant;
  /** The Kommune's texts in the page's language where translated. */
  tr?: PageTranslations | undefined;
}

/** A text of the Pflichtseiten as the page shows it (the Kommune's id names its one item). */
const shown = (p: Frame, pages: LegalPages, field: 'imprint' | 'privacy' | 'contactName' | 'knownLimits') => (p.tr ?? new PageTranslations(p.lang)).pick('legal_pages', pages.tenantId, field, pages[field]);

function Missing(p: Frame) {
  return <p class="kern-body">{p.t('legal.missing', { tenant: p.tenant.name })}</p>;
}

/** Impressum or Datenschutzerklärung: the Kommune's text, or a polite note that it is missing. */
export function LegalTextPage(p: Frame & { kind: 'imprint' | 'privacy'; pages: LegalPages | undefined }) {
  const title = p.t(`legal.${p.kind}.title`);
  const text = p.pages?.[p.kind] ?? '';
  return (
    <PortalPage t={p.t} lang={p.lang} url={p.url} tenant={p.tenant} title={title} section={p.kind} translated={p.tr?.hasTranslations}>
      <h1 class="kern-heading-x-large">{title}</h1>
      {text.trim() && p.pages ? <ContentParagraphs t={p.t} shown={shown(p, p.pages, p.kind)} /> : <Missing {...p} />}
    </PortalPage>
  );
}

export function ContactPage(p: Frame & { pages: LegalPages | undefined }) {
  const title = p.t('legal.contact.title');
  const c = p.pages;
  const de = germanContent(p.lang);
  const filled = c && (c.contactName || c.contactAddress || c.contactEmail || c.contactPhone);
  return (
    <PortalPage t={p.t} lang={p.lang} url={p.url} tenant={p.tenant} title={title} section="contact">
      <h1 class="kern-heading-x-large">{title}</h1>
      {filled ? (
        <>
          <p class="kern-body">{p.t('legal.contact.intro')}</p>
          <dl class="legal-contact kern-body">
            {c.contactName ? (
              <>
                <dt>{p.t('legal.contact.name')}</dt>
                <dd {...shown(p, c, 'contactName').attrs}>{shown(p, c, 'contactName').text}<ContentMark t={p.t} shown={shown(p, c, 'contactName')} /></dd>
              </>
            ) : null}
            {c.contactAddress ? (
              <>
                <dt>{p.t('legal.contact.address')}</dt>
                <dd {...de}>{c.contactAddress}</dd>
              </>
            ) : null}
            {c.contactEmail ? (
              <>
                <dt>{p.t('legal.contact.email')}</dt>
                <dd>
                  <a class="kern-link" href={`mailto:${c.contactEmail}`}>
                    {c.contactEmail}
                  </a>
                </dd>
              </>
            ) : null}
            {c.contactPhone ? (
              <>
                <dt>{p.t('legal.contact.phone')}</dt>
                <dd>
                  <a class="kern-link" href={`tel:${c.contactPhone.replace(/[^+0-9]/g, '')}`}>
                    {c.contactPhone}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <Missing {...p} />
      )}
    </PortalPage>
  );
}

export const feedbackLabels = (t: T) => ({ name: t('legal.feedback.name'), email: t('legal.feedback.email'), message: t('legal.feedback.message') });

/** The Erklärung zur Barrierefreiheit with its feedback form (rendered per visitor: it carries a CSRF token). */
export function AccessibilityPage(p: Frame & { pages: LegalPages | undefined; csrfToken: string; form: FormState; sent: boolean; action: string }) {
  const { t } = p;
  const title = t('legal.accessibility.title');
  const s = p.pages;
  const de = germanContent(p.lang);
  return (
    <PortalPage t={t} lang={p.lang} url={p.url} tenant={p.tenant} title={title} section="accessibility">
      <h1 class="kern-heading-x-large">{title}</h1>
      {s ? (
        <>
          <p class="kern-body">{t('legal.accessibility.intro', { tenant: p.tenant.name })}</p>
          <h2 class="kern-heading-large">{t('legal.accessibility.status_heading')}</h2>
          <p class="kern-body">{t(`legal.accessibility.status.${s.complianceStatus}`)}</p>
          {s.complianceStatus !== 'full' && s.knownLimits.trim() ? (
            <>
              <h2 class="kern-heading-large">{t('legal.accessibility.limits_heading')}</h2>
              <ContentParagraphs t={t} shown={shown(p, s, 'knownLimits')} />
            </>
          ) : null}
          {s.statementDate ? (
            <>
              <h2 class="kern-heading-large">{t('legal.accessibility.date_heading')}</h2>
              <p class="kern-body">{t('legal.accessibility.date', { date: formatDate(p.lang, s.statementDate) })}</p>
            </>
          ) : null}
        </>
      ) : (
        <Missing {...p} />
      )}
      <h2 class="kern-heading-large" id="rueckmeldung">
        {t('legal.accessibility.feedback_heading')}
      </h2>
      {p.sent ? <Alert variant="success" title={t('legal.feedback.sent')} /> : null}
      <p class="kern-body">{t('legal.accessibility.feedback_text')}</p>
      <form method="post" action={p.action} class="legal-feedback stack" novalidate>
        <Csrf token={p.csrfToken} />
        <ErrorSummary t={t} errors={p.form.errors} labels={feedbackLabels(t)} />
        <TextField t={t} form={p.form} name="name" label={t('legal.feedback.name')} autocomplete="name" />
        <TextField t={t} form={p.form} name="email" type="email" label={t('legal.feedback.email')} hint={t('legal.feedback.email_hint')} autocomplete="email" />
        <TextArea t={t} form={p.form} name="message" label={t('legal.feedback.message')} hint={t('legal.feedback.message_hint', { max: feedbackLimits.message })} required rows={6} />
        <Button>{t('legal.feedback.submit')}</Button>
      </form>
      {s?.arbitrationUrl ? (
        <>
          <h2 class="kern-heading-large">{t('legal.accessibility.arbitration_heading')}</h2>
          <p class="kern-body">{t('legal.accessibility.arbitration_text')}</p>
          <p class="kern-body">
            <a class="kern-link" href={s.arbitrationUrl} rel="noopener">
              {t('legal.accessibility.arbitration_link')}
            </a>
          </p>
        </>
      ) : null}
    </PortalPage>
  );
}
