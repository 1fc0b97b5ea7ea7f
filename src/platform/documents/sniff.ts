/**
 * What kind of office document some bytes are, by their content only (never by the name or the
 * type the browser claimed): PDF by its header, DOCX/XLSX by the part a ZIP must hold to be one,
 * ODT by the stored `mimetype` entry ODF puts first. Anything else (an .exe renamed .pdf, a ZIP
 * of photos) is undefined.
 */

export const documentKinds = {
  pdf: { type: 'application/pdf', label: 'PDF' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
  odt: { type: 'application/vnd.oasis.opendocument.text', label: 'ODT' },
} as const;
export type DocumentKind = keyof typeof documentKinds;

const startsWith = (bytes: Uint8Array, text: string, at = 0) => Buffer.from(bytes.subarray(at, at + text.length)).toString('latin1') === text;

export async function sniffDocument(bytes: Uint8Array): Promise<DocumentKind | undefined> {
  if (startsWith(bytes, '%PDF-')) return 'pdf';
  if (!startsWith(bytes, 'PK\x03\x04')) return undefined;
  // ODF: the first entry is "mimetype", stored uncompressed, so its content follows its name at byte 38.
  if (startsWith(bytes, 'mimetype', 30) && startsWith(bytes, documentKinds.odt.type, 38)) return 'odt';
  try {
    // Reading the directory decompresses nothing: a ZIP bomb costs no memory here.
    const { default: JSZip } = await import('jszip'); // at first use (issue 9: memory)
    const zip = await JSZip.loadAsync(bytes);
    if (!zip.file('[Content_Types].xml')) return undefined;
    if (zip.file('word/document.xml')) return 'docx';
    if (zip.file('xl/workbook.xml')) return 'xlsx';
  } catch {
    return undefined;
  }
  return undefined;
}
