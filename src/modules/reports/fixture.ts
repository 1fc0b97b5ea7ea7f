import { measureStatuses, type MeasureStatus } from '../measures/schema.js';
import type { ReportAudience, ReportModel } from './model.js';

const labels: Record<MeasureStatus, string> = {
  geplant: 'geplant', in_umsetzung: 'in Umsetzung', umgesetzt: 'umgesetzt', verstetigt: 'verstetigt', zurueckgestellt: 'zurückgestellt', entfallen: 'entfallen',
};

/** A synthetic report with `count` measures, for render tests and the bench (no database needed). */
export function syntheticReport(count: number, audience: ReportAudience = 'internal'): ReportModel {
  const fields = ['Teilhabe durch Sprache', 'Teilhabe durch Bildung', 'Teilhabe durch Arbeit und Beruf', 'Gesundheit und Pflege', 'Gesellschaftliche Teilhabe', 'Ehrenamt und Engagement'];
  const measures = Array.from({ length: count }, (_, i) => {
    const status = measureStatuses[i % measureStatuses.length]!;
    return {
      number: `${(i % 6) + 1}.${Math.floor(i / 6) + 1}`,
      title: `Sprachkurs mit Kinderbetreuung ${i + 1}`,
      field: fields[i % 6]!,
      lead: 'Kreisvolkshochschule Musterland',
      status,
      progress: status === 'geplant' ? 0 : (i * 7) % 101,
      latest: i % 3 === 0 ? { reportedOn: '2026-03-01', text: `Kurs läuft seit März, ${10 + (i % 9)} Teilnehmende.`, isPublic: audience === 'public' || i % 2 === 0 } : undefined,
    };
  });
  const count_ = (xs: typeof measures) => Object.fromEntries(measureStatuses.map((s) => [s, xs.filter((m) => m.status === s).length])) as Record<MeasureStatus, number>;
  return {
    audience,
    kommune: 'Landkreis Musterland',
    editionTitle: 'Integrationskonzept 2024',
    adoptedOn: '2024-12-16',
    periodFrom: '2025-11-01',
    periodTo: '2026-10-31',
    generatedOn: '2026-11-21',
    rollupRule: 'Gewichteter Mittelwert des Fortschritts aller Maßnahmen; Maßnahmen mit Status „entfallen“ zählen nicht mit.',
    total: { measures: count, progress: 42, byStatus: count_(measures) },
    fields: fields.map((title) => ({ title, measures: measures.filter((m) => m.field === title).length, progress: 40, byStatus: count_(measures.filter((m) => m.field === title)) })),
    changes: measures.filter((m) => m.latest).slice(0, 20).map((m) => ({ number: m.number, title: m.title, field: m.field, reportedOn: m.latest!.reportedOn, status: m.status, progress: m.progress ?? 0, text: m.latest!.text, isPublic: m.latest!.isPublic })),
    overdue: measures.filter((m) => m.status === 'geplant').slice(0, 5).map((m) => ({ number: m.number, title: m.title, lead: m.lead, dueOn: '2025-12-31', status: m.status })),
    measures,
    indicators: fields.slice(0, 3).map((field, f) => ({
      field,
      entries: [0, 1].map((k) => ({
        indicator: { id: `ind-${f}-${k}`, name: `Teilnehmende an Sprachkursen ${f + 1}.${k + 1}`, unit: 'Personen', baselineValue: 100, baselineDate: '2023-12-31', targetValue: 180, targetYear: 2027, direction: 'higher' as const },
        owner: `Ziel ${f + 1}.${k + 1} Mehr Menschen erreichen Sprachkurse`,
        isPublic: audience === 'public' || k === 0,
        status: 'im Plan',
        values: [{ measuredOn: '2024-12-31', value: 120 + f * 5 }, { measuredOn: '2025-12-31', value: 140 + k * 10 }],
      })),
    })),
    statusLabels: labels,
  };
}
