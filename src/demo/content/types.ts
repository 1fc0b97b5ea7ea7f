// types.ts — verbatim
export type ActorKind = 'verwaltung' | 'jobcenter' | 'schule' | 'kita' | 'wohlfahrtsverband' | 'migrantenorganisation' | 'verein' | 'sport' | 'kammer' | 'arbeitgeber' | 'initiative' | 'beratung' | 'bildungstraeger' | 'gesundheit' | 'sonstige';
export type Horizon = 'kurz' | 'mittel' | 'lang';
export type Priority = 'schwerpunkt' | 'quick_win' | 'normal';
export type MeasureStatus = 'geplant' | 'in_umsetzung' | 'umgesetzt' | 'verstetigt' | 'zurueckgestellt' | 'entfallen';
export type GoalKind = 'leitziel' | 'handlungsziel';

export interface DemoMunicipality { ags: string; name: string; slug: string; kind: 'gemeinde' | 'samtgemeinde' }
export interface DemoActor { key: string; name: string; kind: ActorKind; municipalityAgs?: string }
export interface DemoGuideline { title: string; text: string }
export interface DemoField { key: string; title: string; description: string; crossCutting: boolean }
export interface DemoGoal { key: string; fieldKey: string; kind: GoalKind; number: string; title: string; description: string }
export interface DemoMeasure {
  number: string;            // e.g. "1.3.2" = field 1, Handlungsziel 1.3, measure 2
  fieldKey: string;          // a non-cross-cutting field
  goalKeys: string[];        // 1–2 goals of the same field (Handlungsziele preferred)
  title: string;             // max ~90 chars
  description: string;       // 1–3 sentences
  targetGroups: string[];    // e.g. ["Neuzugewanderte", "Frauen mit Kleinkindern"]
  leadActorKey: string;
  partnerActorKeys: string[]; // 0–4, never the lead
  horizon: Horizon;
  startDate?: string;        // ISO date, optional
  endDate?: string;          // ISO date, optional, >= startDate
  priority: Priority;
  staffFte?: number;         // VZÄ, e.g. 0.5
  costEur?: number;          // whole euros per year
  fundingSource?: string;    // e.g. "Eigenmittel Landkreis", "Land Niedersachsen (Richtlinie Koordinierungsstellen)", "ESF Plus", "BAMF"
  indicator?: string;        // e.g. "Anzahl Teilnehmende pro Jahr"
  targetValue?: string;      // e.g. "120 (2026)"
  status: MeasureStatus;
  crossCuttingKeys: string[]; // keys of cross-cutting fields, 0–2
  sdgs: number[];            // from 4, 5, 8, 10, 11, 16, 17
  municipalityAgs: string[]; // empty = whole county
}
export interface DemoContent {
  municipalities: DemoMunicipality[];
  actors: DemoActor[];
  guidelines: DemoGuideline[];
  fields: DemoField[];
  goals: DemoGoal[];
  measures: DemoMeasure[];
}
