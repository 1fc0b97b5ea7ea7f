import { createHash } from 'node:crypto';
import { Resvg } from '@resvg/resvg-js';
import { documentFonts } from './fonts.js';

/**
 * Recently rasterised charts by a digest of their SVG. A report or concept document rasterises
 * the same indicator charts every time it is written (Word cannot show SVG), and resvg parses both
 * font files for every picture: ~25–40 ms of CPU per chart. 64 pictures at 2× are a few MB.
 */
const recent = new Map<string, Buffer>();
const recentLimit = 64;

/** SVG → PNG at 2× for sharp print, for Word processors that cannot show SVG. The buffer is shared: do not change it. */
export function svgToPng(svg: string): Buffer {
  const key = createHash('sha256').update(svg).digest('base64');
  const known = recent.get(key);
  if (known) {
    recent.delete(key);
    recent.set(key, known); // most recently used last
    return known;
  }
  const renderer = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: false, fontFiles: [documentFonts.regular, documentFonts.bold], defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
  });
  const png = renderer.render().asPng();
  recent.set(key, png);
  if (recent.size > recentLimit) recent.delete(recent.keys().next().value!);
  return png;
}

export function svgSize(svg: string): { width: number; height: number } {
  const w = /width="(\d+)"/.exec(svg);
  const h = /height="(\d+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 400), height: Number(h?.[1] ?? 200) };
}
