/**
 * Numbers of Vorlagen: a format per Kommune with the placeholders {Jahr}, {Amt} and {lfd}
 * ("{Jahr}/{Amt}/{lfd}" → "2024/FD91/457"). The running number counts per prefix (everything
 * but {lfd}): each year and office starts at 1. A counter row per prefix is incremented with one
 * atomic upsert, so two papers created at the same moment never get the same number.
 */
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { paperNumberCounters, papers } from './schema.js';

export interface NumberParts {
  year: string;
  office: string;
}

export const defaultNumberFormat = '{Jahr}/{Amt}/{lfd}';
const placeholder = /\{(Jahr|Amt|lfd)\}/g;

/** A usable format names {lfd} exactly once and no other {…} placeholder. */
export function isValidNumberFormat(format: string): boolean {
  const names = [...format.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  return names.filter((n) => n === 'lfd').length === 1 && names.every((n) => n === 'Jahr' || n === 'Amt' || n === 'lfd');
}

export function formatNumber(format: string, parts: NumberParts, lfd: number): string {
  return format.replace(placeholder, (_, name: string) => (name === 'Jahr' ? parts.year : name === 'Amt' ? parts.office : String(lfd)));
}

/** The counter's key: the format with everything but {lfd} filled in. */
export const numberScope = (format: string, parts: NumberParts): string =>
  format.replace(placeholder, (_, n: string) => (n === 'Jahr' ? parts.year : n === 'Amt' ? parts.office : '{lfd}'));

/** The running number of `number` under `format` and `parts`, if it has that shape. */
export function runningNumberOf(format: string, parts: NumberParts, number: string): number | undefined {
  const [before, after] = (numberScope(format, parts)).split('{lfd}') as [string, string];
  if (!number.startsWith(before) || !number.endsWith(after)) return undefined;
  const middle = number.slice(before.length, number.length - after.length);
  return /^\d{1,9}$/.test(middle) ? Number(middle) : undefined;
}

const isTaken = async (db: Db, tenantId: string, number: string) =>
  (await db.select({ id: papers.id }).from(papers).where(and(eq(papers.tenantId, tenantId), eq(papers.number, number))).limit(1)).length > 0;

/**
 * The number the next paper would get (shown on the form); hands nothing out. Numbers typed by
 * hand that are ahead of the counter are skipped.
 */
export async function proposedNumber(db: Db, tenantId: string, format: string, parts: NumberParts): Promise<string> {
  const scope = numberScope(format, parts);
  const [row] = await db.select({ last: paperNumberCounters.last }).from(paperNumberCounters).where(and(eq(paperNumberCounters.tenantId, tenantId), eq(paperNumberCounters.scope, scope)));
  let lfd = (row?.last ?? 0) + 1;
  while (await isTaken(db, tenantId, formatNumber(format, parts, lfd))) lfd++;
  return formatNumber(format, parts, lfd);
}

/** Hands out the next free number (inside the creating transaction; the upsert serialises concurrent callers). */
export async function takeNextNumber(tx: Db, tenantId: string, format: string, parts: NumberParts): Promise<string> {
  const scope = numberScope(format, parts);
  for (;;) {
    const [row] = await queryRows<{ last: number }>(
      tx,
      sql`insert into paper_number_counters (tenant_id, scope, last) values (${tenantId}, ${scope}, 1)
          on conflict (tenant_id, scope) do update set last = paper_number_counters.last + 1
          returning last`,
    );
    const number = formatNumber(format, parts, row!.last);
    if (!(await isTaken(tx, tenantId, number))) return number;
  }
}

/** A number typed by hand moves the counter past it, so the automatic numbers do not run into it. */
export async function noteManualNumber(tx: Db, tenantId: string, format: string, parts: NumberParts, number: string): Promise<void> {
  const lfd = runningNumberOf(format, parts, number);
  if (lfd === undefined) return;
  await tx.execute(
    sql`insert into paper_number_counters (tenant_id, scope, last) values (${tenantId}, ${numberScope(format, parts)}, ${lfd})
        on conflict (tenant_id, scope) do update set last = greatest(paper_number_counters.last, excluded.last)`,
  );
}

export const numberIsTaken = isTaken;
