import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { jsonRows } from '../../db/reads.js';
import { recordAudit } from '../../platform/audit/record.js';
import { assertCurrentVersion, assertNotStale, authorize, found, type CommandContext } from '../../platform/commands.js';
import { addMonths, todayInGermany } from '../../platform/dates.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { isUuid, throwIfProblems, versionFrom } from '../../platform/validation.js';
import { actors } from '../actors/schema.js';
import { fields } from '../concepts/schema.js';
import { measures, targetGroups } from '../measures/schema.js';
import { parseOfferInput, type OfferInput } from './input.js';
import { canMaintainOffer, canManageOffers } from './policy.js';
import { canReadInternal } from '../../platform/tenancy/policy.js';
import { weekdaysOf } from './schedule.js';
import { offerFields, offerMeasures, offerProviders, offerTargetGroups, offers, type OfferCategory, type OfferStatus } from './schema.js';

export type Offer = typeof offers.$inferSelect;
/** An offer with the ids of what it links to. */
export interface OfferWithLinks extends Offer {
  providerIds: string[];
  targetGroupIds: string[];
  fieldIds: string[];
  measureIds: string[];
}

/** After this many months without a check an offer is flagged ("seit über einem Jahr nicht geprüft"). */
export const verificationMonths = 12;
/** The date before which a last check counts as too old. */
export const staleBefore = (today: string) => addMonths(today, -verificationMonths);
export const needsVerification = (o: Pick<Offer, 'verifiedOn' | 'status'>, today: string) => o.status !== 'beendet' && (o.verifiedOn === null || o.verifiedOn < staleBefore(today));

export interface OfferFilter {
  query?: string;
  category?: OfferCategory;
  municipalityId?: string;
  status?: OfferStatus;
  providerId?: string;
  /** Only offers whose last check is older than 12 months (or missing). */
  unverified?: boolean;
  published?: boolean;
}

function filterConditions(tenantId: string, f: OfferFilter, today: string): SQL[] {
  // Merged offers stay for their history but are no longer offers of their own (merge.ts).
  const where: SQL[] = [eq(offers.tenantId, tenantId), sql`${offers.mergedIntoId} is null`];
  if (f.category) where.push(eq(offers.category, f.category));
  if (f.municipalityId) where.push(eq(offers.municipalityId, f.municipalityId));
  if (f.status) where.push(eq(offers.status, f.status));
  if (f.published !== undefined) where.push(eq(offers.published, f.published));
  if (f.unverified) where.push(sql`${offers.status} <> 'beendet' and (${offers.verifiedOn} is null or ${offers.verifiedOn} < ${staleBefore(today)}::date)`);
  if (f.providerId) where.push(sql`exists (select 1 from offer_providers p where p.tenant_id = ${offers.tenantId} and p.offer_id = ${offers.id} and p.actor_id = ${f.providerId}::uuid)`);
  if (f.query) {
    const q = f.query.trim();
    where.push(sql`(${offers.searchVector} @@ websearch_to_tsquery('german', ${q}) or ${offers.title} ilike ${'%' + q.replace(/[\\%_]/g, '\\$&') + '%'})`);
  }
  return where;
}

export interface OfferListItem {
  id: string;
  title: string;
  category: OfferCategory;
  status: OfferStatus;
  published: boolean;
  verifiedOn: string | null;
  municipalityName: string | null;
  providerNames: string[];
  version: number;
}

/** The internal list: every offer of the Kommune that matches, by title, each with its providers' names by name. */
export async function listOffers(db: Db, tenantId: string, filter: OfferFilter = {}, today = todayInGermany()): Promise<OfferListItem[]> {
  // The providers' names as a subquery of the same statement (issue 9.2: a second query sent every listed offer's id).
  return db
    .select({
      id: offers.id, title: offers.title, category: offers.category, status: offers.status, published: offers.published,
      verifiedOn: offers.verifiedOn, municipalityName: tenants.name, version: offers.version,
      providerNames: sql<string[]>`(select coalesce(json_agg(a.name order by a.name), '[]'::json) from offer_providers p join actors a on a.tenant_id = p.tenant_id and a.id = p.actor_id where p.tenant_id = "offers"."tenant_id" and p.offer_id = "offers"."id")`,
    })
    .from(offers)
    .leftJoin(tenants, eq(tenants.id, offers.municipalityId))
    .where(and(...filterConditions(tenantId, filter, today)))
    .orderBy(asc(offers.title));
}

