import { ConfirmLink } from '../../../platform/ui/confirm.js';
import type { T } from '../../../platform/i18n/i18n.js';
import { Button, CheckboxGroup, Csrf, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../../../platform/ui/form.js';
import { goalKinds } from '../schema.js';

export type ItemPath = 'leitlinien' | 'themenfelder' | 'ziele';

/** The form of a Leitlinie, Themenfeld or Ziel; which fields show depends on the kind. */
export function ItemForm(p: { t: T; kind: ItemPath; csrfToken: string; action: string; form: FormState; fields: { id: string; title: string }[]; cancelHref: string; deleteAction?: string }) {
  const { t, form } = p;
  const labels: Record<string, string> = {
    title: t('concept.item_title'),
    text: t('concept.guideline_text'),
    description: t('measure.description'),
    fieldId: t('measure.field'),
    kind: t('concept.goal_kind'),
    number: t('measure.number'),
  };
  const f = { t, form };
  return (
    <div class="stack">
      <form method="post" action={p.action} class="stack" novalidate>
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <Csrf token={p.csrfToken} />
        {form.values.version !== undefined ? <input type="hidden" name="version" value={String(form.values.version)} /> : null}
        {p.kind === 'ziele' ? (
          <>
            <SelectField {...f} name="fieldId" label={labels.fieldId!} required options={p.fields.map((x) => ({ value: x.id, label: x.title }))} />
            <SelectField {...f} name="kind" label={labels.kind!} required options={goalKinds.map((k) => ({ value: k, label: t(`goal_kind.${k}`) }))} />
            <TextField {...f} name="number" label={labels.number!} required />
          </>
        ) : null}
        <TextField {...f} name="title" label={labels.title!} required />
        {p.kind === 'leitlinien' ? <TextArea {...f} name="text" label={labels.text!} readability /> : <TextArea {...f} name="description" label={labels.description!} readability />}
        {p.kind === 'themenfelder' ? (
          <CheckboxGroup {...f} name="isCrossCutting" label={t('concept.cross_cutting')} options={[{ value: 'true', label: t('concept.is_cross_cutting') }]} />
        ) : null}
        <div class="actions">
          <Button>{t('form.save')}</Button>
          <a href={p.cancelHref}>{t('form.cancel')}</a>
        </div>
      </form>
      {p.deleteAction ? (
        <div class="stack">
          <p>{t(`concept.delete_hint_${p.kind}`)}</p>
          <div>
            <ConfirmLink href={p.deleteAction} label={t(`concept.delete_${p.kind}`)} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
