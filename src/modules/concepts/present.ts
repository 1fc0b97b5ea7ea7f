/**
 * What of the concept the public pages may show, field by field: each function copies an
 * allow-list of fields into a new object, so internal columns never reach a public page.
 */
import type { Edition } from './editions.js';
import type { GoalKind } from './schema.js';

export interface PublicEdition {
  /** Keys the edition's translations (its texts appear translated on the portal). */
  id: string;
  title: string;
  adoptedOn: string | null;
  introduction: string;
}

export interface PublicGuideline {
  id: string;
  title: string;
  text: string;
}

export interface PublicField {
  id: string;
  title: string;
  description: string;
  isCrossCutting: boolean;
  /** 1-based among the edition's Themenfelder (cross-cutting ones counted separately); used in anchors and filters. */
  index: number;
}

export interface PublicGoal {
  id: string;
  fieldId: string;
  kind: GoalKind;
  number: string;
  title: string;
  description: string;
}

export const presentEdition = (e: Edition): PublicEdition => ({ id: e.id, title: e.title, adoptedOn: e.adoptedOn, introduction: e.introduction });

export const presentGuideline = (g: { id: string; title: string; text: string }): PublicGuideline => ({ id: g.id, title: g.title, text: g.text });

/** Numbers Themenfelder and Querschnittsthemen separately, in their display order. */
export function presentFields(rows: { id: string; title: string; description: string; isCrossCutting: boolean }[]): PublicField[] {
  let fieldIndex = 0;
  let crossIndex = 0;
  return rows.map((f) => ({
    id: f.id,
    title: f.title,
    description: f.description,
    isCrossCutting: f.isCrossCutting,
    index: f.isCrossCutting ? ++crossIndex : ++fieldIndex,
  }));
}

export const presentGoal = (g: { id: string; fieldId: string; kind: GoalKind; number: string; title: string; description: string }): PublicGoal => ({
  id: g.id,
  fieldId: g.fieldId,
  kind: g.kind,
  number: g.number,
  title: g.title,
  description: g.description,
});
