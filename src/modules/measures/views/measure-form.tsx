import type { T } from '../../../platform/i18n/i18n.js';
import { Button, CheckboxGroup, ChoiceList, Csrf, type OptionGroup, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import { actorKinds } from '../../actors/schema.js';
import { measureFieldLabels } from '../form-values.js';
import type { MeasureOptions } from '../options.js';
import { horizons, measureStatuses, priorities, sdgGoals } from '../schema.js';

/**
 * The full measure form (create and edit). Without a version it creates; with one it edits.
 * `contentLocked`: the edition went to the council, only the status may change (separate form).
 */
export function MeasureForm(p: { t: T; csrfToken: string; action: string; form: FormState; options: MeasureOptions; submitLabel: string; cancelHref: string }) {
  const { t, form, options } = p;
  const labels: Record<string, string> = {
    ...Object.fromEntries(measureFieldLabels.map(([f, k]) => [f, t(k)])),
    targetGroupIds: t('measure.target_groups'),
    targetGroups: t('measure_form.new_target_groups'),
  };
  const goalGroups = options.fields.map((f) => ({
    label: f.title,
    options: options.goals.filter((g) => g.fieldId === f.id).map((g) => ({ value: g.id, label: `${g.number} ${g.title}` })),
  }));
  const f = { t, form };
  return (
    <form method="post" action={p.action} class="stack" novalidate>
      <ErrorSummary t={t} errors={form.errors} labels={labels} />
      <Csrf token={p.csrfToken} />
      {form.values.version !== undefined ? <input type="hidden" name="version" value={String(form.values.version)} /> : null}
      <fieldset class="kern-fieldset">
        <legend class="kern-title">{t('measure_form.section_core')}</legend>
        <div class="stack">
          <TextField {...f} name="number" label={labels.number!} hint={t('measure_form.number_hint')} required />
          <TextField {...f} name="title" label={labels.title!} required />
          <TextArea {...f} name="description" label={labels.description!} rows={5} readability />
          <SelectField {...f} name="fieldId" label={labels.fieldId!} required emptyLabel={t('measure_form.choose')} options={options.fields.map((x) => ({ value: x.id, label: x.title }))} />
          <ChoiceList {...f} name="goalIds" label={labels.goalIds!} groups={goalGroups} />
          <ChoiceList {...f} name="targetGroupIds" label={labels.targetGroupIds!} groups={targetGroupGroups(t, options)} />
          <TextField {...f} name="targetGroups" label={labels.targetGroups!} hint={t('measure_form.new_target_groups_hint')} />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">{t('measure_form.section_actors')}</legend>
        <div class="stack">
          <SelectField {...f} name="leadActorId" label={labels.leadActorId!} emptyLabel={t('form.none')} options={actorOptions(t, options)} />
          <ChoiceList {...f} name="partnerActorIds" label={labels.partnerActorIds!} groups={actorGroups(t, options)} />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">{t('measure_form.section_plan')}</legend>
        <div class="stack">
          <SelectField {...f} name="horizon" label={labels.horizon!} required options={horizons.map((h) => ({ value: h, label: t(`horizon.${h}`) }))} />
          <TextField {...f} name="startDate" label={labels.startDate!} type="date" />
          <TextField {...f} name="endDate" label={labels.endDate!} type="date" />
          <SelectField {...f} name="priority" label={labels.priority!} required options={priorities.map((x) => ({ value: x, label: t(`priority.${x}`) }))} />
          <SelectField {...f} name="status" label={labels.status!} required options={measureStatuses.map((x) => ({ value: x, label: t(`measure_status.${x}`) }))} />
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-title">{t('measure.resources')}</legend>
        <div class="stack">
          <TextField {...f} name="staffFte" label={labels.staffFte!} inputmode="decimal" hint={t('measure_form.fte_hint')} />
          <TextField {...f} name="costEur" label={labels.costEur!} inputmode="decimal" />
          <TextField {...f} name="fundingSource" label={labels.fundingSource!} />
          <TextField {...f} name="indicator" label={labels.indicator!} />
          <TextField {...f} name="targetValue" label={labels.targetValue!} />
        </div>
      </fieldset>
      <CheckboxGroup {...f} name="crossCuttingIds" label={labels.crossCuttingIds!} options={options.crossCutting.map((x) => ({ value: x.id, label: x.title }))} />
      <CheckboxGroup {...f} name="sdgs" label={labels.sdgs!} options={sdgGoals.map((n) => ({ value: String(n), label: t(`sdg.${n}`) }))} />
      <CheckboxGroup {...f} name="municipalityIds" label={labels.municipalityIds!} hint={t('measure.municipalities_hint')} options={options.municipalities.map((x) => ({ value: x.id, label: x.name }))} />
      <TextArea {...f} name="internalNote" label={labels.internalNote!} hint={t('measure.internal_note_hint')} rows={3} />
      <div class="actions">
        <Button>{p.submitLabel}</Button>
        <a href={p.cancelHref}>{t('form.cancel')}</a>
      </div>
    </form>
  );
}

/** The vocabulary grouped by initial letter (200 entries stay scannable). */
function targetGroupGroups(t: T, options: MeasureOptions): OptionGroup[] {
  const groups = new Map<string, OptionGroup>();
  for (const g of options.targetGroups) {
    const letter = g.name.charAt(0).toLocaleUpperCase('de-DE');
    if (!groups.has(letter)) groups.set(letter, { label: t('measure_form.target_groups_letter', { letter }), options: [] });
    groups.get(letter)!.options.push({ value: g.id, label: g.name });
  }
  return [...groups.values()];
}

function actorOptions(t: T, options: MeasureOptions) {
  const order = new Map(actorKinds.map((k, i) => [k, i]));
  return [...options.actors]
    .sort((a, b) => (order.get(a.kind)! - order.get(b.kind)!) || a.name.localeCompare(b.name, 'de'))
    .map((a) => ({ value: a.id, label: `${a.name} (${t(`actor_kind.${a.kind}`)})` }));
}

/** The actors grouped by kind (Verwaltung, Schule, Verein …), each group sorted by name. */
function actorGroups(t: T, options: MeasureOptions): OptionGroup[] {
  return actorKinds
    .map((kind) => ({
      label: t(`actor_kind.${kind}`),
      options: options.actors
        .filter((a) => a.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .map((a) => ({ value: a.id, label: a.name })),
    }))
    .filter((g) => g.options.length > 0);
}
