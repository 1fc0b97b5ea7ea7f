import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/db/client.js';
import { actorContacts, actors } from '../../../src/modules/actors/schema.js';
import { editions, fields, goals, guidelines } from '../../../src/modules/concepts/schema.js';
import { interviews } from '../../../src/modules/interviews/schema.js';
import { measures, targetGroups } from '../../../src/modules/measures/schema.js';
import { offers } from '../../../src/modules/offers/schema.js';
import { indicatorValues, indicators, measureUpdates } from '../../../src/modules/progress/schema.js';
import { tenants } from '../../../src/platform/tenancy/schema.js';
import { invitations, memberships } from '../../../src/modules/tenants/schema.js';
import { consultations, councilBodies, decisionFollowUps, papers } from '../../../src/modules/decisions/schema.js';

/** Ids that exist in the demo Kommune, so generated requests get past "not found" into the commands. */
export type IdKind = 'editions' | 'guidelines' | 'fields' | 'goals' | 'measures' | 'actors' | 'indicators' | 'values' | 'updates' | 'users' | 'invitations' | 'municipalities' | 'targetGroups' | 'contacts' | 'interviews' | 'offers' | 'papers' | 'consultations' | 'councilBodies' | 'followUps';
export type Known = Record<IdKind, string[]>;

export async function knownIds(db: Db, slug = 'musterland'): Promise<Known> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new Error(`demo Kommune ${slug} missing`);
  const of = async (rows: Promise<{ id: string }[]>) => (await rows).map((r) => r.id).slice(0, 25);
  const id = tenant.id;
  return {
    editions: await of(db.select({ id: editions.id }).from(editions).where(eq(editions.tenantId, id))),
    guidelines: await of(db.select({ id: guidelines.id }).from(guidelines).where(eq(guidelines.tenantId, id))),
    fields: await of(db.select({ id: fields.id }).from(fields).where(eq(fields.tenantId, id))),
    goals: await of(db.select({ id: goals.id }).from(goals).where(eq(goals.tenantId, id))),
    measures: await of(db.select({ id: measures.id }).from(measures).where(eq(measures.tenantId, id))),
    actors: await of(db.select({ id: actors.id }).from(actors).where(eq(actors.tenantId, id))),
    indicators: await of(db.select({ id: indicators.id }).from(indicators).where(eq(indicators.tenantId, id))),
    values: await of(db.select({ id: indicatorValues.id }).from(indicatorValues).where(eq(indicatorValues.tenantId, id))),
    updates: await of(db.select({ id: measureUpdates.id }).from(measureUpdates).where(eq(measureUpdates.tenantId, id))),
    users: await of(db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.tenantId, id))),
    invitations: await of(db.select({ id: invitations.id }).from(invitations).where(eq(invitations.tenantId, id))),
    municipalities: await of(db.select({ id: tenants.id }).from(tenants).where(eq(tenants.parentId, id))),
    targetGroups: await of(db.select({ id: targetGroups.id }).from(targetGroups).where(eq(targetGroups.tenantId, id))),
    contacts: await of(db.select({ id: actorContacts.id }).from(actorContacts).where(eq(actorContacts.tenantId, id))),
    interviews: await of(db.select({ id: interviews.id }).from(interviews).where(eq(interviews.tenantId, id))),
    offers: await of(db.select({ id: offers.id }).from(offers).where(eq(offers.tenantId, id))),
    papers: await of(db.select({ id: papers.id }).from(papers).where(eq(papers.tenantId, id))),
    consultations: await of(db.select({ id: consultations.id }).from(consultations).where(eq(consultations.tenantId, id))),
    councilBodies: await of(db.select({ id: councilBodies.id }).from(councilBodies).where(eq(councilBodies.tenantId, id))),
    followUps: await of(db.select({ id: decisionFollowUps.id }).from(decisionFollowUps).where(eq(decisionFollowUps.tenantId, id))),
  };
}

/** Which kind of id a property or path parameter names. */
export function kindOfName(name: string): IdKind | undefined {
  const byName: Record<string, IdKind> = {
    fieldId: 'fields', crossCuttingIds: 'fields', goalId: 'goals', goalIds: 'goals', measureId: 'measures', editionId: 'editions',
    leadActorId: 'actors', partnerActorIds: 'actors', actorId: 'actors', municipalityId: 'municipalities', municipalityIds: 'municipalities',
    parentId: 'municipalities', actorIds: 'actors', measureIds: 'measures', userId: 'users', valueId: 'values', updateId: 'updates', targetGroupIds: 'targetGroups', into: 'targetGroups',
    providerIds: 'actors', fieldIds: 'fields', bodyId: 'councilBodies',
  };
  return byName[name] ?? (name in emptyKnown ? (name as IdKind) : undefined);
}
const emptyKnown: Known = { editions: [], guidelines: [], fields: [], goals: [], measures: [], actors: [], indicators: [], values: [], updates: [], users: [], invitations: [], municipalities: [], targetGroups: [], contacts: [], interviews: [], offers: [], papers: [], consultations: [], councilBodies: [], followUps: [] };
