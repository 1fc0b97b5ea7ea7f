import type { Child } from 'hono/jsx';
import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate, formatDateTime, formatNumber } from '../../../platform/i18n/i18n.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Alert, DataTable, PostButton } from '../../../platform/ui/components.js';
import { Button, ButtonLink, Csrf, ErrorSummary, FileField, SelectField, TextField, type FormState } from '../../../platform/ui/form.js';
import { StatusBadge } from '../../measures/index.js';
import type { CouncilBody } from '../bodies.js';
import type { ConsultationRow } from '../consultations.js';
import { acceptPaperFiles, type PaperFileMeta } from '../files.js';
import type { FollowUp } from '../follow-ups.js';
import type { Paper } from '../papers.js';
import type { AdoptedMeasure } from '../queries.js';
import type { FrozenFigure } from '../schema.js';
import type { TimelineEntry } from '../timeline.js';
import { roleOptions, votesText } from './labels.js';
import { FactsText, Paragraphs } from './parts.js';

const date = (iso: string | null | undefined) => formatDate('de', iso);

export interface PaperPageData {
  paper: Paper;
  steps: ConsultationRow[];
  bodies: CouncilBody[];
  edition: { id: string; title: string; status: string } | undefined;
  figures: Record<string, FrozenFigure>;
  measures: AdoptedMeasure[];
  followUps: FollowUp[];
  versions: { version: number; createdAt: Date; savedByName: string }[];
  files: PaperFileMeta[];
  timeline: TimelineEntry[];
  canManage: boolean;
  deletable: boolean;
}

export const consultationLabels = (t: T): Record<string, string> => ({
  bodyId: t('decisions.consultation.body'),
  meetsOn: t('decisions.consultation.date'),
  role: t('decisions.consultation.role'),
  agendaNumber: t('decisions.consultation.agenda_number'),
});

/** Result and votes of a step: "beschlossen (einstimmig)". */
export const resultText = (t: T, c: ConsultationRow['consultation']) => {
  if (!c.result) return t('decisions.result.none');
  const votes = votesText(t, c);
  return votes ? `${t(`decisions.result.${c.result}`)} (${votes})` : t(`decisions.result.${c.result}`);
};

