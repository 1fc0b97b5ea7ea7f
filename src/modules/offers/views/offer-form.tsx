import type { T } from '../../../platform/i18n/i18n.js';
import type { SimilarItem } from '../../../platform/similar-items.js';
import { CheckboxGroup, CheckOption, ChoiceList, Csrf, ErrorSummary, RadioGroup, SelectField, TextArea, TextField, selectedValues, type FormState } from '../../../platform/ui/form.js';
import { spokenLanguageCodes, spokenLanguageName } from '../../../platform/i18n/spoken-languages.js';
import { hoursField, monthWeeks, recurFrequencies, scheduleFormValues, slotsPerDay, weekdayCodes } from '../schedule-form.js';
import { barrierFreeValues, offerCategories, offerStatuses, scheduleKinds } from '../schema.js';
import type { OfferChoices, OfferWithLinks } from '../service.js';
import { weekdayName } from './schedule-text.js';

/** The form's values for a saved offer (booleans as ticked checkboxes, the schedule as its fields). */
export function offerFormValues(o: OfferWithLinks): Record<string, unknown> {
  const tick = (b: boolean) => (b ? 'on' : undefined);
  return {
    title: o.title, description: o.description, category: o.category, providerIds: o.providerIds, fieldIds: o.fieldIds,
    municipalityId: o.municipalityId ?? '', street: o.street, postalCode: o.postalCode, city: o.city,
    latitude: o.latitude == null ? '' : String(o.latitude).replace('.', ','), longitude: o.longitude == null ? '' : String(o.longitude).replace('.', ','),
    ...scheduleFormValues(o.schedule),
    temporarilyClosed: tick(o.temporarilyClosed), reopensOn: o.reopensOn ?? '', languages: o.languages, targetGroupIds: o.targetGroupIds,
    femaleContact: tick(o.femaleContact), maleContact: tick(o.maleContact), childcare: tick(o.childcare), barrierFree: o.barrierFree,
    free: tick(o.free), costNote: o.costNote, registrationRequired: tick(o.registrationRequired), website: o.website, status: o.status,
    verifiedOn: o.verifiedOn ?? '', published: tick(o.published), measureIds: o.measureIds, internalNote: o.internalNote, version: o.version,
  };
}

/** Defaults of a new offer. */
export const newOfferValues = (today: string): Record<string, unknown> => ({ category: 'beratung', scheduleKind: 'wiederkehrend', recurFrequency: 'weekly', barrierFree: 'unbekannt', status: 'aktiv', free: 'on', verifiedOn: today, languages: ['de'] });

export function fieldLabels(t: T): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const key of [
    'title', 'description', 'category', 'providerIds', 'fieldIds', 'municipalityId', 'street', 'postalCode', 'city', 'latitude', 'longitude',
    'scheduleKind', 'dateLines', 'recurFrequency', 'recurWeekdays', 'recurMonthWeek', 'recurRule', 'recurFirstDate', 'recurUntil', 'recurStart', 'recurEnd',
    'recurExceptions', 'temporarilyClosed', 'reopensOn', 'languages', 'targetGroupIds', 'femaleContact', 'maleContact', 'childcare', 'barrierFree', 'free',
    'costNote', 'registrationRequired', 'website', 'status', 'verifiedOn', 'published', 'measureIds', 'internalNote',
  ]) labels[key] = t(`offers.field.${key}`);
  for (let d = 1; d <= 7; d++) for (let s = 1; s <= slotsPerDay; s++) for (const edge of ['opens', 'closes'] as const) {
    labels[hoursField(d, s, edge)] = `${t('offers.field.hours_slot', { weekday: weekdayName('de', d), slot: s })} ${t(`offers.field.${edge}`)}`;
  }
  return labels;
}

function Checks(p: { t: T; form: FormState; legend: string; names: string[] }) {
  return (
    <fieldset class="kern-fieldset">
      <legend class="kern-label">{p.legend}</legend>
      <div class="kern-fieldset__body">
        {p.names.map((name) => (
          <CheckOption type="checkbox" name={name} id={`f-${name}`} option={{ value: 'on', label: p.t(`offers.field.${name}`) }} checked={selectedValues(p.form, name).has('on')} />
        ))}
      </div>
    </fieldset>
  );
}

