import type { Child } from 'hono/jsx';

/**
 * A wide table of the public pages: on a narrow screen it scrolls sideways inside this box, never
 * the page (WCAG 1.4.10 Reflow). The box is a region named by the table's caption and can take
 * keyboard focus, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 * `labelId` is the id of the table's `<caption>`.
 */
export function TableRegion(p: { labelId: string; class?: string; id?: string | undefined; children: Child }) {
  return (
    <div class={`kern-table-responsive table-region${p.class ? ` ${p.class}` : ''}`} id={p.id} role="region" aria-labelledby={p.labelId} tabindex={0}>
      {p.children}
    </div>
  );
}
