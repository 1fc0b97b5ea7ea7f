import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { Alert } from '../../../platform/ui/components.js';
import { Button, Csrf, ErrorSummary, FileField, SelectField, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import type { Edition } from '../../concepts/index.js';
import { measureStatuses } from '../../measures/schema.js';
import type { Measure, StatusRules } from '../../measures/index.js';
import { acceptAttachments } from '../input.js';
import type { MeasureUpdateRow, ProgressSource } from '../updates.js';
import { percent, ProgressBar } from './parts.js';

export const updateFieldLabels = (t: T): Record<string, string> => ({
  reportedOn: t('progress.form.reported_on'),
  status: t('measure.status'),
  progress: t('progress.form.progress'),
  text: t('progress.form.text'),
  isPublic: t('progress.form.is_public'),
  attachment: t('progress.form.attachment'),
  'attachment.bytes': t('progress.form.attachment'),
  version: t('progress.form.version'),
});

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')}\u00a0KB`;

export interface UpdatesPageProps {
  t: T;
  base: string;
  csrfToken: string;
  measure: Measure;
  edition: Edition;
  rules: StatusRules;
  updates: MeasureUpdateRow[];
  sources: Map<string, ProgressSource>;
  canRecord: boolean;
  /** This person's public reports wait for the Koordination's review. */
  publicNeedsReview: boolean;
  form: FormState;
  /** Shown after a save lost the race against another change of the measure. */
  conflict?: { who: string; when: Date | null } | undefined;
}

/** "Umsetzung" of one measure: current state, the form "Sachstand melden", the timeline. */
export function UpdatesPage(p: UpdatesPageProps) {
  const { t, measure: m } = p;
  const measureHref = `${p.base}/massnahmen/${m.id}`;
  const action = `${measureHref}/umsetzung`;
  const rule = p.rules[m.status];
  const latest = p.updates[0];
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${p.base}/fassungen/${p.edition.id}`}>{p.edition.title}</a> · <a href={`${p.base}/fassungen/${p.edition.id}/umsetzung`}>{t('progress.rollup.link')}</a> ·{' '}
        <a href={measureHref}>{t('progress.updates.back_to_measure', { number: m.number })}</a>
      </p>
      <h1 class="kern-heading-large">{t('progress.updates.title', { number: m.number, title: m.title })}</h1>

      <section aria-labelledby="stand-heading">
        <h2 id="stand-heading" class="kern-heading-medium">
          {t('progress.updates.current')}
        </h2>
        <dl class="fact-list">
          <dt>{t('measure.status')}</dt>
          <dd>{t(`measure_status.${m.status}`)}</dd>
          <dt>{t('progress.form.progress')}</dt>
          <dd>
            <ProgressBar t={t} id="aktueller-fortschritt" label={t('progress.updates.progress_of', { number: m.number })} value={m.progress} noneKey="progress.none_reported" />
          </dd>
          <dt>{t('progress.updates.rule')}</dt>
          <dd>
            {rule.impliedProgress != null
              ? t('progress.updates.rule_implied', { status: t(`measure_status.${m.status}`), progress: percent(rule.impliedProgress) })
              : t('progress.updates.rule_reported', { status: t(`measure_status.${m.status}`) })}{' '}
            {rule.countsInRollup ? t('progress.updates.rule_counts') : t('progress.updates.rule_not_counted')}
          </dd>
          <dt>{t('progress.updates.latest')}</dt>
          <dd>{latest ? formatDate('de', latest.reportedOn) : t('progress.updates.none_yet')}</dd>
        </dl>
      </section>

      {p.canRecord ? <UpdateForm {...p} action={action} /> : p.edition.status === 'abgeloest' ? <p>{t('progress.error.edition_superseded')}</p> : null}

      <section aria-labelledby="verlauf-heading" id="verlauf">
        <h2 id="verlauf-heading" class="kern-heading-medium">
          {t('progress.updates.timeline')}
        </h2>
        {p.updates.length === 0 ? (
          <p>{t('progress.updates.timeline_empty')}</p>
        ) : (
          <ol class="measure-list" reversed>
            {p.updates.map((u) => (
              <TimelineItem t={t} update={u} source={p.sources.get(u.id)} rules={p.rules} href={`${p.base}/massnahmen/${u.measureId}/umsetzung/anhang/${u.id}`} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function UpdateForm(p: UpdatesPageProps & { action: string }) {
  const { t, form } = p;
  const f = { t, form };
  const labels = updateFieldLabels(t);
  const attachmentError = form.errors.find((e) => e.field === 'attachment' || e.field.startsWith('attachment.'));
  const isPublic = ['on', 'true', '1', true].includes(form.values.isPublic as any);
  const impliedHint = measureStatuses
    .filter((s) => p.rules[s].impliedProgress != null)
    .map((s) => `${t(`measure_status.${s}`)} = ${percent(p.rules[s].impliedProgress!)}`)
    .join(', ');
  return (
    <section aria-labelledby="melden-heading">
      <h2 id="melden-heading" class="kern-heading-medium">
        {t('progress.form.title')}
      </h2>
      {p.conflict ? (
        <Alert variant="warning" title={t('progress.conflict.title')} id="conflict">
          <p>
            {t('progress.conflict.text', {
              who: p.conflict.who,
              when: p.conflict.when ? formatDateTime('de', p.conflict.when) : '',
              status: t(`measure_status.${p.measure.status}`),
              progress: p.measure.progress == null ? t('progress.none_reported') : percent(p.measure.progress),
            })}
          </p>
        </Alert>
      ) : null}
      <form method="post" action={p.action} enctype="multipart/form-data" class="stack" novalidate>
        <ErrorSummary t={t} errors={form.errors.map((e) => (e.field.startsWith('attachment.') ? { ...e, field: 'attachment' } : e))} labels={labels} />
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? p.measure.version)} />
        <TextField {...f} name="reportedOn" type="date" label={labels.reportedOn!} hint={t('progress.form.reported_on_hint')} />
        <SelectField {...f} name="status" label={labels.status!} required options={measureStatuses.map((s) => ({ value: s, label: t(`measure_status.${s}`) }))} />
        <TextField {...f} name="progress" label={labels.progress!} inputmode="numeric" width="4" hint={t('progress.form.progress_hint', { implied: impliedHint })} />
        <TextArea {...f} name="text" label={labels.text!} required rows={5} hint={t('progress.form.text_hint')} readability />
        <div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="f-isPublic" name="isPublic" value="on" checked={isPublic} aria-describedby="f-isPublic-hint" />
          <label class="kern-label" for="f-isPublic">
            {labels.isPublic}
          </label>
        </div>
        <div class="kern-hint" id="f-isPublic-hint">
          {t(p.publicNeedsReview ? 'progress.form.is_public_hint_review' : 'progress.form.is_public_hint')}
        </div>
        <FileField
          t={t}
          name="attachment"
          label={labels.attachment!}
          accept={acceptAttachments}
          hint={t('progress.form.attachment_hint')}
          error={attachmentError ? t(attachmentError.messageKey, attachmentError.params) : undefined}
        />
        <div class="actions">
          <Button>{t('progress.form.submit')}</Button>
          <a href={`${p.base}/massnahmen/${p.measure.id}`}>{t('form.cancel')}</a>
        </div>
      </form>
    </section>
  );
}


function TimelineItem(p: { t: T; update: MeasureUpdateRow; source: ProgressSource | undefined; rules: StatusRules; href: string }) {
  const { t, update: u } = p;
  const status = t(`measure_status.${u.status}`);
  let sourceNote: Child = null;
  if (p.source === 'implied') sourceNote = t('progress.source.implied', { status, progress: percent(u.progress) });
  else if (p.source === 'previous') sourceNote = t('progress.source.previous');
  else if (p.source === 'default') sourceNote = t('progress.source.default');
  return (
    <li>
      <h3 class="kern-heading-small">
        {formatDate('de', u.reportedOn)}: {status}, {percent(u.progress)}
      </h3>
      <p class="muted">
        {t('progress.updates.by', { name: u.authorName })} · {u.isPublic ? t('progress.updates.public') : t('progress.updates.internal')}
        {sourceNote ? <> · {sourceNote}</> : null}
      </p>
      {u.review === 'pending' ? <p class="review-note"><strong>{t('progress.updates.review_pending')}</strong></p> : null}
      {u.review === 'declined' ? (
        <p class="review-note">
          <strong>{t('progress.updates.review_declined')}</strong>
          {u.reviewNote ? <> · {t('progress.updates.review_declined_reason', { reason: u.reviewNote })}</> : null}
        </p>
      ) : null}
      {u.text.split(/\n\s*\n/).map((para) => (
        <p>{para}</p>
      ))}
      {u.attachmentName && u.attachmentSize != null ? (
        <p>
          <a href={p.href} download={u.attachmentName}>
            {t('progress.updates.attachment', { name: u.attachmentName, size: kb(u.attachmentSize) })}
          </a>
        </p>
      ) : null}
    </li>
  );
}
