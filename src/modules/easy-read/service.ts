import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { contentTranslations } from '../../platform/translations/schema.js';
import { normalizeSourceText, sourceHash } from '../../platform/translations/source-hash.js';
import { maxInteger, parseInput, plainText } from '../../platform/validation.js';
import { adoptedEdition, canManageConcept, editionById, editionOutline, type Edition } from '../concepts/index.js';

/**
 * Leichte Sprache is stored as a translation into a language of its own: rows of
 * `content_translations` with this `lang` (not a BCP 47 tag; the pages say lang="de", see
 * docs/decisions.md "Leichte Sprache"). So a Fortschreibung carries the texts to the copies like
 * every translation (platform/translations/carry.ts), and each text knows the German text it was
 * written from: when that changes, the editor sees "veraltet".
 */
export const easyReadLang = 'leichte-sprache';

/** The concept's summary (the edition's introduction) and each Themenfeld (its description). */
export type EasyKind = 'edition' | 'field';
const fieldOf: Record<EasyKind, string> = { edition: 'introduction', field: 'description' };

export type EasyState = 'missing' | 'outdated' | 'current';

export interface EasyText {
  /** `kind:itemId`, the form's key. */
  key: string;
  kind: EasyKind;
  itemId: string;
  /** The Themenfeld's title (German), '' for the summary. */
  title: string;
  isCrossCutting: boolean;
  /** The German text this one renders in Leichte Sprache. */
  german: string;
  germanHash: string;
  /** The Leichte-Sprache text, '' while there is none. */
  text: string;
  version: number;
  state: EasyState;
  updatedByName: string;
  updatedAt: Date | undefined;
}

/** Longest Leichte-Sprache text (the German texts allow 20,000 characters). */
export const maxEasyTextChars = 20_000;

/** Every text of an edition that has a Leichte-Sprache version, with that version if written: summary first, then the Themenfelder in order. */
export async function easyTextsOf(db: Db, tenantId: string, edition: Edition): Promise<EasyText[]> {
  const outline = await editionOutline(db, tenantId, edition.id);
  const fields = [...outline.fields].sort((a, b) => Number(a.isCrossCutting) - Number(b.isCrossCutting) || a.position - b.position);
  const items = [
    { kind: 'edition' as const, itemId: edition.id, title: '', isCrossCutting: false, german: edition.introduction },
    ...fields.map((f) => ({ kind: 'field' as const, itemId: f.id, title: f.title, isCrossCutting: f.isCrossCutting, german: f.description })),
  ];
  const stored = await db
    .select()
    .from(contentTranslations)
    .where(and(eq(contentTranslations.tenantId, tenantId), eq(contentTranslations.lang, easyReadLang), inArray(contentTranslations.itemId, items.map((i) => i.itemId))));
  return items.map((i) => {
    const row = stored.find((s) => s.itemId === i.itemId && s.kind === i.kind && s.field === fieldOf[i.kind]);
    const germanHash = sourceHash(i.german);
    return {
      ...i,
      key: `${i.kind}:${i.itemId}`,
      germanHash,
      text: row?.text ?? '',
      version: row?.version ?? 0,
      state: !row ? 'missing' : row.sourceHash === germanHash ? 'current' : 'outdated',
      updatedByName: row?.updatedByName ?? '',
      updatedAt: row?.updatedAt,
    };
  });
}

/** What the public Leichte-Sprache page shows: the adopted edition's texts that exist. */
export async function publicEasyTexts(db: Db, tenantId: string): Promise<{ summary: string; fields: { title: string; text: string }[] } | null> {
  const edition = await adoptedEdition(db, tenantId);
  if (!edition) return null;
  const texts = (await easyTextsOf(db, tenantId, edition)).filter((x) => x.text);
  return { summary: texts.find((x) => x.kind === 'edition')?.text ?? '', fields: texts.filter((x) => x.kind === 'field').map((x) => ({ title: x.title, text: x.text })) };
}

