import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { recordAudit } from '../platform/audit/record.js';
import { systemUser } from '../platform/auth/current-user.js';
import { demoAccounts, demoPassword } from '../platform/auth/demo-accounts.js';
import { hashPassword } from '../platform/auth/password.js';
import { users } from '../platform/auth/schema.js';
import type { DemoSeedStep } from '../platform/module.js';
import { actors } from '../modules/actors/schema.js';
import { startFortschreibung } from '../modules/fortschreibung/service.js';
import { editions, fields, goals, guidelines } from '../modules/concepts/schema.js';
import { measureCrossCutting, measureGoals, measureMunicipalities, measurePartners, measureTargetGroups, measures, targetGroups } from '../modules/measures/schema.js';
import { cleanName, nameKey } from '../modules/measures/target-groups/names.js';
import { memberships } from '../modules/tenants/schema.js';
import { tenants } from '../platform/tenancy/schema.js';
import { demoSeedAfterDraftSteps } from '../modules/index.js';
import { demoContent } from './content/index.js';
import type { DemoContent } from './content/types.js';

export const demoSlug = 'musterland';
export const demoAgs = '03499000';

/** 'ikod': instances seeding the demo one after another (migrate.ts holds 'ikon' for migrations). */
const demoSeedLockKey = 0x696b6f64;

/**
 * seedDemo for a starting instance: on PostgreSQL several instances of a first deployment start at
 * once on an empty database; one seeds, the others wait for its lock and then find the demo there
 * (before, the second failed on a unique key and ended).
 */
export async function seedDemoOnce(database: Database, steps: DemoSeedStep[]): Promise<boolean> {
  const release = await database.advisoryLock?.(demoSeedLockKey);
  try {
    return await seedDemo(database.db, steps);
  } finally {
    await release?.();
  }
}

/**
 * Loads the fictional "Landkreis Musterland": Gemeinden, actors, an adopted edition (2024) and a
 * draft Fortschreibung (2026), and one account per role; then each module's demo step (`steps`,
 * from the manifests: `demoSeedSteps` in src/modules/index.ts), and after the draft the steps that
 * need it too (`afterDraft`). Idempotent: does nothing if it exists.
 */
export async function seedDemo(db: Db, steps: DemoSeedStep[], content: DemoContent = demoContent, afterDraft: DemoSeedStep[] = demoSeedAfterDraftSteps): Promise<boolean> {
  const [existing] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, demoSlug));
  if (existing) return false;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const [county] = await tx
      .insert(tenants)
      .values({ ags: demoAgs, name: 'Landkreis Musterland', kind: 'landkreis', slug: demoSlug, isDemo: true })
      .returning();
    const tenantId = county!.id;
    const municipalityIds = new Map<string, string>();
    for (const m of content.municipalities) {
      const [row] = await tx.insert(tenants).values({ ags: m.ags, name: m.name, kind: m.kind, slug: m.slug, parentId: tenantId, isDemo: true }).returning();
      municipalityIds.set(m.ags, row!.id);
    }
    const actorIds = new Map<string, string>();
    const actorRows = await tx
      .insert(actors)
      .values(content.actors.map((a) => ({ tenantId, name: a.name, kind: a.kind, municipalityId: a.municipalityAgs ? municipalityIds.get(a.municipalityAgs) ?? null : null })))
      .returning();
    content.actors.forEach((a, i) => actorIds.set(a.key, actorRows[i]!.id));

    const adopted = await loadEdition(tx, tenantId, content, actorIds, municipalityIds, {
      title: 'Integrationskonzept 2024',
      status: 'beschlossen',
      adoptedOn: '2024-12-16',
      introduction:
        'Das Integrationskonzept des Landkreises Musterland wurde in einem breiten Beteiligungsprozess mit Verwaltung, Wohlfahrtsverbänden, Migrantenorganisationen und Ehrenamtlichen erarbeitet und am 16.12.2024 vom Kreistag einstimmig beschlossen. Es wird alle zwei Jahre fortgeschrieben.',
    });
    for (const account of demoAccounts) {
      const [user] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash, isPlatformAdmin: account.role === 'admin' })
        .returning();
      if (account.role !== 'admin') {
        await tx.insert(memberships).values({ tenantId, userId: user!.id, role: account.role, actorId: account.actorKey ? actorIds.get(account.actorKey) ?? null : null });
      }
    }
    for (const step of steps) await step(tx, { tenantId, adoptedEditionId: adopted });
    // After every module's step: the copy carries their status, progress and indicators over.
    const draftEditionId = await seedDraftFortschreibung(tx, tenantId, content);
    for (const step of afterDraft) await step(tx, { tenantId, adoptedEditionId: adopted, draftEditionId });
    await recordAudit(tx, systemUser, { tenantId, action: 'create', entityType: 'tenant', entityId: tenantId, after: { seeded: 'demo', measures: content.measures.length } });
  });
  return true;
}

/**
 * The draft Fortschreibung 2026, started the way a coordinator starts one (startFortschreibung:
 * a copy of the adopted edition with lineage, status and progress carried over); the demo then
 * shows work in progress on it: some planned measures have started.
 */
