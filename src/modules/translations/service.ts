import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit, recordAudits, type AuditEntry } from '../../platform/audit/record.js';
import { authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { importRejected, type ImportProblem } from '../../platform/spreadsheet/problems.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { updateTenantSettings } from '../../platform/tenancy/service.js';
import { contentTranslations } from '../../platform/translations/schema.js';
import { normalizeSourceText, sourceHash } from '../../platform/translations/source-hash.js';
import { translatableItems, translatableSource, translationLanguages, type TranslationLang } from '../../platform/translations/sources.js';
import { checkbox, expectedVersion, hasForbiddenCharacters, maxInteger, parseInput, plainText } from '../../platform/validation.js';
import { parseUnitKey, translationUnits, unitKey, type StoredTranslation } from './units.js';

/** Translations speak for the Kommune on its public site: the Koordination's. */
export const canManageTranslations = isCoordinator;

/** Longest translation of one field (the longest German texts, the Pflichtseiten, allow 50,000). */
export const maxTranslationChars = 50_000;

const langInput = z.enum(translationLanguages, { error: 'validation.invalid_choice' });
/** 0 for a translation that does not exist yet. */
const seenVersion = z.preprocess((v) => (v == null || v === '' ? 0 : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number({ error: 'validation.invalid' }).int().min(0).max(maxInteger));
const hashInput = z.string({ error: 'validation.invalid' }).regex(/^[0-9a-f]{16}$/, 'validation.invalid');

export const saveTranslationInput = z.object({
  lang: langInput,
  key: z.string({ error: 'validation.invalid' }).max(200),
  text: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), plainText({ error: 'validation.required' }).min(1, 'validation.required').max(maxTranslationChars)),
  /** The German text the person translated (its hash): changed meanwhile → a conflict. */
  sourceHash: hashInput,
  version: seenVersion,
});

export const confirmTranslationInput = z.object({ lang: langInput, key: z.string({ error: 'validation.invalid' }).max(200), version: expectedVersion() });

const auditView = (t: StoredTranslation) => ({ lang: t.lang, kind: t.kind, itemId: t.itemId, field: t.field, text: t.text, sourceHash: t.sourceHash });
const entityId = (t: { lang: string; kind: string; itemId: string; field: string }) => `${t.lang}:${unitKey(t.kind, t.itemId, t.field)}`;

/** The German text the public sees now under a key, or not_found (unknown kind, field or item). */
async function currentGerman(db: Db, tenantId: string, key: string): Promise<{ kind: string; itemId: string; field: string; german: string }> {
  const parsed = parseUnitKey(key);
  const source = parsed && translatableSource(parsed.kind);
  if (!parsed || !source || !source.fields.some((f) => f.name === parsed.field)) throw new AppError('not_found');
  const [items] = await translatableItems(db, tenantId, [source]);
  const item = items!.find((i) => i.id === parsed.itemId);
  const german = item?.texts[parsed.field] ?? '';
  if (!german.trim()) throw new AppError('not_found');
  return { ...parsed, german };
}

const storedOf = (db: Db, tenantId: string, lang: string, k: { kind: string; itemId: string; field: string }) =>
  db
    .select()
    .from(contentTranslations)
    .where(and(eq(contentTranslations.tenantId, tenantId), eq(contentTranslations.lang, lang), eq(contentTranslations.kind, k.kind), eq(contentTranslations.itemId, k.itemId), eq(contentTranslations.field, k.field)));

/** Saves one translation, made from the German text the person saw (its hash), at the version they saw. */
export async function saveTranslation(ctx: CommandContext, tenantId: string, input: unknown): Promise<StoredTranslation> {
  authorize(canManageTranslations(ctx.user, tenantId));
  const data = parseInput(saveTranslationInput, input);
  return ctx.db.transaction(async (tx) => {
    const unit = await currentGerman(tx, tenantId, data.key);
    if (sourceHash(unit.german) !== data.sourceHash) throw new AppError('edit_conflict', 'translations.error.german_changed');
    const [before] = await storedOf(tx, tenantId, data.lang, unit).for('update');
    if ((before?.version ?? 0) !== data.version) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: before?.version ?? 0 } });
    const values = { text: data.text, sourceHash: data.sourceHash, sourceText: normalizeSourceText(unit.german), updatedAt: new Date(), updatedByName: ctx.user.name, version: data.version + 1 };
    const [after] = before
      ? await tx.update(contentTranslations).set(values).where(and(eq(contentTranslations.tenantId, tenantId), eq(contentTranslations.lang, data.lang), eq(contentTranslations.kind, unit.kind), eq(contentTranslations.itemId, unit.itemId), eq(contentTranslations.field, unit.field))).returning()
      : await tx.insert(contentTranslations).values({ tenantId, lang: data.lang, kind: unit.kind, itemId: unit.itemId, field: unit.field, ...values }).returning();
    const saved = found(after);
    await recordAudit(tx, ctx.user, { tenantId, action: before ? 'update' : 'create', entityType: 'content_translation', entityId: entityId(saved), before: before ? auditView(before) : undefined, after: auditView(saved) });
    return saved;
  });
}

/**
 * The change of the German text was minor (a typo, a comma): the translation stays as it is and
 * counts as made from the current German text again.
 */
