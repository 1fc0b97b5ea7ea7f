/** Vorlagen: writing one (versions until final), making it final (figures frozen), deleting it. */
import { and, asc, desc, eq, isNull, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { violatesUnique } from '../../platform/db-errors.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import {
  expectedVersion,
  isoDate,
  isUuid,
  optionalNumber,
  optionalText,
  optionalUuid,
  parseEachField,
  plainText,
  requiredText,
  throwIfProblems,
  versionFrom,
} from '../../platform/validation.js';
import { editionById } from '../concepts/index.js';
import { liveFigures, unknownFigures } from './figures.js';
import { noteManualNumber, numberIsTaken, takeNextNumber, type NumberParts } from './numbering.js';
import { canManagePapers } from './policy.js';
import { climateImpacts, consultations, paperKinds, papers, paperVersions } from './schema.js';
import { paperSettingsOf, type PaperSettings } from './settings.js';

export type Paper = typeof papers.$inferSelect;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v ?? null);

/** The fields of the Vorlage form (and of the API, later): forms send strings, JSON sends values. */
export const paperInput = z.object({
  kind: z.enum(paperKinds, { error: 'validation.invalid_choice' }),
  subject: requiredText(300),
  paperDate: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), isoDate({ error: 'validation.required' })),
  leadOffice: optionalText(200),
  officeCode: optionalText(30).refine((s) => !/[{}]/.test(s), 'validation.invalid'),
  clerk: optionalText(200),
  fileReference: optionalText(200),
  visibility: z.enum(['oeffentlich', 'nichtoeffentlich'], { error: 'validation.invalid_choice' }),
  proposal: optionalText(20_000),
  facts: optionalText(100_000),
  financialEffects: z.enum(['ja', 'nein'], { error: 'validation.invalid_choice' }),
  financialText: optionalText(10_000),
  financialAmount: optionalNumber(999_999_999_999),
  climateImpact: z.preprocess(blankToNull, z.enum(climateImpacts, { error: 'validation.invalid_choice' }).nullable()),
  climateText: optionalText(10_000),
  signature: optionalText(200),
  editionId: optionalUuid(),
});
export type PaperInput = z.output<typeof paperInput>;

/** Only when creating: a number typed by hand; blank takes the next free one. */
const numberField = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v ?? ''), plainText().max(60));

const columnsOf = (d: PaperInput) => ({
  kind: d.kind,
  subject: d.subject,
  paperDate: d.paperDate,
  leadOffice: d.leadOffice,
  officeCode: d.officeCode,
  clerk: d.clerk,
  fileReference: d.fileReference,
  isPublic: d.visibility === 'oeffentlich',
  proposal: d.proposal,
  facts: d.facts,
  hasFinancialEffects: d.financialEffects === 'ja',
  financialText: d.financialText,
  financialAmount: d.financialAmount == null ? null : d.financialAmount.toFixed(2),
  climateImpact: d.climateImpact,
  climateText: d.climateText,
  signature: d.signature,
  editionId: d.editionId,
});

/** What a version keeps: the paper's own text, not its bookkeeping. */
const versionContent = (p: Paper) => {
  const { tenantId: _t, id: _i, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, state: _s, finalizedAt: _f, figures: _g, ...content } = p;
  return content;
};

export const numberPartsOf = (p: { paperDate: string; officeCode: string }, settings: PaperSettings): NumberParts => ({
  year: p.paperDate.slice(0, 4),
  office: p.officeCode || settings.officeCode,
});

/** Checks against the database: the edition exists, every figure token names a figure. */
async function contentProblems(tx: Db, tenantId: string, data: PaperInput, settings: PaperSettings): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  if (data.editionId) {
    try {
      await editionById(tx, tenantId, data.editionId);
    } catch {
      problems.push({ field: 'editionId', messageKey: 'validation.invalid_choice' });
      return problems;
    }
  }
  const unknown = unknownFigures(data.facts, await liveFigures(tx, tenantId, data.editionId, settings));
  if (unknown.length) problems.push({ field: 'facts', messageKey: 'decisions.validation.unknown_figure', params: { figures: unknown.map((k) => `{{${k}}}`).join(', ') } });
  return problems;
}

/**
 * Parses the form and checks it against the database (edition, figures) in one round, so the
 * form lists every problem at once.
 */
async function checkedInput<S extends typeof paperInput>(db: Db, tenantId: string, schema: S, input: unknown): Promise<z.output<S>> {
  const { valid, errors } = parseEachField(schema, input);
  const partial = { ...valid, facts: valid.facts ?? '', editionId: errors.some((e) => e.field === 'editionId') ? null : (valid.editionId ?? null) } as PaperInput;
  throwIfProblems([...errors, ...(await contentProblems(db, tenantId, partial, await paperSettingsOf(db, tenantId)))]);
  return valid as z.output<S>;
}

