/**
 * Follow-ups from a decision's text: what the council asked for with a time ("Fortschreibung
 * alle zwei Jahre", "Bericht bis zum 30.06.2026") becomes a dated entry of the attention list.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, authorize, found, type CommandContext } from '../../platform/commands.js';
import { addMonths, isCalendarDate } from '../../platform/dates.js';
import { AppError } from '../../platform/errors.js';
import { isUuid, versionFrom } from '../../platform/validation.js';
import { canManagePapers } from './policy.js';
import { decisionFollowUps, papers } from './schema.js';

export type FollowUp = typeof decisionFollowUps.$inferSelect;

const numberWords: Record<string, number> = { ein: 1, einem: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, zwölf: 12, 'achtzehn': 18, 'vierundzwanzig': 24 };
const amount = (w: string) => (/^\d+$/.test(w) ? Number(w) : numberWords[w.toLowerCase()]);

/** Sentences of a text (a follow-up names the sentence that asks for it). */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);

/** The follow-ups a decision text asks for, dated from the decision's day. */
export function followUpsIn(text: string, decidedOn: string): { text: string; dueOn: string }[] {
  const found: { text: string; dueOn: string }[] = [];
  for (const sentence of sentences(text)) {
    let dueOn: string | undefined;
    const every = /\balle\s+(\d{1,2}|ein|einem|einen|zwei|drei|vier|fünf|sechs|zwölf|achtzehn|vierundzwanzig)\s+(Jahre?|Monate?)\b/i.exec(sentence);
    const yearly = /\b(jährlich|einmal im Jahr)\b/i.exec(sentence);
    const until = /\bbis\s+(?:zum\s+|spätestens\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})\b/i.exec(sentence);
    const endOf = /\bbis\s+(?:Ende|zum\s+Ende)\s+(\d{4})\b/i.exec(sentence);
    if (every) {
      const n = amount(every[1]!);
      if (n) dueOn = addMonths(decidedOn, /^jahr/i.test(every[2]!) ? 12 * n : n);
    } else if (yearly) {
      dueOn = addMonths(decidedOn, 12);
    } else if (until) {
      const iso = `${until[3]}-${until[2]!.padStart(2, '0')}-${until[1]!.padStart(2, '0')}`;
      if (isCalendarDate(iso)) dueOn = iso;
    } else if (endOf) {
      dueOn = `${endOf[1]}-12-31`;
    }
    if (dueOn) found.push({ text: sentence.slice(0, 500), dueOn });
  }
  return found;
}

/** Replaces the open follow-ups of a consultation by those of its (new) decision text. */
export async function replaceFollowUps(tx: Db, tenantId: string, paperId: string, consultationId: string, list: { text: string; dueOn: string }[]): Promise<FollowUp[]> {
  await tx.delete(decisionFollowUps).where(and(eq(decisionFollowUps.tenantId, tenantId), eq(decisionFollowUps.consultationId, consultationId), isNull(decisionFollowUps.doneOn)));
  if (!list.length) return [];
  return tx.insert(decisionFollowUps).values(list.map((f) => ({ tenantId, paperId, consultationId, ...f }))).returning();
}

export const followUpsOfPaper = (db: Db, tenantId: string, paperId: string) =>
  db.select().from(decisionFollowUps).where(and(eq(decisionFollowUps.tenantId, tenantId), eq(decisionFollowUps.paperId, paperId))).orderBy(asc(decisionFollowUps.dueOn));

/** Open follow-ups of papers that still exist, with their paper, earliest first. */
export const openFollowUps = (db: Db, tenantId: string) =>
  db
    .select({ followUp: decisionFollowUps, paper: { id: papers.id, number: papers.number, subject: papers.subject } })
    .from(decisionFollowUps)
    .innerJoin(papers, and(eq(papers.tenantId, decisionFollowUps.tenantId), eq(papers.id, decisionFollowUps.paperId)))
    .where(and(eq(decisionFollowUps.tenantId, tenantId), isNull(decisionFollowUps.doneOn), isNull(papers.deletedAt)))
    .orderBy(asc(decisionFollowUps.dueOn));

/** Marks a follow-up as done on `doneOn` (today by default). */
export async function completeFollowUp(ctx: CommandContext, tenantId: string, id: string, input: unknown, doneOn: string): Promise<FollowUp> {
  authorize(canManagePapers(ctx.user, tenantId));
  if (!isUuid(id)) throw new AppError('not_found');
  const version = versionFrom((input as Record<string, unknown> | null)?.version);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(decisionFollowUps).where(and(eq(decisionFollowUps.tenantId, tenantId), eq(decisionFollowUps.id, id)));
    found(before);
    assertCurrentVersion(before!.version, version);
    const [after] = await tx
      .update(decisionFollowUps)
      .set({ doneOn, version: before!.version + 1, updatedAt: new Date() })
      .where(and(eq(decisionFollowUps.tenantId, tenantId), eq(decisionFollowUps.id, id)))
      .returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'decision_follow_up', entityId: id, before, after });
    return found(after);
  });
}
