import { createRequire } from 'node:module';
import path from 'node:path';
import { formatDate } from '../../platform/i18n/i18n.js';
import { measureStatuses } from '../measures/schema.js';
import { statusDistributionSvg } from './charts.js';
import type { ReportModel } from './model.js';
import { audienceLine, sachstandText } from './wording.js';
import { reportFontDir } from './raster.js';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: unknown): { getBuffer(): Promise<Buffer> };
};
pdfmake.setFonts({
  Roboto: {
    normal: path.join(reportFontDir, 'Roboto-Regular.ttf'),
    bold: path.join(reportFontDir, 'Roboto-Medium.ttf'),
    italics: path.join(reportFontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(reportFontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// Reports never load anything from the network, and from disk only the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(reportFontDir + path.sep));

const percent = (p: number | null) => (p === null ? '–' : `${p} %`);
const table = (headers: string[], rows: string[][], widths?: (string | number)[]) => ({
  table: { headerRows: 1, widths: widths ?? headers.map(() => '*'), body: [headers.map((h) => ({ text: h, bold: true })), ...rows] },
  layout: 'lightHorizontalLines',
  fontSize: 8,
  margin: [0, 4, 0, 12],
});

/**
 * The Sachstandsbericht as PDF (for the council information system and printing). pdfmake
 * mutates the definition it is given, so each call builds a fresh one.
 */
export async function renderPdf(m: ReportModel): Promise<Buffer> {
  const chart = statusDistributionSvg(m.total.byStatus, m.statusLabels, 'Maßnahmen nach Status');
  const definition = {
    info: { title: `Sachstandsbericht ${m.editionTitle}`, author: m.kommune, creator: 'ikon', subject: 'Sachstandsbericht' },
    language: 'de-DE',
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: { title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] }, h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] } },
    footer: (page: number, pages: number) => ({ text: `${m.kommune} · Sachstandsbericht · Seite ${page} von ${pages}`, fontSize: 8, margin: [40, 10, 40, 0] }),
    content: [
      { text: `Sachstandsbericht ${m.editionTitle}`, style: 'title' },
      { text: `${m.kommune} · Berichtszeitraum ${formatDate('de', m.periodFrom)} bis ${formatDate('de', m.periodTo)} · erstellt am ${formatDate('de', m.generatedOn)}` },
      { text: audienceLine[m.audience] },
      ...(m.adoptedOn ? [{ text: `Das Konzept wurde am ${formatDate('de', m.adoptedOn)} beschlossen.` }] : []),
      { text: '1. Überblick', style: 'h1' },
      { text: `${m.total.measures} Maßnahmen, Umsetzungsstand insgesamt ${percent(m.total.progress)}.` },
      { text: m.rollupRule, italics: true, margin: [0, 2, 0, 6] },
      { svg: chart, margin: [0, 6, 0, 6] },
      table(['Status', 'Anzahl'], measureStatuses.map((s) => [m.statusLabels[s], String(m.total.byStatus[s])]), ['*', 60]),
      { text: '2. Stand je Themenfeld', style: 'h1' },
      table(
        ['Themenfeld', 'Maßn.', 'Stand', ...measureStatuses.map((s) => m.statusLabels[s])],
        m.fields.map((f) => [f.title, String(f.measures), percent(f.progress), ...measureStatuses.map((s) => String(f.byStatus[s]))]),
        ['*', 30, 35, ...measureStatuses.map(() => 42)],
      ),
      { text: '3. Veränderungen im Berichtszeitraum', style: 'h1' },
      m.changes.length
        ? table(['Nr.', 'Maßnahme', 'Datum', 'Status', 'Stand', 'Sachstand'], m.changes.map((c) => [c.number, c.title, formatDate('de', c.reportedOn), m.statusLabels[c.status], `${c.progress} %`, sachstandText(c)]), [35, '*', 50, 55, 30, '*'])
        : { text: 'Im Berichtszeitraum wurden keine Sachstände gemeldet.' },
      { text: '4. Überfällige Maßnahmen', style: 'h1' },
      m.overdue.length
        ? table(['Nr.', 'Maßnahme', 'Federführung', 'fällig seit', 'Status'], m.overdue.map((o) => [o.number, o.title, o.lead, formatDate('de', o.dueOn), m.statusLabels[o.status]]), [35, '*', 110, 50, 55])
        : { text: 'Keine Maßnahme ist überfällig.' },
      { text: '5. Alle Maßnahmen mit letztem Sachstand', style: 'h1' },
      table(
        ['Nr.', 'Maßnahme', 'Federführung', 'Status', 'Stand', 'Letzter Sachstand'],
        m.measures.map((x) => [x.number, x.title, x.lead, m.statusLabels[x.status], percent(x.progress), x.latest ? `${formatDate('de', x.latest.reportedOn)}: ${sachstandText(x.latest)}` : '–']),
        [35, '*', 90, 50, 30, '*'],
      ),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
