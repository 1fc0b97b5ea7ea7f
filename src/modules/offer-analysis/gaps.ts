import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { adoptedEdition, type Edition } from '../concepts/index.js';
import { fields } from '../concepts/schema.js';
import { measureCrossCutting, measureMunicipalities, measureTargetGroups, measures } from '../measures/schema.js';
import { offerCategories, offerFields, offerMeasures, offerTargetGroups, offers, type OfferCategory } from '../offers/schema.js';
import { populationsOf, type Population } from './populations.js';

/** The matrix's rows: the offer categories, or the Themenfelder of the adopted concept. */
export const gapRowKinds = ['kategorie', 'themenfeld'] as const;
export type GapRows = (typeof gapRowKinds)[number];

/** What the matrix counts: all active offers, or those for one Zielgruppe and/or in one language. */
export interface GapFilter {
  /** Rows by category (default) or by Themenfeld. */
  rows?: GapRows | undefined;
  targetGroupId?: string | undefined;
  /** ISO 639 code of a language spoken at the offer ("keine Beratung auf Arabisch"). */
  language?: string | undefined;
}

/** A measure of the adopted concept that addresses a row (category or Themenfeld) where a Gemeinde has no offer. */
export interface GapMeasure {
  id: string;
  number: string;
  title: string;
  /** The Gemeinden of the category's gaps the measure covers (all, when it names none). */
  municipalityIds: string[];
}

export interface GapMatrix {
  by: GapRows;
  municipalities: { id: string; name: string }[];
  /** The rows: a category (`title` null: its label comes from the catalog) or a Themenfeld (id and title). */
  rows: { key: string; title: string | null }[];
  /** counts[row key][municipalityId or ''] — '' is kreisweit. */
  counts: Record<string, Record<string, number>>;
  emptyCells: number;
  /** Entered populations by Gemeinde (missing where unknown). */
  populations: Map<string, Population>;
  /** Measures per row that address its gaps, by number. */
  measures: Record<string, GapMeasure[]>;
}

/** A row's label: the Themenfeld's title, or the category's name. */
export const gapRowLabel = (t: (key: string) => string, row: GapMatrix['rows'][number]) => row.title ?? t(`offers.category.${row.key as OfferCategory}`);

/** Offers per 1,000 inhabitants, one decimal; undefined where the population is unknown. */
export function perThousand(count: number, population: Population | undefined): number | undefined {
  if (!population) return undefined;
  return Math.round((count / population.population) * 10_000) / 10;
}

/** Active offers per category (or Themenfeld) × Gemeinde (filtered by Zielgruppe and language); empty cells are gaps. */
export async function gapMatrix(db: Db, tenantId: string, filter: GapFilter = {}): Promise<GapMatrix> {
  const by = filter.rows ?? 'kategorie';
  const where: SQL[] = [...activeOffers(tenantId)];
  if (filter.language) where.push(sql`${filter.language} = any(${offers.languages})`);
  if (filter.targetGroupId) where.push(inArray(offers.id, db.select({ id: offerTargetGroups.offerId }).from(offerTargetGroups).where(and(eq(offerTargetGroups.tenantId, tenantId), eq(offerTargetGroups.targetGroupId, filter.targetGroupId)))));
  // An offer counts once in its category, and once in each of its Themenfelder.
  const offerCells = () =>
    by === 'kategorie'
      ? db.select({ key: offers.category, municipalityId: offers.municipalityId }).from(offers).where(and(...where))
      : db
          .select({ key: offerFields.fieldId, municipalityId: offers.municipalityId })
          .from(offerFields)
          .innerJoin(offers, and(eq(offers.tenantId, offerFields.tenantId), eq(offers.id, offerFields.offerId)))
          .where(and(...where));
  // Independent reads at once (issue 9.2: six one after another); the Themenfelder follow the edition.
  const rowsOf = async (): Promise<{ edition: Edition | undefined; rows: GapMatrix['rows'] }> => {
    const edition = await adoptedEdition(db, tenantId);
    if (by === 'kategorie') return { edition, rows: offerCategories.map((key) => ({ key, title: null })) };
    return { edition, rows: edition ? await db.select({ key: fields.id, title: fields.title }).from(fields).where(and(eq(fields.tenantId, tenantId), eq(fields.editionId, edition.id))).orderBy(asc(fields.position)) : [] };
  };
  const [municipalities, { edition, rows }, found, populations] = await readsAtOnce(db, [
    () => db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.parentId, tenantId)).orderBy(asc(tenants.name)),
    rowsOf,
    offerCells,
    () => populationsOf(db, tenantId),
  ]);
  const counts: Record<string, Record<string, number>> = {};
  for (const r of rows) counts[r.key] = {};
  for (const r of found) {
    const cell = counts[r.key];
    if (cell) cell[r.municipalityId ?? ''] = (cell[r.municipalityId ?? ''] ?? 0) + 1;
  }
  let emptyCells = 0;
  const gapsOf = new Map<string, string[]>();
  for (const r of rows) {
    const empty = municipalities.filter((m) => !counts[r.key]![m.id]).map((m) => m.id);
    emptyCells += empty.length;
    gapsOf.set(r.key, empty);
  }
  const measures = await measuresForGaps(db, tenantId, edition?.id, by, gapsOf, filter);
  return { by, municipalities, rows, counts, emptyCells, populations, measures };
}

