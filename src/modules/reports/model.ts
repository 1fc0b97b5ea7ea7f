import type { ChartIndicator, MeasuredValue } from '../indicators/index.js';
import type { MeasureStatus } from '../measures/schema.js';

/**
 * Who a report is for: a public council session gets only what is published; an internal report
 * also shows internal Sachstände, each marked "intern" (a partner's report still waiting for the
 * Koordination's review: "intern, zur Prüfung"; `pending` below).
 */
export const reportAudiences = ['public', 'internal'] as const;
export type ReportAudience = (typeof reportAudiences)[number];

/** Everything a Sachstandsbericht shows, already in words and numbers; renderers only lay it out. */
export interface ReportModel {
  audience: ReportAudience;
  kommune: string;
  editionTitle: string;
  adoptedOn: string | null;
  periodFrom: string;
  periodTo: string;
  generatedOn: string;
  /** How the progress figures are computed, shown next to them. */
  rollupRule: string;
  total: ReportProgress;
  fields: (ReportProgress & { title: string })[];
  /** Sachstandsmeldungen reported within the period, newest first. */
  changes: { number: string; title: string; field: string; reportedOn: string; status: MeasureStatus; progress: number; text: string; isPublic: boolean; pending?: boolean }[];
  overdue: { number: string; title: string; lead: string; dueOn: string; status: MeasureStatus }[];
  measures: { number: string; title: string; field: string; lead: string; status: MeasureStatus; progress: number | null; latest?: { reportedOn: string; text: string; isPublic: boolean; pending?: boolean } }[];
  /** Indicators by Themenfeld (a public report: only published ones), with their values for chart and table. */
  indicators: { field: string; entries: ReportIndicator[] }[];
  statusLabels: Record<MeasureStatus, string>;
}

export interface ReportIndicator {
  indicator: ChartIndicator;
  /** "Ziel 1.2 Sprachkurse …" or "Maßnahme 1.2.3 …". */
  owner: string;
  isPublic: boolean;
  /** The judgement in words ("im Plan"). */
  status: string;
  values: MeasuredValue[];
}

export interface ReportProgress {
  measures: number;
  progress: number | null;
  byStatus: Record<MeasureStatus, number>;
}
