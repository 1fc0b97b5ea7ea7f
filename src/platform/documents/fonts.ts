import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/**
 * The TTF fonts shipped with pdfmake (Roboto covers Latin, Greek and Cyrillic names): the same
 * faces in PDF, in DOCX (embedded) and in rasterised charts, no system fonts needed.
 */
export const fontDir = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

export const documentFonts = {
  regular: path.join(fontDir, 'Roboto-Regular.ttf'),
  bold: path.join(fontDir, 'Roboto-Medium.ttf'),
  italic: path.join(fontDir, 'Roboto-Italic.ttf'),
};