/** How many offers the Kommune has (merged ones live on in their survivor): the unfiltered list's length. */
export async function countOffers(db: Db, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(offers).where(and(eq(offers.tenantId, tenantId), isNull(offers.mergedIntoId)));
  return row?.n ?? 0;
}

/** Provider names per offer, each list by name. */
export async function providerNamesOf(db: Db, tenantId: string, offerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (offerIds.length === 0) return out;
  const rows = await db
    .select({ offerId: offerProviders.offerId, name: actors.name })
    .from(offerProviders)
    .innerJoin(actors, and(eq(actors.tenantId, offerProviders.tenantId), eq(actors.id, offerProviders.actorId)))
    .where(and(eq(offerProviders.tenantId, tenantId), inArray(offerProviders.offerId, offerIds)))
    .orderBy(asc(actors.name));
  for (const r of rows) out.set(r.offerId, [...(out.get(r.offerId) ?? []), r.name]);
  return out;
}

export async function offerById(db: Db, tenantId: string, id: string): Promise<OfferWithLinks> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db.select().from(offers).where(and(eq(offers.tenantId, tenantId), eq(offers.id, id)));
  const offer = found(row);
  // The four kinds of links in one query (issue 9.2: one each before), each list sorted as before.
  const branch = (kind: string, table: string, column: string) =>
    sql.raw(`select '${kind}' as kind, ${column} as ref from ${table} where tenant_id = `).append(sql`${tenantId} and offer_id = ${id}`);
  const rows = await queryRows<{ kind: 'providerIds' | 'targetGroupIds' | 'fieldIds' | 'measureIds'; ref: string }>(
    db,
    sql.join(
      [
        branch('providerIds', 'offer_providers', 'actor_id'),
        branch('targetGroupIds', 'offer_target_groups', 'target_group_id'),
        branch('fieldIds', 'offer_fields', 'field_id'),
        branch('measureIds', 'offer_measures', 'measure_id'),
      ],
      sql` union all `,
    ),
  );
  const ids = (kind: (typeof rows)[number]['kind']) => rows.filter((r) => r.kind === kind).map((r) => r.ref).sort();
  return { ...offer, providerIds: ids('providerIds'), targetGroupIds: ids('targetGroupIds'), fieldIds: ids('fieldIds'), measureIds: ids('measureIds') };
}

/** Every linked id must belong to this Kommune (and the Gemeinde be one of its own). */
async function checkReferences(db: Db, tenantId: string, data: OfferInput): Promise<void> {
  const problems: FieldError[] = [];
  const missing = async (field: string, table: typeof actors | typeof targetGroups | typeof fields | typeof measures, ids: string[]) => {
    if (ids.length === 0) return;
    const rows = await db.select({ id: table.id }).from(table).where(and(eq(table.tenantId, tenantId), inArray(table.id, ids)));
    if (rows.length !== new Set(ids).size) problems.push({ field, messageKey: 'validation.invalid_choice' });
  };
  await missing('providerIds', actors, data.providerIds);
  await missing('targetGroupIds', targetGroups, data.targetGroupIds);
  await missing('fieldIds', fields, data.fieldIds);
  await missing('measureIds', measures, data.measureIds);
  if (data.municipalityId) {
    const [m] = await db.select({ id: tenants.id }).from(tenants).where(and(eq(tenants.id, data.municipalityId), eq(tenants.parentId, tenantId)));
    if (!m) problems.push({ field: 'municipalityId', messageKey: 'validation.invalid_choice' });
  }
  throwIfProblems(problems);
}

function columnsOf(data: OfferInput) {
  const { providerIds: _p, targetGroupIds: _t, fieldIds: _f, measureIds: _m, ...columns } = data;
  return { ...columns, weekdays: weekdaysOf(data.schedule), reopensOn: data.temporarilyClosed ? data.reopensOn : null };
}

