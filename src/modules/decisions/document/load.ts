import type { Db } from '../../../db/client.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import { editionById } from '../../concepts/index.js';
import { consultationsOf } from '../consultations.js';
import { liveFigures, usedFigures } from '../figures.js';
import { filesOfPaper } from '../files.js';
import type { Paper } from '../papers.js';
import { paperSettingsOf } from '../settings.js';
import { paperDocumentContent, type PaperDocumentContent } from './content.js';

export type PaperFormat = 'pdf' | 'docx';
const contentTypes: Record<PaperFormat, string> = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };

/**
 * What the Vorlage's document shows today: the frozen figures of a final paper (today's while it
 * is in preparation), the Beratungsfolge with the results so far, the Anlagen (its files; the
 * concept edition by its title until the paper is final and its PDF is attached).
 */
export async function paperContent(db: Db, tenant: Pick<Tenant, 'id' | 'name'>, paper: Paper): Promise<PaperDocumentContent> {
  const figures = paper.state === 'final' ? (paper.figures ?? {}) : usedFigures(paper.facts, await liveFigures(db, tenant.id, paper.editionId, await paperSettingsOf(db, tenant.id)));
  const files = (await filesOfPaper(db, tenant.id, paper.id)).filter((f) => f.role === 'auxiliary').map((f) => f.name);
  const edition = paper.editionId && paper.state === 'entwurf' ? await editionById(db, tenant.id, paper.editionId).catch(() => undefined) : undefined;
  const attachments = edition && !files.includes(edition.title) ? [edition.title, ...files] : files;
  return paperDocumentContent({ kommune: tenant.name, paper, steps: await consultationsOf(db, tenant.id, paper.id), figures, attachments });
}

/** The Vorlage as PDF or DOCX; the renderers load with the first document, not at start-up. */
export async function paperDocument(db: Db, tenant: Pick<Tenant, 'id' | 'name'>, paper: Paper, format: PaperFormat) {
  const content = await paperContent(db, tenant, paper);
  const bytes = format === 'pdf' ? await (await import('./pdf.js')).renderPaperPdf(content) : await (await import('./docx.js')).renderPaperDocx(content);
  return { bytes, contentType: contentTypes[format], fileName: `vorlage-${paper.number.replace(/[^A-Za-z0-9]+/g, '-')}.${format}` };
}
