/**
 * The portal's read side: loads what a public page needs in a few queries and returns only
 * presented (public) shapes. Everything is scoped to the Kommune and to its ADOPTED edition.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { fields, goals } from '../concepts/schema.js';
import { actors } from '../actors/schema.js';
import { adoptedEdition, editionOutline, presentEdition, presentFields, presentGoal, presentGuideline, type PublicEdition, type PublicField, type PublicGoal, type PublicGuideline } from '../concepts/index.js';
import { horizons, measureStatuses, measures, type MeasureStatus } from '../measures/schema.js';
import { linksOf, listMeasureSummaries, measureById, targetGroupsOf, type MeasureFilter } from '../measures/index.js';
import { searchEdition } from '../search/index.js';
import { publicAdoptionOf, type PublicDecisionSummary } from '../decisions/index.js';
import { publicIndicatorsOfMeasure, type PublicIndicator } from '../indicators/index.js';
import { publicMeasureProgress, type PublicMeasureProgress } from '../progress/index.js';
import { tenants } from '../../platform/tenancy/schema.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { presentMeasure, presentMeasureRow, presentSearchHit, type PublicMeasure, type PublicMeasureRow, type PublicSearchHit } from './present.js';

// ---------------------------------------------------------------------------------------------
// Start page

export interface HomeData {
  edition: PublicEdition;
  fieldCount: number;
  goalCount: number;
  measureCount: number;
  byStatus: { status: MeasureStatus; count: number }[];
}

export async function loadHome(db: Db, tenantId: string): Promise<HomeData | null> {
  const edition = await adoptedEdition(db, tenantId);
  if (!edition) return null;
  // Counts only: the outline with every text (three queries) cost a fifth of this page (issue 9).
  const [outline] = await queryRows<{ field_count: number; goal_count: number }>(
    db,
    sql`select (select count(*)::int from ${fields} where tenant_id = ${tenantId} and edition_id = ${edition.id} and not is_cross_cutting) as field_count,
               (select count(*)::int from ${goals} where tenant_id = ${tenantId} and edition_id = ${edition.id}) as goal_count`,
  );
  const counts = await db
    .select({ status: measures.status, count: sql<number>`count(*)::int` })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, edition.id)))
    .groupBy(measures.status);
  const byStatus = measureStatuses
    .map((status) => ({ status, count: Number(counts.find((c) => c.status === status)?.count ?? 0) }))
    .filter((s) => s.count > 0);
  return {
    edition: presentEdition(edition),
    fieldCount: Number(outline?.field_count ?? 0),
    goalCount: Number(outline?.goal_count ?? 0),
    measureCount: byStatus.reduce((n, s) => n + s.count, 0),
    byStatus,
  };
}

// ---------------------------------------------------------------------------------------------
// Concept page with filters

/** Filter values as they appear in the URL (German parameter names, readable values). */
export interface PortalFilterQuery {
  themenfeld?: string | undefined;
  zeithorizont?: string | undefined;
  status?: string | undefined;
  zielgruppe?: string | undefined;
  federfuehrung?: string | undefined;
}
export const filterParams = ['themenfeld', 'zeithorizont', 'status', 'zielgruppe', 'federfuehrung'] as const;

export interface FilterOptions {
  fields: { value: string; label: string }[];
  targetGroups: string[];
  leads: { value: string; label: string }[];
}

export interface ConceptData {
  edition: PublicEdition;
  /** The public decision that adopted the edition, where a Vorlage records it. */
  adoption: PublicDecisionSummary | undefined;
  guidelines: PublicGuideline[];
  fields: PublicField[];
  goals: PublicGoal[];
  /** Every measure of the edition, in field and position order. */
  measures: PublicMeasureRow[];
  /** Measure numbers per goal id and per cross-cutting field id. */
  measuresByGoal: Map<string, PublicMeasureRow[]>;
  measuresByCrossCutting: Map<string, PublicMeasureRow[]>;
  options: FilterOptions;
  /** Only the filter values that are valid for this edition; invalid ones are ignored. */
  filter: PortalFilterQuery;
  filterActive: boolean;
  /** The filtered measures (equal to `measures` without filters). */
  filtered: PublicMeasureRow[];
}

/**
 * Seven queries however many measures there are: edition, outline (3), measures, target groups and
 * the goal and cross-cutting links of all measures at once (one query); one more for a filtered list.
 */
