import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { readsAtOnce } from '../../db/reads.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { expectedVersion, germanNumber, parseInput, checkbox } from '../../platform/validation.js';
import { actors } from '../actors/schema.js';
import { adoptedEdition, type Edition } from '../concepts/index.js';
import { measures, measureStatuses, type MeasureStatus } from '../measures/schema.js';
import { statusRulesOf } from '../measures/index.js';
import { measureUpdates } from '../progress/schema.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { updateTenantSettings, type Tenant } from '../../platform/tenancy/service.js';
import { attentionSourcesOfModules } from '../../platform/attention-sources.js';
import { attentionList, type AttentionList, type AttentionMeasure, type AttentionSection } from './rules.js';

/** The attention list and its settings are the Koordination's. */
export const canSeeAttention = isCoordinator;
export const canChangeAttentionSettings = isCoordinator;

/** The measures of an edition with their lead and the date of their latest Sachstandsmeldung. */
export async function attentionMeasures(db: Db, tenantId: string, editionId: string): Promise<AttentionMeasure[]> {
  const last = db
    .select({ measureId: measureUpdates.measureId, lastReportedOn: sql<string>`max(${measureUpdates.reportedOn})::text`.as('last_reported_on') })
    .from(measureUpdates)
    .where(eq(measureUpdates.tenantId, tenantId))
    .groupBy(measureUpdates.measureId)
    .as('last_updates');
  return db
    .select({
      id: measures.id,
      number: measures.number,
      title: measures.title,
      status: measures.status,
      horizon: measures.horizon,
      endDate: measures.endDate,
      leadActorId: measures.leadActorId,
      leadActorName: actors.name,
      lastReportedOn: last.lastReportedOn,
    })
    .from(measures)
    .leftJoin(actors, and(eq(actors.tenantId, measures.tenantId), eq(actors.id, measures.leadActorId)))
    .leftJoin(last, eq(last.measureId, measures.id))
    .where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)));
}

export interface Attention {
  edition: Edition | undefined;
  list: AttentionList;
  /** Statuses whose measures the list leaves out (those that do not count in roll-ups, e.g. entfallen). */
  ignoredStatuses: MeasureStatus[];
}

/** Everything the attention list needs, read for one Kommune, judged as of `today`. */
export async function loadAttention(db: Db, tenant: Tenant, today: string, opts: { withSections?: boolean } = {}): Promise<Attention> {
  // Independent reads at once (issue 9.2: eight one after another).
  const [edition, rules] = await readsAtOnce(db, [() => adoptedEdition(db, tenant.id), () => statusRulesOf(db, tenant.id)]);
  const ignoredStatuses = measureStatuses.filter((s) => !rules[s].countsInRollup);
  // The other modules' sections are the Koordination's (an actor's view leaves them out).
  const sources = opts.withSections === false ? [] : attentionSourcesOfModules();
  const [rows, ...items] = edition
    ? await readsAtOnce(db, [() => attentionMeasures(db, tenant.id, edition.id), ...sources.map((source) => () => source.items(db, { tenant, edition, today }))])
    : [[], ...sources.map(() => [])];
  const sections: AttentionSection[] = sources.map((source, i) => ({ source, items: items[i]! }));
  const list = attentionList(
    {
      edition: edition && { id: edition.id, title: edition.title, adoptedOn: edition.adoptedOn },
      measures: rows.filter((m) => !ignoredStatuses.includes(m.status)),
      silentAfterMonths: tenant.silentAfterMonths,
      sections,
    },
    today,
  );
  return { edition, list, ignoredStatuses };
}

export const silentMonthsRange = { min: 1, max: 36 } as const;

export const attentionSettingsInput = z.object({
  silentAfterMonths: z.preprocess(
    germanNumber,
    z
      .number({ error: 'validation.silent_months_range' })
      .int('validation.silent_months_range')
      .min(silentMonthsRange.min, 'validation.silent_months_range')
      .max(silentMonthsRange.max, 'validation.silent_months_range'),
  ),
  remindersEnabled: checkbox,
  version: expectedVersion(),
});

/** Koordination sets after how many months a measure counts as silent and whether reminders go out. */
export async function updateAttentionSettings(ctx: CommandContext, tenantId: string, input: unknown): Promise<Tenant> {
  authorize(canChangeAttentionSettings(ctx.user, tenantId));
  const data = parseInput(attentionSettingsInput, input);
  return updateTenantSettings(ctx, tenantId, data.version, { silentAfterMonths: data.silentAfterMonths, remindersEnabled: data.remindersEnabled });
}
