import { SaxesParser } from 'saxes';
import { readTable } from '../../platform/spreadsheet/parse.js';
import { limitParams, maxFileBytes, uploadLimits } from '../../platform/spreadsheet/parse.js';
import { fileProblem, importRejected, type ImportProblem } from '../../platform/spreadsheet/problems.js';
import type { TranslationLang } from '../../platform/translations/sources.js';
import { requiredColumns, translationColumns } from './columns.js';
import type { ImportedTranslation } from './service.js';

const xliffNamespace = 'urn:oasis:names:tc:xliff:document:2.0';

/** An XLIFF file by its name or its first bytes; everything else goes to the spreadsheet reader. */
export const isXliff = (name: string, bytes: Uint8Array) =>
  /\.(xlf|xliff)$/i.test(name) || /^(\uFEFF)?\s*<(\?xml|xliff)/.test(new TextDecoder().decode(bytes.subarray(0, 64)));

/** The translations of an .xlsx or .csv in the export's columns (headings found by name, in any order). */
export async function readTranslationTable(bytes: Uint8Array, name: string): Promise<ImportedTranslation[]> {
  const table = await readTable(bytes, name);
  const index = (heading: string) => table.headings.findIndex((h) => h === heading || h.startsWith(`${heading} (`));
  const at = { key: index(translationColumns.key.heading), german: index(translationColumns.german.heading), target: index(translationColumns.target.heading) };
  const missing = requiredColumns.filter((c) => at[c as keyof typeof at] < 0);
  if (missing.length) {
    throw importRejected(missing.map((c): ImportProblem => ({ row: table.headerRow, column: translationColumns[c].heading, messageKey: 'translations.import.missing_column', params: { column: translationColumns[c].heading } })));
  }
  const targetHeading = table.headings[at.target]!;
  return table.rows.map((r) => ({ row: r.row, column: targetHeading, key: r.cells[at.key] ?? '', source: r.cells[at.german] ?? '', target: r.cells[at.target] ?? '' }));
}

/**
 * The units of an XLIFF 2.0 file: `id`, the text of <source> and <target> (inline codes give
 * their text; <cp hex> its character). The file must be XLIFF 2.0 into the chosen language.
 * Problems name the line of the <unit> and its id.
 */
export function readXliff(bytes: Uint8Array, lang: TranslationLang): ImportedTranslation[] {
  if (bytes.length > maxFileBytes) throw importRejected([fileProblem('spreadsheet.error.too_large', { max: limitParams.maxMb })]);
  const text = new TextDecoder('utf-8').decode(bytes);
  const parser = new SaxesParser({ xmlns: true });
  const units: ImportedTranslation[] = [];
  let unit: ImportedTranslation | undefined;
  let into: 'source' | 'target' | undefined;
  let root: { version: string; trgLang: string; ns: string } | undefined;
  const problems: ImportProblem[] = [];
  parser.on('opentag', (tag) => {
    const attr = (n: string) => (tag.attributes[n] as { value: string } | undefined)?.value ?? '';
    if (!root) {
      root = { version: attr('version'), trgLang: attr('trgLang'), ns: tag.uri ?? '' };
      return;
    }
    if (tag.uri !== xliffNamespace) return;
    if (tag.local === 'unit') {
      unit = { row: parser.line, column: attr('id'), key: attr('id'), source: '', target: '' };
      if (units.length >= uploadLimits.maxRows) throw importRejected([fileProblem('spreadsheet.error.too_many_rows', { max: limitParams.maxRows })]);
    } else if (unit && (tag.local === 'source' || tag.local === 'target')) into = tag.local;
    else if (unit && into && tag.local === 'cp') {
      const code = Number.parseInt(attr('hex'), 16);
      if (Number.isFinite(code)) unit[into] += String.fromCodePoint(code);
    }
  });
  const onText = (t: string) => {
    if (unit && into) unit[into] += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (tag.uri !== xliffNamespace) return;
    if (tag.local === 'source' || tag.local === 'target') into = undefined;
    else if (tag.local === 'unit' && unit) {
      // Several segments of one unit are one text again (a tool may have split sentences).
      units.push(unit);
      unit = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof Error && 'code' in e) throw e;
    throw importRejected([fileProblem('translations.import.not_xliff')]);
  }
  if (!root || root.ns !== xliffNamespace || !root.version.startsWith('2.')) throw importRejected([fileProblem('translations.import.not_xliff')]);
  if (root.trgLang.toLowerCase().split('-')[0] !== lang) problems.push(fileProblem('translations.import.wrong_language', { found: root.trgLang || '–', expected: lang }));
  if (problems.length) throw importRejected(problems);
  return units;
}
