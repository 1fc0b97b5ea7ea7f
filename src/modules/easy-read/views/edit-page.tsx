import type { FieldError } from '../../../platform/errors.js';
import { formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { ConfirmAction, ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, Csrf } from '../../../platform/ui/form.js';
import { ReadabilityFigure } from '../../../platform/ui/readability.js';
import { Paragraphs } from '../../../platform/ui/public-page.js';
import type { Edition } from '../../concepts/index.js';
import type { EasyText } from '../service.js';

/** A form whose save failed: its text and what went wrong, shown at that form. */
export interface EasyProblem {
  key: string;
  text: string;
  errors: FieldError[];
}

export const anchorOf = (x: { itemId: string }) => `ls-${x.itemId}`;
/** Below `…/leichte-sprache/<edition>`: the address of a text's removal (GET asks, POST removes). */
export const removePath = (x: { kind: string; itemId: string }) => `${x.kind}/${x.itemId}/entfernen`;
/** What the person reads of a text: the summary's name or the Themenfeld's title. */
export const headingOf = (t: T, x: EasyText) => (x.kind === 'edition' ? t('easy_read.edit.summary') : x.title);

/** The confirmation before a Leichte-Sprache text is removed: what happens, the text itself, then one POST with the version seen. */
export function EasyReadRemoveContent(p: { t: T; text: EasyText; action: string; csrfToken: string; cancelHref: string }) {
  const { t } = p;
  return (
    <ConfirmAction t={t} title={t('easy_read.remove.title', { title: headingOf(t, p.text) })} action={p.action} csrfToken={p.csrfToken} fields={{ version: String(p.text.version) }} confirmLabel={t('easy_read.remove.confirm')} cancelHref={p.cancelHref}>
      <p>{t('easy_read.remove.body')}</p>
      <h2 class="kern-heading-small">{t('easy_read.remove.text_heading')}</h2>
      <blockquote class="easy-read-lines">
        <Paragraphs text={p.text.text} />
      </blockquote>
    </ConfirmAction>
  );
}

/** The editor's page: each text of the chosen edition with its Leichte-Sprache version, one form each (works without JavaScript). */
export function EasyReadEditContent(p: { t: T; action: string; removeBase: string; csrfToken: string; editions: Edition[]; edition: Edition | undefined; texts: EasyText[]; publicHref: string; problem?: EasyProblem | undefined }) {
  const { t } = p;
  return (
    <>
      <h1 class="kern-heading-large">{t('easy_read.edit.title')}</h1>
      <p>{t('easy_read.edit.intro')}</p>
      <p class="kern-body kern-body--small">{t('easy_read.edit.rules')}</p>
      {p.editions.length > 1 ? (
        <form method="get" class="filters">
          <div class="kern-form-input">
            <label class="kern-label" for="ls-edition">{t('easy_read.edit.edition')}</label>
            <div class="kern-form-input__select-wrapper">
              <select class="kern-form-input__select" id="ls-edition" name="fassung">
                {p.editions.map((e) => (
                  <option value={e.id} selected={e.id === p.edition?.id}>{`${e.title} (${t(`edition_status.${e.status}`)})`}</option>
                ))}
              </select>
            </div>
          </div>
          <div>
            <Button variant="secondary">{t('easy_read.edit.choose')}</Button>
          </div>
        </form>
      ) : null}
      <p>
        <a href={p.publicHref}>{t('easy_read.edit.public_link')}</a>
      </p>
      {!p.edition ? <p>{t('easy_read.edit.no_edition')}</p> : null}
      {p.texts.map((x, i) => {
        const problem = p.problem?.key === x.key ? p.problem : undefined;
        const areaId = `ls-text-${i}`;
        const heading = headingOf(t, x);
        const error = problem?.errors[0];
        return (
          <section class="easy-read-edit stack" id={anchorOf(x)} aria-labelledby={`${areaId}-h`}>
            <h2 class="kern-heading-medium" id={`${areaId}-h`}>{heading}</h2>
            <p class="kern-body kern-body--small" data-state={x.state}>
              {t('easy_read.state.label')}: <strong>{t(`easy_read.state.${x.state}`)}</strong>
              {x.updatedAt ? ` · ${t('easy_read.edit.last_change', { name: x.updatedByName, date: formatDateTime('de', x.updatedAt) })}` : ''}
            </p>
            <details open={x.state !== 'current' || undefined}>
              <summary>{t('easy_read.edit.german')}</summary>
              {x.german.trim() ? <Paragraphs text={x.german} /> : <p>{t('easy_read.edit.german_empty')}</p>}
            </details>
            <form method="post" action={`${p.action}#${anchorOf(x)}`} class="stack" novalidate>
              <Csrf token={p.csrfToken} />
              <input type="hidden" name="key" value={x.key} />
              <input type="hidden" name="sourceHash" value={x.germanHash} />
              <input type="hidden" name="version" value={String(x.version)} />
              <div class="kern-form-input">
                <label class="kern-label" for={areaId}>
                  {x.kind === 'edition' ? t('easy_read.edit.text_label') : t('easy_read.edit.text_label_of', { title: x.title })}
                </label>
                {error ? (
                  <p class="kern-error" id={`${areaId}-error`} role="alert">
                    <span class="visually-hidden">{t('form.error_prefix')} </span>
                    {t(error.messageKey, error.params)}
                  </p>
                ) : null}
                <textarea class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} id={areaId} name="text" rows={8} required aria-invalid={error ? 'true' : undefined} aria-describedby={[error ? `${areaId}-error` : '', `${areaId}-readability`].filter(Boolean).join(' ')}>
                  {problem ? problem.text : x.text}
                </textarea>
                <ReadabilityFigure t={t} text={problem ? problem.text : x.text} areaId={areaId} />
              </div>
              <div class="actions">
                <Button>{t('easy_read.edit.save')}</Button>
                {x.version > 0 ? <ConfirmLink href={`${p.removeBase}/${removePath(x)}`} label={t('easy_read.remove.label')} context={heading} /> : null}
              </div>
            </form>
          </section>
        );
      })}
    </>
  );
}