export async function loadConcept(db: Db, tenantId: string, query: PortalFilterQuery): Promise<ConceptData | null> {
  const edition = await adoptedEdition(db, tenantId);
  if (!edition) return null;
  const [outline, allRows, targetGroups] = await readsAtOnce(db, [
    () => editionOutline(db, tenantId, edition.id),
    () => listMeasureSummaries(db, tenantId, edition.id),
    () => targetGroupsOf(db, tenantId, edition.id),
  ]);
  // The page shows goals and cross-cutting themes per measure, not partners or municipalities.
  const links = await linksOf(db, tenantId, allRows.map((m) => m.id), ['goalIds', 'crossCuttingIds']);
  const fields = presentFields(outline.fields);
  const all = allRows.map(presentMeasureRow);

  const leads = new Map<string, string>();
  for (const m of allRows) if (m.leadActorId && m.leadActorName) leads.set(m.leadActorId, m.leadActorName);
  const options: FilterOptions = {
    fields: fields.filter((f) => !f.isCrossCutting).map((f) => ({ value: String(f.index), label: f.title })),
    targetGroups,
    leads: [...leads].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'de')),
  };

  // Keep only values this edition offers: a stale or hand-made URL must not yield odd results.
  const pick = (v: string | undefined, allowed: readonly string[]) => (v && allowed.includes(v) ? v : undefined);
  const filter: PortalFilterQuery = {
    themenfeld: pick(query.themenfeld, options.fields.map((f) => f.value)),
    zeithorizont: pick(query.zeithorizont, horizons),
    status: pick(query.status, measureStatuses),
    zielgruppe: pick(query.zielgruppe, targetGroups),
    federfuehrung: pick(query.federfuehrung, options.leads.map((l) => l.value)),
  };
  const filterActive = filterParams.some((p) => filter[p] !== undefined);
  let filtered = all;
  if (filterActive) {
    const serviceFilter: MeasureFilter = {
      fieldId: fields.find((f) => !f.isCrossCutting && String(f.index) === filter.themenfeld)?.id,
      horizon: filter.zeithorizont,
      status: filter.status,
      targetGroup: filter.zielgruppe,
      leadActorId: filter.federfuehrung,
    };
    filtered = (await listMeasureSummaries(db, tenantId, edition.id, serviceFilter)).map(presentMeasureRow);
  }

  const byId = new Map(all.map((m) => [m.id, m]));
  const measuresByGoal = new Map<string, PublicMeasureRow[]>();
  const measuresByCrossCutting = new Map<string, PublicMeasureRow[]>();
  const push = (map: Map<string, PublicMeasureRow[]>, key: string, m: PublicMeasureRow) => {
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  };
  for (const [measureId, l] of links) {
    const m = byId.get(measureId);
    if (!m) continue;
    for (const g of l.goalIds) push(measuresByGoal, g, m);
    for (const f of l.crossCuttingIds) push(measuresByCrossCutting, f, m);
  }
  // Links come in no particular order; show them in the order of the concept.
  const order = new Map(all.map((m, i) => [m.id, i]));
  for (const map of [measuresByGoal, measuresByCrossCutting]) for (const list of map.values()) list.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  return {
    edition: presentEdition(edition),
    adoption: await publicAdoptionOf(db, tenantId, edition.id),
    guidelines: outline.guidelines.map(presentGuideline),
    fields,
    goals: outline.goals.map(presentGoal),
    measures: all,
    measuresByGoal,
    measuresByCrossCutting,
    options,
    filter,
    filterActive,
    filtered,
  };
}

// ---------------------------------------------------------------------------------------------
// Measure page

export interface MeasurePageData {
  measure: PublicMeasure;
  /** Status, progress, status history and public Sachstände (along the lineage). */
  progress: PublicMeasureProgress;
  /** The measure's published indicators with their values. */
  indicators: PublicIndicator[];
  /** The decision the measure rests on: the adopted edition and the date of its adoption. */
  decision: { editionTitle: string; adoptedOn: string | null; adoption: PublicDecisionSummary | undefined };
}

/**
 * A measure of the adopted edition by its number with everything its public page shows; null if
 * there is none (drafts never count).
 */
export async function loadMeasure(db: Db, tenantId: string, number: string): Promise<MeasurePageData | null> {
  const edition = await adoptedEdition(db, tenantId);
  if (!edition) return null;
  const [row] = await db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, edition.id), eq(measures.number, number)));
  if (!row) return null;
  const measure = await measureById(db, tenantId, row.id);
  const actorIds = [...new Set([...(measure.leadActorId ? [measure.leadActorId] : []), ...measure.partnerActorIds])];
  const [outline, actorRows, municipalityRows] = await readsAtOnce(db, [
    () => editionOutline(db, tenantId, edition.id),
    async () =>
      actorIds.length
        ? db.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.tenantId, tenantId), inArray(actors.id, actorIds)))
        : [],
    async () =>
      measure.municipalityIds.length
        ? db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(and(eq(tenants.parentId, tenantId), inArray(tenants.id, measure.municipalityIds)))
        : [],
  ]);
  const fields = presentFields(outline.fields);
  const [progress, indicators] = [await publicMeasureProgress(db, tenantId, measure), await publicIndicatorsOfMeasure(db, tenantId, measure)];
  return {
    measure: presentMeasure(measure, {
      fields: new Map(fields.map((f) => [f.id, f])),
      goals: new Map(outline.goals.map((g) => [g.id, { ...presentGoal(g), position: g.position }])),
      actorNames: new Map(actorRows.map((a) => [a.id, a.name])),
      municipalityNames: new Map(municipalityRows.map((m) => [m.id, m.name])),
    }),
    progress,
    indicators,
    decision: { editionTitle: edition.title, adoptedOn: edition.adoptedOn, adoption: await publicAdoptionOf(db, tenantId, edition.id) },
  };
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchData {
  hasConcept: boolean;
  hits: PublicSearchHit[];
}

export async function loadSearch(db: Db, tenantId: string, q: string): Promise<SearchData> {
  const edition = await adoptedEdition(db, tenantId);
  if (!edition) return { hasConcept: false, hits: [] };
  if (!q.trim()) return { hasConcept: true, hits: [] };
  const hits = await searchEdition(db, tenantId, edition.id, q, undefined, 'public');
  return { hasConcept: true, hits: hits.map(presentSearchHit) };
}
