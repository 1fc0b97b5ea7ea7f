import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { entryChunks, UnpackBudget, zipEntries, ZipRefused, type ZipEntry } from './zip.js';

/**
 * A streaming .xlsx reader: the sheet XML is parsed piece by piece as it inflates, and only
 * cells that hold a value are kept. Memory follows what the file holds, never the size of the
 * grid it spans (one cell in column XFD does not make 16,384 cells per row). What the import
 * needs: the first sheet with content (one named like "Maßnahmen" first), every value as text.
 */
export interface SheetRowSink {
  /** A row with at least one value; `cells` is sparse (index = column - 1), `typed` marks number and date cells. */
  row(rowNumber: number, cells: string[], typed: boolean[]): void;
  /** A value in a column beyond what the sink accepts; the sink throws. */
  cellBeyond(reference: string): void;
  /** A value longer than a cell may be (Excel's own limit); the sink throws. '' = cell unknown. */
  cellTooLong(reference: string): void;
  maxColumns: number;
  maxCellChars: number;
}

type XmlHandlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Runs a SAX parser over an entry's chunks (tag names without namespace prefixes). */
async function parseXml(chunks: AsyncIterable<Buffer>, h: XmlHandlers) {
  const parser = new SaxesParser();
  if (h.open) parser.on('opentag', (tag) => h.open!(localName(tag.name), tag.attributes as Record<string, string>));
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  if (h.close) parser.on('closetag', (tag) => h.close!(localName(tag.name)));
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) parser.write(decoder.write(chunk));
  parser.write(decoder.end());
  parser.close();
}

