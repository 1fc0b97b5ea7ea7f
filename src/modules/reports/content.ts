/**
 * What a Sachstandsbericht says, in order, as blocks that the DOCX and the PDF renderer only lay
 * out: both documents carry the same words, tables and charts.
 */
import { cellText, type Block, type Cell, type TableBlock } from '../../platform/documents/blocks.js';
import { formatDate, translator } from '../../platform/i18n/i18n.js';
import { formatIndicatorValue, indicatorChartSvg, targetDateOf } from '../indicators/index.js';
import { measureStatuses } from '../measures/schema.js';
import { statusDistributionSvg } from './charts.js';
import type { ReportIndicator, ReportModel } from './model.js';
import { audienceLine, internalLabel, pendingLabel } from './wording.js';

export { cellText, type Block, type Cell, type TableBlock };

/** A document both renderers lay out (the Sachstandsbericht, the concept edition). */
export interface ReportDocument {
  title: string;
  /** Title page lines below the title: Kommune, edition, period (or status), audience. */
  titlePage: { kommune: string; subtitle: string; period: string; lines: string[] };
  /** Metadata keywords of the file. */
  keywords: string;
  /** "Landkreis Musterland · Sachstandsbericht", before "Seite X von Y". */
  footer: string;
  contentsTitle: string;
  blocks: Block[];
}

const percent = (p: number | null) => (p === null ? '–' : `${p} %`);
const date = (iso: string) => formatDate('de', iso);
const marked = (isPublic: boolean, text: string, pending = false): Cell => (isPublic ? text : { label: `${pending ? pendingLabel : internalLabel}:`, text });

const descOf = (svg: string) => /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1]?.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'") ?? '';

function indicatorFigure(entry: ReportIndicator): Block {
  const t = translator('de');
  const { indicator: ind } = entry;
  const values = [...entry.values].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  const svg = indicatorChartSvg(ind, values, 'de', { fixedSize: true });
  const value = (n: number) => formatIndicatorValue('de', n, ind.unit);
  const rows: Cell[][] = [
    ...(ind.baselineValue != null && ind.baselineDate ? [[date(ind.baselineDate), value(ind.baselineValue), t('indicator.table.baseline')]] : []),
    ...values.map((v) => [date(v.measuredOn), value(v.value), t('indicator.table.measured')]),
    ...(ind.targetValue != null && ind.targetYear != null ? [[date(targetDateOf(ind.targetYear)), value(ind.targetValue), t('indicator.table.target')]] : []),
  ];
  return {
    kind: 'figure',
    svg,
    alt: `${ind.name}: ${descOf(svg)}`,
    table: { kind: 'table', headers: [t('indicator.table.date'), t('indicator.table.value'), t('indicator.table.type')], rows, numeric: [false, true, false] },
  };
}

function indicatorBlocks(m: ReportModel): Block[] {
  if (m.indicators.length === 0) return [{ kind: 'paragraph', text: m.audience === 'public' ? 'Es sind keine Indikatoren veröffentlicht.' : 'Für dieses Konzept sind keine Indikatoren erfasst.' }];
  return m.indicators.flatMap((f, i) => [
    { kind: 'heading', level: 2, text: f.field, id: `indikatoren-${i + 1}`, inContents: true },
    ...f.entries.flatMap((e, j): Block[] => [
      { kind: 'heading', level: 3, text: e.isPublic ? e.indicator.name : `${e.indicator.name} (${internalLabel})`, id: `indikator-${i + 1}-${j + 1}`, inContents: false },
      { kind: 'paragraph', text: `${e.owner} · Stand: ${e.status}`, note: true },
      indicatorFigure(e),
    ]),
  ]);
}

