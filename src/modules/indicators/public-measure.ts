/**
 * The published indicators of ONE measure for its public page, with their values along the
 * lineage and their judgement, in the same public shape as `/k/{slug}/indikatoren`.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { todayInGermany } from '../progress/index.js';
import { indicators } from '../progress/schema.js';
import { presentIndicator, type PublicIndicator } from './present.js';
import { toIndicator, valuesAlongLineage } from './service.js';
import { indicatorStatus } from './status.js';

export async function publicIndicatorsOfMeasure(
  db: Db,
  tenantId: string,
  measure: { id: string; number: string; title: string },
  today: string = todayInGermany(),
): Promise<PublicIndicator[]> {
  const rows = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.measureId, measure.id), eq(indicators.isPublic, true)))
    .orderBy(asc(indicators.position), asc(indicators.name));
  const list = rows.map(toIndicator);
  if (list.length === 0) return [];
  const values = await valuesAlongLineage(db, tenantId, list.map((i) => i.id));
  return list.map((i) => {
    const v = values.get(i.id) ?? [];
    return presentIndicator(i, v, indicatorStatus(i, v, today).status, { kind: 'measure', number: measure.number, title: measure.title });
  });
}
