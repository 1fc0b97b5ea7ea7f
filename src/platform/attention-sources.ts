import type { Child } from 'hono/jsx';
import type { Db } from '../db/client.js';
import type { T } from './i18n/i18n.js';
import type { Tenant } from './tenancy/service.js';

/** What a source of the attention list judges: the Kommune's adopted edition, as of `today`. */
export interface AttentionContext {
  tenant: Tenant;
  edition: { id: string; title: string; adoptedOn: string | null };
  /** YYYY-MM-DD in Germany. */
  today: string;
}

/**
 * A section of the Koordination's attention list ("Aufmerksamkeit") declared by the module whose
 * data it judges (manifest `attentionSources`): indicators behind target, the next Fortschreibung,
 * … The attention module shows the sections after its own (overdue and silent measures) in
 * `order`, and puts them into the Koordination's reminder mail.
 */
export interface AttentionSource<Item = any> {
  /** Anchor of the section on the page (German, e.g. 'indikatoren'). */
  id: string;
  /** Message key of the section heading. */
  titleKey: string;
  order: number;
  /** What needs attention, most urgent first; empty when nothing does. */
  items: (db: Db, ctx: AttentionContext) => Promise<Item[]>;
  /** Whether the items are counted (heading "(3)", summary, mail subject); off for a single notice. */
  counted: boolean;
  /** The summary line's value, when not the count. */
  summary?: (t: T, items: Item[]) => string;
  /** The section's body on the page (a table, or what it says when there are no items); `base` is the Kommune's /app/k/:slug. */
  body: (p: { t: T; base: string; items: Item[] }) => Child;
  /**
   * An item's lines in the Koordination's reminder mail; `base` is the absolute /app/k/:slug.
   * Counted sections get the heading with the count above their items, a notice stands alone.
   */
  mail: (t: T, item: Item, base: string) => string[];
  /** What the audit entry of a sent reminder records about this section. */
  audit: (items: Item[]) => Record<string, unknown>;
  /** The section's rules, as the page states them. */
  rules: (t: T) => string[];
}

let sources: AttentionSource[] = [];

/** Called once where the application is composed, with every module's `attentionSources`. */
export function useAttentionSources(all: AttentionSource[]): void {
  sources = [...all].sort((a, b) => a.order - b.order);
}

export const attentionSourcesOfModules = (): readonly AttentionSource[] => sources;
