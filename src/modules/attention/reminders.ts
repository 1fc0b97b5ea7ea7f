import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { auditLog } from '../../platform/audit/schema.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { formatDate, translator, type T } from '../../platform/i18n/i18n.js';
import type { Job } from '../../platform/jobs.js';
import type { Mail, Mailer } from '../../platform/mail/mailer.js';
import { actors } from '../actors/schema.js';
import { tenants, type Role } from '../../platform/tenancy/schema.js';
import { membersOf } from '../tenants/index.js';
import { type Tenant } from '../../platform/tenancy/service.js';
import { berlinDate } from '../../platform/dates.js';
import { forActor, isEmpty, type AttentionList } from './rules.js';
import { loadAttention } from './service.js';
import { attentionSourcesOfModules } from '../../platform/attention-sources.js';

/**
 * Reminder e-mails: for every Kommune with reminders on, each Koordination member gets the whole
 * attention list, each person acting for an actor (memberships.actorId) the overdue and silent
 * measures that actor leads — at most once per `reminderIntervalDays` per person. Every mail
 * sent leaves an audit entry (action "create", entity "reminder", entity id = the person); its
 * `after.sentAt` is the time the job ran (the injected clock), which the next run compares with.
 */
export const reminderIntervalDays = 7;
/** How often the job looks for due reminders; the interval above decides who gets one. */
export const reminderCheckEveryMs = 6 * 60 * 60_000;
/** Items per section of a mail; the rest is counted. */
const maxItemsPerSection = 25;

export interface Recipient {
  userId: string;
  name: string;
  email: string;
  role: Role;
  actorId: string | null;
  actorName: string | null;
  /** What this person is reminded of. */
  content: Pick<AttentionList, 'overdue' | 'silent'> & Partial<Pick<AttentionList, 'sections'>>;
  /** When the last reminder went to this person (ISO), if ever. */
  lastSentAt: string | null;
}

/** When each person of the Kommune last got a reminder (userId → ISO instant). */
export async function lastReminders(db: Db, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ userId: auditLog.entityId, sentAt: sql<string>`max(${auditLog.after} ->> 'sentAt')` })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'reminder')))
    .groupBy(auditLog.entityId);
  return new Map(rows.filter((r) => r.sentAt).map((r) => [r.userId, r.sentAt]));
}

/** Who would be reminded of what today (people with nothing to hear about are left out). */
export async function recipientsOf(db: Db, tenantId: string, list: AttentionList): Promise<Recipient[]> {
  const [members, actorRows, last] = [await membersOf(db, tenantId), await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.tenantId, tenantId)), await lastReminders(db, tenantId)];
  const actorName = new Map(actorRows.map((a) => [a.id, a.name]));
  const out: Recipient[] = [];
  for (const m of members) {
    const content =
      m.role === 'koordination'
        ? { overdue: list.overdue, silent: list.silent, sections: list.sections }
        : m.actorId && m.role !== 'lesend'
          ? forActor(list, m.actorId)
          : undefined;
    if (!content || isEmpty(content)) continue;
    out.push({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      actorId: m.actorId,
      actorName: m.actorId ? actorName.get(m.actorId) ?? null : null,
      content,
      lastSentAt: last.get(m.userId) ?? null,
    });
  }
  return out;
}

/** Due: never reminded, or the last reminder is at least seven days old. */
export function isReminderDue(lastSentAt: string | null, now: Date): boolean {
  if (!lastSentAt) return true;
  return now.getTime() - new Date(lastSentAt).getTime() >= reminderIntervalDays * 86_400_000;
}

const appUrl = (publicUrl: string, tenant: Pick<Tenant, 'slug'>) => `${publicUrl}/app/k/${tenant.slug}`;

