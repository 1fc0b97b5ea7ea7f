import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Alert, DataTable } from '../../../platform/ui/components.js';
import { Button, ButtonLink, CheckboxGroup, Csrf, ErrorSummary, RadioGroup, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import type { AdoptionImpact } from '../../fortschreibung/index.js';
import type { CouncilBody } from '../bodies.js';
import type { ConsultationRow } from '../consultations.js';
import type { Paper } from '../papers.js';
import { bodyKindOptions, resultOptions } from './labels.js';
import { resultText } from './paper-page.js';

const date = (iso: string | null | undefined) => formatDate('de', iso);

/** The Vorlagen of the Kommune, newest first, with where each stands. */
export function PaperListPage(p: { t: T; base: string; papers: { paper: Paper; status: string }[]; canManage: boolean }) {
  const { t, base } = p;
  return (
    <div class="stack">
      <h1 class="kern-heading-x-large">{t('decisions.list.title')}</h1>
      <p class="kern-body">{t('decisions.list.intro')}</p>
      {p.canManage ? (
        <div class="actions">
          <ButtonLink href={`${base}/vorlagen/neu`}>{t('decisions.list.new')}</ButtonLink>
          <ButtonLink href={`${base}/gremien`} variant="secondary">
            {t('decisions.bodies.title')}
          </ButtonLink>
          <ButtonLink href={`${base}/einstellungen/vorlagen`} variant="secondary">
            {t('decisions.settings.title')}
          </ButtonLink>
        </div>
      ) : null}
      {p.papers.length ? (
        <DataTable caption={t('decisions.list.caption')} headers={[t('decisions.paper.number'), t('decisions.paper.subject'), t('decisions.paper.date'), t('decisions.list.status')]}>
          {p.papers.map(({ paper, status }) => (
            <tr>
              <td>{paper.number}</td>
              <th scope="row">
                <a href={`${base}/vorlagen/${paper.id}`}>{paper.subject}</a>
                {paper.isPublic ? '' : ` (${t('decisions.paper.not_public')})`}
              </th>
              <td>{date(paper.paperDate)}</td>
              <td>{status}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p class="kern-body">{t('decisions.list.none')}</p>
      )}
    </div>
  );
}

export const resultLabels = (t: T): Record<string, string> => ({
  result: t('decisions.consultation.result'),
  unanimous: t('decisions.votes.unanimous_label'),
  votesYes: t('decisions.votes.yes_label'),
  votesNo: t('decisions.votes.no_label'),
  votesAbstain: t('decisions.votes.abstain_label'),
  decisionText: t('decisions.consultation.decision_text'),
  acceptLoss: t('decisions.result.accept_loss'),
  version: t('decisions.consultation.result'),
});

/** The result form of one step; for the deciding step it says what the result does to the edition. */
export function ResultPage(p: {
  t: T;
  base: string;
  csrfToken: string;
  paper: Paper;
  step: ConsultationRow;
  form: FormState;
  adopts: { editionTitle: string; currentTitle: string | undefined; impact: AdoptionImpact | null; losesContent: boolean } | undefined;
}) {
  const { t, form, step } = p;
  return (
    <div class="stack">
      <p class="kern-body">
        <a href={`${p.base}/vorlagen/${p.paper.id}`}>{t('decisions.result.back', { number: p.paper.number })}</a>
      </p>
      <h1 class="kern-heading-x-large">{t('decisions.result.title', { body: step.body.name, date: date(step.meeting.meetsOn) })}</h1>
      <p class="kern-body">
        {p.paper.number} {p.paper.subject} · {t(`decisions.role.${step.consultation.role}`)}
        {step.consultation.result ? ` · ${t('decisions.result.current', { result: resultText(t, step.consultation) })}` : ''}
      </p>
      {p.adopts ? (
        <Alert variant="warning" title={t('decisions.result.adopts_title')}>
          <p class="kern-body">
            {p.adopts.currentTitle
              ? t('decisions.result.adopts_replacing', { edition: p.adopts.editionTitle, current: p.adopts.currentTitle })
              : t('decisions.result.adopts', { edition: p.adopts.editionTitle })}
          </p>
          {p.adopts.losesContent && p.adopts.impact ? (
            <p class="kern-body">
              {t('decisions.result.loses', {
                updates: p.adopts.impact.publicUpdatesDropped,
                attachments: p.adopts.impact.attachmentsDropped,
                indicators: p.adopts.impact.publicIndicatorsDropped,
                measures: p.adopts.impact.measuresDropped,
              })}
            </p>
          ) : null}
        </Alert>
      ) : null}
      <form method="post" action={`${p.base}/beratungen/${step.consultation.id}/ergebnis`} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? step.consultation.version)} />
        <ErrorSummary t={t} errors={form.errors} labels={resultLabels(t)} />
        <RadioGroup t={t} form={form} name="result" label={t('decisions.consultation.result')} required options={resultOptions(t)} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('decisions.votes.legend')}</legend>
          <div class="stack">
            <CheckboxGroup t={t} form={form} name="unanimous" label={t('decisions.votes.unanimous_legend')} options={[{ value: 'on', label: t('decisions.votes.unanimous_label') }]} />
            <TextField t={t} form={form} name="votesYes" inputmode="numeric" label={t('decisions.votes.yes_label')} />
            <TextField t={t} form={form} name="votesNo" inputmode="numeric" label={t('decisions.votes.no_label')} />
            <TextField t={t} form={form} name="votesAbstain" inputmode="numeric" label={t('decisions.votes.abstain_label')} />
          </div>
        </fieldset>
        <TextArea t={t} form={form} name="decisionText" label={t('decisions.consultation.decision_text')} hint={t('decisions.consultation.decision_text_hint')} rows={6} />
        {p.adopts?.losesContent ? (
          <CheckboxGroup t={t} form={form} name="acceptLoss" label={t('fortschreibung.adopt.accept_legend')} required options={[{ value: 'on', label: t('decisions.result.accept_loss') }]} />
        ) : null}
        <div class="actions">
          <Button>{t('decisions.result.save')}</Button>
          <a href={`${p.base}/vorlagen/${p.paper.id}`}>{t('form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}

export const bodyLabels = (t: T): Record<string, string> => ({ name: t('decisions.body.name'), shortName: t('decisions.body.short_name'), kind: t('decisions.body.kind'), version: t('decisions.body.name') });

/** Gremien of the Kommune with the form for a new one (or the one being edited). */
export function BodiesPage(p: { t: T; base: string; csrfToken: string; bodies: CouncilBody[]; form: FormState; editing: CouncilBody | undefined; canManage: boolean }) {
  const { t, base, form } = p;
  return (
    <div class="stack">
      <p class="kern-body">
        <a href={`${base}/vorlagen`}>{t('decisions.list.back')}</a>
      </p>
      <h1 class="kern-heading-x-large">{t('decisions.bodies.title')}</h1>
      <p class="kern-body">{t('decisions.bodies.intro')}</p>
      {p.bodies.length ? (
        <DataTable caption={t('decisions.bodies.caption')} headers={[t('decisions.body.name'), t('decisions.body.short_name'), t('decisions.body.kind'), ...(p.canManage ? [t('decisions.actions')] : [])]}>
          {p.bodies.map((b) => (
            <tr>
              <th scope="row">{b.name}</th>
              <td>{b.shortName || '–'}</td>
              <td>{t(`decisions.body_kind.${b.kind}`)}</td>
              {p.canManage ? (
                <td class="row-actions">
                  <a class="kern-link" href={`${base}/gremien/${b.id}/bearbeiten`}>
                    {t('decisions.edit')}
                    <span class="visually-hidden"> {b.name}</span>
                  </a>
                  <ConfirmLink href={`${base}/gremien/${b.id}/loeschen`} label={t('decisions.delete')} context={b.name} small />
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : (
        <p class="kern-body">{t('decisions.bodies.none')}</p>
      )}
      {p.canManage ? (
        <form method="post" action={p.editing ? `${base}/gremien/${p.editing.id}/bearbeiten` : `${base}/gremien`} class="stack" novalidate>
          <h2 class="kern-heading-medium">{p.editing ? t('decisions.bodies.edit', { name: p.editing.name }) : t('decisions.bodies.new')}</h2>
          <Csrf token={p.csrfToken} />
          {p.editing ? <input type="hidden" name="version" value={String(form.values.version ?? p.editing.version)} /> : null}
          <ErrorSummary t={t} errors={form.errors} labels={bodyLabels(t)} />
          <TextField t={t} form={form} name="name" label={t('decisions.body.name')} required />
          <TextField t={t} form={form} name="shortName" label={t('decisions.body.short_name')} />
          <RadioGroup t={t} form={form} name="kind" label={t('decisions.body.kind')} required options={bodyKindOptions(t)} />
          <div class="actions">
            <Button>{t('decisions.body.save')}</Button>
            {p.editing ? <a href={`${base}/gremien`}>{t('form.cancel')}</a> : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}

export const settingsLabels = (t: T): Record<string, string> => ({
  numberFormat: t('decisions.settings.number_format'),
  officeCode: t('decisions.settings.office_code'),
  leadOffice: t('decisions.settings.lead_office'),
  inhabitants: t('decisions.settings.inhabitants'),
  inhabitantsAsOf: t('decisions.settings.inhabitants_as_of'),
  inhabitantsSource: t('decisions.settings.inhabitants_source'),
  foreignNationals: t('decisions.settings.foreign_nationals'),
  foreignNationalsAsOf: t('decisions.settings.foreign_nationals_as_of'),
  foreignNationalsSource: t('decisions.settings.foreign_nationals_source'),
  version: t('decisions.settings.title'),
});

export function SettingsPage(p: { t: T; base: string; csrfToken: string; form: FormState; example: string }) {
  const { t, form } = p;
  return (
    <div class="stack">
      <h1 class="kern-heading-x-large">{t('decisions.settings.title')}</h1>
      <form method="post" action={`${p.base}/einstellungen/vorlagen`} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? 0)} />
        <ErrorSummary t={t} errors={form.errors} labels={settingsLabels(t)} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('decisions.settings.numbers_legend')}</legend>
          <div class="stack">
            <TextField t={t} form={form} name="numberFormat" label={t('decisions.settings.number_format')} hint={t('decisions.settings.number_format_hint', { example: p.example })} required />
            <TextField t={t} form={form} name="officeCode" label={t('decisions.settings.office_code')} hint={t('decisions.settings.office_code_hint')} />
            <TextField t={t} form={form} name="leadOffice" label={t('decisions.settings.lead_office')} />
          </div>
        </fieldset>
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('decisions.settings.figures_legend')}</legend>
          <div class="stack">
            <p class="kern-body">{t('decisions.settings.figures_intro')}</p>
            <TextField t={t} form={form} name="inhabitants" inputmode="numeric" label={t('decisions.settings.inhabitants')} />
            <TextField t={t} form={form} name="inhabitantsAsOf" type="date" label={t('decisions.settings.inhabitants_as_of')} />
            <TextField t={t} form={form} name="inhabitantsSource" label={t('decisions.settings.inhabitants_source')} />
            <TextField t={t} form={form} name="foreignNationals" inputmode="numeric" label={t('decisions.settings.foreign_nationals')} />
            <TextField t={t} form={form} name="foreignNationalsAsOf" type="date" label={t('decisions.settings.foreign_nationals_as_of')} />
            <TextField t={t} form={form} name="foreignNationalsSource" label={t('decisions.settings.foreign_nationals_source')} />
          </div>
        </fieldset>
        <div class="actions">
          <Button>{t('decisions.settings.save')}</Button>
        </div>
      </form>
    </div>
  );
}
