import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit, scrubAuditValues } from '../../platform/audit/record.js';
import { formatDateTime } from '../../platform/i18n/i18n.js';
import type { PersonalDataHolder, PersonRef } from '../../platform/personal-data.js';
import { partnerLinks, partnerSubmissions } from './schema.js';
import { displayValue, fieldLabel } from './views/values.js';

/**
 * The reports of the person's actor that hold data about the person: changes to her (reviewed or
 * not), the report that created her, and new entries still waiting that name her (same name or
 * e-mail address: the partner did not see she is there already).
 */
function reportsAbout(db: Db, tenantId: string, person: PersonRef) {
  const names = (field: 'name' | 'email', value: string) => sql`lower(${partnerSubmissions.changes} -> ${field} ->> 'after') = lower(${value})`;
  const samePerson = person.email ? or(names('name', person.name), names('email', person.email)) : names('name', person.name);
  return db
    .select()
    .from(partnerSubmissions)
    .where(
      and(
        eq(partnerSubmissions.tenantId, tenantId),
        eq(partnerSubmissions.actorId, person.actorId),
        inArray(partnerSubmissions.kind, ['contact_update', 'contact_new']),
        or(eq(partnerSubmissions.targetId, person.id), eq(partnerSubmissions.createdId, person.id), and(eq(partnerSubmissions.kind, 'contact_new'), eq(partnerSubmissions.status, 'offen'), samePerson)),
      ),
    )
    .orderBy(asc(partnerSubmissions.submittedAt));
}

/** What the audit keeps of a scrubbed report: its kind, target and review, no values and no notes. */
const keptOfReport = ['kind', 'actorId', 'targetId', 'createdId', 'status', 'acceptedFields', 'fields'] as const;

/** Contact persons in partner reports (DSGVO Art. 15 and 17), declared in the manifest. */
export const contactsInReports: PersonalDataHolder = {
  of: 'actor_contact',
  async disclose(db, tenantId, person, t) {
    const names = { municipalities: [], targetGroups: [] };
    return (await reportsAbout(db, tenantId, person)).map((s) => ({
      source: t('partner_privacy.source', { date: formatDateTime('de', s.submittedAt), kind: t(`submission_kind.${s.kind}`), status: t(`submission_status.${s.status}`) }),
      at: s.submittedAt.toISOString(),
      fields: [
        ...Object.entries(s.changes).map(([f, change]) => ({ label: fieldLabel(t, s.kind, f), value: displayValue(t, s.kind, f, change.after, names) })),
        ...(s.message ? [{ label: t('partner_review.message'), value: s.message }] : []),
        ...(s.reviewNote ? [{ label: t('partner_review.note'), value: s.reviewNote }] : []),
      ],
    }));
  },
  async erase(tx, user, tenantId, person, now) {
    for (const s of await reportsAbout(tx, tenantId, person)) {
      // The report stays (the actor did answer, someone reviewed it); what it said about her goes, notes included.
      await tx
        .update(partnerSubmissions)
        .set({ changes: {}, message: '', reviewNote: '', status: 'geloescht', reviewedAt: s.reviewedAt ?? now, reviewedByName: s.reviewedByName ?? user.name, version: s.version + 1 })
        .where(and(eq(partnerSubmissions.tenantId, tenantId), eq(partnerSubmissions.id, s.id)));
      await scrubAuditValues(tx, tenantId, 'partner_submission', s.id, keptOfReport);
      await recordAudit(tx, user, { tenantId, action: 'erase', entityType: 'partner_submission', entityId: s.id, before: { status: s.status, kind: s.kind }, after: { status: 'geloescht' } });
    }
    // Links and reminders no longer go to her.
    await tx.update(partnerLinks).set({ recipientContactId: null }).where(and(eq(partnerLinks.tenantId, tenantId), eq(partnerLinks.recipientContactId, person.id)));
  },
};
