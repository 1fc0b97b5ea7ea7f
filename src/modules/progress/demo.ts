/**
 * Demo Sachstandsmeldungen for the adopted edition of "Landkreis Musterland": about sixty
 * measures get one to three reports between 2025 and autumn 2026 that match their status (a
 * measure "umgesetzt" ends with a report "umgesetzt, 100 %"), some public, a few with a PDF.
 * Deterministic: every choice comes from a PRNG seeded with the measure's number.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { actors } from '../actors/schema.js';
import { measurePartners, measures, type MeasureStatus } from '../measures/schema.js';
import { memberships } from '../tenants/schema.js';
import { measureUpdates } from './schema.js';

/** FNV-1a: a stable 32-bit seed from a string. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for demo data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof seededRandom>;

const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const firstDay = '2025-02-01';
const lastDay = '2026-10-30';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (date: string, n: number, day: number) => {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  d.setUTCDate(day);
  return iso(d);
};
const monthName = (date: string) => months[Number(date.slice(5, 7)) - 1]!;
const monthYear = (date: string) => `${monthName(date)} ${date.slice(0, 4)}`;

interface Slots {
  group: string;
  lead: string;
  partner: string;
  since: string;
  year: string;
  nextYear: string;
  indicator: string;
  /** Month and year of the report itself. */
  month: string;
}
type Template = (s: Slots, r: Rng) => string;

const start: Template[] = [
  (s, r) => `Kurs läuft seit ${s.since}, ${r.int(9, 18)} Teilnehmende.`,
  (s) => `Auftakttreffen mit ${s.partner} hat im ${s.since} stattgefunden; Zuständigkeiten, Zeitplan und Ansprechpersonen sind abgestimmt.`,
  (s, r) => `Das Angebot ist im ${s.since} gestartet. Die Ansprache von ${s.group} läuft über ${s.partner}; bisher ${r.int(6, 25)} Anmeldungen.`,
  (s) => `Konzept ist fertig und mit ${s.partner} abgestimmt. Räume sind gefunden, die ersten Termine stehen fest.`,
  (s) => `Förderbescheid liegt seit ${s.since} vor. Die Stelle ist ausgeschrieben; der Start ist für das nächste Quartal geplant.`,
  (s, r) => `Erste Sprechstunden seit ${s.since}: ${r.int(12, 40)} Kontakte, überwiegend ${s.group}.`,
];
const middle: Template[] = [
  (s, r) => {
    const n = r.int(12, 22);
    return `Kurs läuft seit ${s.since}, ${n} Teilnehmende, davon ${r.int(4, n - 3)} Frauen. Die Nachfrage ist größer als das Angebot; es gibt eine Warteliste.`;
  },
  (s, r) => `Bisher ${r.int(40, 140)} Beratungen. Häufigste Themen: Anerkennung von Abschlüssen, Wohnungssuche und Kita-Platz.`,
  (s, r) => `Zweiter Durchgang gestartet, ${r.int(10, 20)} Teilnehmende. Rückmeldungen aus dem ersten Durchgang sind eingearbeitet (mehr Termine am Nachmittag).`,
  (s, r) => {
    const m = r.int(10, 16);
    return `Halbzeit: ${r.int(4, m - 3)} von ${m} geplanten Terminen haben stattgefunden. Die Zusammenarbeit mit ${s.partner} funktioniert gut.`;
  },
  (s, r) => `Stand zum Indikator „${s.indicator}“: ${r.int(20, 80)} % des Zielwerts erreicht.`,
  (s, r) => `${r.int(3, 8)} Veranstaltungen durchgeführt, im Schnitt ${r.int(12, 35)} Gäste. Für ${s.nextYear} ist eine Ausweitung auf weitere Gemeinden im Gespräch.`,
];
const late: Template[] = [
  (s, r) => `${r.int(10, 24)} Teilnehmende haben abgeschlossen; die Auswertung für den Sachbericht läuft.`,
  (s) => `Die Maßnahme läuft planmäßig. Mit ${s.partner} wird die Fortführung über ${s.year} hinaus vorbereitet.`,
  (s, r) => `Stand zum Indikator „${s.indicator}“: ${r.int(60, 95)} % des Zielwerts erreicht. Nächster Schritt: Verstetigung klären.`,
];
// Internal Sachstände carry no „Intern:“ of their own: pages and reports mark them as internal.
const internalNotes: Template[] = [
  (s) => `Die Anschlussfinanzierung ab ${s.nextYear} ist noch offen; Abstimmung mit der Kämmerei läuft.`,
  (s) => `Personalwechsel bei ${s.lead}; die Nachbesetzung ist zugesagt, bis dahin vertritt die Koordinierungsstelle.`,
  () => 'Der Mittelabruf für das erste Halbjahr ist erfolgt; der Verwendungsnachweis ist bis 31. März fällig.',
  () => 'Zwei Honorarkräfte haben abgesagt. Ersatz ist angefragt; ein Termin musste verschoben werden.',
];
const done: Template[] = [
  (s, r) => `Maßnahme abgeschlossen. Insgesamt ${r.int(25, 90)} Personen erreicht; der Abschlussbericht liegt vor.`,
  (s) => `Umgesetzt: Alle geplanten Bausteine sind durchgeführt. Die Ergebnisse wurden im ${s.month} in der Steuerungsgruppe vorgestellt.`,
];
const established: Template[] = [
  (s) => `Das Angebot ist in den Regelbetrieb übergegangen; die Finanzierung ist ab ${s.nextYear} dauerhaft gesichert (Träger: ${s.lead}).`,
  (s) => `Verstetigt: ${s.partner} führt das Angebot dauerhaft fort; die Koordinierungsstelle begleitet es im Netzwerk.`,
];
const postponed: Template[] = [
  (s) => `Zurückgestellt: Die beantragten Fördermittel für ${s.year} wurden nicht bewilligt. Ein neuer Antrag zum 31. Oktober ist vorbereitet.`,
  (s) => `Zurückgestellt bis zur Nachbesetzung der Stelle bei ${s.lead}. Die Teilnehmenden wurden an ${s.partner} vermittelt.`,
];
const dropped: Template[] = [
  (s) => `Entfällt: ${s.partner} bietet das inzwischen im Rahmen der Regelförderung an; eine eigene Maßnahme würde eine Doppelstruktur schaffen.`,
  () => 'Entfällt: Die Bedarfsanalyse hat gezeigt, dass das bestehende Angebot ausreicht. Die Mittel fließen in Maßnahmen mit Warteliste.',
];

