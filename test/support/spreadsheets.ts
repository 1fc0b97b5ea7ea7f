import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

/**
 * Hostile spreadsheets for the upload limits (issue 8): each is a real file an attacker or a
 * careless export could produce, under the 5 MB upload limit. Used by the tests and the bench.
 */

/** One heading in column XFD, one value in column A on rows 2–5000 (~39 KB). */
export async function xfdWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Maßnahmen');
  sheet.getCell('XFD1').value = 'Nr.';
  for (let row = 2; row <= 5000; row++) sheet.getCell(`A${row}`).value = row;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface ZipPart {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
  /** Compression method: 8 = deflate. */
  method: number;
}

const stored = (name: string, text: string): ZipPart => {
  const data = Buffer.from(text);
  return { name, data, crc: zlib.crc32(data), size: data.length, method: 0 };
};

/** A zip archive from parts; `declaredSize` overrides what the headers say an entry unpacks to. */
function zipOf(parts: ZipPart[], declaredSize?: (p: ZipPart) => number): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = declaredSize ? declaredSize(p) : p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook needs around one sheet. */
function workbookParts(): ZipPart[] {
  return [
    stored(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    stored('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    stored('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets><sheet name="Maßnahmen" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
  ];
}

/**
 * Deflates head + repeat×count + tail without ever holding the unpacked text: the repeated
 * block is deflated once with a full flush (byte-aligned, no references back), so its bytes can
 * simply be repeated in the stream.
 */
function deflatedPart(name: string, head: string, repeat: string, count: number, tail: string): ZipPart {
  const perBlock = Math.max(1, Math.floor((1 << 20) / repeat.length));
  const block = Buffer.from(repeat.repeat(perBlock));
  const flush = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const packedBlock = zlib.deflateRawSync(block, flush);
  const pieces: Buffer[] = [zlib.deflateRawSync(head, flush)];
  let crc = zlib.crc32(head);
  let size = Buffer.byteLength(head);
  let left = count;
  for (; left >= perBlock; left -= perBlock) {
    pieces.push(packedBlock);
    crc = zlib.crc32(block, crc);
    size += block.length;
  }
  const rest = repeat.repeat(left) + tail;
  pieces.push(zlib.deflateRawSync(rest, { level: 9 }));
  crc = zlib.crc32(rest, crc);
  size += Buffer.byteLength(rest);
  return { name, data: Buffer.concat(pieces), crc, size, method: 8 };
}

/**
 * A zip bomb shaped as an .xlsx: a sheet of `unpackedMb` MB of rows (each with a value), about
 * 1 MB packed per GB. `lying` declares a tiny unpacked size in the headers, so only counting the
 * bytes that really come out stops it.
 */
export async function zipBombWorkbook(unpackedMb: number, opts: { lying?: boolean } = {}): Promise<Uint8Array> {
  const row = '<row><c t="inlineStr"><is><t>Sprachkurs</t></is></c></row>';
  const count = Math.ceil((unpackedMb * 1024 * 1024) / row.length);
  const sheet = deflatedPart('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${mainNs}"><sheetData>`, row, count, '</sheetData></worksheet>');
  return zipOf([...workbookParts(), sheet], opts.lying ? (p) => (p.method === 8 ? 1000 : p.size) : undefined);
}

/** One cell whose text unpacks to `unpackedMb` MB (a single huge value instead of many rows). */
export async function hugeCellWorkbook(unpackedMb: number): Promise<Uint8Array> {
  const sheet = deflatedPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${mainNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nr.</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`,
    'Sprachkurs ',
    Math.ceil((unpackedMb * 1024 * 1024) / 11),
    '</t></is></c></row></sheetData></worksheet>',
  );
  return zipOf([...workbookParts(), sheet]);
}

/** A CSV of `rows` short rows (400,000 rows ≈ 3 MB). */
export function manyRowsCsv(rows: number): Uint8Array {
  const lines = ['Nr.;Titel'];
  for (let i = 1; i <= rows; i++) lines.push(`${i};x`);
  return new Uint8Array(Buffer.from(lines.join('\n')));
}

/** A CSV whose heading row has `columns` cells (one 5 MB line of semicolons at most). */
export function wideCsv(columns: number): Uint8Array {
  return new Uint8Array(Buffer.from(`Nr.${';x'.repeat(columns - 1)}\n1;2\n`));
}

/**
 * The largest table the limits accept: 5,000 rows × 100 columns of text, ~48 MB unpacked (just
 * under the 50 MB budget), ~0.5 MB packed.
 */
export function fullWorkbook(): Uint8Array {
  const cell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
  const headings = Array.from({ length: 100 }, (_, i) => cell(i === 0 ? 'Nr.' : `Spalte ${i + 1}`)).join('');
  const row = `<row>${cell('x'.repeat(45)).repeat(100)}</row>`;
  const sheet = deflatedPart('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${mainNs}"><sheetData><row>${headings}</row>`, row, 5000, '</sheetData></worksheet>');
  return zipOf([...workbookParts(), sheet]);
}

/** The largest CSV the limits accept: 5,000 rows × 100 columns, just under 5 MB. */
export function fullCsv(): Uint8Array {
  const lines = [Array.from({ length: 100 }, (_, i) => (i === 0 ? 'Nr.' : `Spalte ${i + 1}`)).join(';')];
  for (let i = 1; i <= 5000; i++) lines.push(`${i}${';Sprachkurs'.repeat(99)}`.slice(0, 1040));
  return new Uint8Array(Buffer.from(lines.join('\n')));
}
