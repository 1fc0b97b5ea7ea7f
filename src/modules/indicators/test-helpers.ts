import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog } from '../../platform/audit/schema.js';
import { editions, goals } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { indicators, indicatorValues } from '../progress/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';

/** The demo Kommune's editions, and lookups of its goals, measures and indicators (tests only). */
export async function demo(db: Db) {
  const [kommune] = await db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const tenantId = kommune!.id;
  const all = await db.select().from(editions).where(eq(editions.tenantId, tenantId));
  const adopted = all.find((e) => e.status === 'beschlossen')!;
  const draft = all.find((e) => e.status === 'entwurf')!;
  const goal = async (number: string, editionId = adopted.id) =>
    (await db.select().from(goals).where(and(eq(goals.tenantId, tenantId), eq(goals.editionId, editionId), eq(goals.number, number))))[0]!;
  const measure = async (number: string, editionId = adopted.id) =>
    (await db.select().from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId), eq(measures.number, number))))[0]!;
  const indicator = async (name: string) => (await db.select().from(indicators).where(and(eq(indicators.tenantId, tenantId), eq(indicators.name, name))))[0]!;
  const valuesOf = async (indicatorId: string) =>
    db.select().from(indicatorValues).where(and(eq(indicatorValues.tenantId, tenantId), eq(indicatorValues.indicatorId, indicatorId))).orderBy(indicatorValues.measuredOn);
  const counts = async () => ({
    indicators: (await db.select({ n: sql<number>`count(*)::int` }).from(indicators))[0]!.n,
    values: (await db.select({ n: sql<number>`count(*)::int` }).from(indicatorValues))[0]!.n,
    audits: (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n,
  });
  return { tenantId, adopted, draft, goal, measure, indicator, valuesOf, counts };
}

/** The form fields of a valid indicator; override what a test is about. */
export const indicatorForm = (over: Record<string, string | undefined> = {}) => ({
  name: 'Beratungen in der Migrationsberatung',
  kind: 'output',
  unit: 'Beratungen',
  source: 'Eigene Erhebung',
  definition: 'Beratungsgespräche je Kalenderjahr',
  baselineValue: '1.200',
  baselineDate: '31.12.2023',
  targetValue: '1.500',
  targetYear: '2027',
  direction: 'higher',
  isPublic: 'true',
  ...over,
});