const seenVersion = z.preprocess((v) => (v == null || v === '' ? 0 : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number({ error: 'validation.invalid' }).int().min(0).max(maxInteger));

export const easyTextInput = z.object({
  key: z.string({ error: 'validation.invalid' }).max(100),
  /** Required: a published text never disappears by saving an emptied field. */
  text: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), plainText({ error: 'validation.required' }).min(1, 'validation.required').max(maxEasyTextChars)),
  /** The German text the person wrote from (its hash): changed meanwhile → a conflict. */
  sourceHash: z.string({ error: 'validation.invalid' }).regex(/^[0-9a-f]{16}$/, 'validation.invalid'),
  version: seenVersion,
});

const auditView = (x: { kind: string; itemId: string; text: string; sourceHash: string }) => ({ kind: x.kind, itemId: x.itemId, text: x.text, sourceHash: x.sourceHash });

/** The row of a text's Leichte-Sprache version. */
const rowOf = (tenantId: string, unit: EasyText) =>
  and(eq(contentTranslations.tenantId, tenantId), eq(contentTranslations.lang, easyReadLang), eq(contentTranslations.kind, unit.kind), eq(contentTranslations.itemId, unit.itemId), eq(contentTranslations.field, fieldOf[unit.kind]));

/** Saves one Leichte-Sprache text of an edition, at the version the person saw. */
export async function saveEasyText(ctx: CommandContext, tenantId: string, editionId: string, input: unknown): Promise<EasyText> {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(easyTextInput, input);
  return ctx.db.transaction(async (tx) => {
    const { edition, unit } = await easyTextOf(tx, tenantId, editionId, data.key);
    if (unit.germanHash !== data.sourceHash) throw new AppError('edit_conflict', 'easy_read.error.german_changed');
    const where = rowOf(tenantId, unit);
    const [before] = await tx.select().from(contentTranslations).where(where).for('update');
    if ((before?.version ?? 0) !== data.version) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: before?.version ?? 0 } });
    const entityId = `${edition.id}:${unit.key}`;
    if (before && before.text === data.text && before.sourceHash === data.sourceHash) return unit;
    const values = { text: data.text, sourceHash: data.sourceHash, sourceText: normalizeSourceText(unit.german), updatedAt: new Date(), updatedByName: ctx.user.name, version: data.version + 1 };
    const [after] = before
      ? await tx.update(contentTranslations).set(values).where(where).returning()
      : await tx.insert(contentTranslations).values({ tenantId, lang: easyReadLang, kind: unit.kind, itemId: unit.itemId, field: fieldOf[unit.kind], ...values }).returning();
    await recordAudit(tx, ctx.user, { tenantId, action: before ? 'update' : 'create', entityType: 'easy_read_text', entityId, before: before ? auditView(before) : undefined, after: auditView(after!) });
    return { ...unit, text: after!.text, version: after!.version, state: 'current' as const, updatedByName: after!.updatedByName, updatedAt: after!.updatedAt };
  });
}

export const easyTextRemoval = z.object({ version: seenVersion.pipe(z.number().min(1, 'validation.invalid')) });

/** The text of an edition with this key (`kind:itemId`), or not found. */
export async function easyTextOf(db: Db, tenantId: string, editionId: string, key: string): Promise<{ edition: Edition; unit: EasyText }> {
  const edition = await editionById(db, tenantId, editionId);
  const unit = (await easyTextsOf(db, tenantId, edition)).find((u) => u.key === key);
  if (!unit) throw new AppError('not_found');
  return { edition, unit };
}

/**
 * Removes one Leichte-Sprache text (asked first: ConfirmLink → confirmation page → POST with the
 * version seen). The public page then shows what it shows where none was written.
 */
export async function removeEasyText(ctx: CommandContext, tenantId: string, editionId: string, key: string, input: unknown): Promise<EasyText> {
  authorize(canManageConcept(ctx.user, tenantId));
  const data = parseInput(easyTextRemoval, input);
  return ctx.db.transaction(async (tx) => {
    const { edition, unit } = await easyTextOf(tx, tenantId, editionId, key);
    const where = rowOf(tenantId, unit);
    const [before] = await tx.select().from(contentTranslations).where(where).for('update');
    if (!before) throw new AppError('not_found');
    if (before.version !== data.version) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: before.version } });
    await tx.delete(contentTranslations).where(where);
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'easy_read_text', entityId: `${edition.id}:${unit.key}`, before: auditView(before) });
    return { ...unit, text: '', version: 0, state: 'missing' as const, updatedByName: '', updatedAt: undefined };
  });
}
