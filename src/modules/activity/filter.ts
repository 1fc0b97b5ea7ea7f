import { z } from 'zod';
import type { AuditFilter } from '../../platform/audit/record.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const uuid = z.string().uuid();

/** The Protokoll's query string (person, kind, object, period); what does not parse is ignored. */
export interface ActivityQuery {
  person?: string;
  kind?: string;
  object?: string;
  from?: string;
  until?: string;
}

export function readActivityQuery(q: Record<string, string | undefined>, kinds: string[]): ActivityQuery {
  const pick = <T>(schema: z.ZodType<T>, v: string | undefined) => (v && schema.safeParse(v).success ? (v as T) : undefined);
  return {
    person: pick(uuid, q.person),
    kind: q.art && kinds.includes(q.art) ? q.art : undefined,
    object: q.objekt && q.objekt.length <= 100 && !/[\u0000-\u001f]/.test(q.objekt) ? q.objekt : undefined,
    from: pick(day, q.von),
    until: pick(day, q.bis),
  };
}

/** Calendar days in Berlin → instants: `bis` includes the whole day. */
const berlinOffsetHours = (at: Date) => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return Number(/GMT([+-]\d+)/.exec(name ?? '')?.[1] ?? 0);
};
const berlinMidnight = (isoDay: string) => {
  const utcMidnight = Date.parse(`${isoDay}T00:00:00Z`);
  // Berlin's offset at its own midnight (the clocks change at 2 or 3 o'clock, never at midnight).
  return new Date(utcMidnight - berlinOffsetHours(new Date(utcMidnight - 3_600_000)) * 3_600_000);
};

export function auditFilterOf(q: ActivityQuery): AuditFilter {
  const until = q.until ? berlinMidnight(q.until) : undefined;
  return {
    userId: q.person,
    entityTypes: q.kind ? [q.kind] : undefined,
    entityId: q.object,
    from: q.from ? berlinMidnight(q.from) : undefined,
    until: until ? new Date(until.getTime() + 24 * 3_600_000) : undefined,
  };
}

/** The query string for links (pages, CSV) that keep the filter. */
export function activitySearch(q: ActivityQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  const entries: [string, string | undefined][] = [['person', q.person], ['art', q.kind], ['objekt', q.object], ['von', q.from], ['bis', q.until]];
  for (const [k, v] of entries) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}
