import type { T } from '../../../../platform/i18n/i18n.js';
import { DataTable } from '../../../../platform/ui/components.js';
import { ConfirmLink } from '../../../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, SelectField, TextArea, TextField, type FormState } from '../../../../platform/ui/form.js';
import type { DuplicateSuggestion, TargetGroupUsage } from '../service.js';

interface Common {
  t: T;
  base: string;
  csrfToken: string;
  form: FormState;
}

const fieldLabels = (t: T) => ({ name: t('target_groups.name'), description: t('target_groups.description'), into: t('target_groups.merge_into') });

/** The vocabulary with usage counts, the likely duplicates and a form for a new entry. */
export function TargetGroupList(p: Common & { groups: TargetGroupUsage[]; suggestions: DuplicateSuggestion[] }) {
  const { t, base } = p;
  const unused = p.groups.filter((g) => g.measures === 0).length;
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('target_groups.title')}</h1>
      <p>{t('target_groups.intro', { count: p.groups.length, unused })}</p>
      {p.suggestions.length ? (
        <section aria-labelledby="duplicates-heading" class="stack">
          <h2 id="duplicates-heading" class="kern-heading-medium">
            {t('target_groups.duplicates')}
          </h2>
          <p>{t('target_groups.duplicates_intro')}</p>
          <DataTable caption={t('target_groups.duplicates')} headers={[t('target_groups.pair'), t('target_groups.why'), t('target_groups.merge')]}>
            {p.suggestions.map((s) => (
              <tr>
                <td>
                  „{s.a.name}“ ({t('target_groups.uses', { count: s.a.measures })}) · „{s.b.name}“ ({t('target_groups.uses', { count: s.b.measures })})
                </td>
                <td>{s.reason === 'stems' ? t('target_groups.why_stems') : t('target_groups.why_similar', { percent: Math.round(s.similarity * 100) })}</td>
                <td>
                  <span class="actions">
                    <a href={`${base}/${s.a.id}/zusammenfuehren?in=${s.b.id}`}>{t('target_groups.merge_pair', { from: s.a.name, into: s.b.name })}</a>
                    <a href={`${base}/${s.b.id}/zusammenfuehren?in=${s.a.id}`}>{t('target_groups.merge_pair', { from: s.b.name, into: s.a.name })}</a>
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      <section aria-labelledby="all-heading" class="stack">
        <h2 id="all-heading" class="kern-heading-medium">
          {t('target_groups.all')}
        </h2>
        <DataTable caption={t('target_groups.all')} headers={[t('target_groups.name'), t('target_groups.description'), t('target_groups.measures')]}>
          {p.groups.map((g) => (
            <tr>
              <td>
                <a href={`${base}/${g.id}`}>{g.name}</a>
              </td>
              <td>{g.description || '–'}</td>
              <td>{g.measures}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <form method="post" action={base} class="stack" novalidate aria-labelledby="new-heading">
        <h2 id="new-heading" class="kern-heading-medium">
          {t('target_groups.new')}
        </h2>
        <ErrorSummary t={t} errors={p.form.errors} labels={fieldLabels(t)} />
        <Csrf token={p.csrfToken} />
        <TextField t={t} form={p.form} name="name" label={t('target_groups.name')} required />
        <TextArea t={t} form={p.form} name="description" label={t('target_groups.description')} rows={2} />
        <div>
          <Button>{t('form.create')}</Button>
        </div>
      </form>
    </div>
  );
}

/** Rename or describe one entry; merge it into another; delete it when no measure names it. */
export function EditTargetGroup(p: Common & { group: TargetGroupUsage; others: TargetGroupUsage[] }) {
  const { t, base, group: g } = p;
  return (
    <div class="stack">
      <p class="muted">
        <a href={base}>{t('target_groups.title')}</a>
      </p>
      <h1 class="kern-heading-large">{g.name}</h1>
      <p>{t('target_groups.used_by', { count: g.measures })}</p>
      <form method="post" action={`${base}/${g.id}`} class="stack" novalidate aria-labelledby="rename-heading">
        <h2 id="rename-heading" class="kern-heading-medium">
          {t('target_groups.rename')}
        </h2>
        <ErrorSummary t={t} errors={p.form.errors} labels={fieldLabels(t)} />
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(p.form.values.version ?? g.version)} />
        <TextField t={t} form={p.form} name="name" label={t('target_groups.name')} hint={t('target_groups.rename_hint', { count: g.measures })} required />
        <TextArea t={t} form={p.form} name="description" label={t('target_groups.description')} rows={2} />
        <div class="actions">
          <Button>{t('form.save')}</Button>
          <a href={base}>{t('form.cancel')}</a>
        </div>
      </form>
      {p.others.length ? (
        <form method="get" action={`${base}/${g.id}/zusammenfuehren`} class="stack" aria-labelledby="merge-heading">
          <h2 id="merge-heading" class="kern-heading-medium">
            {t('target_groups.merge')}
          </h2>
          <SelectField
            t={t}
            form={{ values: {}, errors: [] }}
            name="in"
            label={t('target_groups.merge_into')}
            hint={t('target_groups.merge_hint', { name: g.name })}
            required
            emptyLabel={t('measure_form.choose')}
            options={p.others.map((o) => ({ value: o.id, label: `${o.name} (${t('target_groups.uses', { count: o.measures })})` }))}
          />
          <div>
            <Button variant="secondary">{t('target_groups.merge_next')}</Button>
          </div>
        </form>
      ) : null}
      <section aria-labelledby="delete-heading" class="stack">
        <h2 id="delete-heading" class="kern-heading-medium">
          {t('target_groups.delete')}
        </h2>
        {g.measures === 0 ? (
          <div>
            <ConfirmLink href={`${base}/${g.id}/loeschen`} label={t('target_groups.delete')} />
          </div>
        ) : (
          <p>{t('target_groups.delete_only_unused', { count: g.measures })}</p>
        )}
      </section>
    </div>
  );
}
