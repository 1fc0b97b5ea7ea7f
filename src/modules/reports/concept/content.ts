/**
 * What the concept document says, in order, as the blocks the report renderers lay out (the
 * same DOCX and tagged PDF machinery as the Sachstandsbericht).
 */
import { formatDate } from '../../../platform/i18n/i18n.js';
import { barChartSvg } from '../charts.js';
import type { Block, Cell, ReportDocument } from '../content.js';
import type { ConceptField, ConceptModel } from './model.js';

const date = (iso: string) => formatDate('de', iso);
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A draft (anything not adopted or superseded) says so in its title, on the title page and on every page. */
export const isDraft = (m: Pick<ConceptModel, 'status'>) => m.status !== 'beschlossen' && m.status !== 'abgeloest';

function statusLine(m: ConceptModel): string {
  if (m.status === 'beschlossen') return m.adoptedOn ? `Beschlossen am ${date(m.adoptedOn)}` : 'Beschlossen';
  if (m.status === 'abgeloest') return `Abgelöste Fassung${m.adoptedOn ? `, beschlossen am ${date(m.adoptedOn)}` : ''}`;
  return `Entwurf – Stand ${date(m.generatedOn)} (${m.statusLabel}), nicht beschlossen`;
}

function fieldBlocks(f: ConceptField, n: number, section: number): Block[] {
  const id = `themenfeld-${n}`;
  return [
    { kind: 'heading', level: 2, text: `${section}.${n} ${f.title}`, id, inContents: true },
    ...(f.description ? [{ kind: 'paragraph', text: f.description } as Block] : []),
    { kind: 'heading', level: 3, text: 'Ziele', id: `${id}-ziele`, inContents: false, keep: 40 },
    ...(f.goals.length
      ? f.goals.map((g): Block => ({ kind: 'paragraph', lead: `${g.kind} ${g.number}: ${g.title}`, text: g.description }))
      : [{ kind: 'paragraph', text: 'Für dieses Themenfeld sind keine Ziele formuliert.' } as Block]),
    { kind: 'heading', level: 3, text: 'Maßnahmen', id: `${id}-massnahmen`, inContents: false, keep: 60 },
    f.measures.length
      ? {
          kind: 'table',
          headers: ['Nr.', 'Maßnahme', 'Ziele', 'Federführung', 'Beteiligte', 'Zeitraum'],
          rows: f.measures.map((m): Cell[] => [m.number, { label: m.title, text: m.description, stacked: true }, m.goals.join(', ') || '–', m.lead ?? '–', m.partners.join(', ') || '–', m.period]),
          // The measure's own words get most of the width; lists of names and dates wrap beside them.
          weights: [1, 8, 1, 1, 1, 1],
        }
      : { kind: 'paragraph', text: 'Für dieses Themenfeld sind keine Maßnahmen erfasst.' },
  ];
}

/** Measures per Themenfeld as a chart, its figures (goals and measures) in a table beside it. */
function overview(m: ConceptModel): Block {
  const title = 'Maßnahmen je Themenfeld';
  return {
    kind: 'figure',
    // Narrow bars: beside the table the chart is drawn at about 300 pt, and its labels must stay legible.
    svg: barChartSvg(m.fields.map((f) => ({ label: f.title, value: f.measures.length })), title, { barWidth: 120 }),
    alt: `${title}: ${m.fields.map((f) => `${f.title} ${f.measures.length}`).join(', ')}.`,
    table: { kind: 'table', headers: ['Themenfeld', 'Ziele', 'Maßnahmen'], rows: m.fields.map((f) => [f.title, String(f.goals.length), String(f.measures.length)]), numeric: [false, true, true] },
  };
}

/** The concept edition as blocks: Einleitung, Leitlinien, Themenfelder, Querschnittsthemen, Anhang Akteure. */
export function conceptContent(m: ConceptModel): ReportDocument {
  const draft = isDraft(m);
  const blocks: Block[] = [];
  let section = 0;
  const h1 = (text: string, id: string) => blocks.push({ kind: 'heading', level: 1, text: `${++section}. ${text}`, id, inContents: true });

  if (m.introduction.trim()) {
    h1('Einleitung', 'einleitung');
    blocks.push({ kind: 'paragraph', text: m.introduction });
  }
  if (m.guidelines.length) {
    h1('Leitlinien', 'leitlinien');
    m.guidelines.forEach((g, i) => {
      blocks.push({ kind: 'heading', level: 2, text: `${section}.${i + 1} ${g.title}`, id: `leitlinie-${i + 1}`, inContents: false });
      if (g.text) blocks.push({ kind: 'paragraph', text: g.text });
    });
  }
  h1('Themenfelder, Ziele und Maßnahmen', 'themenfelder');
  const fieldsSection = section;
  if (m.fields.length) blocks.push(overview(m));
  m.fields.forEach((f, i) => blocks.push(...fieldBlocks(f, i + 1, fieldsSection)));
  if (m.crossCutting.length) {
    h1('Querschnittsthemen', 'querschnittsthemen');
    m.crossCutting.forEach((c, i) => {
      blocks.push({ kind: 'heading', level: 2, text: `${section}.${i + 1} ${c.title}`, id: `querschnittsthema-${i + 1}`, inContents: true });
      if (c.description) blocks.push({ kind: 'paragraph', text: c.description });
      blocks.push(
        c.measures.length
          ? { kind: 'table', headers: ['Nr.', 'Maßnahme', 'Themenfeld'], rows: c.measures.map((x) => [x.number, x.title, x.field]) }
          : { kind: 'paragraph', text: 'Keine Maßnahme ist diesem Querschnittsthema zugeordnet.' },
      );
    });
  }
  h1('Anhang: Beteiligte Akteure', 'akteure');
  blocks.push(
    m.actors.length
      ? {
          kind: 'table',
          headers: ['Akteur', 'Art', 'Sitz', 'Federführung', 'Beteiligung'],
          rows: m.actors.map((a) => [a.name, a.kind, a.seat, String(a.leads), String(a.partners)]),
          numeric: [false, false, false, true, true],
        }
      : { kind: 'paragraph', text: 'Keine Maßnahme nennt einen Akteur.' },
  );
  if (m.actors.length) blocks.push({ kind: 'paragraph', text: 'Federführung und Beteiligung: Zahl der Maßnahmen, die der Akteur federführend verantwortet oder an denen er beteiligt ist.', note: true });

  const measureCount = m.fields.reduce((n, f) => n + f.measures.length, 0);
  return {
    title: draft ? `Entwurf: ${m.title}` : m.title,
    titlePage: {
      kommune: m.kommune,
      subtitle: m.title,
      period: statusLine(m),
      lines: [
        `${counted(m.fields.length, 'Themenfeld', 'Themenfelder')}, ${counted(m.fields.reduce((n, f) => n + f.goals.length, 0), 'Ziel', 'Ziele')}, ${counted(measureCount, 'Maßnahme', 'Maßnahmen')}.`,
        `Erstellt am ${date(m.generatedOn)}.`,
        ...(draft ? ['Entwurf – nicht beschlossen. Inhalte können sich bis zum Beschluss noch ändern.'] : []),
      ],
    },
    footer: `${m.kommune} · ${m.title}${draft ? ' · Entwurf' : ''}`,
    keywords: 'Integrationskonzept, Leitlinien, Themenfelder, Ziele, Maßnahmen',
    contentsTitle: 'Inhalt',
    blocks,
  };
}
