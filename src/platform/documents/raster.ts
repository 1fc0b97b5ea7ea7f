import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { keptByKey } from '../kept-by-key.js';
import { documentFonts } from './fonts.js';

/**
 * Rasterised charts by a digest of their SVG. A report or concept document rasterises the same
 * indicator charts every time it is written (Word cannot show SVG), and resvg parses both font
 * files for every picture: ~26 ms of CPU to render a chart, more with the fonts. 64 pictures at 2× are a few MB.
 */
const rasterised = keptByKey<Buffer>(64);

/** SVG → PNG at 2× for sharp print, for Word processors that cannot show SVG. The buffer is shared: do not change it. */
export function svgToPng(svg: string): Buffer {
  return rasterised(createHash('sha256').update(svg).digest('base64'), () =>
    new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { loadSystemFonts: false, fontFiles: [documentFonts.regular, documentFonts.bold], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
    })
      .render()
      .asPng(),
  );
}

export function svgSize(svg: string): { width: number; height: number } {
  const w = /width="(\d+)"/.exec(svg);
  const h = /height="(\d+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 400), height: Number(h?.[1] ?? 200) };
}
