import type { Mail } from '../../../platform/mail/mailer.js';
import type { SimilarItem } from '../../../platform/similar-items.js';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { Alert, DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, ButtonLink, CheckOption, Csrf, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import type { Contact } from '../../actors/index.js';
import { SimilarOffersPanel } from '../../offers/index.js';
import { linkState, type LinkOverviewRow } from '../links.js';
import type { SubmissionRow } from '../submissions.js';
import { isNewKind } from '../submissions.js';
import { displayValue, fieldLabel, type Names } from './values.js';

export interface HandedLink {
  actorName: string;
  url: string;
  mail: Mail;
}

/** A link that could not be mailed: shown once, with the mail to copy. */
function Handed(p: { t: T; handed: HandedLink }) {
  const { t, handed } = p;
  return (
    <div class="kern-alert kern-alert--warning" role="status">
      <div class="kern-alert__header">
        <h2 class="kern-title">{t('partner_links.handoff_title', { actor: handed.actorName })}</h2>
      </div>
      <div class="kern-alert__body stack">
        <p>{t('partner_links.handoff_text')}</p>
        <p>
          <strong>{t('partner_links.link')}:</strong> <a href={handed.url}>{handed.url}</a>
        </p>
        <p>
          <strong>{t('partner_links.handoff_mail')}</strong>
        </p>
        <p>{t('partner_links.handoff_subject', { subject: handed.mail.subject })}</p>
        <blockquote>
          {handed.mail.text.split('\n\n').map((para) => (
            <p>{para}</p>
          ))}
        </blockquote>
      </div>
    </div>
  );
}

function LinkStateText(p: { t: T; row: LinkOverviewRow; now: Date }) {
  const { t, row } = p;
  if (!row.link) return <>{t('partner_links.state.none')}</>;
  const state = linkState(row.link, p.now);
  const date = formatDate('de', new Date((state === 'revoked' ? row.link.revokedAt! : row.link.expiresAt).getTime() - (state === 'revoked' ? 0 : 1)));
  return <span class={state === 'valid' ? undefined : 'error-text'}>{t(`partner_links.state.${state}`, { date })}</span>;
}

export function OverviewContent(p: { t: T; base: string; rows: LinkOverviewRow[]; open: SubmissionRow[]; reviewed: SubmissionRow[]; handed?: HandedLink | undefined; now: Date; mailEnabled: boolean }) {
  const { t } = p;
  const withLink = p.rows.filter((r) => r.link && linkState(r.link, p.now) === 'valid');
  const answered = withLink.filter((r) => r.lastSubmittedAt);
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('partner_links.title')}</h1>
      {p.handed ? <Handed t={t} handed={p.handed} /> : null}
      <p>{t('partner_links.intro')}</p>
      <p>{t(p.mailEnabled ? 'partner_links.mail_on' : 'partner_links.mail_off')}</p>
      <p>{t('partner_links.summary', { links: withLink.length, answered: answered.length, silent: withLink.length - answered.length })}</p>

      <h2 class="kern-heading-medium">{t('partner_links.open_heading', { count: p.open.length })}</h2>
      {p.open.length ? (
        <DataTable caption={t('partner_links.open_caption')} headers={[t('partner_links.column.submitted'), t('partner_links.column.actor'), t('partner_links.column.kind'), t('partner_links.column.fields'), t('partner_links.column.action')]}>
          {p.open.map((s) => (
            <tr>
              <td>{formatDateTime('de', s.submittedAt)}</td>
              <td>{s.actorName}</td>
              <td>{t(`submission_kind.${s.kind}`)}</td>
              <td>{isNewKind(s.kind) ? t('partner_links.new_entry') : Object.keys(s.changes).length ? Object.keys(s.changes).map((f) => fieldLabel(t, s.kind, f)).join(', ') : t('partner_review.confirmed_short')}</td>
              <td>
                <a href={`${p.base}/meldungen/${s.id}`}>
                  {t('partner_links.review')}
                  <span class="visually-hidden">: {s.actorName}, {formatDateTime('de', s.submittedAt)}</span>
                </a>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('partner_links.no_open')}</p>
      )}

      <h2 class="kern-heading-medium">{t('partner_links.actors_heading')}</h2>
      <DataTable caption={t('partner_links.actors_caption')} headers={[t('partner_links.column.actor'), t('partner_links.column.link'), t('partner_links.column.recipient'), t('partner_links.column.opened'), t('partner_links.column.answered'), t('partner_links.column.reminded'), t('partner_links.column.action')]}>
        {p.rows.map((r) => {
          const valid = r.link && linkState(r.link, p.now) === 'valid';
          return (
            <tr>
              <td>{r.actorName}</td>
              <td>
                <LinkStateText t={t} row={r} now={p.now} />
              </td>
              <td>{r.recipient ? `${r.recipient.name} (${r.recipient.email})` : t('partner_links.no_recipient')}</td>
              <td>{r.link?.lastUsedAt ? t('partner_links.opened_at', { date: formatDateTime('de', r.link.lastUsedAt) }) : r.link ? t('partner_links.not_opened') : t('partner_links.not_asked')}</td>
              <td>{r.lastSubmittedAt ? formatDateTime('de', r.lastSubmittedAt) : r.link ? <strong>{t('partner_links.not_answered')}</strong> : t('partner_links.not_asked')}</td>
              <td>{r.link?.lastRemindedAt ? formatDateTime('de', r.link.lastRemindedAt) : t('partner_links.never')}</td>
              <td>
                <div class="cell-actions">
                  <a href={`${p.base}/akteure/${r.actorId}`}>
                    {t(r.link ? 'partner_links.renew' : 'partner_links.create')}
                    <span class="visually-hidden">: {r.actorName}</span>
                  </a>
                  {valid ? <ConfirmLink small href={`${p.base}/${r.link!.id}/erinnern`} label={t('partner_links.remind')} context={r.actorName} /> : null}
                  {valid ? <ConfirmLink small href={`${p.base}/${r.link!.id}/widerrufen`} label={t('partner_links.revoke')} context={r.actorName} /> : null}
                </div>
              </td>
            </tr>
          );
        })}
      </DataTable>

      {p.reviewed.length ? (
        <>
          <h2 class="kern-heading-medium">{t('partner_links.reviewed_heading')}</h2>
          <ul>
            {p.reviewed.map((s) => (
              <li>
                <a href={`${p.base}/meldungen/${s.id}`}>{t('partner_links.reviewed_line', { actor: s.actorName, kind: t(`submission_kind.${s.kind}`), status: t(`submission_status.${s.status}`), date: s.reviewedAt ? formatDate('de', s.reviewedAt) : '' })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function LinkForm(p: { t: T; csrfToken: string; title: string; action: string; back: string; form: FormState; contacts: Contact[]; renew: boolean }) {
  const { t } = p;
  const labels = { expiresOn: t('partner_links.expires_on'), recipientContactId: t('partner_links.recipient') };
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{p.title}</h1>
      <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
      <p>{t('partner_links.form_intro')}</p>
      {p.renew ? <Alert variant="warning" title={t('partner_links.renew_warning')} /> : null}
      <form method="post" action={p.action} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <TextField t={t} form={p.form} name="expiresOn" label={labels.expiresOn} hint={t('partner_links.expires_hint')} type="date" required />
        <SelectField t={t} form={p.form} name="recipientContactId" label={labels.recipientContactId} hint={t('partner_links.recipient_hint')} emptyLabel={t('partner_links.no_recipient')} options={p.contacts.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))} />
        <div class="actions">
          <Button>{t(p.renew ? 'partner_links.renew' : 'partner_links.create')}</Button>
          <a href={p.back}>{t('form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}

export function ReviewContent(p: {
  t: T;
  csrfToken: string;
  base: string;
  back: string;
  title: string;
  submission: SubmissionRow;
  names: Names;
  targetTitle?: string | undefined;
  problem?: string | undefined;
  form: FormState;
  similar: SimilarItem[];
}) {
  const { t, submission: s } = p;
  const fields = Object.keys(s.changes);
  const perField = !isNewKind(s.kind) && fields.length > 1;
  const chosen = new Set(Array.isArray(p.form.values.fields) ? p.form.values.fields.map(String) : p.form.values.fields ? [String(p.form.values.fields)] : fields);
  const open = s.status === 'offen';
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{p.title}</h1>
      {p.problem ? <Alert variant="danger" title={p.problem} /> : null}
      <ErrorSummary t={t} errors={p.form.errors} labels={{ fields: t('partner_review.accept_column'), note: t('partner_review.note') }} />
      <dl class="fact-list">
        <dt>{t('partner_review.kind')}</dt>
        <dd>{t(`submission_kind.${s.kind}`)}{p.targetTitle ? `: ${p.targetTitle}` : ''}</dd>
        <dt>{t('partner_review.submitted')}</dt>
        <dd>{formatDateTime('de', s.submittedAt)}</dd>
        <dt>{t('partner_review.status')}</dt>
        <dd>{t(`submission_status.${s.status}`)}</dd>
        {s.message ? (
          <>
            <dt>{t('partner_review.message')}</dt>
            <dd>{s.message}</dd>
          </>
        ) : null}
        {s.reviewedAt ? (
          <>
            <dt>{t('partner_review.reviewed')}</dt>
            <dd>{t('partner_review.reviewed_by', { date: formatDateTime('de', s.reviewedAt), name: s.reviewedByName ?? '' })}</dd>
            <dt>{t('partner_review.note')}</dt>
            <dd>{s.reviewNote || t('partner_review.empty')}</dd>
          </>
        ) : null}
      </dl>
      {p.similar.length ? <SimilarOffersPanel t={t} base={p.base} similar={p.similar} /> : null}
      {s.status === 'geloescht' ? <p>{t('partner_review.erased')}</p> : fields.length === 0 ? <p>{t('partner_review.confirmed')}</p> : <p>{t(isNewKind(s.kind) ? 'partner_review.new_intro' : 'partner_review.update_intro')}</p>}
      <form method="post" action={`${p.base}/partnerlinks/meldungen/${s.id}`} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(s.version)} />
        {fields.length ? (
          <DataTable caption={t('partner_review.changes_caption')} headers={[...(open && perField ? [t('partner_review.accept_column')] : []), t('partner_review.field'), ...(isNewKind(s.kind) ? [] : [t('partner_review.before')]), t('partner_review.after')]}>
            {fields.map((f) => {
              const label = fieldLabel(t, s.kind, f);
              return (
                <tr>
                  {open && perField ? (
                    <td>
                      <CheckOption type="checkbox" name="fields" id={`accept-${f}`} option={{ value: f, label: t('partner_review.accept_field', { field: label }) }} checked={chosen.has(f)} />
                    </td>
                  ) : null}
                  <th scope="row">{label}</th>
                  {isNewKind(s.kind) ? null : <td>{displayValue(t, s.kind, f, s.changes[f]!.before, p.names)}</td>}
                  <td>{displayValue(t, s.kind, f, s.changes[f]!.after, p.names)}</td>
                </tr>
              );
            })}
          </DataTable>
        ) : null}
        {open ? (
          <>
            <TextArea t={t} form={p.form} name="note" label={t('partner_review.note')} hint={t('partner_review.note_hint')} rows={3} />
            <div class="actions">
              <Button name="decision" value="all">{t(fields.length === 0 ? 'partner_review.accept_confirmation' : 'partner_review.accept_all')}</Button>
              {perField ? <Button name="decision" value="selected" variant="secondary">{t('partner_review.accept_selected')}</Button> : null}
              <Button name="decision" value="reject" variant="secondary">{t('partner_review.reject')}</Button>
            </div>
          </>
        ) : null}
      </form>
      <p>
        <ButtonLink href={p.back} variant="tertiary">{t('partner_review.back')}</ButtonLink>
      </p>
    </div>
  );
}