export async function createPaper(ctx: CommandContext, tenantId: string, input: unknown): Promise<Paper> {
  authorize(canManagePapers(ctx.user, tenantId));
  const { number: typed, ...data } = await checkedInput(ctx.db, tenantId, paperInput.extend({ number: numberField }), input);
  try {
    return await insertPaper(ctx, tenantId, typed, data);
  } catch (e) {
    // Two people typing the same number at the same moment: the unique index decides.
    if (violatesUnique(e, 'papers_number_unique')) throwIfProblems([{ field: 'number', messageKey: 'decisions.validation.number_taken', params: { number: typed } }]);
    throw e;
  }
}

function insertPaper(ctx: CommandContext, tenantId: string, typed: string, data: PaperInput): Promise<Paper> {
  return ctx.db.transaction(async (tx) => {
    const settings = await paperSettingsOf(tx, tenantId);
    const parts = numberPartsOf(data, settings);
    if (typed && (await numberIsTaken(tx, tenantId, typed))) throwIfProblems([{ field: 'number', messageKey: 'decisions.validation.number_taken', params: { number: typed } }]);
    const number = typed || (await takeNextNumber(tx, tenantId, settings.numberFormat, parts));
    if (typed) await noteManualNumber(tx, tenantId, settings.numberFormat, parts, typed);
    const [row] = await tx.insert(papers).values({ tenantId, number, ...columnsOf(data) }).returning();
    const paper = found(row);
    await tx.insert(paperVersions).values({ tenantId, paperId: paper.id, version: 1, content: versionContent(paper), savedByName: ctx.user.name });
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'paper', entityId: paper.id, after: paper });
    return paper;
  });
}

export async function paperById(db: Db, tenantId: string, id: string): Promise<Paper> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(papers).where(and(eq(papers.tenantId, tenantId), eq(papers.id, id), isNull(papers.deletedAt)));
  return found(row);
}

/** Saves the paper while it is in preparation; each save is a version. */
export async function updatePaper(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Paper> {
  authorize(canManagePapers(ctx.user, tenantId));
  const data = await checkedInput(ctx.db, tenantId, paperInput.extend({ version: expectedVersion() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await paperById(tx, tenantId, id);
    if (before.state !== 'entwurf') throw new AppError('conflict', 'decisions.error.paper_final');
    const rows = await tx
      .update(papers)
      .set({ ...columnsOf(data), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(papers.tenantId, tenantId), eq(papers.id, id), eq(papers.version, data.version)))
      .returning();
    assertNotStale(rows, before.version);
    const after = found(rows[0]);
    await tx.insert(paperVersions).values({ tenantId, paperId: id, version: after.version, content: versionContent(after), savedByName: ctx.user.name });
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'paper', entityId: id, before, after });
    return after;
  });
}

/** Whether any Beratung of the paper has a result: then it is part of the record and stays. */
export async function hasResults(db: Db, tenantId: string, paperId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, paperId), isNull(consultations.deletedAt), isNotNull(consultations.result)));
  return (row?.n ?? 0) > 0;
}

/** Deletes a paper no Gremium has decided on yet (kept as deleted, with its number, for OParl). */
export async function deletePaper(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Paper> {
  authorize(canManagePapers(ctx.user, tenantId));
  const version = versionFrom((input as Record<string, unknown> | null)?.version);
  return ctx.db.transaction(async (tx) => {
    const before = await paperById(tx, tenantId, id);
    assertCurrentVersion(before.version, version);
    if (await hasResults(tx, tenantId, id)) throw new AppError('conflict', 'decisions.error.paper_has_results');
    const now = new Date();
    await tx.update(papers).set({ deletedAt: now, updatedAt: now, version: before.version + 1 }).where(and(eq(papers.tenantId, tenantId), eq(papers.id, id)));
    await tx.update(consultations).set({ deletedAt: now, updatedAt: now }).where(and(eq(consultations.tenantId, tenantId), eq(consultations.paperId, id), isNull(consultations.deletedAt)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'paper', entityId: id, before });
    return before;
  });
}

export const listPapers = (db: Db, tenantId: string) =>
  db.select().from(papers).where(and(eq(papers.tenantId, tenantId), isNull(papers.deletedAt))).orderBy(desc(papers.paperDate), desc(papers.number));

export const paperVersionsOf = (db: Db, tenantId: string, paperId: string) =>
  db.select().from(paperVersions).where(and(eq(paperVersions.tenantId, tenantId), eq(paperVersions.paperId, paperId))).orderBy(asc(paperVersions.version));

/** The papers that put an edition to the council, newest first. */
export const papersOfEdition = (db: Db, tenantId: string, editionId: string) =>
  db.select().from(papers).where(and(eq(papers.tenantId, tenantId), eq(papers.editionId, editionId), isNull(papers.deletedAt))).orderBy(desc(papers.paperDate));
