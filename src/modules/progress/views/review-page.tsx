import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { Alert, PostButton } from '../../../platform/ui/components.js';
import { Button, Csrf } from '../../../platform/ui/form.js';
import type { PendingReport } from '../review.js';

export interface ReviewPageProps {
  t: T;
  base: string;
  csrfToken: string;
  reports: PendingReport[];
  /** The Kommune's setting and the version its form carries. */
  reviewPartnerReports: boolean;
  version: number;
  conflict?: boolean;
}

/** Prüfung: partners' reports meant for the public, to approve or decline; and the setting that holds them. */
export function ReviewPage(p: ReviewPageProps) {
  const { t } = p;
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('progress.review.title')}</h1>
      <p>{t('progress.review.intro')}</p>
      {!p.reviewPartnerReports ? (
        <Alert variant="warning" title={t('progress.review.off_title')}>
          <p>{t('progress.review.off_text')}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="offen-heading" class="stack">
        <h2 id="offen-heading" class="kern-heading-medium">
          {t(p.reports.length === 1 ? 'progress.review.pending.one' : 'progress.review.pending.other', { count: p.reports.length })}
        </h2>
        {p.reports.length === 0 ? (
          <p>{t('progress.review.empty')}</p>
        ) : (
          <ol class="measure-list">
            {p.reports.map((r) => (
              <ReviewItem {...p} report={r} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="einstellung-heading" id="einstellung">
        <h2 id="einstellung-heading" class="kern-heading-medium">
          {t('progress.review.setting_heading')}
        </h2>
        {p.conflict ? (
          <Alert variant="warning" title={t('progress.review.setting_conflict')} id="conflict">
            <p>{t('progress.review.setting_conflict_text')}</p>
          </Alert>
        ) : null}
        <form method="post" action={`${p.base}/pruefung/einstellung`} class="stack">
          <Csrf token={p.csrfToken} />
          <input type="hidden" name="version" value={String(p.version)} />
          <div class="kern-form-check">
            <input class="kern-form-check__checkbox" type="checkbox" id="f-reviewPartnerReports" name="reviewPartnerReports" value="on" checked={p.reviewPartnerReports} aria-describedby="f-reviewPartnerReports-hint" />
            <label class="kern-label" for="f-reviewPartnerReports">
              {t('progress.review.setting_label')}
            </label>
          </div>
          <div class="kern-hint" id="f-reviewPartnerReports-hint">
            {t('progress.review.setting_hint')}
          </div>
          <div class="actions">
            <Button variant="secondary">{t('form.save')}</Button>
          </div>
        </form>
      </section>
    </div>
  );
}

function ReviewItem(p: ReviewPageProps & { report: PendingReport }) {
  const { t, report: r } = p;
  const umsetzung = `${p.base}/massnahmen/${r.measureId}/umsetzung`;
  const label = `${r.number} ${r.title}`;
  const reasonId = `grund-${r.id}`;
  return (
    <li class="stack">
      <h3 class="kern-heading-small">
        <a href={umsetzung}>{label}</a>
      </h3>
      <p class="muted">{t('progress.review.meta', { name: r.authorName, date: formatDate('de', r.reportedOn), at: formatDateTime('de', r.createdAt) })}</p>
      <p>
        {t('progress.review.state', {
          reported: `${t(`measure_status.${r.status}`)}, ${r.progress}\u00a0%`,
          current: `${t(`measure_status.${r.measureStatus}`)}${r.measureProgress == null ? '' : `, ${r.measureProgress}\u00a0%`}`,
        })}
      </p>
      {r.publishRequested ? null : <p><strong>{t('progress.review.internal_text')}</strong></p>}
      {r.text.split(/\n\s*\n/).map((para) => (
        <p>{para}</p>
      ))}
      {r.attachmentName ? (
        <p>
          <a href={`${umsetzung}/anhang/${r.id}`} download={r.attachmentName}>
            {t('progress.review.attachment', { name: r.attachmentName })}
          </a>
        </p>
      ) : null}
      <div class="actions">
        <PostButton action={`${p.base}/pruefung/${r.id}/freigeben`} csrfToken={p.csrfToken} label={t('progress.review.approve')} context={label} variant="primary" small={false} />
      </div>
      <form method="post" action={`${p.base}/pruefung/${r.id}/ablehnen`} class="stack">
        <Csrf token={p.csrfToken} />
        <div class="kern-form-input">
          <label class="kern-label" for={reasonId}>
            {t('progress.review.reason', { label })}
          </label>
          <textarea class="kern-form-input__input" id={reasonId} name="reason" rows={2}></textarea>
        </div>
        <div class="actions">
          <Button variant="secondary">
            {t('progress.review.decline')}
            <span class="visually-hidden"> {label}</span>
          </Button>
        </div>
      </form>
    </li>
  );
}