async function seedDraftFortschreibung(tx: Db, tenantId: string, content: DemoContent): Promise<string> {
  const { edition } = await startFortschreibung({ db: tx, user: systemUser }, tenantId, { title: 'Integrationskonzept 2026 (Fortschreibung)' });
  await tx
    .update(editions)
    .set({ introduction: 'Entwurf der Fortschreibung 2026. Stand der Beratungen in der Steuerungsgruppe Integration.' })
    .where(and(eq(editions.tenantId, tenantId), eq(editions.id, edition.id)));
  const started = content.measures.filter((m, i) => i % 7 === 0 && m.status === 'geplant').map((m) => m.number);
  if (started.length) {
    await tx
      .update(measures)
      .set({ status: 'in_umsetzung' })
      .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, edition.id), inArray(measures.number, started)));
  }
  return edition.id;
}

async function loadEdition(
  tx: Db,
  tenantId: string,
  content: DemoContent,
  actorIds: Map<string, string>,
  municipalityIds: Map<string, string>,
  edition: { title: string; status: 'beschlossen'; adoptedOn: string; introduction: string },
): Promise<string> {
  const [e] = await tx.insert(editions).values({ tenantId, ...edition }).returning();
  const editionId = e!.id;
  if (content.guidelines.length) {
    await tx.insert(guidelines).values(content.guidelines.map((g, i) => ({ tenantId, editionId, position: i + 1, title: g.title, text: g.text })));
  }
  const fieldRows = await tx
    .insert(fields)
    .values(content.fields.map((f, i) => ({ tenantId, editionId, position: i + 1, title: f.title, description: f.description, isCrossCutting: f.crossCutting })))
    .returning();
  const fieldIds = new Map(content.fields.map((f, i) => [f.key, fieldRows[i]!.id]));
  const goalRows = await tx
    .insert(goals)
    .values(content.goals.map((g, i) => ({ tenantId, editionId, fieldId: fieldIds.get(g.fieldKey)!, kind: g.kind, number: g.number, position: i + 1, title: g.title, description: g.description })))
    .returning({ id: goals.id });
  const goalIds = new Map(content.goals.map((g, i) => [g.key, goalRows[i]!.id]));
  const measureRows = await tx
    .insert(measures)
    .values(
      content.measures.map((m, i) => ({
        tenantId,
        editionId,
        fieldId: fieldIds.get(m.fieldKey)!,
        number: m.number,
        position: i + 1,
        title: m.title,
        description: m.description,
        leadActorId: actorIds.get(m.leadActorKey) ?? null,
        horizon: m.horizon,
        startDate: m.startDate ?? null,
        endDate: m.endDate ?? null,
        priority: m.priority,
        staffFte: m.staffFte == null ? null : String(m.staffFte),
        costEur: m.costEur == null ? null : String(m.costEur),
        fundingSource: m.fundingSource ?? null,
        indicator: m.indicator ?? null,
        targetValue: m.targetValue ?? null,
        status: m.status,
        sdgs: m.sdgs,
      })),
    )
    .returning({ id: measures.id });
  const links = content.measures.map((m, i) => ({ m, measureId: measureRows[i]!.id }));
  const goalLinks = links.flatMap(({ m, measureId }) => m.goalKeys.map((k) => ({ tenantId, measureId, goalId: goalIds.get(k)! })));
  const partnerLinks = links.flatMap(({ m, measureId }) => m.partnerActorKeys.map((k) => ({ tenantId, measureId, actorId: actorIds.get(k)! })));
  const crossLinks = links.flatMap(({ m, measureId }) => m.crossCuttingKeys.map((k) => ({ tenantId, measureId, fieldId: fieldIds.get(k)! })));
  const placeLinks = links.flatMap(({ m, measureId }) => m.municipalityAgs.map((a) => ({ tenantId, measureId, municipalityId: municipalityIds.get(a)! })));
  if (goalLinks.length) await tx.insert(measureGoals).values(goalLinks);
  if (partnerLinks.length) await tx.insert(measurePartners).values(partnerLinks);
  if (crossLinks.length) await tx.insert(measureCrossCutting).values(crossLinks);
  if (placeLinks.length) await tx.insert(measureMunicipalities).values(placeLinks);
  // Zielgruppen: the Kommune's vocabulary, one entry per name (as the migration of issue 7.18 made it).
  const names = [...new Map(content.measures.flatMap((m) => m.targetGroups).map((n) => [nameKey(n), cleanName(n)])).values()];
  if (names.length) await tx.insert(targetGroups).values(names.map((name) => ({ tenantId, name }))).onConflictDoNothing();
  const groupId = new Map((await tx.select().from(targetGroups).where(eq(targetGroups.tenantId, tenantId))).map((g) => [nameKey(g.name), g.id]));
  const groupLinks = links.flatMap(({ m, measureId }) => [...new Set(m.targetGroups.map((n) => groupId.get(nameKey(n))!))].map((targetGroupId) => ({ tenantId, measureId, targetGroupId })));
  if (groupLinks.length) await tx.insert(measureTargetGroups).values(groupLinks);
  return editionId;
}