function OpeningHours(p: { t: T; form: FormState }) {
  const value = (name: string) => String(p.form.values[name] ?? '');
  const invalid = (name: string) => p.form.errors.some((e) => e.field === name);
  return (
    <fieldset class="kern-fieldset" id="f-hours">
      <legend class="kern-label">
        {p.t('offers.field.hours')} <span class="kern-label__optional">{p.t('form.optional')}</span>
      </legend>
      <div class="kern-hint">{p.t('offers.field.hours_hint')}</div>
      <table class="kern-table opening-hours">
        <caption class="visually-hidden">{p.t('offers.field.hours')}</caption>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <tr>
              <th scope="row">{weekdayName('de', day)}</th>
              {Array.from({ length: slotsPerDay }, (_, i) => i + 1).map((slot) => (
                <td>
                  {(['opens', 'closes'] as const).map((edge) => {
                    const name = hoursField(day, slot, edge);
                    return (
                      <label class="opening-hours__time">
                        <span class="visually-hidden">{p.t('offers.field.hours_slot', { weekday: weekdayName('de', day), slot })} </span>
                        {p.t(`offers.field.${edge}`)}{' '}
                        <input class={`kern-form-input__input${invalid(name) ? ' kern-form-input__input--error' : ''}`} type="time" id={`f-${name}`} name={name} value={value(name)} aria-invalid={invalid(name) ? 'true' : undefined} />
                      </label>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/**
 * Every field of an offer, grouped as people think of it; plain HTML, no script needed. `partner`:
 * the form of a partner link (provider fixed, no links to the concept, nothing of the Verwaltung).
 */
export function OfferFields(p: { t: T; form: FormState; csrfToken: string; choices: OfferChoices; partner?: boolean }) {
  const { t, form, choices } = p;
  const f = { t, form };
  const options = (items: readonly string[], prefix: string) => items.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <>
      <ErrorSummary t={t} errors={form.errors} labels={fieldLabels(t)} />
      <Csrf token={p.csrfToken} />
      <h2 class="kern-heading-medium">{t('offers.section.basics')}</h2>
      <TextField {...f} name="title" label={t('offers.field.title')} required />
      <TextArea {...f} name="description" label={t('offers.field.description')} rows={5} readability />
      <SelectField {...f} name="category" label={t('offers.field.category')} required options={options(offerCategories, 'offers.category')} />
      {p.partner ? null : <ChoiceList {...f} name="providerIds" label={t('offers.field.providerIds')} hint={t('offers.field.providerIds_hint')} required groups={[{ label: t('offers.field.providerIds'), options: choices.actors.map((a) => ({ value: a.id, label: a.name })) }]} />}
      <CheckboxGroup {...f} name="languages" label={t('offers.field.languages')} options={spokenLanguageCodes.map((code) => ({ value: code, label: spokenLanguageName(code) }))} />
      <CheckboxGroup {...f} name="targetGroupIds" label={t('offers.field.targetGroupIds')} hint={t('offers.field.targetGroupIds_hint')} options={choices.targetGroups.map((g) => ({ value: g.id, label: g.name }))} />

      <h2 class="kern-heading-medium">{t('offers.section.place')}</h2>
      <SelectField {...f} name="municipalityId" label={t('offers.field.municipalityId')} emptyLabel={t('offers.county_wide')} options={choices.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
      <TextField {...f} name="street" label={t('offers.field.street')} autocomplete="street-address" />
      <TextField {...f} name="postalCode" label={t('offers.field.postalCode')} inputmode="numeric" autocomplete="postal-code" width="5" />
      <TextField {...f} name="city" label={t('offers.field.city')} />
      {p.partner ? null : <TextField {...f} name="latitude" label={t('offers.field.latitude')} hint={t('offers.field.coordinates_hint')} inputmode="decimal" />}
      {p.partner ? null : <TextField {...f} name="longitude" label={t('offers.field.longitude')} inputmode="decimal" />}

      <h2 class="kern-heading-medium">{t('offers.section.schedule')}</h2>
      <RadioGroup {...f} name="scheduleKind" label={t('offers.field.scheduleKind')} required options={options(scheduleKinds, 'offers.schedule_kind')} />
      <h3 class="kern-heading-small">{t('offers.schedule_kind.wiederkehrend')}</h3>
      <SelectField {...f} name="recurFrequency" label={t('offers.field.recurFrequency')} options={options(recurFrequencies, 'offers.frequency')} />
      <CheckboxGroup {...f} name="recurWeekdays" label={t('offers.field.recurWeekdays')} options={weekdayCodes.map((code, i) => ({ value: code, label: weekdayName('de', i + 1) }))} />
      <SelectField {...f} name="recurMonthWeek" label={t('offers.field.recurMonthWeek')} emptyLabel="" options={options(monthWeeks, 'offers.month_week')} />
      <TextField {...f} name="recurFirstDate" label={t('offers.field.recurFirstDate')} type="date" />
      <TextField {...f} name="recurStart" label={t('offers.field.recurStart')} type="time" />
      <TextField {...f} name="recurEnd" label={t('offers.field.recurEnd')} type="time" />
      <TextField {...f} name="recurUntil" label={t('offers.field.recurUntil')} type="date" />
      <TextArea {...f} name="recurExceptions" label={t('offers.field.recurExceptions')} hint={t('offers.field.recurExceptions_hint')} rows={3} />
      <TextField {...f} name="recurRule" label={t('offers.field.recurRule')} hint={t('offers.field.recurRule_hint')} />
      <h3 class="kern-heading-small">{t('offers.schedule_kind.termine')}</h3>
      <TextArea {...f} name="dateLines" label={t('offers.field.dateLines')} hint={t('offers.field.dateLines_hint')} rows={4} />
      <h3 class="kern-heading-small">{t('offers.schedule_kind.oeffnungszeiten')}</h3>
      <OpeningHours t={t} form={form} />
      <Checks t={t} form={form} legend={t('offers.detail.closed')} names={['temporarilyClosed']} />
      <TextField {...f} name="reopensOn" label={t('offers.field.reopensOn')} type="date" />

      <h2 class="kern-heading-medium">{t('offers.section.access')}</h2>
      <Checks t={t} form={form} legend={t('offers.options')} names={['femaleContact', 'maleContact', 'childcare', 'registrationRequired', 'free']} />
      <RadioGroup {...f} name="barrierFree" label={t('offers.field.barrierFree')} required options={options(barrierFreeValues, 'offers.barrier_free')} />
      <TextField {...f} name="costNote" label={t('offers.field.costNote')} hint={t('offers.field.costNote_hint')} />
      <TextField {...f} name="website" label={t('offers.field.website')} type="url" />

      {p.partner ? (
        <RadioGroup {...f} name="status" label={t('offers.field.status')} required options={options(offerStatuses, 'offers.status')} />
      ) : (
        <>
          <h2 class="kern-heading-medium">{t('offers.section.links')}</h2>
          <CheckboxGroup {...f} name="fieldIds" label={t('offers.field.fieldIds')} options={choices.fields.map((x) => ({ value: x.id, label: x.title }))} />
          <ChoiceList {...f} name="measureIds" label={t('offers.field.measureIds')} groups={[{ label: t('offers.field.measureIds'), options: choices.measures.map((m) => ({ value: m.id, label: `${m.number} ${m.title}` })) }]} />

          <h2 class="kern-heading-medium">{t('offers.section.admin')}</h2>
          <RadioGroup {...f} name="status" label={t('offers.field.status')} required options={options(offerStatuses, 'offers.status')} />
          <TextField {...f} name="verifiedOn" label={t('offers.field.verifiedOn')} type="date" />
          <Checks t={t} form={form} legend={t('offers.column.published')} names={['published']} />
          <TextArea {...f} name="internalNote" label={t('offers.field.internalNote')} hint={t('offers.field.internalNote_hint')} rows={3} />
        </>
      )}
    </>
  );
}

/**
 * The confirmation step before saving: offers that may be the same one, each with its score
 * and the reasons, so the person can open them, go back, or save anyway.
 */
export function SimilarOffersPanel(p: { t: T; base: string; similar: SimilarItem[] }) {
  const { t } = p;
  return (
    <section class="kern-alert kern-alert--warning stack" role="alert" aria-labelledby="similar-offers-heading">
      <div class="kern-alert__header">
        <h2 class="kern-title" id="similar-offers-heading">{t('offers.similar.title', { count: p.similar.length })}</h2>
      </div>
      <div class="kern-alert__body stack">
        <p>{t('offers.similar.intro')}</p>
        <ul>
          {p.similar.map((s) => (
            <li>
              <a href={`${p.base}/angebote/${s.id}`} target="_blank" rel="noopener">{s.title}</a> – {t('offers.similar.score', { score: Math.round(s.score * 100) })}:{' '}
              {s.reasons.map((r) => t(r.messageKey, r.params)).join(', ')}
            </li>
          ))}
        </ul>
        <p>{t('offers.similar.hint')}</p>
      </div>
    </section>
  );
}
