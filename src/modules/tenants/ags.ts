import type { TenantKind } from '../../platform/tenancy/schema.js';

/**
 * AGS (Amtlicher Gemeindeschlüssel): 8 digits = Land (2) + Regierungsbezirk (1) + Kreis (2) +
 * Gemeinde (3). Kreis-level bodies end in 000; a Gemeinde shares the first five digits with its
 * Kreis. Returns the message key of the problem, or undefined when the key is valid.
 */
export function agsProblem(ags: string, kind: TenantKind, parentAgs?: string): string | undefined {
  if (!/^\d{8}$/.test(ags)) return 'validation.ags_format';
  const land = Number(ags.slice(0, 2));
  if (land < 1 || land > 16) return 'validation.ags_land';
  const kreisLevel = kind === 'landkreis' || kind === 'kreisfreie_stadt' || kind === 'region';
  if (kreisLevel && !ags.endsWith('000')) return 'validation.ags_kreis';
  if (!kreisLevel) {
    if (ags.endsWith('000')) return 'validation.ags_gemeinde';
    if (parentAgs && ags.slice(0, 5) !== parentAgs.slice(0, 5)) return 'validation.ags_parent';
  }
  return undefined;
}

/** "Landkreis Musterland" → "musterland"-style URL slugs: lower-case ASCII, hyphens. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
