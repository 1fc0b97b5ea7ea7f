import type { T } from '../../../platform/i18n/i18n.js';
import { Button, Csrf, ErrorSummary, RadioGroup, SelectField, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import type { LiveFigure } from '../figures.js';
import { climateOptions, kindOptions } from './labels.js';
import { FigureList } from './parts.js';

export const paperLabels = (t: T): Record<string, string> => ({
  number: t('decisions.paper.number'),
  kind: t('decisions.paper.kind'),
  subject: t('decisions.paper.subject'),
  paperDate: t('decisions.paper.date'),
  leadOffice: t('decisions.paper.lead_office'),
  officeCode: t('decisions.paper.office_code'),
  clerk: t('decisions.paper.clerk'),
  fileReference: t('decisions.paper.file_reference'),
  visibility: t('decisions.paper.visibility'),
  editionId: t('decisions.paper.edition'),
  proposal: t('decisions.paper.proposal'),
  facts: t('decisions.paper.facts'),
  financialEffects: t('decisions.paper.financial_effects'),
  financialText: t('decisions.paper.financial_text'),
  financialAmount: t('decisions.paper.financial_amount'),
  climateImpact: t('decisions.paper.climate'),
  climateText: t('decisions.paper.climate_text'),
  signature: t('decisions.paper.signature'),
  version: t('decisions.paper.title'),
});

/** The Vorlage form: new (with the proposed number) or while in preparation. */
export function PaperForm(p: {
  t: T;
  csrfToken: string;
  action: string;
  form: FormState;
  editions: { id: string; title: string }[];
  figures: LiveFigure[];
  proposedNumber?: string;
  cancelHref: string;
}) {
  const { t, form } = p;
  return (
    <form method="post" action={p.action} class="stack" novalidate>
      <Csrf token={p.csrfToken} />
      {form.values.version != null ? <input type="hidden" name="version" value={String(form.values.version)} /> : null}
      <ErrorSummary t={t} errors={form.errors} labels={paperLabels(t)} />
      {p.proposedNumber !== undefined ? (
        <TextField t={t} form={form} name="number" label={t('decisions.paper.number')} hint={t('decisions.paper.number_hint', { number: p.proposedNumber })} />
      ) : null}
      <RadioGroup t={t} form={form} name="kind" label={t('decisions.paper.kind')} required options={kindOptions(t)} />
      <TextField t={t} form={form} name="subject" label={t('decisions.paper.subject')} required />
      <TextField t={t} form={form} name="paperDate" type="date" label={t('decisions.paper.date')} required />
      <SelectField t={t} form={form} name="editionId" label={t('decisions.paper.edition')} hint={t('decisions.paper.edition_hint')} emptyLabel={t('decisions.paper.no_edition')} options={p.editions.map((e) => ({ value: e.id, label: e.title }))} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('decisions.paper.header_legend')}</legend>
        <div class="stack">
          <TextField t={t} form={form} name="leadOffice" label={t('decisions.paper.lead_office')} />
          <TextField t={t} form={form} name="officeCode" label={t('decisions.paper.office_code')} hint={t('decisions.paper.office_code_hint')} />
          <TextField t={t} form={form} name="clerk" label={t('decisions.paper.clerk')} />
          <TextField t={t} form={form} name="fileReference" label={t('decisions.paper.file_reference')} />
          <RadioGroup
            t={t}
            form={form}
            name="visibility"
            label={t('decisions.paper.visibility')}
            hint={t('decisions.paper.visibility_hint')}
            required
            options={[
              { value: 'oeffentlich', label: t('decisions.paper.public') },
              { value: 'nichtoeffentlich', label: t('decisions.paper.not_public') },
            ]}
          />
        </div>
      </fieldset>
      <TextArea t={t} form={form} name="proposal" label={t('decisions.paper.proposal')} hint={t('decisions.paper.proposal_hint')} rows={4} />
      <TextArea t={t} form={form} name="facts" label={t('decisions.paper.facts')} hint={t('decisions.paper.facts_hint')} rows={16} />
      <FigureList t={t} figures={p.figures} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('decisions.paper.financial_legend')}</legend>
        <div class="stack">
          <RadioGroup
            t={t}
            form={form}
            name="financialEffects"
            label={t('decisions.paper.financial_effects')}
            required
            options={[
              { value: 'nein', label: t('decisions.no') },
              { value: 'ja', label: t('decisions.yes') },
            ]}
          />
          <TextArea t={t} form={form} name="financialText" label={t('decisions.paper.financial_text')} rows={3} />
          <TextField t={t} form={form} name="financialAmount" inputmode="decimal" label={t('decisions.paper.financial_amount')} hint={t('decisions.paper.financial_amount_hint')} />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t('decisions.paper.climate')}</legend>
        <div class="stack">
          <RadioGroup t={t} form={form} name="climateImpact" label={t('decisions.paper.climate_impact')} options={climateOptions(t)} />
          <TextArea t={t} form={form} name="climateText" label={t('decisions.paper.climate_text')} rows={3} />
        </div>
      </fieldset>
      <TextField t={t} form={form} name="signature" label={t('decisions.paper.signature')} hint={t('decisions.paper.signature_hint')} />
      <div class="actions">
        <Button>{t('decisions.paper.save')}</Button>
        <a href={p.cancelHref}>{t('form.cancel')}</a>
      </div>
    </form>
  );
}
