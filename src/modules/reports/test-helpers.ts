import { cellText, reportContent } from './content.js';
import { syntheticReport } from './fixture.js';
import type { ReportModel } from './model.js';

const words = (text: string) => text.split(/[\s\-–/]+/).filter((w) => w.length > 1);
const count = (list: string[]) => list.reduce((c, w) => c.set(w, (c.get(w) ?? 0) + 1), new Map<string, number>());

/**
 * Words of table cells that the rendered pages do not have whole as often as the tables have them:
 * a word broken at a line end ("Them|enfeld") shows up as two fragments instead.
 */
export function brokenWords(pages: string[], m: ReportModel): string[] {
  const rendered = count(words(pages.join(' ')));
  const cells = count(reportContent(m).blocks.flatMap((b) => (b.kind === 'table' ? [...b.headers, ...b.rows.flat().map(cellText)] : [])).flatMap(words));
  return [...cells].filter(([w, n]) => (rendered.get(w) ?? 0) < n).map(([w]) => w);
}

/** A report whose rows span several lines: each last Sachstand starts with `Anfang<i>` and ends with `Schluss<i>`. */
export function reportWithLongRows(count = 90): ReportModel {
  const m = syntheticReport(count);
  m.measures.forEach((x, i) => {
    x.latest = { reportedOn: '2026-05-01', isPublic: true, text: `Anfang${i} ${'Die Beratung läuft in allen Gemeinden, die Nachfrage ist höher als erwartet und die Wartezeit beträgt sechs Wochen. '.repeat(2)}Schluss${i}` };
  });
  return m;
}

/** Measures whose row is cut by a page break, or continues on a page without the header row. */
export function splitRows(pages: string[], m: ReportModel): string[] {
  const problems: string[] = [];
  m.measures.forEach((_, i) => {
    for (const page of pages) {
      const tokens = page.split(/\s+/);
      if (tokens.includes(`Anfang${i}`) !== tokens.includes(`Schluss${i}`)) problems.push(`row ${i} split`);
      if (tokens.includes(`Schluss${i}`) && !/Sachstand/.test(page)) problems.push(`row ${i} on a page without header row`);
    }
  });
  return problems;
}
