import type { Child } from 'hono/jsx';
import { ReadabilityFigure } from './readability.js';
import type { FieldError } from '../errors.js';
import type { T } from '../i18n/i18n.js';

/** What a form page needs to re-render after a failed submit: what was typed, what was wrong. */
export interface FormState {
  values: Record<string, unknown>;
  errors: FieldError[];
}
export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: [] });

const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
const errorOf = (t: T, errors: FieldError[], name: string) => {
  const e = errors.find((x) => x.field === name);
  return e ? t(e.messageKey, e.params) : undefined;
};
const str = (v: unknown) => (v == null ? '' : Array.isArray(v) ? v.join(', ') : String(v));

export function Csrf(p: { token: string }) {
  return <input type="hidden" name="_csrf" value={p.token} />;
}

/** GOV.UK-style error summary: focusable, lists every problem with a link to its field. */
export function ErrorSummary(p: { t: T; errors: FieldError[]; labels: Record<string, string> }) {
  if (p.errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" tabindex={-1} id="error-summary">
      <div class="kern-alert__header">
        <h2 class="kern-title">{p.t('form.error_summary_title')}</h2>
      </div>
      <div class="kern-alert__body">
        <ul>
          {p.errors.map((e) => (
            <li>
              <a href={`#${fieldId(e.field)}`}>
                {p.labels[e.field] ? `${p.labels[e.field]}: ` : ''}
                {p.t(e.messageKey, e.params)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

interface FieldProps {
  t: T;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Replaces "(optional)" where a field is required only sometimes, e.g. "(für Partner erforderlich)". */
  requirement?: string;
}

function FieldFrame(p: FieldProps & { children: Child; error: string | undefined }) {
  const id = fieldId(p.name);
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>
        {p.label}
        {p.required ? null : <span class="kern-label__optional"> {p.requirement ?? p.t('form.optional')}</span>}
      </label>
      {p.hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {p.error ? (
        <p class="kern-error" id={`${id}-error`}>
          <span class="visually-hidden">{p.t('form.error_prefix')} </span>
          {p.error}
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

const describedBy = (p: { name: string; hint?: string }, error: string | undefined) =>
  [p.hint ? `${fieldId(p.name)}-hint` : '', error ? `${fieldId(p.name)}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(p: FieldProps & { type?: string; autocomplete?: string; inputmode?: string; width?: string }) {
  const error = errorOf(p.t, p.form.errors, p.name);
  return (
    <FieldFrame {...p} error={error}>
      <input
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(p.name)}
        name={p.name}
        type={p.type ?? 'text'}
        value={str(p.form.values[p.name])}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p, error)}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode as any}
      />
    </FieldFrame>
  );
}

/** A text area; `readability` shows the readability figure under it (public texts, see ReadabilityFigure). */
export function TextArea(p: FieldProps & { rows?: number; readability?: boolean }) {
  const error = errorOf(p.t, p.form.errors, p.name);
  return (
    <FieldFrame {...p} error={error}>
      <textarea
        class={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        id={fieldId(p.name)}
        name={p.name}
        rows={p.rows ?? 4}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p, error)}
      >
        {str(p.form.values[p.name])}
      </textarea>
      {p.readability ? <ReadabilityFigure t={p.t} text={str(p.form.values[p.name])} areaId={fieldId(p.name)} /> : null}
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(p: FieldProps & { options: Option[]; groups?: { label: string; options: Option[] }[]; multiple?: boolean; emptyLabel?: string }) {
  const error = errorOf(p.t, p.form.errors, p.name);
  const selected = selectedValues(p.form, p.name);
  return (
    <FieldFrame {...p} error={error}>
      <div class={p.multiple ? undefined : 'kern-form-input__select-wrapper'}>
        <select
          class={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          id={fieldId(p.name)}
          name={p.name}
          multiple={p.multiple}
          size={p.multiple ? 8 : undefined}
          required={p.required}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(p, error)}
        >
          {p.emptyLabel !== undefined ? <option value="">{p.emptyLabel}</option> : null}
          {p.options.map((o) => (
            <option value={o.value} selected={selected.has(o.value)}>
              {o.label}
            </option>
          ))}
          {p.groups?.map((g) => (
            <optgroup label={g.label}>
              {g.options.map((o) => (
                <option value={o.value} selected={selected.has(o.value)}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

/** A group of checkboxes in a fieldset with a legend (the accessible name of the group). */
export const CheckboxGroup = (p: FieldProps & { options: Option[] }) => ChoiceGroup({ ...p, type: 'checkbox' });

/** One choice out of a few, as radio buttons in a fieldset with a legend. */
export const RadioGroup = (p: FieldProps & { options: Option[] }) => ChoiceGroup({ ...p, type: 'radio' });

export interface OptionGroup {
  label: string;
  options: Option[];
}

/**
 * Many choices (e.g. 66 Ziele, 64 Akteure): checkboxes in a scrolling box, grouped, with a
 * filter field that /assets/choice-filter.js reveals and drives. Without the script it is a
 * plain checkbox list, which works with keyboard and screen readers as it is.
 */
export const ChoiceList = (p: FieldProps & { groups: OptionGroup[] }) =>
  ChoiceGroup({ ...p, type: 'checkbox', options: [], groups: p.groups, filterLabel: p.t('form.choice_filter', { label: p.label }) });

function ChoiceGroup(p: FieldProps & { options: Option[]; type: 'checkbox' | 'radio'; groups?: OptionGroup[]; filterLabel?: string }) {
  const error = errorOf(p.t, p.form.errors, p.name);
  const checked = selectedValues(p.form, p.name);
  const id = fieldId(p.name);
  let index = 0;
  const option = (o: Option) => <CheckOption type={p.type} name={p.name} id={`${id}-${index++}`} option={o} checked={checked.has(o.value)} />;
  return (
    <fieldset class="kern-fieldset" id={id} aria-describedby={describedBy(p, error)} data-choice-filter={p.filterLabel ? '' : undefined} data-count-text={p.filterLabel ? p.t('form.choice_count') : undefined}>
      <legend class="kern-label">
        {p.label}
        {p.required ? null : <span class="kern-label__optional"> {p.requirement ?? p.t('form.optional')}</span>}
      </legend>
      {p.hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {p.hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {p.filterLabel ? (
        <div class="kern-form-input choice-filter" hidden>
          <label class="kern-label" for={`${id}-filter`}>
            {p.filterLabel}
          </label>
          <input class="kern-form-input__input" type="search" id={`${id}-filter`} autocomplete="off" aria-controls={`${id}-choices`} />
          <p class="kern-hint" aria-live="polite" data-choice-count></p>
        </div>
      ) : null}
      {p.groups ? (
        <div class="choice-list" id={`${id}-choices`}>
          {p.groups.map((g) => (
            <div class="choice-list__group" role="group" aria-label={g.label}>
              <p class="choice-list__heading" aria-hidden="true">
                {g.label}
              </p>
              {g.options.map(option)}
            </div>
          ))}
        </div>
      ) : (
        <div class="kern-fieldset__body kern-fieldset__body--horizontal">{p.options.map(option)}</div>
      )}
    </fieldset>
  );
}

/** One checkbox or radio button with its label (KERN's form-check). */
export function CheckOption(p: { type: 'checkbox' | 'radio'; name: string; id: string; option: Option; checked: boolean }) {
  return (
    <div class="kern-form-check">
      <input class={`kern-form-check__${p.type}`} type={p.type} id={p.id} name={p.name} value={p.option.value} checked={p.checked} />
      <label class="kern-label" for={p.id}>
        {p.option.label}
      </label>
    </div>
  );
}

/** The values a form holds for a multi-value field, as strings. */
export const selectedValues = (form: FormState, name: string) => {
  const raw = form.values[name];
  return new Set((Array.isArray(raw) ? raw : raw == null ? [] : [raw]).map(String));
};

export function Button(p: { children: Child; variant?: 'primary' | 'secondary' | 'tertiary'; small?: boolean; name?: string; value?: string; type?: 'submit' | 'button' }) {
  return (
    <button
      type={p.type ?? 'submit'}
      name={p.name}
      value={p.value}
      class={`kern-btn kern-btn--${p.variant ?? 'primary'}${p.small ? ' kern-btn--x-small' : ''}`}
    >
      <span class="kern-label">{p.children}</span>
    </button>
  );
}

/** A link that looks like a button (for GET navigation to a form). */
export function ButtonLink(p: { href: string; children: Child; variant?: 'primary' | 'secondary' | 'tertiary' }) {
  return (
    <a href={p.href} class={`kern-btn kern-btn--${p.variant ?? 'secondary'}`}>
      <span class="kern-label">{p.children}</span>
    </a>
  );
}

/** What spreadsheet uploads accept (measure tables, status tables, indicator values). */
export const acceptSpreadsheets = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** A labelled file input; `error` is the message already in words (uploads fail as a whole). */
export function FileField(p: { t: T; name: string; label: string; hint?: string; error?: string | undefined; accept: string; required?: boolean }) {
  return (
    <FieldFrame t={p.t} form={emptyForm()} name={p.name} label={p.label} hint={p.hint} required={p.required} error={p.error}>
      <input
        class={`kern-form-input__input${p.error ? ' kern-form-input__input--error' : ''}`}
        type="file"
        id={fieldId(p.name)}
        name={p.name}
        accept={p.accept}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p, p.error)}
      />
    </FieldFrame>
  );
}
