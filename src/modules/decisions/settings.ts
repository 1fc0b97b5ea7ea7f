import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { optionalDate, optionalText, parseInput, requiredText } from '../../platform/validation.js';
import { defaultNumberFormat, isValidNumberFormat } from './numbering.js';
import { canManagePapers } from './policy.js';
import { paperSettings } from './schema.js';

export type PaperSettings = typeof paperSettings.$inferSelect;

const defaults = (tenantId: string): PaperSettings => ({
  tenantId,
  numberFormat: defaultNumberFormat,
  officeCode: '',
  leadOffice: '',
  inhabitants: null,
  inhabitantsAsOf: null,
  inhabitantsSource: '',
  foreignNationals: null,
  foreignNationalsAsOf: null,
  foreignNationalsSource: '',
  updatedAt: new Date(0),
  version: 0,
});

/** The Kommune's settings, or the defaults before it saved any (version 0). */
export async function paperSettingsOf(db: Db, tenantId: string): Promise<PaperSettings> {
  const [row] = await db.select().from(paperSettings).where(eq(paperSettings.tenantId, tenantId));
  return row ?? defaults(tenantId);
}

/** A whole number of people; blank = unknown. */
const people = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : /^\d{1,3}(\.\d{3})+$|^\d{1,9}$/.test(v.trim()) ? Number(v.trim().replace(/\./g, '')) : v) : v ?? null),
  z.number({ error: 'validation.number' }).int('validation.number').min(0, 'validation.not_negative').max(100_000_000, 'validation.number').nullable(),
);

export const settingsInput = z.object({
  numberFormat: requiredText(100).refine(isValidNumberFormat, 'validation.paper_number_format'),
  officeCode: optionalText(30),
  leadOffice: optionalText(200),
  inhabitants: people,
  inhabitantsAsOf: optionalDate(),
  inhabitantsSource: optionalText(300),
  foreignNationals: people,
  foreignNationalsAsOf: optionalDate(),
  foreignNationalsSource: optionalText(300),
  version: z.preprocess((v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v), z.number({ error: 'validation.version_missing' }).int().min(0, 'validation.invalid').max(2_147_483_647, 'validation.invalid')),
});

/** Saves the settings (version 0: the first save creates the row). */
export async function updatePaperSettings(ctx: CommandContext, tenantId: string, input: unknown): Promise<PaperSettings> {
  authorize(canManagePapers(ctx.user, tenantId));
  const { version, ...data } = parseInput(settingsInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await paperSettingsOf(tx, tenantId);
    let rows: PaperSettings[];
    if (before.version === 0) {
      rows = version === 0 ? await tx.insert(paperSettings).values({ tenantId, ...data }).onConflictDoNothing().returning() : [];
    } else {
      rows = await tx
        .update(paperSettings)
        .set({ ...data, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(paperSettings.tenantId, tenantId), eq(paperSettings.version, version)))
        .returning();
    }
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: before.version === 0 ? 'create' : 'update', entityType: 'paper_settings', entityId: tenantId, before: before.version === 0 ? undefined : before, after: rows[0] });
    return found(rows[0]);
  });
}
