import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { hasForbiddenCharacters, isUuid } from '../../platform/validation.js';
import { isSpokenLanguage } from '../../platform/i18n/spoken-languages.js';
import { targetGroups } from '../measures/schema.js';
import { actors } from '../actors/schema.js';
import { publishedContactsOf, type PublishedContact } from '../actors/index.js';
import { offerProviders, offerTargetGroups, offerCategories, offers, type BarrierFree, type OfferCategory, type Schedule } from './schema.js';
import { providerNamesOf } from './service.js';

/** The directory's filters, as GET parameters (German names, so links read well). */
export interface DirectoryFilter {
  q: string;
  gemeinde: string;
  kategorie: string;
  sprache: string;
  zielgruppe: string;
  wochentag: string;
  kostenlos: boolean;
  frau: boolean;
  kinderbetreuung: boolean;
  barrierefrei: boolean;
}
export const filterKeys = ['q', 'gemeinde', 'kategorie', 'sprache', 'zielgruppe', 'wochentag', 'kostenlos', 'frau', 'kinderbetreuung', 'barrierefrei'] as const;

/** Reads the filters from a query string; anything unknown is ignored (never an error on a public page). */
export function readFilter(query: (name: string) => string | undefined): DirectoryFilter {
  const s = (name: string) => (query(name) ?? '').trim().slice(0, 200);
  const flag = (name: string) => s(name) === '1';
  return { q: s('q'), gemeinde: s('gemeinde'), kategorie: s('kategorie'), sprache: s('sprache'), zielgruppe: s('zielgruppe'), wochentag: s('wochentag'), kostenlos: flag('kostenlos'), frau: flag('frau'), kinderbetreuung: flag('kinderbetreuung'), barrierefrei: flag('barrierefrei') };
}

/** The filter as query parameters (only what is set), e.g. for the calendar link of a filtered list. */
export const filterParams = (f: DirectoryFilter): [string, string][] =>
  filterKeys.flatMap((k): [string, string][] => {
    const v = f[k];
    return typeof v === 'boolean' ? (v ? [[k, '1']] : []) : v ? [[k, v]] : [];
  });

/** What a public page may show of an offer: no internal note, no check date, no personal data. */
export interface PublicOffer {
  id: string;
  title: string;
  description: string;
  category: OfferCategory;
  municipalityName: string | null;
  street: string;
  postalCode: string;
  city: string;
  latitude: number | null;
  longitude: number | null;
  schedule: Schedule;
  temporarilyClosed: boolean;
  reopensOn: string | null;
  languages: string[];
  targetGroups: string[];
  providers: string[];
  femaleContact: boolean;
  maleContact: boolean;
  childcare: boolean;
  barrierFree: BarrierFree;
  free: boolean;
  costNote: string;
  registrationRequired: boolean;
  website: string;
  status: 'aktiv' | 'pausiert';
  updatedAt: Date;
}

const publicColumns = {
  id: offers.id, title: offers.title, description: offers.description, category: offers.category, municipalityName: tenants.name,
  street: offers.street, postalCode: offers.postalCode, city: offers.city, latitude: offers.latitude, longitude: offers.longitude,
  schedule: offers.schedule, temporarilyClosed: offers.temporarilyClosed, reopensOn: offers.reopensOn, languages: offers.languages,
  femaleContact: offers.femaleContact, maleContact: offers.maleContact, childcare: offers.childcare, barrierFree: offers.barrierFree,
  free: offers.free, costNote: offers.costNote, registrationRequired: offers.registrationRequired, website: offers.website, status: offers.status, updatedAt: offers.updatedAt,
};

/** Published and not ended: what the directory lists. */
const visible = (tenantId: string) => [eq(offers.tenantId, tenantId), eq(offers.published, true), sql`${offers.status} <> 'beendet'`, sql`${offers.mergedIntoId} is null`];

