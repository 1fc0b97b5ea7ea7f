import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUuid } from '../../platform/validation.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors, type ActorKind } from '../actors/schema.js';
import { editions, fields } from '../concepts/schema.js';
import { measurePartners, measures } from '../measures/schema.js';
import { offerFields, offerProviders, offers } from '../offers/schema.js';

export interface NetworkActor {
  id: string;
  name: string;
  kind: ActorKind;
  municipalityId: string | null;
  municipalityName: string | null;
}

/** What joins two actors: a measure they lead or partner in, an offer they provide together (bodies join here once they exist). */
export interface Connection {
  kind: 'measure' | 'offer';
  id: string;
  label: string;
}

export interface NetworkLink {
  source: string;
  target: string;
  via: Connection[];
}

export interface Network {
  editionTitle: string | null;
  actors: NetworkActor[];
  links: NetworkLink[];
  /** Actors of the view that share nothing with anyone: the ones to look at. */
  unlinked: Set<string>;
}

export interface NetworkFilter {
  fieldId?: string | undefined;
  municipalityId?: string | undefined;
}

/** The edition whose measures count: the adopted concept, else the newest draft. */
async function editionOfNetwork(db: Db, tenantId: string) {
  const rows = await db.select().from(editions).where(eq(editions.tenantId, tenantId)).orderBy(asc(editions.createdAt));
  return rows.find((e) => e.status === 'beschlossen') ?? rows.at(-1);
}

export async function fieldsOfNetwork(db: Db, tenantId: string) {
  const edition = await editionOfNetwork(db, tenantId);
  if (!edition) return [];
  return db.select({ id: fields.id, title: fields.title }).from(fields).where(and(eq(fields.tenantId, tenantId), eq(fields.editionId, edition.id))).orderBy(asc(fields.position));
}

/**
 * Actors linked through the measures they lead or partner in (every pair of a measure's actors).
 * With a Themenfeld only that field's measures count; with a Gemeinde the view holds the actors
 * sitting there and whoever they are linked with, and only links that touch the Gemeinde.
 */
export async function networkOf(db: Db, tenantId: string, filter: NetworkFilter = {}): Promise<Network> {
  const edition = await editionOfNetwork(db, tenantId);
  const all = await db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, municipalityId: actors.municipalityId, municipalityName: tenants.name })
    .from(actors)
    .leftJoin(tenants, eq(tenants.id, actors.municipalityId))
    .where(eq(actors.tenantId, tenantId))
    .orderBy(asc(actors.name));
  const measureRows = edition
    ? await db
        .select({ id: measures.id, number: measures.number, title: measures.title, leadActorId: measures.leadActorId })
        .from(measures)
        .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, edition.id), isUuid(filter.fieldId) ? eq(measures.fieldId, filter.fieldId) : undefined))
        .orderBy(asc(measures.number))
    : [];
  const partners = measureRows.length
    ? await db.select().from(measurePartners).where(and(eq(measurePartners.tenantId, tenantId), inArray(measurePartners.measureId, measureRows.map((m) => m.id))))
    : [];
  const actorsOf = new Map<string, Set<string>>(measureRows.map((m) => [m.id, new Set(m.leadActorId ? [m.leadActorId] : [])]));
  for (const p of partners) actorsOf.get(p.measureId)?.add(p.actorId);

  const groups: { actorIds: Set<string>; via: Connection }[] = measureRows.map((m) => ({ actorIds: actorsOf.get(m.id)!, via: { kind: 'measure', id: m.id, label: `${m.number} ${m.title}` } }));
  for (const o of await offerGroups(db, tenantId, filter)) groups.push(o);

  const byPair = new Map<string, NetworkLink>();
  for (const g of groups) {
    const ids = [...g.actorIds].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}|${ids[j]}`;
        if (!byPair.has(key)) byPair.set(key, { source: ids[i]!, target: ids[j]!, via: [] });
        byPair.get(key)!.via.push(g.via);
      }
    }
  }
  let links = [...byPair.values()];
  let shown = all;
  const place = isUuid(filter.municipalityId) ? filter.municipalityId : undefined;
  if (place) {
    const local = new Set(all.filter((a) => a.municipalityId === place).map((a) => a.id));
    links = links.filter((l) => local.has(l.source) || local.has(l.target));
    const inView = new Set([...local, ...links.flatMap((l) => [l.source, l.target])]);
    shown = all.filter((a) => inView.has(a.id));
  }
  const linked = new Set(links.flatMap((l) => [l.source, l.target]));
  return { editionTitle: edition?.title ?? null, actors: shown, links, unlinked: new Set(shown.filter((a) => !linked.has(a.id)).map((a) => a.id)) };
}

/** Offers that several actors provide together (not ended ones); with a Themenfeld only offers tagged with it. */
async function offerGroups(db: Db, tenantId: string, filter: NetworkFilter): Promise<{ actorIds: Set<string>; via: Connection }[]> {
  const fieldId = isUuid(filter.fieldId) ? filter.fieldId : undefined;
  const rows = await db
    .select({ offerId: offers.id, title: offers.title, actorId: offerProviders.actorId })
    .from(offerProviders)
    .innerJoin(offers, and(eq(offers.tenantId, offerProviders.tenantId), eq(offers.id, offerProviders.offerId)))
    .where(
      and(
        eq(offerProviders.tenantId, tenantId),
        ne(offers.status, 'beendet'),
        isNull(offers.mergedIntoId),
        fieldId ? inArray(offers.id, db.select({ id: offerFields.offerId }).from(offerFields).where(and(eq(offerFields.tenantId, tenantId), eq(offerFields.fieldId, fieldId)))) : undefined,
      ),
    )
    .orderBy(asc(offers.title));
  const byOffer = new Map<string, { actorIds: Set<string>; via: Connection }>();
  for (const r of rows) {
    if (!byOffer.has(r.offerId)) byOffer.set(r.offerId, { actorIds: new Set(), via: { kind: 'offer', id: r.offerId, label: r.title } });
    byOffer.get(r.offerId)!.actorIds.add(r.actorId);
  }
  return [...byOffer.values()].filter((g) => g.actorIds.size > 1);
}
