import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../../db/client.js';
import { jsonRows } from '../../db/reads.js';
import { formatNumber, translator } from '../../platform/i18n/i18n.js';
import { keptWhileUnchanged } from '../../platform/kept-derived.js';
import { measures } from '../measures/schema.js';
import { linksOfEditions, measureColumns } from '../measures/index.js';
import { germanDate } from '../../platform/i18n/german.js';
import { editionById, type Edition } from '../concepts/index.js';
import { fields, goals, guidelines } from '../concepts/schema.js';
import { diffEditions, normaliseTitle, type EditionDiff, type EditionSnapshot, type Ref, type SnapshotItem } from './diff.js';

type LineageTable = (typeof lineageTables)[number];

/**
 * The first item of each item's predecessor chain (itself without predecessor), for the four
 * kinds and all given editions at once (one query; issue 9: four per edition made the comparison
 * the slowest page). A chain whose predecessor was deleted ends at the deleted id, the same for
 * every descendant.
 */
async function lineageRoots(db: Db, tenantId: string, editionIds: string[]): Promise<Record<LineageTable, Map<string, string>>> {
  const items = sql.join(
    lineageTables.map((table) => sql`select ${sql.raw(`'${table}'`)} as kind, id, predecessor_id, edition_id from ${sql.raw(table)} where tenant_id = ${tenantId}`),
    sql` union all `,
  );
  const rows = await queryRows<{ kind: LineageTable; item: string; root: string }>(
    db,
    sql`with recursive items as not materialized (${items}),
        chain(kind, item, cur, pred, depth) as (
          select kind, id, id, predecessor_id, 0 from items where edition_id in (${sql.join(editionIds.map((id) => sql`${id}::uuid`), sql`, `)})
          union all
          select c.kind, c.item, p.id, p.predecessor_id, c.depth + 1
            from chain c join items p on p.kind = c.kind and p.id = c.pred
           where c.depth < 100
        )
        select distinct on (kind, item) kind, item, coalesce(pred, cur) as root from chain order by kind, item, depth desc`,
  );
  const roots = Object.fromEntries(lineageTables.map((t) => [t, new Map<string, string>()])) as Record<LineageTable, Map<string, string>>;
  for (const r of rows) roots[r.kind].set(r.item, r.root);
  return roots;
}
const lineageTables = ['guidelines', 'fields', 'goals', 'measures'] as const;

// Numbers as a committee reads them: "14.000 €", "0,5" (German grouping and decimal comma).
const decimal = (v: string | null) => (v == null ? '' : formatNumber('de', Number(v)));
const euro = (v: string | null) => (v == null ? '' : `${formatNumber('de', Number(v))} €`);
const joined = (xs: string[]) => xs.filter(Boolean).join('; ');
const byName = (a: string, b: string) => a.localeCompare(b, 'de');

/** An edition as the diff sees it: every item with display values in German and what it refers to. */
export async function editionSnapshot(db: Db, tenantId: string, editionId: string): Promise<EditionSnapshot> {
  const [snapshot] = await editionSnapshots(db, tenantId, [await editionById(db, tenantId, editionId)]);
  return snapshot!;
}

/**
 * The snapshots of several editions (the comparison's two) with one query per kind of row for all
 * of them, not one set per edition (issue 9: 27 queries made the comparison the slowest page).
 */
