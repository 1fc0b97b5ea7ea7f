import type { Db } from '../../../db/client.js';
import { berlinDate } from '../../../platform/dates.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import type { Edition } from '../../concepts/index.js';
import { slugify } from '../../tenants/index.js';
import { buildConcept } from './build.js';
import { conceptContent, isDraft } from './content.js';
import type { ConceptModel } from './model.js';

export type ConceptFormat = 'pdf' | 'docx';

export const documentTypes: Record<ConceptFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export interface ConceptDocument {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

/** The renderers (docx, pdfkit, resvg) load with the first document, not at start-up. */
export async function renderConcept(m: ConceptModel, format: ConceptFormat): Promise<Buffer> {
  const content = conceptContent(m);
  return format === 'pdf' ? (await import('../pdf.js')).renderPdfDocument(content) : (await import('../docx.js')).renderDocxDocument(content);
}

export const conceptFileName = (m: Pick<ConceptModel, 'title' | 'status'>, format: ConceptFormat) => `${slugify(m.title)}${isDraft(m) ? '-entwurf' : ''}.${format}`;

/**
 * The whole concept edition as a tagged PDF or a Word file: title page, contents, Leitlinien,
 * per Themenfeld its goals and measures, Querschnittsthemen, the actors. It holds only what the
 * public pages show, so it may be attached to a public paper as it is. Drafts are marked
 * "Entwurf" in the title, on the title page and on every page.
 */
export async function conceptDocument(db: Db, tenant: Pick<Tenant, 'id' | 'name'>, edition: Edition | string, format: ConceptFormat, today = berlinDate(new Date())): Promise<ConceptDocument> {
  const model = await buildConcept(db, tenant, edition, today);
  return { bytes: await renderConcept(model, format), fileName: conceptFileName(model, format), contentType: documentTypes[format] };
}