const activeOffers = (tenantId: string) => [eq(offers.tenantId, tenantId), eq(offers.status, 'aktiv'), isNull(offers.mergedIntoId)];

/**
 * Which measures of the adopted concept address a row. A category: the measures its offers
 * implement (offer → measure) and those of the Themenfelder its offers belong to (offer →
 * Themenfeld → measure). A Themenfeld: its own measures (also those that serve it as a
 * Querschnittsthema) and those its offers implement. A measure counts for a gap where it names
 * that Gemeinde or no Gemeinde at all, and, with a Zielgruppe chosen, where it names that
 * Zielgruppe or none.
 */
async function measuresForGaps(db: Db, tenantId: string, editionId: string | undefined, by: GapRows, gapsOf: Map<string, string[]>, filter: GapFilter): Promise<Record<string, GapMeasure[]>> {
  const out: Record<string, GapMeasure[]> = {};
  for (const key of gapsOf.keys()) out[key] = [];
  if (!editionId || [...gapsOf.values()].every((g) => g.length === 0)) return out;
  const measureColumns = { id: measures.id, number: measures.number, title: measures.title, position: measures.position };
  const inEdition = and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId));
  const direct = await db
    .selectDistinct({ key: by === 'kategorie' ? offers.category : offerFields.fieldId, ...measureColumns })
    .from(offerMeasures)
    .innerJoin(offers, and(eq(offers.tenantId, offerMeasures.tenantId), eq(offers.id, offerMeasures.offerId)))
    .innerJoin(measures, and(eq(measures.tenantId, offerMeasures.tenantId), eq(measures.id, offerMeasures.measureId)))
    .leftJoin(offerFields, and(eq(offerFields.tenantId, offers.tenantId), eq(offerFields.offerId, offers.id)))
    .where(and(...activeOffers(tenantId), inEdition));
  const viaField =
    by === 'kategorie'
      ? await db
          .selectDistinct({ key: offers.category, ...measureColumns })
          .from(offerFields)
          .innerJoin(offers, and(eq(offers.tenantId, offerFields.tenantId), eq(offers.id, offerFields.offerId)))
          .innerJoin(measures, and(eq(measures.tenantId, offerFields.tenantId), eq(measures.fieldId, offerFields.fieldId)))
          .where(and(...activeOffers(tenantId), inEdition))
      : [
          ...(await db.select({ key: measures.fieldId, ...measureColumns }).from(measures).where(inEdition)),
          ...(await db
            .select({ key: measureCrossCutting.fieldId, ...measureColumns })
            .from(measureCrossCutting)
            .innerJoin(measures, and(eq(measures.tenantId, measureCrossCutting.tenantId), eq(measures.id, measureCrossCutting.measureId)))
            .where(inEdition)),
        ];
  const found = [...direct, ...viaField].flatMap((m) => (m.key ? [{ ...m, key: m.key }] : []));
  if (found.length === 0) return out;
  const ids = [...new Set(found.map((m) => m.id))];
  const places = await db.select().from(measureMunicipalities).where(and(eq(measureMunicipalities.tenantId, tenantId), inArray(measureMunicipalities.measureId, ids)));
  const placesOf = new Map<string, string[]>();
  for (const p of places) placesOf.set(p.measureId, [...(placesOf.get(p.measureId) ?? []), p.municipalityId]);
  const groupsOf = new Map<string, string[]>();
  if (filter.targetGroupId) {
    const groups = await db.select().from(measureTargetGroups).where(and(eq(measureTargetGroups.tenantId, tenantId), inArray(measureTargetGroups.measureId, ids)));
    for (const g of groups) groupsOf.set(g.measureId, [...(groupsOf.get(g.measureId) ?? []), g.targetGroupId]);
  }
  const seen = new Set<string>();
  for (const m of found.sort((x, y) => x.position - y.position)) {
    const key = `${m.key}|${m.id}`;
    if (seen.has(key) || !out[m.key]) continue;
    seen.add(key);
    const named = groupsOf.get(m.id);
    if (filter.targetGroupId && named?.length && !named.includes(filter.targetGroupId)) continue;
    const where = placesOf.get(m.id);
    const covered = (gapsOf.get(m.key) ?? []).filter((g) => !where?.length || where.includes(g));
    if (covered.length) out[m.key]!.push({ id: m.id, number: m.number, title: m.title, municipalityIds: covered });
  }
  return out;
}
