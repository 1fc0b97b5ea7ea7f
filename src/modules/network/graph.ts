import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUuid } from '../../platform/validation.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors, type ActorKind } from '../actors/schema.js';
import { editions, fields } from '../concepts/schema.js';
import { measurePartners, measures } from '../measures/schema.js';

export interface NetworkActor {
  id: string;
  name: string;
  kind: ActorKind;
  municipalityId: string | null;
  municipalityName: string | null;
}

/** What joins two actors: so far shared measures (offers and bodies join here once those modules exist). */
export interface Connection {
  kind: 'measure';
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

  const byPair = new Map<string, NetworkLink>();
  for (const m of measureRows) {
    const ids = [...actorsOf.get(m.id)!].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}|${ids[j]}`;
        if (!byPair.has(key)) byPair.set(key, { source: ids[i]!, target: ids[j]!, via: [] });
        byPair.get(key)!.via.push({ kind: 'measure', id: m.id, label: `${m.number} ${m.title}` });
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
