import type { Child } from 'hono/jsx';
import { Csrf } from './form.js';

/**
 * A data table the same way everywhere: scrolls sideways on small screens, has a caption (the
 * table's accessible name; visually hidden when a heading above already says it) and column
 * headers with scope. Rows come as children.
 */
export function DataTable(p: { caption: string; showCaption?: boolean; headers: string[]; children: Child; wide?: boolean }) {
  // A table wider than the page scrolls sideways: keyboard users reach that region by Tab (WCAG 2.1.1, axe scrollable-region-focusable).
  return (
    <div class="table-scroll" {...(p.wide ? { tabindex: 0, role: 'region', 'aria-label': p.caption } : {})}>
      <table class="data-table">
        <caption class={p.showCaption ? undefined : 'visually-hidden'}>{p.caption}</caption>
        <thead>
          <tr>
            {p.headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{p.children}</tbody>
      </table>
    </div>
  );
}

/** A KERN alert. Danger and warning interrupt screen readers (role=alert); the others are polite. */
export function Alert(p: { variant: 'danger' | 'warning' | 'info' | 'success'; title: string; children?: Child; id?: string }) {
  const urgent = p.variant === 'danger' || p.variant === 'warning';
  return (
    <div class={`kern-alert kern-alert--${p.variant}`} role={urgent ? 'alert' : 'status'} id={p.id}>
      <div class="kern-alert__header">
        <span class="kern-title">{p.title}</span>
      </div>
      {p.children ? <div class="kern-alert__body">{p.children}</div> : null}
    </div>
  );
}

/**
 * A one-button form for an action on a row (move, delete, revoke). `context` names the row for
 * screen readers when the visible label alone ("Löschen") would be ambiguous in a list.
 */
export function PostButton(p: {
  action: string;
  csrfToken: string;
  label: Child;
  context?: string;
  fields?: Record<string, string>;
  variant?: 'primary' | 'secondary' | 'tertiary';
  small?: boolean;
}) {
  return (
    <form method="post" action={p.action} class="inline-form">
      <Csrf token={p.csrfToken} />
      {Object.entries(p.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={`kern-btn kern-btn--${p.variant ?? 'tertiary'}${p.small === false ? '' : ' kern-btn--x-small'}`}>
        <span class="kern-label">
          {p.label}
          {p.context ? <span class="visually-hidden"> {p.context}</span> : null}
        </span>
      </button>
    </form>
  );
}
