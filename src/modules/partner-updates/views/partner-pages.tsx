import type { Child } from 'hono/jsx';
import type { Ctx } from '../../../platform/http/env.js';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { Button, ButtonLink, Csrf, ErrorSummary, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import { ContactFields, type Actor, type Contact } from '../../actors/index.js';
import { OfferFields, type OfferChoices } from '../../offers/index.js';
import type { OpenedLink } from '../links.js';
import type { SubmissionKind } from '../schema.js';
import type { Submission } from '../submissions.js';

interface Common {
  t: T;
  csrfToken: string;
}

/** The frame of the partner pages: German, no navigation of the internal app (nobody is signed in). */
function Frame(p: Common & { title: string; tenant?: OpenedLink['tenant']; flash?: string | undefined; children: Child }) {
  return (
    <Layout t={p.t} lang="de" title={p.title} siteName={p.tenant?.name ?? 'ikon'} siteHref={p.tenant ? `/k/${p.tenant.slug}` : '/'} csrfToken={p.csrfToken} flash={p.flash}>
      <div class="kern-row">
        <div class="kern-col-12 kern-col-lg-9 stack">{p.children}</div>
      </div>
    </Layout>
  );
}

export function LinkGonePage(p: Common & { reason: 'unknown' | 'revoked' | 'expired' }) {
  const { t } = p;
  return (
    <Frame {...p} title={t(`partner.gone.${p.reason}_title`)}>
      <h1 class="kern-heading-large">{t(`partner.gone.${p.reason}_title`)}</h1>
      <p>{t(`partner.gone.${p.reason}_text`)}</p>
    </Frame>
  );
}

/** The partner's start page: what the Kommune knows about it, and a form for each thing to report. */
export function PartnerStartPage(p: Common & {
  flash?: string | undefined;
  base: string;
  opened: OpenedLink;
  actor: Actor;
  offers: { id: string; title: string; status: string; verifiedOn: string | null }[];
  contacts: Contact[];
  submissions: Submission[];
}) {
  const { t } = p;
  const title = t('partner.title', { actor: p.opened.actor.name });
  return (
    <Frame {...p} title={title} tenant={p.opened.tenant}>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{t('partner.intro', { tenant: p.opened.tenant.name })}</p>
      <p>{t('partner.review_note', { date: formatDate('de', new Date(p.opened.link.expiresAt.getTime() - 1)) })}</p>

      <h2 class="kern-heading-medium">{t('partner.offers_heading')}</h2>
      {p.offers.length ? (
        <DataTable caption={t('partner.offers_caption', { actor: p.opened.actor.name })} headers={[t('partner.offer'), t('partner.offer_status'), t('partner.offer_verified'), t('partner.action')]}>
          {p.offers.map((o) => (
            <tr>
              <td>{o.title}</td>
              <td>{t(`offers.status.${o.status}`)}</td>
              <td>{o.verifiedOn ? formatDate('de', o.verifiedOn) : t('offers.never_verified')}</td>
              <td>
                <a href={`${p.base}/angebote/${o.id}`}>
                  {t('partner.offer_update')}
                  <span class="visually-hidden">: {o.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('partner.no_offers')}</p>
      )}
      <p>
        <ButtonLink href={`${p.base}/angebote/neu`} variant="secondary">{t('partner.offer_new')}</ButtonLink>
      </p>

      <h2 class="kern-heading-medium">{t('partner.contact_heading')}</h2>
      <dl class="fact-list">
        <dt>{t('actors.address')}</dt>
        <dd>{p.actor.address || t('partner.none')}</dd>
        <dt>{t('actors.website')}</dt>
        <dd>{p.actor.website || t('partner.none')}</dd>
      </dl>
      <p>
        <a href={`${p.base}/anschrift`}>{t('partner.actor_update')}</a>
      </p>
      {p.contacts.length ? (
        <ul>
          {p.contacts.map((c) => (
            <li>
              {c.name}
              {c.role ? ` (${c.role})` : ''}:{' '}
              <a href={`${p.base}/ansprechpersonen/${c.id}`}>
                {t('partner.contact_update')}
                <span class="visually-hidden">: {c.name}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('partner.no_contacts')}</p>
      )}
      <p>
        <ButtonLink href={`${p.base}/ansprechpersonen/neu`} variant="secondary">{t('partner.contact_new')}</ButtonLink>
      </p>

      <h2 class="kern-heading-medium">{t('partner.submissions_heading')}</h2>
      {p.submissions.length ? (
        <ul>
          {p.submissions.map((s) => (
            <li>{t('partner.submission_line', { date: formatDateTime('de', s.submittedAt), kind: t(`submission_kind.${s.kind}`), status: t(`submission_status.${s.status}`) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('partner.no_submissions')}</p>
      )}
    </Frame>
  );
}

/** What every partner form ends with: the form's key (against sending twice), a note, the button. */
function FormEnd(p: { t: T; form: FormState; back: string }) {
  return (
    <>
      <input type="hidden" name="submissionKey" value={String(p.form.values.submissionKey ?? '')} />
      <TextArea t={p.t} form={p.form} name="message" label={p.t('partner.message')} hint={p.t('partner.message_hint')} rows={3} />
      <div class="actions">
        <Button>{p.t('partner.send')}</Button>
        <a href={p.back}>{p.t('form.cancel')}</a>
      </div>
    </>
  );
}

export function PartnerOfferForm(p: Common & { opened: OpenedLink; back: string; action: string; form: FormState; choices: OfferChoices; offerTitle?: string | undefined; kind: SubmissionKind }) {
  const { t } = p;
  const title = p.kind === 'offer_new' ? t('partner.offer_new_title') : t('partner.offer_update_title', { title: p.offerTitle ?? '' });
  return (
    <Frame {...p} title={title} tenant={p.opened.tenant}>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{t('partner.form_intro')}</p>
      <form method="post" action={p.action} class="stack" novalidate>
        <OfferFields t={t} form={p.form} csrfToken={p.csrfToken} choices={p.choices} partner />
        <FormEnd t={t} form={p.form} back={p.back} />
      </form>
    </Frame>
  );
}

export function PartnerContactForm(p: { c: Ctx; opened: OpenedLink; back: string; action: string; form: FormState; contactName?: string | undefined }) {
  const t = p.c.get('t');
  const title = p.contactName ? t('partner.contact_update_title', { name: p.contactName }) : t('partner.contact_new_title');
  return (
    <Frame t={t} csrfToken={p.c.get('csrfToken')} title={title} tenant={p.opened.tenant}>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{t('partner.form_intro')}</p>
      <p>{t('partner.contact_consent_intro')}</p>
      <form method="post" action={p.action} class="stack" novalidate>
        <ContactFields c={p.c} form={p.form} />
        <FormEnd t={t} form={p.form} back={p.back} />
      </form>
    </Frame>
  );
}

export function PartnerActorForm(p: Common & { opened: OpenedLink; back: string; action: string; form: FormState }) {
  const { t } = p;
  const title = t('partner.actor_update_title', { actor: p.opened.actor.name });
  const labels = { address: t('actors.address'), website: t('actors.website'), message: t('partner.message') };
  return (
    <Frame {...p} title={title} tenant={p.opened.tenant}>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{t('partner.form_intro')}</p>
      <form method="post" action={p.action} class="stack" novalidate>
        <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
        <Csrf token={p.csrfToken} />
        <TextArea t={t} form={p.form} name="address" label={labels.address} hint={t('actors.address_hint')} rows={3} />
        <TextField t={t} form={p.form} name="website" label={labels.website} hint={t('actors.website_hint')} type="url" />
        <FormEnd t={t} form={p.form} back={p.back} />
      </form>
    </Frame>
  );
}

