import { Resvg } from '@resvg/resvg-js';
import { documentFonts } from './fonts.js';

/** SVG → PNG at 2× for sharp print, for Word processors that cannot show SVG. */
export function svgToPng(svg: string): Buffer {
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: [documentFonts.regular, documentFonts.bold], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
  });
  return renderer.render().asPng();
}

export function svgSize(svg: string): { width: number; height: number } {
  const w = /width="(\d+)"/.exec(svg);
  const h = /height="(\d+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 400), height: Number(h?.[1] ?? 200) };
}