async function writeLinks(tx: Db, tenantId: string, offerId: string, data: OfferInput): Promise<void> {
  await tx.delete(offerProviders).where(and(eq(offerProviders.tenantId, tenantId), eq(offerProviders.offerId, offerId)));
  await tx.delete(offerTargetGroups).where(and(eq(offerTargetGroups.tenantId, tenantId), eq(offerTargetGroups.offerId, offerId)));
  await tx.delete(offerFields).where(and(eq(offerFields.tenantId, tenantId), eq(offerFields.offerId, offerId)));
  await tx.delete(offerMeasures).where(and(eq(offerMeasures.tenantId, tenantId), eq(offerMeasures.offerId, offerId)));
  const unique = (ids: string[]) => [...new Set(ids)];
  if (data.providerIds.length) await tx.insert(offerProviders).values(unique(data.providerIds).map((actorId) => ({ tenantId, offerId, actorId })));
  if (data.targetGroupIds.length) await tx.insert(offerTargetGroups).values(unique(data.targetGroupIds).map((targetGroupId) => ({ tenantId, offerId, targetGroupId })));
  if (data.fieldIds.length) await tx.insert(offerFields).values(unique(data.fieldIds).map((fieldId) => ({ tenantId, offerId, fieldId })));
  if (data.measureIds.length) await tx.insert(offerMeasures).values(unique(data.measureIds).map((measureId) => ({ tenantId, offerId, measureId })));
}

const links = (data: OfferInput) => ({ providerIds: [...new Set(data.providerIds)].sort(), targetGroupIds: [...new Set(data.targetGroupIds)].sort(), fieldIds: [...new Set(data.fieldIds)].sort(), measureIds: [...new Set(data.measureIds)].sort() });

export async function createOffer(ctx: CommandContext, tenantId: string, input: unknown): Promise<Offer> {
  authorize(canReadInternal(ctx.user, tenantId));
  const data = parseOfferInput(input);
  authorize(canMaintainOffer(ctx.user, tenantId, data.providerIds));
  return ctx.db.transaction(async (tx) => {
    await checkReferences(tx, tenantId, data);
    const [row] = await tx.insert(offers).values({ tenantId, ...columnsOf(data) }).returning();
    await writeLinks(tx, tenantId, row!.id, data);
    const { searchVector: _s, ...after } = row!;
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'offer', entityId: row!.id, after: { ...after, ...links(data) } });
    return row!;
  });
}

export async function updateOffer(ctx: CommandContext, tenantId: string, id: string, input: unknown): Promise<Offer> {
  authorize(canReadInternal(ctx.user, tenantId));
  const version = versionFrom((input as Record<string, unknown> | null)?.version);
  const data = parseOfferInput(input);
  return ctx.db.transaction(async (tx) => {
    const before = await offerById(tx, tenantId, id);
    // An actor's member keeps its own offers: before and after the change.
    authorize(canMaintainOffer(ctx.user, tenantId, before.providerIds) && canMaintainOffer(ctx.user, tenantId, data.providerIds));
    if (before.mergedIntoId) throw new AppError('conflict', 'offers.is_merged');
    await checkReferences(tx, tenantId, data);
    const rows = await tx
      .update(offers)
      .set({ ...columnsOf(data), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(offers.tenantId, tenantId), eq(offers.id, id), eq(offers.version, version)))
      .returning();
    assertNotStale(rows, before.version);
    await writeLinks(tx, tenantId, id, data);
    const { searchVector: _b, ...was } = before;
    const { searchVector: _a, ...now } = rows[0]!;
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'offer', entityId: id, before: was, after: { ...now, ...links(data) } });
    return rows[0]!;
  });
}