export async function confirmTranslation(ctx: CommandContext, tenantId: string, input: unknown): Promise<StoredTranslation> {
  authorize(canManageTranslations(ctx.user, tenantId));
  const data = parseInput(confirmTranslationInput, input);
  return ctx.db.transaction(async (tx) => {
    const unit = await currentGerman(tx, tenantId, data.key);
    const [before] = await storedOf(tx, tenantId, data.lang, unit).for('update');
    const current = found(before);
    if (current.version !== data.version) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: current.version } });
    const [after] = await tx
      .update(contentTranslations)
      .set({ sourceHash: sourceHash(unit.german), sourceText: normalizeSourceText(unit.german), updatedAt: new Date(), updatedByName: ctx.user.name, version: current.version + 1 })
      .where(and(eq(contentTranslations.tenantId, tenantId), eq(contentTranslations.lang, data.lang), eq(contentTranslations.kind, unit.kind), eq(contentTranslations.itemId, unit.itemId), eq(contentTranslations.field, unit.field)))
      .returning();
    const saved = found(after);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'content_translation', entityId: entityId(saved), before: auditView(current), after: auditView(saved) });
    return saved;
  });
}

export const displaySettingInput = z.object({ version: expectedVersion(), showOutdatedTranslations: checkbox });

/** Whether public pages show an outdated translation with a notice, or the German text. */
export async function saveDisplaySetting(ctx: CommandContext, tenantId: string, input: unknown) {
  authorize(canManageTranslations(ctx.user, tenantId));
  const data = parseInput(displaySettingInput, input);
  return updateTenantSettings(ctx, tenantId, data.version, { showOutdatedTranslations: data.showOutdatedTranslations });
}

// ---------------------------------------------------------------------------------------------
// Import (spreadsheet or XLIFF, read by ./transfer)

/** One translation as a file brings it: where it stands (row, column as the file shows them), the key, the German text it was made from, the translation. */
export interface ImportedTranslation {
  row: number;
  column: string;
  key: string;
  source: string;
  target: string;
}

export interface ImportOutcome {
  changed: number;
  unchanged: number;
  /** Entries without a translation (left for later). */
  empty: number;
}

/**
 * All or nothing: every entry is checked first (known key of a public text, German text given,
 * translation within limits, no key twice); any problem refuses the whole file with all of them.
 * Entries equal to what is stored change nothing, so importing the same file again writes nothing.
 * Each translation records the German text of the file: made from an older German text, it is
 * outdated at once.
 */
export async function importTranslations(ctx: CommandContext, tenantId: string, lang: TranslationLang, entries: ImportedTranslation[]): Promise<ImportOutcome> {
  authorize(canManageTranslations(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const units = new Map((await translationUnits(tx, tenantId, lang)).map((u) => [u.key, u]));
    const problems: ImportProblem[] = [];
    const firstRow = new Map<string, number>();
    const writes: { key: string; source: string; target: string }[] = [];
    let empty = 0;
    for (const e of entries) {
      const problem = (messageKey: string, params?: Record<string, string | number>) => problems.push({ row: e.row, column: e.column, messageKey, params });
      const target = e.target.trim();
      const key = e.key.trim();
      if (!key) {
        if (target) problem('translations.import.no_key');
        continue;
      }
      if (!units.has(key)) {
        problem('translations.import.unknown_key', { key: key.slice(0, 80) });
        continue;
      }
      const seen = firstRow.get(key);
      if (seen !== undefined) {
        problem('translations.import.duplicate', { row: seen });
        continue;
      }
      firstRow.set(key, e.row);
      if (!target) {
        empty += 1;
        continue;
      }
      if (!normalizeSourceText(e.source)) problem('translations.import.no_source');
      else if (target.length > maxTranslationChars) problem('validation.too_big', { max: maxTranslationChars });
      else if (hasForbiddenCharacters(target)) problem('validation.control_characters');
      else writes.push({ key, source: e.source, target });
    }
    if (problems.length) throw importRejected(problems);

    const changed: StoredTranslation[] = [];
    const audits: AuditEntry[] = [];
    for (const w of writes) {
      const unit = units.get(w.key)!;
      const before = unit.translation;
      const hash = sourceHash(w.source);
      if (before && before.text === w.target && before.sourceHash === hash) continue;
      const values = { text: w.target, sourceHash: hash, sourceText: normalizeSourceText(w.source), updatedAt: new Date(), updatedByName: ctx.user.name };
      const [after] = await tx
        .insert(contentTranslations)
        .values({ tenantId, lang, kind: unit.source.kind, itemId: unit.itemId, field: unit.field.name, ...values })
        .onConflictDoUpdate({
          target: [contentTranslations.tenantId, contentTranslations.lang, contentTranslations.kind, contentTranslations.itemId, contentTranslations.field],
          set: { ...values, version: sql`${contentTranslations.version} + 1` },
        })
        .returning();
      const saved = found(after);
      changed.push(saved);
      audits.push({ tenantId, action: 'import', entityType: 'content_translation', entityId: entityId(saved), before: before ? auditView(before) : undefined, after: auditView(saved) });
    }
    if (audits.length) await recordAudits(tx, ctx.user, audits);
    return { changed: changed.length, unchanged: writes.length - changed.length, empty };
  });
}