async function conditions(db: Db, tenantId: string, f: DirectoryFilter): Promise<SQL[]> {
  const where = visible(tenantId);
  // No offer contains a control character; PostgreSQL cannot even compare a NUL (500 before).
  if ([f.q, f.gemeinde, f.kategorie, f.sprache, f.zielgruppe, f.wochentag].some(hasForbiddenCharacters)) return [...where, sql`false`];
  if (f.gemeinde) {
    const [m] = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.parentId, tenantId), eq(tenants.slug, f.gemeinde)));
    where.push(m ? eq(offers.municipalityId, m.id) : sql`false`);
  }
  if (f.kategorie) where.push((offerCategories as readonly string[]).includes(f.kategorie) ? eq(offers.category, f.kategorie as OfferCategory) : sql`false`);
  if (f.sprache) where.push(isSpokenLanguage(f.sprache) ? sql`${f.sprache} = any(${offers.languages})` : sql`false`);
  if (f.zielgruppe) {
    where.push(isUuid(f.zielgruppe) ? sql`exists (select 1 from offer_target_groups g where g.tenant_id = ${offers.tenantId} and g.offer_id = ${offers.id} and g.target_group_id = ${f.zielgruppe}::uuid)` : sql`false`);
  }
  if (f.wochentag) where.push(/^[1-7]$/.test(f.wochentag) ? sql`${Number(f.wochentag)} = any(${offers.weekdays})` : sql`false`);
  if (f.kostenlos) where.push(eq(offers.free, true));
  if (f.frau) where.push(eq(offers.femaleContact, true));
  if (f.kinderbetreuung) where.push(eq(offers.childcare, true));
  if (f.barrierefrei) where.push(eq(offers.barrierFree, 'ja'));
  if (f.q) where.push(sql`(${offers.searchVector} @@ websearch_to_tsquery('german', ${f.q}) or ${offers.title} ilike ${'%' + f.q.replace(/[\\%_]/g, '\\$&') + '%'})`);
  return where;
}

async function withNames(db: Db, tenantId: string, rows: Omit<PublicOffer, 'targetGroups' | 'providers'>[]): Promise<PublicOffer[]> {
  const ids = rows.map((r) => r.id);
  const providers = await providerNamesOf(db, tenantId, ids);
  const groups = new Map<string, string[]>();
  if (ids.length) {
    const g = await db
      .select({ offerId: offerTargetGroups.offerId, name: targetGroups.name })
      .from(offerTargetGroups)
      .innerJoin(targetGroups, and(eq(targetGroups.tenantId, offerTargetGroups.tenantId), eq(targetGroups.id, offerTargetGroups.targetGroupId)))
      .where(and(eq(offerTargetGroups.tenantId, tenantId), inArray(offerTargetGroups.offerId, ids)))
      .orderBy(asc(targetGroups.name));
    for (const r of g) groups.set(r.offerId, [...(groups.get(r.offerId) ?? []), r.name]);
  }
  return rows.map((r) => ({ ...r, status: r.status as PublicOffer['status'], providers: providers.get(r.id) ?? [], targetGroups: groups.get(r.id) ?? [] }));
}

/** The published offers that match, by title. */
export async function publishedOffers(db: Db, tenantId: string, f: DirectoryFilter): Promise<PublicOffer[]> {
  const rows = await db
    .select(publicColumns)
    .from(offers)
    .leftJoin(tenants, eq(tenants.id, offers.municipalityId))
    .where(and(...(await conditions(db, tenantId, f))))
    .orderBy(asc(offers.title));
  return withNames(db, tenantId, rows as Omit<PublicOffer, 'targetGroups' | 'providers'>[]);
}

