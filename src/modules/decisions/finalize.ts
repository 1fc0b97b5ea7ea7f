/** Making a Vorlage final: text and figures frozen, the edition locked, its documents stored as the paper's files. */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, authorize, found, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { versionFrom } from '../../platform/validation.js';
import { editionById, transitionEdition } from '../concepts/index.js';
import { paperDocument } from './document/load.js';
import { attachConcept, storePaperFile } from './files.js';
import { liveFigures, usedFigures } from './figures.js';
import { paperById, type Paper } from './papers.js';
import { canManagePapers } from './policy.js';
import { papers } from './schema.js';
import { paperSettingsOf } from './settings.js';

/**
 * Makes the paper final: its text can no longer change and the figures of its Sachverhalt keep
 * today's value and source. A Beschlussvorlage needs its Beschlussvorschlag. The edition it puts
 * to the council goes to "zur Beschlussfassung" (its content is locked from then on).
 *
 * The council decides on documents, so they are rendered once here and stored as the paper's
 * files (OParl File: fixed size and date): the concept edition's PDF as Anlage, then the Vorlage
 * as PDF (its main file, listing that Anlage) as the Gremien received it — without results; the
 * Vorlage document rendered on request on the internal page shows the results so far.
 */
export async function finalizePaper(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Paper> {
  authorize(canManagePapers(ctx.user, tenantId));
  const version = versionFrom((input as Record<string, unknown> | null)?.version);
  return ctx.db.transaction(async (tx) => {
    const before = await paperById(tx, tenantId, id);
    assertCurrentVersion(before.version, version);
    if (before.state !== 'entwurf') throw new AppError('conflict', 'decisions.error.paper_final');
    if (before.kind === 'beschlussvorlage' && !before.proposal.trim()) throw new AppError('conflict', 'decisions.finalize.proposal_missing');
    const figures = usedFigures(before.facts, await liveFigures(tx, tenantId, before.editionId, await paperSettingsOf(tx, tenantId)));
    const now = new Date();
    const [after] = await tx
      .update(papers)
      .set({ state: 'final', finalizedAt: now, figures, version: before.version + 1, updatedAt: now })
      .where(and(eq(papers.tenantId, tenantId), eq(papers.id, id)))
      .returning();
    if (before.editionId && before.kind === 'beschlussvorlage') {
      const edition = await editionById(tx, tenantId, before.editionId).catch(() => undefined);
      if (edition && (edition.status === 'entwurf' || edition.status === 'beteiligung')) {
        await transitionEdition({ db: tx, user: ctx.user }, tenantId, edition.id, { to: 'zur_beschlussfassung', version: edition.version });
      }
    }
    const [tenant] = await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    const attached = before.editionId ? await attachConcept(tx, tenant!, id, before.editionId) : undefined;
    const vorlage = await paperDocument(tx, tenant!, found(after), 'pdf');
    const main = await storePaperFile(tx, tenantId, id, 'main', `Vorlage ${before.number}`, vorlage);
    await recordAudit(tx, ctx.user, {
      tenantId,
      action: 'transition',
      entityType: 'paper',
      entityId: id,
      before: { state: before.state },
      after: { state: 'final', figures, files: [main.fileName, ...(attached ? [attached.fileName] : [])] },
    });
    return found(after);
  });
}