function Header(p: { t: T; base: string; d: PaperPageData }) {
  const { t, d } = p;
  const rows: [string, Child][] = [
    [t('decisions.paper.number'), d.paper.number],
    [t('decisions.paper.kind'), t(`decisions.kind.${d.paper.kind}`)],
    [t('decisions.paper.date'), date(d.paper.paperDate)],
    [t('decisions.paper.lead_office'), d.paper.leadOffice || '–'],
    [t('decisions.paper.clerk'), d.paper.clerk || '–'],
    [t('decisions.paper.file_reference'), d.paper.fileReference || '–'],
    [t('decisions.paper.visibility'), t(d.paper.isPublic ? 'decisions.paper.public' : 'decisions.paper.not_public')],
    [t('decisions.paper.state'), t(`decisions.state.${d.paper.state}`)],
  ];
  if (d.edition) rows.push([t('decisions.paper.edition'), <a href={`${p.base}/fassungen/${d.edition.id}`}>{d.edition.title}</a>]);
  return (
    <dl class="paper-header">
      {rows.map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Consultations(p: { t: T; base: string; csrfToken: string; d: PaperPageData; form: FormState }) {
  const { t, d, base } = p;
  return (
    <section class="stack" aria-labelledby="beratungsfolge">
      <h2 class="kern-heading-medium" id="beratungsfolge">
        {t('decisions.consultations.heading')}
      </h2>
      {d.steps.length ? (
        <DataTable
          caption={t('decisions.consultations.caption', { number: d.paper.number })}
          headers={[t('decisions.consultation.body'), t('decisions.consultation.date'), t('decisions.consultation.role'), t('decisions.consultation.result'), ...(d.canManage ? [t('decisions.actions')] : [])]}
        >
          {d.steps.map((s, i) => (
            <tr data-consultation={s.consultation.id}>
              <th scope="row">{s.body.name}</th>
              <td>
                {date(s.meeting.meetsOn)}
                {s.consultation.agendaNumber ? ` (${t('decisions.consultation.top', { number: s.consultation.agendaNumber })})` : ''}
              </td>
              <td>{t(`decisions.role.${s.consultation.role}`)}</td>
              <td>
                {resultText(t, s.consultation)}
                {s.consultation.decisionText ? <p class="kern-body prewrap">{s.consultation.decisionText}</p> : null}
              </td>
              {d.canManage ? (
                <td class="row-actions">
                  {d.paper.state === 'final' ? (
                    <a class="kern-link" href={`${base}/beratungen/${s.consultation.id}/ergebnis`}>
                      {t(s.consultation.result ? 'decisions.consultation.change_result' : 'decisions.consultation.record_result')}
                      <span class="visually-hidden"> {s.body.name}</span>
                    </a>
                  ) : null}
                  {!s.consultation.result ? (
                    <>
                      {i > 0 ? <PostButton action={`${base}/beratungen/${s.consultation.id}/verschieben`} csrfToken={p.csrfToken} fields={{ richtung: 'hoch' }} label={t('decisions.move_up')} context={s.body.name} /> : null}
                      {i < d.steps.length - 1 ? <PostButton action={`${base}/beratungen/${s.consultation.id}/verschieben`} csrfToken={p.csrfToken} fields={{ richtung: 'runter' }} label={t('decisions.move_down')} context={s.body.name} /> : null}
                      <ConfirmLink href={`${base}/beratungen/${s.consultation.id}/entfernen`} label={t('decisions.consultation.remove')} context={s.body.name} small />
                    </>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : (
        <p class="kern-body">{t('decisions.consultations.none')}</p>
      )}
      {d.canManage ? (
        d.bodies.length ? (
          <form method="post" action={`${base}/vorlagen/${d.paper.id}/beratungen`} class="stack" novalidate>
            <h3 class="kern-heading-small">{t('decisions.consultations.add')}</h3>
            <Csrf token={p.csrfToken} />
            <ErrorSummary t={t} errors={p.form.errors} labels={consultationLabels(t)} />
            <SelectField t={t} form={p.form} name="bodyId" label={t('decisions.consultation.body')} required emptyLabel={t('decisions.choose')} options={d.bodies.map((b) => ({ value: b.id, label: b.name }))} />
            <TextField t={t} form={p.form} name="meetsOn" type="date" label={t('decisions.consultation.date')} required />
            <SelectField t={t} form={p.form} name="role" label={t('decisions.consultation.role')} required options={roleOptions(t)} />
            <TextField t={t} form={p.form} name="agendaNumber" label={t('decisions.consultation.agenda_number')} />
            <div class="actions">
              <Button variant="secondary">{t('decisions.consultations.add_button')}</Button>
            </div>
          </form>
        ) : (
          <p class="kern-body">
            {t('decisions.consultations.no_bodies')} <a href={`${base}/gremien`}>{t('decisions.bodies.title')}</a>
          </p>
        )
      ) : null}
    </section>
  );
}

/** Beschlusskontrolle: the measures the decision adopted and how far they are today. */
export function AdoptedMeasuresTable(p: { t: T; measures: AdoptedMeasure[]; href: (m: AdoptedMeasure) => string | undefined }) {
  const { t } = p;
  const done = p.measures.filter((m) => m.status === 'umgesetzt' || m.status === 'verstetigt').length;
  return (
    <>
      <p class="kern-body">{t('decisions.control.summary', { count: p.measures.length, done })}</p>
      <DataTable caption={t('decisions.control.caption')} headers={[t('decisions.control.measure'), t('decisions.control.status'), t('decisions.control.progress')]}>
        {p.measures.map((m) => {
          const href = p.href(m);
          return (
            <tr>
              <th scope="row">{href ? <a href={href}>{`${m.number} ${m.title}`}</a> : `${m.number} ${m.title}`}</th>
              <td>
                <StatusBadge t={t} status={m.status} />
              </td>
              <td>{m.progress == null ? t('decisions.control.no_progress') : `${formatNumber('de', m.progress)} %`}</td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

export function PaperPage(p: { t: T; base: string; publicBase: string; csrfToken: string; d: PaperPageData; consultationForm: FormState; fileForm: FormState }) {
  const { t, d, base } = p;
  const path = `${base}/vorlagen/${d.paper.id}`;
  return (
    <div class="stack">
      <p class="kern-body">
        <a href={`${base}/vorlagen`}>{t('decisions.list.back')}</a>
      </p>
      <h1 class="kern-heading-x-large">{d.paper.subject}</h1>
      <p class="kern-body">{t('decisions.paper.subtitle', { kind: t(`decisions.kind.${d.paper.kind}`), number: d.paper.number })}</p>
      {!d.paper.isPublic ? <Alert variant="info" title={t('decisions.paper.not_public_note')} /> : null}
      <Header t={t} base={base} d={d} />
      {d.canManage ? (
        <div class="actions">
          {d.paper.state === 'entwurf' ? <ButtonLink href={`${path}/bearbeiten`}>{t('decisions.paper.edit')}</ButtonLink> : null}
          {d.paper.state === 'entwurf' ? <ConfirmLink href={`${path}/endgueltig`} label={t('decisions.paper.finalize')} /> : null}
          {d.deletable ? <ConfirmLink href={`${path}/loeschen`} label={t('decisions.paper.delete')} /> : null}
        </div>
      ) : null}
      <section class="stack" aria-labelledby="downloads">
        <h2 class="kern-heading-medium" id="downloads">
          {t('decisions.document.downloads')}
        </h2>
        <div class="actions">
          <ButtonLink href={`${path}/vorlage.docx`}>{t('decisions.document.docx')}</ButtonLink>
          <ButtonLink href={`${path}/vorlage.pdf`}>{t('decisions.document.pdf')}</ButtonLink>
        </div>
      </section>
      <Consultations t={t} base={base} csrfToken={p.csrfToken} d={d} form={p.consultationForm} />
      <section class="stack" aria-labelledby="beschlussvorschlag">
        <h2 class="kern-heading-medium" id="beschlussvorschlag">
          {t('decisions.paper.proposal')}
        </h2>
        {d.paper.proposal ? <Paragraphs text={d.paper.proposal} /> : <p class="kern-body muted">{t('decisions.empty')}</p>}
      </section>
      <section class="stack" aria-labelledby="sachverhalt">
        <h2 class="kern-heading-medium" id="sachverhalt">
          {t('decisions.paper.facts')}
        </h2>
        {d.paper.state === 'entwurf' && d.paper.facts.includes('{{') ? <p class="kern-body muted">{t('decisions.figures.live_note')}</p> : null}
        {d.paper.facts ? <FactsText t={t} text={d.paper.facts} figures={d.figures} /> : <p class="kern-body muted">{t('decisions.empty')}</p>}
      </section>
      <PaperEffects t={t} paper={d.paper} />
      <section class="stack" aria-labelledby="anlagen">
        <h2 class="kern-heading-medium" id="anlagen">
          {t('decisions.paper.attachments')}
        </h2>
        <Attachments t={t} path={path} d={d} />
        {d.canManage && d.paper.state === 'entwurf' ? <UploadForm t={t} path={path} csrfToken={p.csrfToken} form={p.fileForm} /> : null}
      </section>
      {d.paper.signature ? <p class="kern-body">{d.paper.signature}</p> : null}
      <section class="stack" aria-labelledby="beschlusskontrolle">
        <h2 class="kern-heading-medium" id="beschlusskontrolle">
          {t('decisions.control.heading')}
        </h2>
        {d.measures.length ? <AdoptedMeasuresTable t={t} measures={d.measures} href={(m) => `${base}/massnahmen/${m.id}`} /> : <p class="kern-body">{t('decisions.control.none')}</p>}
        {d.followUps.length ? (
          <>
            <h3 class="kern-heading-small">{t('decisions.follow_ups.heading')}</h3>
            <ul class="stack">
              {d.followUps.map((f) => (
                <li data-follow-up={f.id}>
                  {t(f.doneOn ? 'decisions.follow_ups.done_on' : 'decisions.follow_ups.due_on', { date: date(f.doneOn ?? f.dueOn) })}: {f.text}{' '}
                  {d.canManage && !f.doneOn ? (
                    <PostButton action={`${base}/beschlussauftraege/${f.id}/erledigt`} csrfToken={p.csrfToken} fields={{ version: String(f.version) }} label={t('decisions.follow_ups.mark_done')} context={f.text} />
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section class="stack" aria-labelledby="verlauf">
        <h2 class="kern-heading-medium" id="verlauf">
          {t('decisions.timeline.heading')}
        </h2>
        <ol class="timeline">
          {d.timeline.map((e) => (
            <li>
              <time datetime={e.at.toISOString()}>{formatDateTime('de', e.at)}</time> – {t(e.key, timelineParams(t, e.params))}
              {e.who ? ` (${e.who})` : ''}
            </li>
          ))}
        </ol>
        {d.versions.length > 1 ? (
          <p class="kern-body">
            {t('decisions.versions.count', { count: d.versions.length, date: formatDateTime('de', d.versions.at(-1)!.createdAt) })} <a href={`${path}/versionen`}>{t('decisions.versions.link')}</a>
          </p>
        ) : null}
      </section>
    </div>
  );
}

/** The paper's files (the concept edition once final, uploads); before that the edition by its title. */
function Attachments(p: { t: T; path: string; d: PaperPageData }) {
  const { t, d } = p;
  const removable = d.canManage && d.paper.state === 'entwurf';
  const showEdition = d.edition && !d.files.some((f) => f.name === d.edition!.title);
  if (!showEdition && d.files.length === 0) return <p class="kern-body muted">{t('decisions.files.none')}</p>;
  return (
    <ul>
      {showEdition ? <li>{t('decisions.files.edition_pending', { edition: d.edition!.title })}</li> : null}
      {d.files.map((f) => (
        <li data-file={f.id}>
          <a href={`${p.path}/dateien/${f.id}`}>{f.name}</a> ({fileTypeLabel(f.mimeType)}, {formatNumber('de', Math.max(1, Math.round(f.size / 1024)))} KB)
          {removable ? (
            <>
              {' '}
              <ConfirmLink href={`${p.path}/dateien/${f.id}/entfernen`} label={t('decisions.files.remove')} context={f.name} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const fileLabels = (t: T) => ({ datei: t('decisions.files.file'), name: t('decisions.files.name') });

function UploadForm(p: { t: T; path: string; csrfToken: string; form: FormState }) {
  const { t } = p;
  const fileError = p.form.errors.find((e) => e.field === 'datei');
  return (
    <form method="post" action={`${p.path}/dateien`} enctype="multipart/form-data" class="stack" novalidate>
      <h3 class="kern-heading-small">{t('decisions.files.add_heading')}</h3>
      {p.form.errors.length ? <ErrorSummary t={t} errors={p.form.errors} labels={fileLabels(t)} /> : null}
      <Csrf token={p.csrfToken} />
      <FileField t={t} name="datei" label={t('decisions.files.file')} hint={t('decisions.files.file_hint')} accept={acceptPaperFiles} required error={fileError ? t(fileError.messageKey, fileError.params) : undefined} />
      <TextField t={t} form={p.form} name="name" label={t('decisions.files.name')} hint={t('decisions.files.name_hint')} />
      <div class="actions">
        <Button variant="secondary">{t('decisions.files.add')}</Button>
      </div>
    </form>
  );
}

const fileTypeLabel = (mime: string) =>
  ({ 'application/pdf': 'PDF', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX', 'application/vnd.oasis.opendocument.text': 'ODT' })[mime] ?? mime;

const timelineParams = (t: T, params: Record<string, string | number>) => ({
  ...params,
  ...(typeof params.date === 'string' ? { date: date(params.date) } : {}),
  ...(typeof params.result === 'string' ? { result: t(`decisions.result.${params.result}`) } : {}),
  ...(typeof params.status === 'string' ? { status: t(`edition_status.${params.status}`) } : {}),
});

/** Effects on staff and finances, Klimarelevanz. */
export function PaperEffects(p: { t: T; paper: Paper }) {
  const { t, paper } = p;
  return (
    <>
      <section class="stack" aria-labelledby="finanzen">
        <h2 class="kern-heading-medium" id="finanzen">
          {t('decisions.paper.financial_legend')}
        </h2>
        <p class="kern-body">
          {t(paper.hasFinancialEffects ? 'decisions.paper.financial_yes' : 'decisions.paper.financial_no')}
          {paper.financialAmount != null ? ` ${t('decisions.paper.amount', { amount: formatNumber('de', Number(paper.financialAmount)) })}` : ''}
        </p>
        {paper.financialText ? <Paragraphs text={paper.financialText} /> : null}
      </section>
      <section class="stack" aria-labelledby="klima">
        <h2 class="kern-heading-medium" id="klima">
          {t('decisions.paper.climate')}
        </h2>
        <p class="kern-body">{paper.climateImpact ? t(`decisions.climate.${paper.climateImpact}`) : t('decisions.climate.none_given')}</p>
        {paper.climateText ? <Paragraphs text={paper.climateText} /> : null}
      </section>
    </>
  );
}
