import type { AttentionSource } from '../../platform/attention-sources.js';
import { addMonths, daysBetween } from '../../platform/dates.js';
import { formatDate } from '../../platform/i18n/i18n.js';
import { DataTable } from '../../platform/ui/components.js';
import { openFollowUps } from './follow-ups.js';

/** A follow-up due within this many months (or overdue) shows up in the attention list. */
export const followUpWarningMonths = 3;

export interface FollowUpItem {
  id: string;
  text: string;
  dueOn: string;
  overdue: boolean;
  days: number;
  paper: { id: string; number: string; subject: string };
}

const date = (iso: string) => formatDate('de', iso);

/** "Aufträge aus Beschlüssen" on the attention list: what the council asked for, due soon or overdue. */
export const followUpAttention: AttentionSource<FollowUpItem> = {
  id: 'beschluesse',
  titleKey: 'decisions.attention.heading',
  order: 45,
  counted: true,
  items: async (db, { tenant, today }) => {
    const horizon = addMonths(today, followUpWarningMonths);
    return (await openFollowUps(db, tenant.id))
      .filter((r) => r.followUp.dueOn <= horizon)
      .map((r) => ({ id: r.followUp.id, text: r.followUp.text, dueOn: r.followUp.dueOn, overdue: r.followUp.dueOn < today, days: daysBetween(today, r.followUp.dueOn), paper: r.paper }));
  },
  body: ({ t, base, items }) =>
    items.length ? (
      <DataTable caption={t('decisions.attention.caption')} headers={[t('decisions.attention.due'), t('decisions.attention.text'), t('decisions.attention.paper')]}>
        {items.map((i) => (
          <tr data-follow-up={i.id}>
            <td>
              {date(i.dueOn)}
              {i.overdue ? ` (${t('decisions.attention.overdue')})` : ''}
            </td>
            <th scope="row">{i.text}</th>
            <td>
              <a href={`${base}/vorlagen/${i.paper.id}`}>
                {i.paper.number} {i.paper.subject}
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p>{t('decisions.attention.none', { count: followUpWarningMonths })}</p>
    ),
  mail: (t, i, base) => [`- ${t(i.overdue ? 'decisions.attention.mail_overdue' : 'decisions.attention.mail_due', { date: date(i.dueOn) })} ${i.text} (${i.paper.number})`, `  ${base}/vorlagen/${i.paper.id}`],
  audit: (items) => ({ decisionFollowUps: items.map((i) => ({ id: i.id, dueOn: i.dueOn })) }),
  rules: (t) => [t('decisions.attention.rules', { count: followUpWarningMonths })],
};