export async function editionSnapshots<T extends Edition[]>(db: Db, tenantId: string, editions: [...T]): Promise<{ [K in keyof T]: EditionSnapshot }> {
  const editionIds = [...new Set(editions.map((e) => e.id))];
  const inEditions = sql`tenant_id = ${tenantId} and edition_id in (${sql.join(editionIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  // Sequential: inside a transaction all queries share one connection.
  const { gl, fl, gs } = await outlineRows(db, inEditions);
  const ms = await db.select(snapshotMeasureColumns).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.editionId, editionIds))).orderBy(asc(measures.position));
  const links = await linksOfEditions(db, tenantId, editionIds);
  const roots = await lineageRoots(db, tenantId, editionIds);
  const actorIds = new Set(ms.flatMap((m) => [...(m.leadActorId ? [m.leadActorId] : []), ...(links.get(m.id)?.partnerActorIds ?? [])]));
  const placeIds = new Set(ms.flatMap((m) => links.get(m.id)?.municipalityIds ?? []));
  const { actorName, placeName } = await namesOf(db, tenantId, actorIds, placeIds);
  const of = (editionId: string) => ({
    gl: gl.filter((x) => x.editionId === editionId),
    fl: fl.filter((x) => x.editionId === editionId),
    gs: gs.filter((x) => x.editionId === editionId),
    ms: ms.filter((x) => x.editionId === editionId),
  });
  return editions.map((edition) => snapshotOf(edition, of(edition.id), { links, roots, actorName, placeName })) as { [K in keyof T]: EditionSnapshot };
}

export interface Comparison {
  from: EditionSnapshot;
  to: EditionSnapshot;
  diff: EditionDiff;
}

const keptComparisons = keptWhileUnchanged<Comparison>(8);

/**
 * Two editions' snapshots and what changed between them, kept while nothing in the Kommune changed
 * (platform/kept-derived.ts). Issue 9.2: computing it loads every column of both editions with their
 * links and lineage (~2,500 rows for the demo's 168 + 168 measures) for an 11 kB page, 60–100 ms;
 * the crawl's worst route. Keyed by the two editions' ids and versions; everything else a snapshot
 * shows is the Kommune's content, or the names of its Gemeinden, which no command changes.
 */
export function comparison(database: Database, tenantId: string, from: Edition, to: Edition): Promise<Comparison> {
  return keptComparisons(database, tenantId, `${from.id}:${from.version}|${to.id}:${to.version}`, async () => {
    const [a, b] = await editionSnapshots(database.db, tenantId, [from, to]);
    return { from: a, to: b, diff: diffEditions(a, b) };
  });
}

type Common = 'id' | 'editionId' | 'position' | 'title';
interface EditionRows {
  gl: Pick<typeof guidelines.$inferSelect, Common | 'text'>[];
  fl: Pick<typeof fields.$inferSelect, Common | 'description' | 'isCrossCutting'>[];
  gs: Pick<typeof goals.$inferSelect, Common | 'fieldId' | 'kind' | 'number' | 'description'>[];
  ms: { [K in keyof typeof snapshotMeasureColumns]: (typeof measures.$inferSelect)[K] }[];
}

/** The columns of a measure the diff shows or orders by (not its note, dates of change, version). */
const { tenantId: _t, predecessorId: _p, internalNote: _n, createdAt: _c, updatedAt: _u, version: _v, ...snapshotMeasureColumns } = measureColumns;

/**
 * The Leitlinien, Themenfelder and goals of the editions in one query, each kind's rows as a JSON
 * array in position order (issue 9.2: three queries before).
 */
async function outlineRows(db: Db, inEditions: SQL): Promise<Omit<EditionRows, 'ms'>> {
  const rows = (q: SQL) => jsonRows(sql`${q} where ${inEditions} order by position`);
  const [row] = await queryRows<Omit<EditionRows, 'ms'>>(
    db,
    sql`select ${rows(sql`select id, edition_id as "editionId", position, title, text from guidelines`)} as gl,
      ${rows(sql`select id, edition_id as "editionId", position, title, description, is_cross_cutting as "isCrossCutting" from fields`)} as fl,
      ${rows(sql`select id, edition_id as "editionId", field_id as "fieldId", kind, number, position, title, description from goals`)} as gs`,
  );
  return row!;
}

/** The names of the actors and places the measures name, in one query (two before). */
async function namesOf(db: Db, tenantId: string, actorIds: Set<string>, placeIds: Set<string>) {
  const actorName = new Map<string, string>();
  const placeName = new Map<string, string>();
  if (actorIds.size + placeIds.size === 0) return { actorName, placeName };
  // Ids from the database: a literal array is safe.
  const list = (ids: Set<string>) => `{${[...ids].join(',')}}`;
  const rows = await queryRows<{ place: boolean; id: string; name: string }>(
    db,
    sql`select false as place, id, name from actors where tenant_id = ${tenantId} and id = any(${list(actorIds)}::uuid[])
      union all select true, id, name from tenants where id = any(${list(placeIds)}::uuid[])`,
  );
  for (const r of rows) (r.place ? placeName : actorName).set(r.id, r.name);
  return { actorName, placeName };
}

function snapshotOf(
  edition: Edition,
  { gl, fl, gs, ms }: EditionRows,
  { links, roots, actorName, placeName }: { links: Awaited<ReturnType<typeof linksOfEditions>>; roots: Record<LineageTable, Map<string, string>>; actorName: Map<string, string>; placeName: Map<string, string> },
): EditionSnapshot {
  const t = translator('de');
  const rootOf = (kind: LineageTable, id: string) => roots[kind].get(id) ?? id;
  const fieldById = new Map(fl.map((f) => [f.id, f]));
  const goalById = new Map(gs.map((g, i) => [g.id, { ...g, i }]));
  // Measures are shown by Themenfeld, then position; the diff sorts by number anyway.
  const fieldPosition = (id: string) => fieldById.get(id)?.position ?? 0;
  const fieldRef = (id: string): Ref => ({ root: rootOf('fields', id), key: normaliseTitle(fieldById.get(id)?.title ?? id) });
  const goalRef = (id: string): Ref => ({ root: rootOf('goals', id), key: goalById.get(id)?.number ?? id });
  const idRef = (id: string): Ref => ({ root: id, key: id });

  const guidelineItems: SnapshotItem[] = gl.map((g) => ({
    id: g.id,
    root: rootOf('guidelines', g.id),
    key: normaliseTitle(g.title),
    number: String(g.position),
    title: g.title,
    values: { title: g.title, text: g.text },
    refs: {},
  }));
  const fieldItems: SnapshotItem[] = fl.map((f) => ({
    id: f.id,
    root: rootOf('fields', f.id),
    key: normaliseTitle(f.title),
    number: String(f.position),
    title: f.title,
    values: { title: f.title, description: f.description, isCrossCutting: t(f.isCrossCutting ? 'form.yes' : 'form.no') },
    refs: {},
  }));
  const goalItems: SnapshotItem[] = gs.map((g) => ({
    id: g.id,
    root: rootOf('goals', g.id),
    key: g.number.trim(),
    number: g.number,
    title: g.title,
    values: { number: g.number, kind: t(`goal_kind.${g.kind}`), field: fieldById.get(g.fieldId)?.title ?? '', title: g.title, description: g.description },
    refs: { field: [fieldRef(g.fieldId)] },
  }));
  const measureItems: SnapshotItem[] = [...ms]
    .sort((a, b) => fieldPosition(a.fieldId) - fieldPosition(b.fieldId) || a.position - b.position)
    .map((m) => {
      const l = links.get(m.id) ?? { goalIds: [], partnerActorIds: [], crossCuttingIds: [], municipalityIds: [], targetGroups: [] };
      const goalIds = [...l.goalIds].sort((a, b) => (goalById.get(a)?.i ?? 0) - (goalById.get(b)?.i ?? 0));
      const crossIds = [...l.crossCuttingIds].sort((a, b) => fieldPosition(a) - fieldPosition(b));
      return {
        id: m.id,
        root: rootOf('measures', m.id),
        key: m.number.trim(),
        number: m.number,
        title: m.title,
        values: {
          number: m.number,
          field: fieldById.get(m.fieldId)?.title ?? '',
          goals: joined(goalIds.map((id) => { const g = goalById.get(id); return g ? `${g.number} ${g.title}` : ''; })),
          title: m.title,
          description: m.description,
          targetGroups: joined([...l.targetGroups].sort(byName)),
          lead: m.leadActorId ? actorName.get(m.leadActorId) ?? '' : '',
          partners: joined(l.partnerActorIds.map((id) => actorName.get(id) ?? '').sort(byName)),
          horizon: t(`horizon.${m.horizon}`),
          startDate: germanDate(m.startDate),
          endDate: germanDate(m.endDate),
          priority: t(`priority.${m.priority}`),
          staffFte: decimal(m.staffFte),
          costEur: euro(m.costEur),
          fundingSource: m.fundingSource ?? '',
          indicator: m.indicator ?? '',
          targetValue: m.targetValue ?? '',
          status: t(`measure_status.${m.status}`),
          progress: m.progress == null ? '' : `${m.progress} %`,
          weight: decimal(m.weight),
          crossCutting: joined(crossIds.map((id) => fieldById.get(id)?.title ?? '')),
          sdgs: joined([...m.sdgs].sort((a, b) => a - b).map((n) => t(`sdg.${n}`))),
          municipalities: joined(l.municipalityIds.map((id) => placeName.get(id) ?? '').sort(byName)),
        },
        refs: {
          field: [fieldRef(m.fieldId)],
          goals: goalIds.map(goalRef),
          lead: m.leadActorId ? [idRef(m.leadActorId)] : [],
          partners: l.partnerActorIds.map(idRef),
          crossCutting: crossIds.map(fieldRef),
          municipalities: l.municipalityIds.map(idRef),
        },
      };
    });
  return {
    edition: { id: edition.id, title: edition.title, status: edition.status, adoptedOn: edition.adoptedOn },
    guidelines: guidelineItems,
    fields: fieldItems,
    goals: goalItems,
    measures: measureItems,
  };
}
