import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatDate } from '../../platform/i18n/i18n.js';
import { measureStatuses } from '../measures/schema.js';
import { statusDistributionSvg } from './charts.js';
import type { ReportModel } from './model.js';
import { audienceLine, sachstandText } from './wording.js';
import { svgSize, svgToPng } from './raster.js';

const percent = (p: number | null) => (p === null ? '–' : `${p} %`);

function table(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const text = (t: string) => new Paragraph({ text: t });

/** The Sachstandsbericht as an editable Word document (what councils work with). */
export async function renderDocx(m: ReportModel): Promise<Buffer> {
  const chart = statusDistributionSvg(m.total.byStatus, m.statusLabels, 'Maßnahmen nach Status');
  const size = svgSize(chart);
  const statusHeaders = measureStatuses.map((s) => m.statusLabels[s]);
  const doc = new Document({
    creator: 'ikon',
    title: `Sachstandsbericht ${m.editionTitle}`,
    description: `Sachstandsbericht ${m.kommune}, ${formatDate('de', m.periodFrom)} – ${formatDate('de', m.periodTo)}`,
    styles: { default: { document: { run: { language: { value: 'de-DE' }, font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: `Sachstandsbericht ${m.editionTitle}`, heading: HeadingLevel.TITLE }),
          text(`${m.kommune} · Berichtszeitraum ${formatDate('de', m.periodFrom)} bis ${formatDate('de', m.periodTo)} · erstellt am ${formatDate('de', m.generatedOn)}`),
          text(audienceLine[m.audience]),
          ...(m.adoptedOn ? [text(`Das Konzept wurde am ${formatDate('de', m.adoptedOn)} beschlossen.`)] : []),

          heading('1. Überblick', HeadingLevel.HEADING_1),
          text(`${m.total.measures} Maßnahmen, Umsetzungsstand insgesamt ${percent(m.total.progress)}.`),
          text(m.rollupRule),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new ImageRun({
                type: 'svg',
                data: Buffer.from(chart),
                fallback: { type: 'png', data: svgToPng(chart) },
                transformation: { width: size.width, height: size.height },
                altText: { name: 'Statusverteilung', title: 'Maßnahmen nach Status', description: measureStatuses.map((s) => `${m.statusLabels[s]}: ${m.total.byStatus[s]}`).join(', ') },
              }),
            ],
          }),
          table(['Status', 'Anzahl'], measureStatuses.map((s) => [m.statusLabels[s], String(m.total.byStatus[s])])),

          heading('2. Stand je Themenfeld', HeadingLevel.HEADING_1),
          table(['Themenfeld', 'Maßnahmen', 'Stand', ...statusHeaders], m.fields.map((f) => [f.title, String(f.measures), percent(f.progress), ...measureStatuses.map((s) => String(f.byStatus[s]))])),

          heading('3. Veränderungen im Berichtszeitraum', HeadingLevel.HEADING_1),
          ...(m.changes.length
            ? [table(['Nr.', 'Maßnahme', 'Datum', 'Status', 'Stand', 'Sachstand'], m.changes.map((c) => [c.number, c.title, formatDate('de', c.reportedOn), m.statusLabels[c.status], `${c.progress} %`, sachstandText(c)]))]
            : [text('Im Berichtszeitraum wurden keine Sachstände gemeldet.')]),

          heading('4. Überfällige Maßnahmen', HeadingLevel.HEADING_1),
          ...(m.overdue.length
            ? [table(['Nr.', 'Maßnahme', 'Federführung', 'fällig seit', 'Status'], m.overdue.map((o) => [o.number, o.title, o.lead, formatDate('de', o.dueOn), m.statusLabels[o.status]]))]
            : [text('Keine Maßnahme ist überfällig.')]),

          heading('5. Alle Maßnahmen mit letztem Sachstand', HeadingLevel.HEADING_1),
          table(
            ['Nr.', 'Maßnahme', 'Themenfeld', 'Federführung', 'Status', 'Stand', 'Letzter Sachstand'],
            m.measures.map((x) => [x.number, x.title, x.field, x.lead, m.statusLabels[x.status], percent(x.progress), x.latest ? `${formatDate('de', x.latest.reportedOn)}: ${sachstandText(x.latest)}` : '–']),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