/** One table per Themenfeld (a Themenfeld column would leave too little room for the words). */
function measuresByField(m: ReportModel): Block[] {
  const fields = [...new Set(m.measures.map((x) => x.field))];
  return fields.flatMap((field, i): Block[] => [
    { kind: 'heading', level: 2, text: field, id: `massnahmen-${i + 1}`, inContents: false },
    {
      kind: 'table',
      headers: ['Nr.', 'Maßnahme', 'Federführung', 'Status', 'Stand', 'Letzter Sachstand'],
      rows: m.measures.filter((x) => x.field === field).map((x) => [x.number, x.title, x.lead, m.statusLabels[x.status], percent(x.progress), x.latest ? marked(x.latest.isPublic, `${date(x.latest.reportedOn)}: ${x.latest.text}`, x.latest.pending) : '–']),
      numeric: [false, false, false, false, true, false],
    },
  ]);
}

/** The report as blocks, in the order both documents show them. */
export function reportContent(m: ReportModel): ReportDocument {
  const h1 = (n: number, text: string): Block => ({ kind: 'heading', level: 1, text: `${n}. ${text}`, id: `abschnitt-${n}`, inContents: true });
  const p = (text: string): Block => ({ kind: 'paragraph', text });
  const statusChart = statusDistributionSvg(m.total.byStatus, m.statusLabels, 'Maßnahmen nach Status');
  const statusTable: TableBlock = { kind: 'table', headers: ['Status', 'Anzahl'], rows: measureStatuses.map((s) => [m.statusLabels[s], String(m.total.byStatus[s])]), numeric: [false, true] };
  return {
    title: `Sachstandsbericht ${m.editionTitle}`,
    titlePage: {
      kommune: m.kommune,
      subtitle: m.editionTitle,
      period: `Berichtszeitraum ${date(m.periodFrom)} bis ${date(m.periodTo)}`,
      lines: [...(m.adoptedOn ? [`Das Konzept wurde am ${date(m.adoptedOn)} beschlossen.`] : []), `Erstellt am ${date(m.generatedOn)}.`, audienceLine[m.audience]],
    },
    footer: `${m.kommune} · Sachstandsbericht ${m.editionTitle}${m.audience === 'internal' ? ' · intern' : ''}`,
    keywords: 'Sachstandsbericht, Integrationskonzept',
    contentsTitle: 'Inhalt',
    blocks: [
      h1(1, 'Überblick'),
      p(`${m.total.measures} Maßnahmen, Umsetzungsstand insgesamt ${percent(m.total.progress)}.`),
      { kind: 'paragraph', text: m.rollupRule, note: true },
      { kind: 'figure', svg: statusChart, alt: `Maßnahmen nach Status: ${measureStatuses.map((s) => `${m.statusLabels[s]} ${m.total.byStatus[s]}`).join(', ')}.`, table: statusTable },

      h1(2, 'Stand je Themenfeld'),
      {
        kind: 'table',
        headers: ['Themenfeld', 'Maßnahmen', 'Stand', ...measureStatuses.map((s) => m.statusLabels[s])],
        rows: m.fields.map((f) => [f.title, String(f.measures), percent(f.progress), ...measureStatuses.map((s) => String(f.byStatus[s]))]),
        numeric: [false, true, true, ...measureStatuses.map(() => true)],
      },

      h1(3, 'Veränderungen im Berichtszeitraum'),
      m.changes.length
        ? { kind: 'table', headers: ['Nr.', 'Maßnahme', 'Datum', 'Status', 'Stand', 'Sachstand'], rows: m.changes.map((c) => [c.number, c.title, date(c.reportedOn), m.statusLabels[c.status], `${c.progress} %`, marked(c.isPublic, c.text, c.pending)]), numeric: [false, false, false, false, true, false] }
        : p('Im Berichtszeitraum wurden keine Sachstände gemeldet.'),

      h1(4, 'Überfällige Maßnahmen'),
      m.overdue.length
        ? { kind: 'table', headers: ['Nr.', 'Maßnahme', 'Federführung', 'fällig seit', 'Status'], rows: m.overdue.map((o) => [o.number, o.title, o.lead, date(o.dueOn), m.statusLabels[o.status]]) }
        : p('Keine Maßnahme ist überfällig.'),

      h1(5, 'Indikatoren'),
      ...indicatorBlocks(m),

      h1(6, 'Alle Maßnahmen mit letztem Sachstand'),
      ...measuresByField(m),
    ],
  };
}