/** Column letters of a cell reference ("XFD12" → 16384); 0 when there are none. */
function columnOf(reference: string): number {
  let n = 0;
  for (let i = 0; i < reference.length; i++) {
    const c = reference.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** Built-in number formats that are dates (as ExcelJS counts them). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
/** A custom number format shows a date when it has date letters outside quotes and brackets. */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel stores dates as days since 1899-12-30 (or 1904-01-01); rounded to the day, as a German table means it. */
export function isoFromSerial(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const day = new Date(Math.round(ms / 86_400_000) * 86_400_000);
  if (Number.isNaN(day.getTime())) return String(serial);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

/** Numbers as a person reads them: 15 significant digits, no float noise (0.1 + 0.2 → "0.3"). */
export const numberText = (n: number) => String(Number(n.toPrecision(15)));

interface Workbook {
  entries: Map<string, ZipEntry>;
  sheets: { name: string; path: string }[];
  sharedStringsPath?: string;
  stylesPath?: string;
  date1904: boolean;
}

/** Resolves a relationship target ("worksheets/sheet1.xml", "/xl/…") against the workbook's folder. */
const resolveTarget = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/[^/]+\/\.\.\//g, '');

async function readWorkbook(bytes: Uint8Array, entries: Map<string, ZipEntry>, budget: UnpackBudget): Promise<Workbook> {
  const entry = (name: string) => {
    const e = entries.get(name);
    if (!e) throw new ZipRefused('unreadable');
    return e;
  };
  const declared: { name: string; rid: string }[] = [];
  let date1904 = false;
  await parseXml(entryChunks(bytes, entry('xl/workbook.xml'), budget), {
    open(name, a) {
      if (name === 'sheet') declared.push({ name: a.name ?? '', rid: a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
  });
  const targets = new Map<string, { type: string; target: string }>();
  await parseXml(entryChunks(bytes, entry('xl/_rels/workbook.xml.rels'), budget), {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, { type: a.Type ?? '', target: resolveTarget(a.Target) });
    },
  });
  const ofType = (suffix: string) => [...targets.values()].find((r) => r.type.endsWith(suffix))?.target;
  const sheets = declared.flatMap((s) => {
    const path = targets.get(s.rid)?.target;
    return path && entries.has(path) ? [{ name: s.name, path }] : [];
  });
  const sharedStringsPath = ofType('/sharedStrings') ?? (entries.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined);
  const stylesPath = ofType('/styles') ?? (entries.has('xl/styles.xml') ? 'xl/styles.xml' : undefined);
  return { entries, sheets, sharedStringsPath, stylesPath, date1904 };
}

/** Which cell styles (index into cellXfs) show a date. */
async function readDateStyles(bytes: Uint8Array, wb: Workbook, budget: UnpackBudget): Promise<boolean[]> {
  const entry = wb.stylesPath ? wb.entries.get(wb.stylesPath) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await parseXml(entryChunks(bytes, entry, budget), {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styleFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : builtInDateFormats.has(id)));
}

/** The shared strings: rich text runs joined, phonetic hints (rPh) left out. */
async function readSharedStrings(bytes: Uint8Array, wb: Workbook, budget: UnpackBudget, sink: SheetRowSink): Promise<string[]> {
  const entry = wb.sharedStringsPath ? wb.entries.get(wb.sharedStringsPath) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await parseXml(entryChunks(bytes, entry, budget), {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    text(t) {
      if (!inText) return;
      current += t;
      if (current.length > sink.maxCellChars) sink.cellTooLong(''); // a shared string: its cell is not known yet
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

/**
 * Streams one sheet's rows with values into the sink. Returns how many rows had values (0 = an
 * empty sheet; the caller then tries the next one).
 */
async function readSheet(bytes: Uint8Array, entry: ZipEntry, budget: UnpackBudget, ctx: { shared: string[]; dateStyles: boolean[]; date1904: boolean }, sink: SheetRowSink): Promise<number> {
  let rowNumber = 0;
  let cells: string[] = [];
  let typed: boolean[] = [];
  let filled = 0;
  let column = 0;
  let reference = '';
  let type = '';
  let style = 0;
  let value = '';
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;

  const cellText = (): string => {
    switch (type) {
      case 's':
        return ctx.shared[Number(value)] ?? '';
      case 'inlineStr':
      case 'str':
        return value;
      case 'b':
        return value === '' ? '' : value === '1' || value === 'true' ? 'ja' : 'nein';
      case 'e':
        return ''; // error values (#N/A …)
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
      default: {
        if (value.trim() === '') return '';
        const n = Number(value);
        if (!Number.isFinite(n)) return value;
        return ctx.dateStyles[style] ? isoFromSerial(n, ctx.date1904) : numberText(n);
      }
    }
  };

  /** A number or date cell (also as a formula's result). */
  const isTyped = () => type === 'd' || (type === 'n' && Number.isFinite(Number(value)));

  await parseXml(entryChunks(bytes, entry, budget), {
    open(name, a) {
      if (name === 'row') {
        rowNumber = a.r ? Number(a.r) : rowNumber + 1;
        cells = [];
        typed = [];
        column = 0;
      } else if (name === 'c') {
        reference = a.r ?? '';
        column = columnOf(reference) || column + 1;
        type = a.t ?? 'n';
        style = Number(a.s ?? 0);
        value = '';
      } else if (name === 'v') inValue = true;
      else if (name === 'is') inInline = true;
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && inInline && !inPhonetic) inValue = true;
    },
    text(t) {
      if (!inValue) return;
      value += t;
      if (value.length > sink.maxCellChars) sink.cellTooLong(reference || `${rowNumber}:${column}`);
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c') {
        const text = cellText();
        if (text.trim() === '') return;
        if (column > sink.maxColumns) sink.cellBeyond(reference || `${column}:${rowNumber}`);
        cells[column - 1] = text;
        if (isTyped()) typed[column - 1] = true;
      } else if (name === 'row') {
        if (cells.length === 0) return;
        filled++;
        sink.row(rowNumber, cells, typed);
      }
    },
  });
  return filled;
}

/**
 * Reads the workbook's first sheet with content into the sink (`only`: of the `preferred` ones), within `maxUnpackedBytes` for
 * everything unpacked. Throws ZipRefused for archives that are broken or over the budget.
 */
export async function readXlsx(bytes: Uint8Array, maxUnpackedBytes: number, sink: SheetRowSink, preferred: RegExp = /ma(ß|ss)nahmen/i, only = false): Promise<boolean> {
  const budget = new UnpackBudget(maxUnpackedBytes);
  const entries = zipEntries(bytes);
  const wb = await readWorkbook(bytes, entries, budget);
  const dateStyles = await readDateStyles(bytes, wb, budget);
  const shared = await readSharedStrings(bytes, wb, budget, sink);
  // A workbook may start with an empty or explanatory sheet: one named like "Maßnahmen" (or what the import asks for) first.
  const named = wb.sheets.filter((s) => preferred.test(s.name));
  const order = only ? named : [...named, ...wb.sheets.filter((s) => !named.includes(s))];
  for (const sheet of order) {
    if ((await readSheet(bytes, entries.get(sheet.path)!, budget, { shared, dateStyles, date1904: wb.date1904 }, sink)) > 0) return true;
  }
  return false;
}