interface Planned {
  measureId: string;
  number: string;
  reportedOn: string;
  status: MeasureStatus;
  progress: number;
  text: string;
  isPublic: boolean;
  authorId: string | null;
  authorName: string;
  attachment?: { name: string; bytes: Buffer };
}

/** Reports for one measure, oldest first, ending in its current status. */
function plan(m: { status: MeasureStatus; startDate: string | null; number: string }, slots: (date: string) => Slots, r: Rng): Omit<Planned, 'measureId' | 'number' | 'authorId' | 'authorName'>[] {
  const begin = m.startDate && m.startDate > firstDay ? m.startDate : firstDay;
  let date = addMonths(begin, r.int(1, 3), r.int(3, 27));
  if (date > lastDay) date = addMonths(lastDay, -r.int(1, 2), r.int(3, 27));
  const since = monthYear(m.startDate && m.startDate <= date ? m.startDate : date);
  const dates = (n: number) => {
    const out = [date];
    for (let i = 1; i < n; i++) {
      const next = addMonths(out[i - 1]!, r.int(3, 5), r.int(3, 27));
      if (next > lastDay) break;
      out.push(next);
    }
    return out;
  };
  const say = (bank: Template[], d: string) => r.pick(bank)({ ...slots(d), since }, r);
  const pub = () => r.chance(0.5);
  switch (m.status) {
    case 'in_umsetzung': {
      const ds = dates(r.int(1, 3));
      const final = r.int(4, 17) * 5;
      return ds.map((d, i) => {
        const progress = Math.max(5, Math.round((final * (i + 1)) / ds.length / 5) * 5);
        const internal = r.chance(0.25);
        const bank = progress < 30 ? start : progress < 65 ? middle : late;
        return { reportedOn: d, status: 'in_umsetzung' as const, progress, text: internal ? say(internalNotes, d) : say(bank, d), isPublic: !internal && pub() };
      });
    }
    case 'umgesetzt': {
      const ds = dates(2);
      const mid = r.int(8, 14) * 5;
      return ds.map((d, i) =>
        i < ds.length - 1
          ? { reportedOn: d, status: 'in_umsetzung' as const, progress: mid, text: say(middle, d), isPublic: pub() }
          : { reportedOn: d, status: 'umgesetzt' as const, progress: 100, text: say(done, d), isPublic: true },
      );
    }
    case 'verstetigt': {
      const ds = dates(2);
      return ds.map((d, i) =>
        i < ds.length - 1
          ? { reportedOn: d, status: 'umgesetzt' as const, progress: 100, text: say(done, d), isPublic: pub() }
          : { reportedOn: d, status: 'verstetigt' as const, progress: 100, text: say(established, d), isPublic: true },
      );
    }
    case 'zurueckgestellt': {
      const ds = dates(2);
      const p = r.int(2, 6) * 5;
      return ds.map((d, i) =>
        i < ds.length - 1
          ? { reportedOn: d, status: 'in_umsetzung' as const, progress: p, text: say(start, d), isPublic: pub() }
          : { reportedOn: d, status: 'zurueckgestellt' as const, progress: p, text: say(postponed, d), isPublic: true },
      );
    }
    case 'entfallen':
      return [{ reportedOn: dates(1)[0]!, status: 'entfallen', progress: 0, text: say(dropped, date), isPublic: true }];
    default:
      return [];
  }
}

