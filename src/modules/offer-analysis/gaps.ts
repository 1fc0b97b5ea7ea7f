import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { adoptedEdition } from '../concepts/index.js';
import { measureMunicipalities, measureTargetGroups, measures } from '../measures/schema.js';
import { offerCategories, offerFields, offerMeasures, offerTargetGroups, offers, type OfferCategory } from '../offers/schema.js';
import { populationsOf, type Population } from './populations.js';

/** What the matrix counts: all active offers, or those for one Zielgruppe and/or in one language. */
export interface GapFilter {
  targetGroupId?: string | undefined;
  /** ISO 639 code of a language spoken at the offer ("keine Beratung auf Arabisch"). */
  language?: string | undefined;
}

/** A measure of the adopted concept that addresses a category where a Gemeinde has no offer. */
export interface GapMeasure {
  id: string;
  number: string;
  title: string;
  /** The Gemeinden of the category's gaps the measure covers (all, when it names none). */
  municipalityIds: string[];
}

export interface GapMatrix {
  municipalities: { id: string; name: string }[];
  categories: OfferCategory[];
  /** counts[category][municipalityId or ''] — '' is kreisweit. */
  counts: Record<string, Record<string, number>>;
  emptyCells: number;
  /** Entered populations by Gemeinde (missing where unknown). */
  populations: Map<string, Population>;
  /** Measures per category that address its gaps, by number. */
  measures: Record<string, GapMeasure[]>;
}

/** Offers per 1,000 inhabitants, one decimal; undefined where the population is unknown. */
export function perThousand(count: number, population: Population | undefined): number | undefined {
  if (!population) return undefined;
  return Math.round((count / population.population) * 10_000) / 10;
}

/** Active offers per category × Gemeinde (filtered by Zielgruppe and language); empty cells are gaps. */
export async function gapMatrix(db: Db, tenantId: string, filter: GapFilter = {}): Promise<GapMatrix> {
  const municipalities = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.parentId, tenantId)).orderBy(asc(tenants.name));
  const where: SQL[] = [...activeOffers(tenantId)];
  if (filter.language) where.push(sql`${filter.language} = any(${offers.languages})`);
  if (filter.targetGroupId) where.push(inArray(offers.id, db.select({ id: offerTargetGroups.offerId }).from(offerTargetGroups).where(and(eq(offerTargetGroups.tenantId, tenantId), eq(offerTargetGroups.targetGroupId, filter.targetGroupId)))));
  const rows = await db.select({ category: offers.category, municipalityId: offers.municipalityId }).from(offers).where(and(...where));
  const counts: Record<string, Record<string, number>> = {};
  for (const c of offerCategories) counts[c] = {};
  for (const r of rows) {
    const cell = counts[r.category]!;
    cell[r.municipalityId ?? ''] = (cell[r.municipalityId ?? ''] ?? 0) + 1;
  }
  let emptyCells = 0;
  const gapsOf = new Map<string, string[]>();
  for (const c of offerCategories) {
    const empty = municipalities.filter((m) => !counts[c]![m.id]).map((m) => m.id);
    emptyCells += empty.length;
    gapsOf.set(c, empty);
  }
  return { municipalities, categories: [...offerCategories], counts, emptyCells, populations: await populationsOf(db, tenantId), measures: await measuresForGaps(db, tenantId, gapsOf, filter) };
}

const activeOffers = (tenantId: string) => [eq(offers.tenantId, tenantId), eq(offers.status, 'aktiv'), isNull(offers.mergedIntoId)];

/**
 * Which measures of the adopted concept address a category: those its offers implement
 * (offer → measure) and those of the Themenfelder its offers belong to (offer → Themenfeld →
 * measure). A measure counts for a gap where it names that Gemeinde or no Gemeinde at all, and,
 * with a Zielgruppe chosen, where it names that Zielgruppe or none.
 */
async function measuresForGaps(db: Db, tenantId: string, gapsOf: Map<string, string[]>, filter: GapFilter): Promise<Record<string, GapMeasure[]>> {
  const out: Record<string, GapMeasure[]> = {};
  for (const c of offerCategories) out[c] = [];
  const edition = await adoptedEdition(db, tenantId);
  if (!edition || [...gapsOf.values()].every((g) => g.length === 0)) return out;
  const columns = { category: offers.category, id: measures.id, number: measures.number, title: measures.title, position: measures.position };
  const inEdition = and(eq(measures.tenantId, tenantId), eq(measures.editionId, edition.id));
  const direct = await db
    .selectDistinct(columns)
    .from(offerMeasures)
    .innerJoin(offers, and(eq(offers.tenantId, offerMeasures.tenantId), eq(offers.id, offerMeasures.offerId)))
    .innerJoin(measures, and(eq(measures.tenantId, offerMeasures.tenantId), eq(measures.id, offerMeasures.measureId)))
    .where(and(...activeOffers(tenantId), inEdition));
  const viaField = await db
    .selectDistinct(columns)
    .from(offerFields)
    .innerJoin(offers, and(eq(offers.tenantId, offerFields.tenantId), eq(offers.id, offerFields.offerId)))
    .innerJoin(measures, and(eq(measures.tenantId, offerFields.tenantId), eq(measures.fieldId, offerFields.fieldId)))
    .where(and(...activeOffers(tenantId), inEdition));
  const found = [...direct, ...viaField];
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
    const key = `${m.category}|${m.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const named = groupsOf.get(m.id);
    if (filter.targetGroupId && named?.length && !named.includes(filter.targetGroupId)) continue;
    const where = placesOf.get(m.id);
    const covered = (gapsOf.get(m.category) ?? []).filter((g) => !where?.length || where.includes(g));
    if (covered.length) out[m.category]!.push({ id: m.id, number: m.number, title: m.title, municipalityIds: covered });
  }
  return out;
}