/** The German reminder mail of one person. */
export function reminderMail(t: T, p: { tenant: Pick<Tenant, 'name' | 'slug'>; editionTitle: string; recipient: Recipient; publicUrl: string; today: string; silentAfterMonths: number }): Mail {
  const { content, role } = p.recipient;
  const base = appUrl(p.publicUrl, p.tenant);
  const date = (iso: string) => formatDate('de', iso);
  const link = (id: string) => `${base}/massnahmen/${id}`;
  const lines: string[] = [t('attention.mail.greeting', { name: p.recipient.name }), ''];
  lines.push(
    role === 'koordination'
      ? t('attention.mail.intro_coordination', { edition: p.editionTitle, tenant: p.tenant.name, date: date(p.today) })
      : t('attention.mail.intro_actor', { edition: p.editionTitle, tenant: p.tenant.name, actor: p.recipient.actorName ?? '', date: date(p.today) }),
    '',
  );
  const section = <X>(heading: string, items: X[], line: (x: X) => string[]) => {
    if (items.length === 0) return;
    lines.push(`${heading} (${items.length})`, '');
    for (const x of items.slice(0, maxItemsPerSection)) lines.push(...line(x));
    if (items.length > maxItemsPerSection) lines.push(t('attention.mail.more', { count: items.length - maxItemsPerSection }));
    lines.push('');
  };
  section(t('attention.overdue.heading'), content.overdue, (o) => [
    `- ${o.measure.number} ${o.measure.title}: ${t(o.basis === 'end_date' ? 'attention.mail.overdue_end' : 'attention.mail.overdue_horizon', { date: date(o.due), count: o.daysOverdue })}`,
    `  ${link(o.measure.id)}`,
  ]);
  section(t('attention.silent.heading_months', { count: p.silentAfterMonths }), content.silent, (s) => [
    `- ${s.measure.number} ${s.measure.title}: ${t(s.neverReported ? 'attention.mail.silent_never' : 'attention.mail.silent_since', { date: date(s.since) })}`,
    `  ${link(s.measure.id)}`,
  ]);
  for (const { source, items } of content.sections ?? []) {
    if (source.counted) section(t(source.titleKey), items, (item) => source.mail(t, item, base));
    else for (const item of items) lines.push(...source.mail(t, item, base), '');
  }
  lines.push(role === 'koordination' ? t('attention.mail.list_link', { url: `${base}/aufmerksamkeit` }) : t('attention.mail.report_hint'), '');
  lines.push(t('attention.mail.footer', { count: reminderIntervalDays, tenant: p.tenant.name }));
  const count = content.overdue.length + content.silent.length + (content.sections ?? []).reduce((n, s) => n + (s.source.counted ? s.items.length : 0), 0);
  return {
    to: p.recipient.email,
    subject: t('attention.mail.subject', { tenant: p.tenant.name, count }),
    text: lines.join('\n'),
  };
}

export interface ReminderOutcome {
  sent: number;
  /** Reminded fewer than seven days ago. */
  notDue: number;
  failed: number;
}

export interface ReminderDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

/**
 * Sends the reminders that are due at `now`. Without an SMTP server the mailer sends nothing
 * and nothing is recorded: the attention page shows the reminders instead.
 */
export async function sendDueReminders(deps: ReminderDeps, now: Date): Promise<ReminderOutcome> {
  const t = translator('de');
  const today = berlinDate(now);
  const outcome: ReminderOutcome = { sent: 0, notDue: 0, failed: 0 };
  const enabled = await deps.db.select().from(tenants).where(eq(tenants.remindersEnabled, true));
  for (const tenant of enabled) {
    const { edition, list } = await loadAttention(deps.db, tenant, today);
    if (!edition) continue;
    for (const recipient of await recipientsOf(deps.db, tenant.id, list)) {
      if (!isReminderDue(recipient.lastSentAt, now)) {
        outcome.notDue += 1;
        continue;
      }
      const mail = reminderMail(t, { tenant, editionTitle: edition.title, recipient, publicUrl: deps.publicUrl, today, silentAfterMonths: tenant.silentAfterMonths });
      let sent: boolean;
      try {
        sent = await deps.mailer.send(mail);
      } catch (error) {
        console.error(`[${now.toISOString()}] reminder mail to ${recipient.email} failed`, error);
        outcome.failed += 1;
        continue;
      }
      if (!sent) return outcome; // no SMTP server configured: nothing goes out to anyone
      await deps.db.transaction(async (tx) => {
        await recordAudit(tx, systemUser, {
          tenantId: tenant.id,
          action: 'create',
          entityType: 'reminder',
          entityId: recipient.userId,
          after: {
            sentAt: now.toISOString(),
            to: recipient.email,
            overdue: recipient.content.overdue.length,
            silent: recipient.content.silent.length,
            ...Object.assign({}, ...attentionSourcesOfModules().map((source) => source.audit(recipient.content.sections?.find((s) => s.source === source)?.items ?? []))),
          },
        });
      });
      outcome.sent += 1;
    }
  }
  return outcome;
}

/** The job for the runners (src/platform/jobs.ts); main.ts starts it when SMTP is configured. */
export function reminderJob(database: Database, mailer: Mailer, publicUrl: string): Job {
  return {
    name: 'reminders',
    labelKey: 'attention.job.reminders',
    everyMs: reminderCheckEveryMs,
    async run(now) {
      const outcome = await sendDueReminders({ db: database.db, mailer, publicUrl }, now);
      // A failed mail fails the run: the runner retries it later (the others are recorded as sent
      // and not sent again) and the platform admin sees it on the Betrieb page.
      if (outcome.failed > 0) throw new Error(`${outcome.failed} Erinnerung(en) nicht zugestellt (${outcome.sent} zugestellt)`);
      return outcome;
    },
  };
}
