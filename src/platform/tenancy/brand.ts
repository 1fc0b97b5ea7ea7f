import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CommandContext } from '../commands.js';
import { AppError, type FieldError } from '../errors.js';
import { minimumContrast, normaliseColour, worstContrast } from './brand-colour.js';
import { logoLimits, sniffLogo } from './logo-image.js';
import { tenantLogos } from './schema.js';
import { updateTenantSettings, type Tenant } from './service.js';

export interface BrandInput {
  /** "#rrggbb" or the like; empty = ikon's own colour. */
  brandColor: string;
  /** A new logo; undefined keeps the current one. */
  logo?: Uint8Array | undefined;
}

function checkBrand(input: BrandInput) {
  const errors: FieldError[] = [];
  let colour: string | null = null;
  if (input.brandColor.trim()) {
    const normal = normaliseColour(input.brandColor);
    if (!normal) errors.push({ field: 'brandColor', messageKey: 'brand.error.colour_format' });
    else if (worstContrast(normal) < minimumContrast)
      errors.push({ field: 'brandColor', messageKey: 'brand.error.colour_contrast', params: { ratio: worstContrast(normal).toFixed(1).replace('.', ','), min: '4,5' } });
    else colour = normal;
  }
  const logo = input.logo ? sniffLogo(input.logo) : undefined;
  if (input.logo) {
    if (input.logo.length > logoLimits.maxBytes) errors.push({ field: 'logo', messageKey: 'brand.error.logo_size', params: { max: logoLimits.maxBytes / 1024 } });
    else if (!logo) errors.push({ field: 'logo', messageKey: 'brand.error.logo_type' });
    else if (Math.min(logo.width, logo.height) < logoLimits.minSide || Math.max(logo.width, logo.height) > logoLimits.maxSide)
      errors.push({ field: 'logo', messageKey: 'brand.error.logo_dimensions', params: { min: logoLimits.minSide, max: logoLimits.maxSide } });
  }
  if (errors.length) throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: errors });
  return { colour, logo };
}

/**
 * Saves the colour and, if one is given, a new logo of a Kommune's public site, at the version
 * the person saw; audited as a change of the Kommune (colour and logo version before and after).
 * The caller has checked the role.
 */
export async function saveBrand(ctx: CommandContext, tenant: Tenant, version: number, input: BrandInput): Promise<Tenant> {
  const { colour, logo } = checkBrand(input);
  return ctx.db.transaction(async (tx) => {
    if (input.logo && logo) {
      const row = { contentType: logo.contentType, bytes: Buffer.from(input.logo), width: logo.width, height: logo.height, updatedAt: new Date() };
      await tx.insert(tenantLogos).values({ tenantId: tenant.id, ...row }).onConflictDoUpdate({ target: tenantLogos.tenantId, set: row });
    }
    const logoVersion = input.logo ? (tenant.logoVersion ?? 0) + 1 : tenant.logoVersion;
    return updateTenantSettings({ ...ctx, db: tx }, tenant.id, version, { brandColor: colour, logoVersion });
  });
}

/** Takes the logo off the public site (the Kommune's name stays); audited. */
export async function removeLogo(ctx: CommandContext, tenant: Tenant, version: number): Promise<Tenant> {
  return ctx.db.transaction(async (tx) => {
    await tx.delete(tenantLogos).where(eq(tenantLogos.tenantId, tenant.id));
    return updateTenantSettings({ ...ctx, db: tx }, tenant.id, version, { logoVersion: null });
  });
}

export async function logoOf(db: Db, tenantId: string) {
  const [row] = await db.select().from(tenantLogos).where(eq(tenantLogos.tenantId, tenantId));
  return row;
}

/** Where the public frame finds the Kommune's stylesheet and logo; the query part changes with them, so browsers may keep each for a year. */
export function brandLinks(t: Pick<Tenant, 'slug' | 'brandColor' | 'logoVersion'>): { stylesheet?: string; logo?: string } {
  const base = `/k/${encodeURIComponent(t.slug)}`;
  return {
    ...(t.brandColor ? { stylesheet: `${base}/farben.css?v=${createHash('sha256').update(t.brandColor).digest('hex').slice(0, 8)}` } : {}),
    ...(t.logoVersion ? { logo: `${base}/logo?v=${t.logoVersion}` } : {}),
  };
}
