/** Comparing two saved versions of a Vorlage: header fields before/after, texts word by word. */
import { formatDate, formatNumber, translator } from '../../platform/i18n/i18n.js';
import { wordDiff, type DiffPart } from './word-diff.js';

export interface VersionComparison {
  from: number;
  to: number;
  fields: { labelKey: string; before: string; after: string }[];
  sections: { key: string; labelKey: string; changed: boolean; before: string; after: string; parts: DiffPart[] | undefined }[];
}

const t = translator('de');
const sections = [
  ['subject', 'decisions.paper.subject'],
  ['proposal', 'decisions.paper.proposal'],
  ['facts', 'decisions.paper.facts'],
  ['financialText', 'decisions.paper.financial_legend'],
  ['climateText', 'decisions.paper.climate_text'],
] as const;

/** Header fields in words, as the paper page shows them. */
const fields: [string, string, (v: unknown) => string][] = [
  ['kind', 'decisions.paper.kind', (v) => (v ? t(`decisions.kind.${String(v)}`) : '')],
  ['paperDate', 'decisions.paper.date', (v) => (typeof v === 'string' ? formatDate('de', v) : '')],
  ['leadOffice', 'decisions.paper.lead_office', String],
  ['clerk', 'decisions.paper.clerk', String],
  ['fileReference', 'decisions.paper.file_reference', String],
  ['isPublic', 'decisions.paper.visibility', (v) => t(v ? 'decisions.paper.public' : 'decisions.paper.not_public')],
  ['hasFinancialEffects', 'decisions.paper.financial_effects', (v) => t(v ? 'decisions.versions.yes' : 'decisions.versions.no')],
  ['financialAmount', 'decisions.paper.financial_amount', (v) => (v == null || v === '' ? '' : formatNumber('de', Number(v)))],
  ['climateImpact', 'decisions.paper.climate_impact', (v) => (v ? t(`decisions.climate.${String(v)}`) : '')],
  ['signature', 'decisions.paper.signature', String],
];

const text = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function compareVersions(from: { version: number; content: Record<string, unknown> }, to: { version: number; content: Record<string, unknown> }): VersionComparison {
  return {
    from: from.version,
    to: to.version,
    fields: fields.flatMap(([key, labelKey, show]) => {
      const [before, after] = [show(from.content[key] ?? ''), show(to.content[key] ?? '')];
      return before === after ? [] : [{ labelKey, before, after }];
    }),
    sections: sections.map(([key, labelKey]) => {
      const [before, after] = [text(from.content[key]), text(to.content[key])];
      return { key, labelKey, changed: before !== after, before, after, parts: before === after ? undefined : wordDiff(before, after) };
    }),
  };
}
