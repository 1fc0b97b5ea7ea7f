import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
/** The TTF fonts shipped with pdfmake: the same faces in PDF and in rasterised charts, no system fonts needed. */
export const reportFontDir = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

/** SVG → PNG at 2× for sharp print, for Word processors that cannot show SVG. */
export function svgToPng(svg: string): Buffer {
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: [path.join(reportFontDir, 'Roboto-Regular.ttf'), path.join(reportFontDir, 'Roboto-Medium.ttf')], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
  });
  return renderer.render().asPng();
}

export function svgSize(svg: string): { width: number; height: number } {
  const w = /width="(\d+)"/.exec(svg);
  const h = /height="(\d+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 400), height: Number(h?.[1] ?? 200) };
}
