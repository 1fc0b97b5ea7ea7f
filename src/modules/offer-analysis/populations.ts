import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { germanNumber, isoDate, isUuid, parseEachField, requiredText, throwIfProblems } from '../../platform/validation.js';
import { municipalityPopulations } from './schema.js';

export type Population = typeof municipalityPopulations.$inferSelect;

/** Germany's largest city has under 4 million; a county's Gemeinde far less. Above this it is a typo. */
const maxPopulation = 10_000_000;

const populationInput = z.object({
  population: z.preprocess(
    (v) => germanNumber(typeof v === 'string' ? v.replace(/\./g, '') : v),
    z.number({ error: (i) => (i.input === null ? 'validation.required' : 'validation.number') }).int('validation.population_whole').min(1, 'validation.population_range').max(maxPopulation, 'validation.population_range'),
  ),
  referenceDate: z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), isoDate({ error: 'validation.required' })),
  source: requiredText(300),
});

export async function populationsOf(db: Db, tenantId: string): Promise<Map<string, Population>> {
  const rows = await db.select().from(municipalityPopulations).where(eq(municipalityPopulations.tenantId, tenantId));
  return new Map(rows.map((r) => [r.municipalityId, r]));
}

/** The Gemeinde must be one of this Kommune's (a child tenant). */
async function municipalityOf(db: Db, tenantId: string, id: string) {
  if (!isUuid(id)) throw new AppError('not_found');
  const [m] = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(and(eq(tenants.id, id), eq(tenants.parentId, tenantId)));
  if (!m) throw new AppError('not_found');
  return m;
}
export { municipalityOf };

/** Enters or replaces a Gemeinde's population (with reference date and source); the former figure stays in the audit log. */
export async function setPopulation(ctx: CommandContext, tenantId: string, municipalityId: string, input: unknown, today: string): Promise<Population> {
  authorize(isCoordinator(ctx.user, tenantId));
  const { valid, errors } = parseEachField(populationInput, input && typeof input === 'object' ? input : {});
  if (valid.referenceDate && valid.referenceDate > today) errors.push({ field: 'referenceDate', messageKey: 'validation.population_future' });
  throwIfProblems(errors);
  const data = valid as z.output<typeof populationInput>;
  return ctx.db.transaction(async (tx) => {
    const m = await municipalityOf(tx, tenantId, municipalityId);
    const [before] = await tx.select().from(municipalityPopulations).where(and(eq(municipalityPopulations.tenantId, tenantId), eq(municipalityPopulations.municipalityId, m.id)));
    const values = { population: data.population, referenceDate: data.referenceDate, source: data.source };
    const [row] = before
      ? await tx.update(municipalityPopulations).set({ ...values, version: before.version + 1, updatedAt: new Date() }).where(and(eq(municipalityPopulations.tenantId, tenantId), eq(municipalityPopulations.municipalityId, m.id))).returning()
      : await tx.insert(municipalityPopulations).values({ tenantId, municipalityId: m.id, ...values }).returning();
    await recordAudit(tx, ctx.user, {
      tenantId, action: before ? 'update' : 'create', entityType: 'municipality_population', entityId: m.id,
      before: before ? { name: m.name, population: before.population, referenceDate: before.referenceDate, source: before.source } : undefined,
      after: { name: m.name, ...values },
    });
    return row!;
  });
}