/** "Angaben geprüft": the entry is still right as of today (resets the 12-month flag). */
export async function verifyOffer(ctx: CommandContext, tenantId: string, id: string, version: unknown, today = todayInGermany()): Promise<Offer> {
  authorize(canManageOffers(ctx.user, tenantId));
  const expected = versionFrom(version);
  return ctx.db.transaction(async (tx) => {
    const before = await offerById(tx, tenantId, id);
    const rows = await tx
      .update(offers)
      .set({ verifiedOn: today, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(offers.tenantId, tenantId), eq(offers.id, id), eq(offers.version, expected)))
      .returning();
    assertNotStale(rows, before.version);
    await recordAudit(tx, ctx.user, { tenantId, action: 'update', entityType: 'offer', entityId: id, before: { verifiedOn: before.verifiedOn }, after: { verifiedOn: today } });
    return rows[0]!;
  });
}

/** Deletes an offer with its links; `version` must be the one the person saw. */
export async function deleteOffer(ctx: CommandContext, tenantId: string, id: string, version: unknown): Promise<void> {
  authorize(canManageOffers(ctx.user, tenantId));
  const expected = versionFrom(version);
  await ctx.db.transaction(async (tx) => {
    const before = await offerById(tx, tenantId, id);
    assertCurrentVersion(before.version, expected);
    await tx.delete(offers).where(and(eq(offers.tenantId, tenantId), eq(offers.id, id)));
    const { searchVector: _s, ...was } = before;
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'offer', entityId: id, before: was });
  });
}

/**
 * What the offer form lets a person choose from, in one query (issue 9.2: six before): each list as
 * a JSON array in its order; Themenfelder and measures of the adopted concept (what the offers put
 * into practice), none without one.
 */
export async function offerChoices(db: Db, tenantId: string) {
  const adopted = sql`(select id from editions where tenant_id = ${tenantId} and status = 'beschlossen')`;
  const [row] = await queryRows<{
    actors: { id: string; name: string }[];
    targetGroups: { id: string; name: string }[];
    municipalities: { id: string; name: string }[];
    fields: { id: string; title: string }[];
    measures: { id: string; number: string; title: string }[];
  }>(
    db,
    sql`select ${jsonRows(sql`select id, name from actors where tenant_id = ${tenantId} order by name`)} as actors,
      ${jsonRows(sql`select id, name from target_groups where tenant_id = ${tenantId} order by name`)} as "targetGroups",
      ${jsonRows(sql`select id, name from tenants where parent_id = ${tenantId} order by name`)} as municipalities,
      ${jsonRows(sql`select id, title from fields where tenant_id = ${tenantId} and edition_id = ${adopted} order by position`)} as fields,
      ${jsonRows(sql`select id, number, title from measures where tenant_id = ${tenantId} and edition_id = ${adopted} order by position`)} as measures`,
  );
  return row!;
}
export type OfferChoices = Awaited<ReturnType<typeof offerChoices>>;

/** Every offer of the Kommune with its links, in a handful of queries (export, import, API); merged ones live on in their survivor. */
export async function offersWithLinks(db: Db, tenantId: string): Promise<OfferWithLinks[]> {
  const rows = await db.select().from(offers).where(and(eq(offers.tenantId, tenantId), isNull(offers.mergedIntoId))).orderBy(asc(offers.title), asc(offers.id));
  const linked = async <L extends Record<string, unknown>>(table: typeof offerProviders | typeof offerTargetGroups | typeof offerFields | typeof offerMeasures, column: string) => {
    const out = new Map<string, string[]>();
    for (const l of (await db.select().from(table).where(eq(table.tenantId, tenantId))) as unknown as L[]) {
      const offerId = l.offerId as string;
      out.set(offerId, [...(out.get(offerId) ?? []), l[column] as string]);
    }
    return out;
  };
  const providers = await linked(offerProviders, 'actorId');
  const groups = await linked(offerTargetGroups, 'targetGroupId');
  const fieldLinks = await linked(offerFields, 'fieldId');
  const measureLinks = await linked(offerMeasures, 'measureId');
  const ids = (m: Map<string, string[]>, id: string) => [...(m.get(id) ?? [])].sort();
  return rows.map((o) => ({ ...o, providerIds: ids(providers, o.id), targetGroupIds: ids(groups, o.id), fieldIds: ids(fieldLinks, o.id), measureIds: ids(measureLinks, o.id) }));
}
