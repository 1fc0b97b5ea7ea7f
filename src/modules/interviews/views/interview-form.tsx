import type { Ctx } from '../../../platform/http/env.js';
import { ChoiceList, Csrf, ErrorSummary, SelectField, TextArea, TextField, emptyForm, type FormState, type OptionGroup } from '../../../platform/ui/form.js';
import type { Interview } from '../service.js';

export interface InterviewOptions {
  municipalities: { id: string; name: string }[];
  actors: OptionGroup[];
  measures: OptionGroup[];
}

export const interviewFormOf = (i: Interview, links: { actors: { id: string }[]; measures: { id: string }[] }) =>
  emptyForm({
    title: i.title, heldOn: i.heldOn, municipalityId: i.municipalityId ?? '', participants: i.participants, themes: i.themes, findings: i.findings,
    conflictPotential: i.conflictPotential, actorIds: links.actors.map((a) => a.id), measureIds: links.measures.map((m) => m.id), version: i.version,
  });

/** The fields of an interview note: when and where, who, what was talked about and found. */
export function InterviewFields(p: { c: Ctx; form: FormState; options: InterviewOptions }) {
  const t = p.c.get('t');
  const f = { t, form: p.form };
  const labels: Record<string, string> = {
    title: t('interviews.field_title'), heldOn: t('interviews.held_on'), municipalityId: t('interviews.municipality'), participants: t('interviews.participants'),
    actorIds: t('interviews.actors'), themes: t('interviews.themes'), findings: t('interviews.findings'), conflictPotential: t('interviews.conflict_potential'),
    measureIds: t('interviews.measures'),
  };
  return (
    <>
      <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
      <Csrf token={p.c.get('csrfToken')} />
      <TextField {...f} name="title" label={labels.title!} hint={t('interviews.field_title_hint')} required />
      <TextField {...f} name="heldOn" label={labels.heldOn!} type="date" required />
      <SelectField {...f} name="municipalityId" label={labels.municipalityId!} emptyLabel={t('interviews.whole_county')} options={p.options.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
      <TextArea {...f} name="participants" label={labels.participants!} hint={t('interviews.participants_hint')} rows={3} />
      <ChoiceList {...f} name="actorIds" label={labels.actorIds!} groups={p.options.actors} />
      <TextField {...f} name="themes" label={labels.themes!} hint={t('interviews.themes_hint')} />
      <TextArea {...f} name="findings" label={labels.findings!} rows={6} required />
      <TextArea {...f} name="conflictPotential" label={labels.conflictPotential!} hint={t('interviews.conflict_potential_hint')} rows={3} />
      <ChoiceList {...f} name="measureIds" label={labels.measureIds!} hint={t('interviews.measures_hint')} groups={p.options.measures} />
    </>
  );
}
