import { and, between, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { translator } from '../../platform/i18n/i18n.js';
import { isOverdue, attentionMeasures } from '../attention/index.js';
import { editionById, editionOutline } from '../concepts/index.js';
import { indicatorOverview } from '../indicators/index.js';
import { fields } from '../concepts/schema.js';
import { listMeasures, statusRulesOf } from '../measures/index.js';
import { measures, measureStatuses, type MeasureStatus } from '../measures/schema.js';
import { editionRollup, type Progress, latestUpdates } from '../progress/index.js';
import { measureUpdates } from '../progress/schema.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import type { ReportAudience, ReportModel, ReportProgress } from './model.js';

const rounded = (p: Progress): ReportProgress => ({
  measures: Object.values(p.byStatus).reduce((a, b) => a + b, 0),
  progress: p.progress === null ? null : Math.round(p.progress),
  byStatus: p.byStatus,
});

/**
 * Gathers what a Sachstandsbericht for one edition and period shows (`today` decides what is
 * overdue). A report for a public session leaves out every internal Sachstand.
 */
export async function buildReport(db: Db, tenant: Tenant, editionId: string, period: { from: string; to: string }, today: string, audience: ReportAudience): Promise<ReportModel> {
  const publicOnly = audience === 'public';
  const t = translator('de');
  const edition = await editionById(db, tenant.id, editionId);
  const [outline, rows, rollup, rules, attention] = [
    await editionOutline(db, tenant.id, edition.id),
    await listMeasures(db, tenant.id, edition.id),
    await editionRollup(db, tenant.id, edition.id),
    await statusRulesOf(db, tenant.id),
    await attentionMeasures(db, tenant.id, edition.id),
  ];
  const indicatorFields = await indicatorOverview(db, tenant.id, edition.id, { publicOnly, today });
  const latest = await latestUpdates(db, tenant.id, rows.map((m) => m.id), { publicOnly });
  const changes = await db
    .select({ number: measures.number, title: measures.title, field: fields.title, reportedOn: measureUpdates.reportedOn, status: measureUpdates.status, progress: measureUpdates.progress, text: measureUpdates.text, isPublic: measureUpdates.isPublic, review: measureUpdates.review })
    .from(measureUpdates)
    .innerJoin(measures, and(eq(measures.tenantId, measureUpdates.tenantId), eq(measures.id, measureUpdates.measureId)))
    .innerJoin(fields, and(eq(fields.tenantId, measures.tenantId), eq(fields.id, measures.fieldId)))
    .where(and(eq(measureUpdates.tenantId, tenant.id), eq(measures.editionId, edition.id), between(measureUpdates.reportedOn, period.from, period.to), publicOnly ? eq(measureUpdates.isPublic, true) : undefined))
    .orderBy(desc(measureUpdates.reportedOn), measures.number);
  const statusLabels = Object.fromEntries(measureStatuses.map((s) => [s, t(`measure_status.${s}`)])) as Record<MeasureStatus, string>;
  const notCounting = measureStatuses.filter((s) => !rules[s].countsInRollup).map((s) => `„${statusLabels[s]}“`);
  const overdue = attention
    .map((m) => isOverdue(m, edition.adoptedOn, today))
    .filter((o): o is NonNullable<typeof o> => !!o)
    .sort((a, b) => a.due.localeCompare(b.due));
  return {
    audience,
    kommune: tenant.name,
    editionTitle: edition.title,
    adoptedOn: edition.adoptedOn,
    periodFrom: period.from,
    periodTo: period.to,
    generatedOn: today,
    rollupRule:
      'Stand = gewichteter Mittelwert des Fortschritts der Maßnahmen (zuletzt gemeldeter Fortschritt, sonst der vom Status abgeleitete, sonst 0 %)' +
      (notCounting.length ? `; Maßnahmen mit Status ${notCounting.join(', ')} zählen nicht mit.` : '.'),
    total: rounded(rollup.edition),
    fields: outline.fields.filter((f) => !f.isCrossCutting).map((f) => ({ title: f.title, ...rounded(rollup.fields.get(f.id)!) })),
    changes: changes.map(({ review, ...c }) => ({ ...c, pending: review === 'pending' })),
    overdue: overdue.map((o) => ({ number: o.measure.number, title: o.measure.title, lead: o.measure.leadActorName ?? '–', dueOn: o.due, status: o.measure.status })),
    measures: rows.map((m) => {
      const u = latest.get(m.id);
      return { number: m.number, title: m.title, field: m.fieldTitle, lead: m.leadActorName ?? '–', status: m.status, progress: m.progress, latest: u ? { reportedOn: u.reportedOn, text: u.text, isPublic: u.isPublic, pending: u.review === 'pending' } : undefined };
    }),
    indicators: indicatorFields.map((f) => ({
      field: f.field.title,
      entries: f.groups.flatMap((g) =>
        g.entries.map((e) => ({
          indicator: { id: e.indicator.id, name: e.indicator.name, unit: e.indicator.unit, baselineValue: e.indicator.baselineValue, baselineDate: e.indicator.baselineDate, targetValue: e.indicator.targetValue, targetYear: e.indicator.targetYear, direction: e.indicator.direction },
          owner: `${g.owner.kind === 'goal' ? 'Ziel' : 'Maßnahme'} ${g.owner.number} ${g.owner.title}`,
          isPublic: e.indicator.isPublic,
          status: t(`indicator.status.${e.status.status}`),
          values: e.values.map((v) => ({ measuredOn: v.measuredOn, value: v.value })),
        })),
      ),
    })),
    statusLabels,
  };
}
