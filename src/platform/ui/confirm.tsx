import type { Child } from 'hono/jsx';
import type { FieldError } from '../errors.js';
import type { T } from '../i18n/i18n.js';
import { Button, Csrf, ErrorSummary } from './form.js';

/*
 * Destructive actions (delete, remove, revoke, change an edition's status) never happen on one
 * click. The pattern, the same for every such action and without JavaScript:
 *   GET  <action URL>  → a confirmation page (ConfirmAction): what will happen, then one form
 *   POST <action URL>  → the command (the form carries _csrf and the version the page showed)
 * Lists and pages link to the GET with ConfirmLink instead of posting directly.
 */

/** A link that looks like a button and leads to the confirmation page of a destructive action. */
export function ConfirmLink(p: { href: string; label: string; context?: string; small?: boolean }) {
  return (
    <a href={p.href} class={`kern-btn kern-btn--secondary${p.small ? ' kern-btn--x-small' : ''}`}>
      <span class="kern-label">
        {p.label}
        {p.context ? <span class="visually-hidden"> {p.context}</span> : null}
      </span>
    </a>
  );
}

/**
 * The body of a confirmation page: the question as heading, what will happen (children), an
 * optional warning, then the POST form with hidden fields (always the `version` the user saw) and
 * optional controls (a date, an acknowledgement), the confirming button and a way back.
 */
export function ConfirmAction(p: {
  t: T;
  title: string;
  children?: Child;
  warning?: { title: string; body?: Child };
  action: string;
  csrfToken: string;
  fields?: Record<string, string>;
  controls?: Child;
  errors?: FieldError[];
  errorLabels?: Record<string, string>;
  confirmLabel: string;
  cancelHref: string;
}) {
  return (
    <div class="stack confirm-action">
      <h1 class="kern-heading-large">{p.title}</h1>
      {p.errors?.length ? <ErrorSummary t={p.t} errors={p.errors} labels={p.errorLabels ?? {}} /> : null}
      {p.children}
      {p.warning ? (
        <div class="kern-alert kern-alert--warning" role="alert">
          <div class="kern-alert__header">
            <span class="kern-title">{p.warning.title}</span>
          </div>
          {p.warning.body ? <div class="kern-alert__body">{p.warning.body}</div> : null}
        </div>
      ) : null}
      <form method="post" action={p.action} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        {Object.entries(p.fields ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {p.controls}
        <div class="actions">
          <Button>{p.confirmLabel}</Button>
          <a href={p.cancelHref}>{p.t('form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
