/** Helpers of the directory import tests (actors, offers): upload, confirm with the preview's hidden fields, read counts and problems. */
import type { TestClient } from './harness.js';

export async function uploadTable(c: TestClient, path: string, bytes: Uint8Array | string, name: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('datei', new Blob([new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)]), name);
  const res = await c.postMultipart(`${path}/import`, form);
  return { status: res.status, html: await res.text() };
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

/** The confirmation step with the hidden fields of the preview (file and column mapping). */
export async function confirmTable(c: TestClient, path: string, previewHtml: string) {
  const form = new FormData();
  const confirmForm = previewHtml.slice(previewHtml.indexOf('/import/bestaetigen"'));
  for (const m of confirmForm.slice(0, confirmForm.indexOf('</form>')).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (m[1] !== '_csrf') form.append(m[1]!, m[2]!.replace(/&amp;/g, '&'));
  }
  if (!form.has('inhalt')) form.append('inhalt', hidden(previewHtml, 'inhalt') ?? '');
  return c.postMultipart(`${path}/import/bestaetigen`, form);
}

/** The preview step again with the kept file and a mapping of unknown headings (position → column key; a further sheet's as its field, e.g. "ansprechpersonen_spalte_2"). */
export async function remap(c: TestClient, path: string, html: string, mapping: Record<number | string, string>) {
  const form = new FormData();
  form.append('inhalt', hidden(html, 'inhalt') ?? '');
  form.append('dateiname', hidden(html, 'dateiname') ?? '');
  for (const [i, key] of Object.entries(mapping)) form.append(/^\d+$/.test(i) ? `spalte_${i}` : i, key);
  const res = await c.postMultipart(`${path}/import`, form);
  return { status: res.status, html: await res.text() };
}

export const countOf = (html: string, what: 'created' | 'updated' | 'unchanged') => Number(new RegExp(`data-count="${what}">(\\d+)<`).exec(html)?.[1]);

/** (row, column, reason) of the problem table, one per row a line names (the same mistake in several rows is one line). */
export function problemRows(html: string): [string, string, string][] {
  return [...html.matchAll(/<th scope="row" class="kern-table__header kern-table__header--numeric">([^<]*)<\/th><td class="kern-table__cell">([^<]*)<\/td><td class="kern-table__cell">([^<]*)<\/td>/g)].flatMap((m) =>
    rowsOfLine(m[1]!).map((row): [string, string, string] => [row, m[2]!, m[3]!]),
  );
}

/** The rows a line of the problem table names: "4" as 4, "2–4, 7 (4 Zeilen)" as 2, 3, 4, 7. */
export function rowsOfLine(cell: string): string[] {
  if (/weitere|more/.test(cell)) throw new Error(`the line names only some of its rows: ${cell}`);
  return cell
    .replace(/\s*\(.*\)$/, '')
    .split(', ')
    .flatMap((run) => {
      const [from, to = from] = run.split('–').map(Number);
      return Number.isNaN(from) ? [run] : Array.from({ length: to! - from! + 1 }, (_, i) => String(from! + i));
    });
}

export const csvOf = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';')).join('\r\n')}\r\n`;
