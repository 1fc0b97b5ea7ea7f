import { formatDate, type T } from '../../../platform/i18n/i18n.js';
import { ConfirmAction } from '../../../platform/ui/confirm.js';
import { CheckboxGroup, TextField, type FormState } from '../../../platform/ui/form.js';
import type { Edition } from '../../concepts/index.js';
import type { EditionStatus } from '../../concepts/schema.js';
import { losesPublicContent, type AdoptionImpact } from '../adoption.js';

/** What losing public content means, in numbers (only the parts that are not zero). */
function ImpactList(p: { t: T; impact: AdoptionImpact }) {
  const { t, impact } = p;
  const parts = [
    impact.measuresDropped ? t('fortschreibung.adopt.measures_dropped', { count: impact.measuresDropped }) : '',
    impact.publicUpdatesDropped ? t('fortschreibung.adopt.updates_dropped', { count: impact.publicUpdatesDropped }) : '',
    impact.attachmentsDropped ? t('fortschreibung.adopt.attachments_dropped', { count: impact.attachmentsDropped }) : '',
    impact.publicIndicatorsDropped ? t('fortschreibung.adopt.indicators_dropped', { count: impact.publicIndicatorsDropped }) : '',
    impact.valuesDropped ? t('fortschreibung.adopt.values_dropped', { count: impact.valuesDropped }) : '',
  ].filter(Boolean);
  return parts.length ? (
    <ul class="kern-list kern-list--bullet" data-impact="1">
      {parts.map((x) => (
        <li>{x}</li>
      ))}
    </ul>
  ) : null;
}

/**
 * Confirmation of a status change. Adopting names the edition it replaces on the public site and,
 * when published content would leave it (or the edition is no Fortschreibung of the adopted one),
 * says what and asks for an explicit acknowledgement.
 */
export function StatusConfirmPage(p: { t: T; base: string; csrfToken: string; edition: Edition; to: EditionStatus; impact: AdoptionImpact | null; form: FormState }) {
  const { t, edition, to, impact } = p;
  const editionHref = `${p.base}/fassungen/${edition.id}`;
  const loses = losesPublicContent(impact);
  const from = t(`edition_status.${edition.status}`);
  return (
    <ConfirmAction
      t={t}
      title={t('fortschreibung.status.title', { title: edition.title, to: t(`edition_status.${to}`) })}
      action={`${editionHref}/status`}
      csrfToken={p.csrfToken}
      fields={{ to, version: String(p.form.values.version ?? edition.version) }}
      errors={p.form.errors}
      errorLabels={{ adoptedOn: t('editions.adopted_on_label'), acceptLoss: t('fortschreibung.adopt.accept_legend'), to: t('editions.new_status') }}
      confirmLabel={t('fortschreibung.status.confirm', { to: t(`edition_status.${to}`) })}
      cancelHref={editionHref}
      warning={
        loses && impact
          ? {
              title: impact.linked ? t('fortschreibung.adopt.loss_title') : t('fortschreibung.adopt.unlinked_title', { current: impact.current.title }),
              body: (
                <>
                  <p>{t(impact.linked ? 'fortschreibung.adopt.loss_text' : 'fortschreibung.adopt.unlinked_text', { current: impact.current.title })}</p>
                  <ImpactList t={t} impact={impact} />
                  <p>{t('fortschreibung.adopt.loss_hint')}</p>
                </>
              ),
            }
          : undefined
      }
      controls={
        <>
          {to === 'beschlossen' ? (
            <TextField t={t} form={p.form} name="adoptedOn" label={t('editions.adopted_on_label')} type="date" required hint={t('editions.adopted_on_hint')} />
          ) : null}
          {loses ? (
            <CheckboxGroup t={t} form={p.form} name="acceptLoss" label={t('fortschreibung.adopt.accept_legend')} required options={[{ value: 'on', label: t('fortschreibung.adopt.accept_label') }]} />
          ) : null}
        </>
      }
    >
      <p>{t('fortschreibung.status.from_to', { from, to: t(`edition_status.${to}`) })}</p>
      <p>{t(`fortschreibung.status.means_${to}`, { current: impact?.current.title ?? '' })}</p>
      {edition.adoptedOn ? <p>{t('editions.adopted_on', { date: formatDate('de', edition.adoptedOn) })}</p> : null}
    </ConfirmAction>
  );
}

/** Confirmation of deleting a draft, or why it cannot be deleted. */
export function DeleteDraftPage(p: { t: T; base: string; csrfToken: string; edition: Edition; measures: number; blocker: string | null }) {
  const { t, edition } = p;
  const editionHref = `${p.base}/fassungen/${edition.id}`;
  if (p.blocker) {
    return (
      <div class="stack">
        <h1 class="kern-heading-large">{t('fortschreibung.delete.title', { title: edition.title })}</h1>
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-title">{p.blocker}</span>
          </div>
        </div>
        <p>
          <a href={editionHref}>{t('fortschreibung.delete.back', { title: edition.title })}</a>
        </p>
      </div>
    );
  }
  return (
    <ConfirmAction
      t={t}
      title={t('fortschreibung.delete.title', { title: edition.title })}
      action={`${editionHref}/loeschen`}
      csrfToken={p.csrfToken}
      fields={{ version: String(edition.version) }}
      confirmLabel={t('fortschreibung.delete.confirm')}
      cancelHref={editionHref}
    >
      <p>{t('fortschreibung.delete.text', { count: p.measures })}</p>
      <p>{t('fortschreibung.delete.audit')}</p>
    </ConfirmAction>
  );
}
