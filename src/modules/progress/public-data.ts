/**
 * The read side of the public progress page: the ADOPTED edition only (with the history of its
 * measures' predecessors), PUBLIC updates only, and
 * every value copied field by field into public shapes (no author names, no internal texts, no
 * ids of people), like the portal's presenters.
 */
import type { Db } from '../../db/client.js';
import { adoptedEdition, editionOutline, presentEdition, presentFields, type PublicEdition, type PublicField } from '../concepts/index.js';
import type { MeasureStatus } from '../measures/schema.js';
import { listMeasures, statusRulesOf, type StatusRules } from '../measures/index.js';
import { editionRollup, type Progress } from './rollup.js';
import { updatesAlongLineage, type MeasureUpdateRow } from './updates.js';

export interface PublicUpdate {
  id: string;
  reportedOn: string;
  status: MeasureStatus;
  progress: number;
  text: string;
  attachment: { name: string; size: number } | null;
}

export interface PublicProgressMeasure {
  /** Keys the measure's translations. */
  id: string;
  number: string;
  title: string;
  status: MeasureStatus;
  /** Reported progress, else what the status implies; null when neither says anything. */
  progress: number | null;
  counts: boolean;
  updates: PublicUpdate[];
}

export interface PublicFieldProgress {
  field: PublicField;
  progress: Progress;
  measures: PublicProgressMeasure[];
}

export interface PublicProgressData {
  edition: PublicEdition;
  overall: Progress;
  rules: StatusRules;
  fields: PublicFieldProgress[];
  publicUpdateCount: number;
}

export const presentUpdate = (u: MeasureUpdateRow): PublicUpdate => ({
  id: u.id,
  reportedOn: u.reportedOn,
  status: u.status,
  progress: u.progress,
  text: u.text,
  attachment: u.attachmentName && u.attachmentSize != null ? { name: u.attachmentName, size: u.attachmentSize } : null,
});

export async function loadPublicProgress(db: Db, tenantId: string): Promise<PublicProgressData | null> {
  const edition = await adoptedEdition(db, tenantId);
  if (!edition) return null;
  const outline = await editionOutline(db, tenantId, edition.id);
  const rows = await listMeasures(db, tenantId, edition.id);
  const rules = await statusRulesOf(db, tenantId);
  const rollup = await editionRollup(db, tenantId, edition.id);
  const updates = await updatesAlongLineage(db, tenantId, rows.map((m) => m.id), { publicOnly: true });
  let publicUpdateCount = 0;
  const fields = presentFields(outline.fields)
    .filter((f) => !f.isCrossCutting)
    .map((field) => ({
      field,
      progress: rollup.fields.get(field.id)!,
      measures: rows
        .filter((m) => m.fieldId === field.id)
        .map((m) => {
          const list = (updates.get(m.id) ?? []).map(presentUpdate);
          publicUpdateCount += list.length;
          return {
            id: m.id,
            number: m.number,
            title: m.title,
            status: m.status,
            progress: m.progress ?? rules[m.status].impliedProgress,
            counts: rules[m.status].countsInRollup,
            updates: list,
          };
        }),
    }));
  return { edition: presentEdition(edition), overall: rollup.edition, rules, fields, publicUpdateCount };
}
