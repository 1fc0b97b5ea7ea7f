import type { AttentionSource } from '../../platform/attention-sources.js';
import { addMonths, daysBetween } from '../../platform/dates.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { nextUpdateDue } from './service.js';

/** A concept update due within this many months (or overdue) shows up in the attention list. */
export const conceptUpdateWarningMonths = 3;

export interface ConceptUpdate {
  due: string;
  overdue: boolean;
  /** Days until the due date; negative when overdue. */
  days: number;
}

/** Shown when overdue or due within three months. */
export function conceptUpdateOf(next: { due: string; overdue: boolean } | undefined, today: string): ConceptUpdate | undefined {
  if (!next) return undefined;
  const overdue = next.overdue || next.due < today;
  if (!overdue && next.due > addMonths(today, conceptUpdateWarningMonths)) return undefined;
  return { due: next.due, overdue, days: daysBetween(today, next.due) };
}

const date = (iso: string) => formatDate('de', iso);

/** "Fortschreibung des Konzepts" on the attention list: due soon or overdue (the interval is the Kommune's setting). */
export const conceptUpdateAttention: AttentionSource<ConceptUpdate> = {
  id: 'fortschreibung',
  titleKey: 'attention.update.heading',
  order: 40,
  counted: false,
  items: async (_db, { tenant, edition, today }) => {
    const update = conceptUpdateOf(nextUpdateDue(tenant, edition, new Date(`${today}T12:00:00Z`)), today);
    return update ? [update] : [];
  },
  summary: (t, [update]) =>
    update ? t(update.overdue ? 'attention.update.short_overdue' : 'attention.update.short_due', { date: date(update.due) }) : t('attention.update.short_none'),
  body: ({ t, items: [update] }) => (
    <p data-update={update ? (update.overdue ? 'overdue' : 'due') : 'none'}>
      {update
        ? update.overdue
          ? t('attention.update.overdue', { date: date(update.due), count: -update.days })
          : t('attention.update.due', { date: date(update.due), count: update.days })
        : t('attention.update.none', { count: conceptUpdateWarningMonths })}
    </p>
  ),
  mail: (t, update) => [t(update.overdue ? 'attention.mail.update_overdue' : 'attention.mail.update_due', { date: date(update.due) })],
  audit: ([update]) => ({ conceptUpdateDue: update?.due ?? null }),
  rules: (t) => [t('attention.rules.update', { count: conceptUpdateWarningMonths })],
};
