/** The files of a Vorlage (OParl File): the concept edition attached when it became final, uploaded Anlagen. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { sniffDocument, documentKinds, type DocumentKind } from '../../platform/documents/sniff.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { isUuid, throwIfProblems } from '../../platform/validation.js';
import { editionById } from '../concepts/index.js';
import { conceptDocument } from '../reports/index.js';
import { canManagePapers } from './policy.js';
import { paperFileMeta, paperFiles, papers, type PaperFileMeta, type PaperFileRole } from './schema.js';

export type { PaperFileMeta };

/** The paper's files without their bytes, oldest first. */
export const filesOfPaper = (db: Db, tenantId: string, paperId: string): Promise<PaperFileMeta[]> =>
  db
    .select(paperFileMeta)
    .from(paperFiles)
    .where(and(eq(paperFiles.tenantId, tenantId), eq(paperFiles.paperId, paperId), isNull(paperFiles.deletedAt)))
    .orderBy(asc(paperFiles.createdAt), asc(paperFiles.id));

/** One file with its bytes. */
export async function paperFile(db: Db, tenantId: string, paperId: string, fileId: string) {
  if (!isUuid(fileId)) throw new AppError('not_found');
  const [row] = await db
    .select()
    .from(paperFiles)
    .where(and(eq(paperFiles.tenantId, tenantId), eq(paperFiles.paperId, paperId), eq(paperFiles.id, fileId), isNull(paperFiles.deletedAt)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** "attachment" with the file name in both forms (ASCII fallback, UTF-8 for umlauts). */
export const attachmentHeader = (fileName: string) => `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Stores a document the paper was made final with (see finalize.ts). */
export async function storePaperFile(tx: Db, tenantId: string, paperId: string, role: PaperFileRole, name: string, d: { bytes: Buffer; contentType: string; fileName: string }) {
  const [row] = await tx
    .insert(paperFiles)
    .values({ tenantId, paperId, role, name, fileName: d.fileName, mimeType: d.contentType, size: d.bytes.length, content: d.bytes })
    .returning(paperFileMeta);
  return row!;
}

/**
 * Attaches the concept edition as PDF when the paper becomes final. Stored, not rendered on each
 * request: the council decides on exactly this file, and OParl's File needs a fixed size and
 * date. The edition is locked from then on ("zur Beschlussfassung"), so the two never differ.
 */
export async function attachConcept(tx: Db, tenant: { id: string; name: string }, paperId: string, editionId: string) {
  const edition = await editionById(tx, tenant.id, editionId).catch(() => undefined);
  if (!edition) return undefined;
  return storePaperFile(tx, tenant.id, paperId, 'auxiliary', edition.title, await conceptDocument(tx, tenant, edition, 'pdf'));
}

/** Files change only while the paper is in preparation (papers.ts imports this file, so no paperById here). */
async function assertInPreparation(tx: Db, tenantId: string, paperId: string) {
  if (!isUuid(paperId)) throw new AppError('not_found');
  const [paper] = await tx.select({ state: papers.state }).from(papers).where(and(eq(papers.tenantId, tenantId), eq(papers.id, paperId), isNull(papers.deletedAt)));
  if (!paper) throw new AppError('not_found');
  if (paper.state !== 'entwurf') throw new AppError('conflict', 'decisions.error.paper_final');
}

/** Anlagen up to 10 MB: a scanned Stellungnahme fits, a video does not. */
export const maxPaperFileBytes = 10 * 1024 * 1024;
export const acceptPaperFiles = '.pdf,.docx,.xlsx,.odt,application/pdf';

/** "../Stellungnahme März.pdf" → "Stellungnahme März.pdf": no path, no control characters, at most 200 characters. */
function cleanFileName(name: string, kind: DocumentKind): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').slice(0, 190) || 'anlage';
  return `${stem}.${kind}`;
}

/**
 * Adds an Anlage to a paper in preparation: PDF, DOCX, XLSX or ODT by content, at most 10 MB.
 * `title`: how the Anlagen list names it (default: the file name without extension).
 */
export async function addPaperFile(ctx: CommandContext, tenantId: string, paperId: string, upload: { name: string; bytes: Buffer } | undefined, title: string) {
  authorize(canManagePapers(ctx.user, tenantId));
  const problems: FieldError[] = [];
  const kind = upload && upload.bytes.length > 0 && upload.bytes.length <= maxPaperFileBytes ? await sniffDocument(upload.bytes) : undefined;
  if (!upload || upload.bytes.length === 0) problems.push({ field: 'datei', messageKey: 'decisions.files.error.no_file' });
  else if (upload.bytes.length > maxPaperFileBytes) problems.push({ field: 'datei', messageKey: 'decisions.files.error.too_large', params: { max: 10 } });
  else if (!kind) problems.push({ field: 'datei', messageKey: 'decisions.files.error.type' });
  if (title.length > 300) problems.push({ field: 'name', messageKey: 'validation.too_big', params: { max: 300 } });
  throwIfProblems(problems);
  const fileName = cleanFileName(upload!.name, kind!);
  return ctx.db.transaction(async (tx) => {
    await assertInPreparation(tx, tenantId, paperId);
    const [row] = await tx
      .insert(paperFiles)
      .values({ tenantId, paperId, role: 'auxiliary', name: title.trim() || fileName.replace(/\.[a-z]+$/, ''), fileName, mimeType: documentKinds[kind!].type, size: upload!.bytes.length, content: upload!.bytes })
      .returning(paperFileMeta);
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'paper_file', entityId: row!.id, after: { paperId, name: row!.name, fileName, mimeType: row!.mimeType, size: row!.size } });
    return row!;
  });
}

/** Removes an Anlage of a paper in preparation (kept as deleted, so OParl can list it as such). */
export async function removePaperFile(ctx: CommandContext, tenantId: string, paperId: string, fileId: string) {
  authorize(canManagePapers(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    await assertInPreparation(tx, tenantId, paperId);
    const { content: _c, ...before } = await paperFile(tx, tenantId, paperId, fileId);
    const now = new Date();
    await tx.update(paperFiles).set({ deletedAt: now, updatedAt: now }).where(and(eq(paperFiles.tenantId, tenantId), eq(paperFiles.id, fileId)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'paper_file', entityId: fileId, before });
    return before;
  });
}