/** A one-page PDF with a title and a few lines (valid xref, opens in every viewer). */
export function tinyPdf(title: string, lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  // WinAnsi covers German umlauts; keep to Latin-1 so each character is one byte.
  const latin1 = (s: string) => s.replace(/[„“”]/g, '"').replace(/[–—]/g, '-').replace(/[^\x20-\xff]/g, '?');
  const text = [`BT /F1 16 Tf 56 780 Td (${esc(latin1(title))}) Tj ET`, ...lines.map((l, i) => `BT /F1 11 Tf 56 ${750 - i * 16} Td (${esc(latin1(l))}) Tj ET`)].join('\n');
  const stream = Buffer.from(text, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((o, i) => {
    offsets.push(length);
    const body =
      o === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n', 'latin1')])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    parts.push(body);
    length += body.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * Seeds the demo reports (inside seedDemo's transaction, after the demo accounts exist) and sets
 * each reported measure's progress to its latest report. `userId`: the author when a measure's
 * lead has no demo account (default: the Koordination account).
 */
export async function seedDemoProgress(tx: Db, tenantId: string, adoptedEditionId: string, userId?: string): Promise<{ measures: number; updates: number }> {
  const rows = await tx
    .select({ id: measures.id, number: measures.number, status: measures.status, startDate: measures.startDate, targetGroups: sql<string[]>`array(select g.name from measure_target_groups l join target_groups g on g.tenant_id = l.tenant_id and g.id = l.target_group_id where l.tenant_id = ${measures.tenantId} and l.measure_id = ${measures.id} order by g.name)`, indicator: measures.indicator, leadActorId: measures.leadActorId, leadName: actors.name })
    .from(measures)
    .leftJoin(actors, and(eq(actors.tenantId, measures.tenantId), eq(actors.id, measures.leadActorId)))
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, adoptedEditionId)))
    .orderBy(measures.position);
  if (rows.length === 0) return { measures: 0, updates: 0 };
  const partnerRows = await tx
    .select({ measureId: measurePartners.measureId, name: actors.name })
    .from(measurePartners)
    .innerJoin(actors, and(eq(actors.tenantId, measurePartners.tenantId), eq(actors.id, measurePartners.actorId)))
    .where(and(eq(measurePartners.tenantId, tenantId), inArray(measurePartners.measureId, rows.map((r) => r.id))));
  const partners = new Map<string, string[]>();
  for (const p of partnerRows) partners.set(p.measureId, [...(partners.get(p.measureId) ?? []), p.name]);
  for (const list of partners.values()) list.sort((a, b) => a.localeCompare(b, 'de'));

  // Members who report for their actor's measures; the Koordination for everything else.
  const people = await tx
    .select({ id: users.id, name: users.name, role: memberships.role, actorId: memberships.actorId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId));
  const byActor = new Map(people.filter((p) => p.actorId && (p.role === 'partner' || p.role === 'redaktion')).map((p) => [p.actorId!, p]));
  const coordinator = (userId ? people.find((p) => p.id === userId) : undefined) ?? people.find((p) => p.role === 'koordination');
  const fallback = { id: coordinator?.id ?? null, name: coordinator?.name ?? 'Koordinierungsstelle Migration und Teilhabe' };

  const planned: Planned[] = [];
  let attachments = 0;
  for (const m of rows) {
    if (m.status === 'geplant') continue;
    const r = seededRandom(hash(`ikon-demo-progress:${m.number}`));
    const own = m.leadActorId ? byActor.get(m.leadActorId) : undefined;
    // About sixty of the 106 measures beyond "geplant"; always those of the demo accounts' actors.
    if (!own && !r.chance(0.55)) continue;
    const author = own ? { id: own.id, name: own.name } : fallback;
    const slots = (date: string): Slots => ({
      group: m.targetGroups[0] ?? 'die Zielgruppe',
      lead: m.leadName ?? 'dem federführenden Akteur',
      partner: partners.get(m.id)?.[0] ?? m.leadName ?? 'den Kooperationspartnern',
      since: monthYear(date),
      year: date.slice(0, 4),
      nextYear: String(Number(date.slice(0, 4)) + 1),
      indicator: m.indicator ?? 'Anzahl Teilnehmende',
      month: monthYear(date),
    });
    const reports = plan(m, slots, r);
    reports.forEach((u, i) => {
      const item: Planned = { ...u, measureId: m.id, number: m.number, authorId: author.id, authorName: author.name };
      // A handful of reports carry their Sachbericht as PDF: public ones, and one internal.
      if (i === reports.length - 1 && attachments < 4 && r.chance(0.12)) {
        attachments++;
        item.attachment = {
          name: `Sachbericht ${m.number} ${u.reportedOn.slice(0, 7)}.pdf`,
          bytes: tinyPdf(`Sachbericht zur Maßnahme ${m.number}`, [`Stand: ${u.reportedOn}`, `Status: ${u.status}, Fortschritt ${u.progress} %`, ...u.text.match(/.{1,85}(\s|$)/g)!.map((s) => s.trim())]),
        };
      }
      planned.push(item);
    });
  }
  if (planned.length === 0) return { measures: 0, updates: 0 };

  for (let i = 0; i < planned.length; i += 200) {
    await tx.insert(measureUpdates).values(
      planned.slice(i, i + 200).map((u) => ({
        tenantId,
        measureId: u.measureId,
        reportedOn: u.reportedOn,
        status: u.status,
        progress: u.progress,
        text: u.text,
        isPublic: u.isPublic,
        authorId: u.authorId,
        authorName: u.authorName,
        attachmentName: u.attachment?.name ?? null,
        attachmentType: u.attachment ? 'application/pdf' : null,
        attachment: u.attachment?.bytes ?? null,
        createdAt: new Date(`${u.reportedOn}T09:30:00Z`),
      })),
    );
  }
  // Each measure's progress is that of its latest report (the reports end in its current status).
  const latest = new Map<string, number>();
  for (const u of planned) latest.set(u.measureId, u.progress);
  await tx.execute(sql`
    update measures m set progress = v.progress
    from (values ${sql.join([...latest].map(([id, p]) => sql`(${id}::uuid, ${p}::integer)`), sql`, `)}) as v(id, progress)
    where m.tenant_id = ${tenantId} and m.id = v.id`);
  return { measures: latest.size, updates: planned.length };
}
