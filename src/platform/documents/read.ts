/** The plain text of a .docx (word/document.xml without markup), for tests and checks. */
export async function docxText(buffer: Buffer): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

/** The plain text of a PDF. */
export async function pdfText(buffer: Buffer): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: buffer });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

export interface PdfStructureNode {
  role: string;
  alt?: string;
  children: PdfStructureNode[];
}

/** What assistive technology gets from a PDF (read with pdf.js): marking, metadata, structure tree and text per page. */
export async function pdfStructure(buffer: Buffer): Promise<{ marked: boolean; info: Record<string, unknown>; tree: PdfStructureNode[]; pages: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buffer), verbosity: 0 }).promise;
  try {
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const info = (await doc.getMetadata()).info as Record<string, unknown>;
    const tree: PdfStructureNode[] = [];
    const pages: string[] = [];
    type Raw = { role?: string; alt?: string; children?: Raw[] };
    const convert = (n: Raw): PdfStructureNode[] => (n.role ? [{ role: n.role, alt: n.alt, children: (n.children ?? []).flatMap(convert) }] : []);
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const struct = (await page.getStructTree()) as Raw | null;
      for (const child of struct?.children ?? []) tree.push(...convert(child));
      const text = await page.getTextContent();
      pages.push(text.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return { marked: !!markInfo?.Marked, info, tree, pages };
  } finally {
    await doc.destroy();
  }
}
