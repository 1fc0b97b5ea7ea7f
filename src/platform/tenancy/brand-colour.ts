/**
 * A Kommune's colour within KERN's rules: it colours links, buttons and the header line of the
 * public site, so it must keep text readable — a contrast of at least 4.5:1 (WCAG 2.2, 1.4.3)
 * against white and against the light grey of the header.
 */
export const minimumContrast = 4.5;
const backgrounds = ['#ffffff', '#f4f6f9'];

/** "#0B3A75", "0b3a75", "#abc" → "#0b3a75"; anything else → undefined. */
export function normaliseColour(input: string): string | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input.trim());
  if (!m) return undefined;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `#${hex.toLowerCase()}`;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The lowest contrast of the colour on the backgrounds it is used on. */
export const worstContrast = (colour: string) => Math.min(...backgrounds.map((b) => contrastRatio(colour, b)));

/** The public site's stylesheet for the colour (served as /k/:slug/farben.css; inline styles are forbidden by the CSP). */
export const brandStylesheet = (colour: string) =>
  `:root { --site-brand: ${colour}; }\n@media (prefers-color-scheme: light) { :root { --kern-color-action-default: ${colour}; } }\n`;
