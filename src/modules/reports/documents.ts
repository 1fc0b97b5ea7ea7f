// The readers of generated documents, where the reports' tests have always taken them from.
export { docxText, pdfStructure, pdfText, type PdfStructureNode } from '../../platform/documents/read.js';
