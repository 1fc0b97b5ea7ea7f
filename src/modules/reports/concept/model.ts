import type { EditionStatus } from '../../concepts/schema.js';

/**
 * Everything the concept document shows, already in words: only what the public concept and
 * measure pages show too (no internal notes, no Sachstände, no costs), so one document serves
 * the edition page, the Beschlussvorlage and the public site alike.
 */
export interface ConceptModel {
  kommune: string;
  title: string;
  status: EditionStatus;
  /** "beschlossen", "Entwurf" … as the application names the status. */
  statusLabel: string;
  adoptedOn: string | null;
  introduction: string;
  generatedOn: string;
  guidelines: { title: string; text: string }[];
  fields: ConceptField[];
  /** Querschnittsthemen with the measures of any Themenfeld that serve them. */
  crossCutting: { title: string; description: string; measures: { number: string; title: string; field: string }[] }[];
  /** The actors the measures name (lead or partner), by name. */
  actors: ConceptActor[];
}

export interface ConceptField {
  title: string;
  description: string;
  goals: { kind: string; number: string; title: string; description: string }[];
  measures: ConceptMeasure[];
}

export interface ConceptMeasure {
  number: string;
  title: string;
  description: string;
  /** Numbers of the goals it serves. */
  goals: string[];
  lead: string | null;
  partners: string[];
  /** "kurzfristig" … and, where known, the dates ("kurzfristig, 01.03.2025 bis 31.12.2026"). */
  period: string;
}

export interface ConceptActor {
  name: string;
  kind: string;
  /** The Gemeinde where it sits, or "kreisweit". */
  seat: string;
  leads: number;
  partners: number;
}