/** One published offer, or not_found (an unpublished one does not exist for the public). */
export async function publishedOffer(db: Db, tenantId: string, id: string): Promise<PublicOffer> {
  if (!isUuid(id)) throw new AppError('not_found');
  const rows = await db.select(publicColumns).from(offers).leftJoin(tenants, eq(tenants.id, offers.municipalityId)).where(and(...visible(tenantId), eq(offers.id, id)));
  if (!rows[0]) throw new AppError('not_found');
  return (await withNames(db, tenantId, rows as Omit<PublicOffer, 'targetGroups' | 'providers'>[]))[0]!;
}

/** What the filters offer: Gemeinden, the Zielgruppen and languages that published offers name. */
export async function directoryChoices(db: Db, tenantId: string) {
  const municipalities = await db.select({ slug: tenants.slug, name: tenants.name }).from(tenants).where(eq(tenants.parentId, tenantId)).orderBy(asc(tenants.name));
  const groups = await db
    .selectDistinct({ id: targetGroups.id, name: targetGroups.name })
    .from(targetGroups)
    .innerJoin(offerTargetGroups, and(eq(offerTargetGroups.tenantId, targetGroups.tenantId), eq(offerTargetGroups.targetGroupId, targetGroups.id)))
    .innerJoin(offers, and(eq(offers.tenantId, offerTargetGroups.tenantId), eq(offers.id, offerTargetGroups.offerId)))
    .where(and(...visible(tenantId)));
  const languages = await db.selectDistinct({ code: sql<string>`unnest(${offers.languages})` }).from(offers).where(and(...visible(tenantId)));
  return {
    municipalities,
    targetGroups: groups.sort((a, b) => a.name.localeCompare(b.name, 'de')),
    languages: languages.map((l) => l.code).filter((c) => isSpokenLanguage(c)).sort(),
  };
}

/** An actor as the public sees it next to its offers: organisational data and only contact persons whose consent covers publication. */
export interface PublicProvider {
  id: string;
  name: string;
  kind: string;
  municipalityName: string | null;
  address: string;
  website: string;
  contacts: Omit<PublishedContact, 'actorId'>[];
}

/** The actors that run published offers (all of them, or those of `offerIds`), by offer. */
export async function publicProviders(db: Db, tenantId: string, offerIds?: string[]): Promise<{ byOffer: Map<string, PublicProvider[]>; all: PublicProvider[] }> {
  if (offerIds && offerIds.length === 0) return { byOffer: new Map(), all: [] };
  const links = await db
    .select({ offerId: offerProviders.offerId, id: actors.id, name: actors.name, kind: actors.kind, municipalityName: tenants.name, address: actors.address, website: actors.website })
    .from(offerProviders)
    .innerJoin(offers, and(eq(offers.tenantId, offerProviders.tenantId), eq(offers.id, offerProviders.offerId)))
    .innerJoin(actors, and(eq(actors.tenantId, offerProviders.tenantId), eq(actors.id, offerProviders.actorId)))
    .leftJoin(tenants, eq(tenants.id, actors.municipalityId))
    .where(and(...visible(tenantId), ...(offerIds ? [inArray(offerProviders.offerId, offerIds)] : [])))
    .orderBy(asc(actors.name));
  const contacts = await publishedContactsOf(db, tenantId, [...new Set(links.map((l) => l.id))]);
  const providers = new Map<string, PublicProvider>();
  for (const { offerId: _o, ...a } of links) {
    if (!providers.has(a.id)) providers.set(a.id, { ...a, contacts: contacts.filter((p) => p.actorId === a.id).map(({ actorId: _a, ...p }) => p) });
  }
  const byOffer = new Map<string, PublicProvider[]>();
  for (const l of links) byOffer.set(l.offerId, [...(byOffer.get(l.offerId) ?? []), providers.get(l.id)!]);
  return { byOffer, all: [...providers.values()] };
}

/** The detail page of each published offer, for the Kommune's sitemap.xml. */
export async function offerSitemapPaths(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.select({ id: offers.id }).from(offers).where(and(...visible(tenantId))).orderBy(asc(offers.title), asc(offers.id));
  return rows.map((r) => `/angebote/${r.id}`);
}
