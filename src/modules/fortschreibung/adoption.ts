/**
 * Changing an edition's status, with what it does to the public site. Adopting an edition replaces
 * the one the public sees; what was published about the old one (Sachstände with attachments,
 * indicators with values) stays public only where a measure or indicator of the new edition
 * continues it (lineage). Whatever would leave the public site is counted, shown on the
 * confirmation page, and the coordinator has to accept it explicitly.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { adoptedEdition, editionById, transitionEdition, type Edition, canManageConcept } from '../concepts/index.js';
import { editions } from '../concepts/schema.js';

export interface AdoptionImpact {
  /** The edition the public sees now; it becomes "abgelöst". */
  current: Pick<Edition, 'id' | 'title'>;
  /** The new edition continues the current one (started as its Fortschreibung). */
  linked: boolean;
  /** Measures of the current edition without a successor in the new one. */
  measuresDropped: number;
  /** Public Sachstände (with their attachments) that would leave the public site. */
  publicUpdatesDropped: number;
  attachmentsDropped: number;
  /** Public indicators without a successor, and their values. */
  publicIndicatorsDropped: number;
  valuesDropped: number;
}

/** Whether adopting would take something off the public site (or break the lineage). */
export const losesPublicContent = (i: AdoptionImpact | null) =>
  !!i && (!i.linked || i.publicUpdatesDropped + i.attachmentsDropped + i.publicIndicatorsDropped + i.valuesDropped > 0);

/**
 * What adopting `edition` would take off the public site; null when no other edition is adopted
 * (nothing public yet to lose). History counted along the lineage: a dropped measure takes the
 * reports of its predecessors with it.
 */
export async function adoptionImpact(db: Db, tenantId: string, edition: Edition): Promise<AdoptionImpact | null> {
  const current = await adoptedEdition(db, tenantId);
  if (!current || current.id === edition.id) return null;
  const [m] = await queryRows<{ measures: number; updates: number; attachments: number; linked: number }>(
    db,
    sql`with recursive dropped as (
          select o.id from measures o
           where o.tenant_id = ${tenantId} and o.edition_id = ${current.id}::uuid
             and not exists (select 1 from measures n where n.tenant_id = o.tenant_id and n.edition_id = ${edition.id}::uuid and n.predecessor_id = o.id)
        ), line(root, id, depth) as (
          select d.id, d.id, 0 from dropped d
          union all
          select l.root, p.predecessor_id, l.depth + 1 from line l join measures p on p.tenant_id = ${tenantId} and p.id = l.id
           where p.predecessor_id is not null and l.depth < 50
        )
        select (select count(*)::int from dropped) as measures,
               (select count(*)::int from measure_updates u where u.tenant_id = ${tenantId} and u.is_public and u.measure_id in (select id from line)) as updates,
               (select count(*)::int from measure_updates u where u.tenant_id = ${tenantId} and u.is_public and u.attachment is not null and u.measure_id in (select id from line)) as attachments,
               (select count(*)::int from measures n join measures o on o.tenant_id = n.tenant_id and o.id = n.predecessor_id
                 where n.tenant_id = ${tenantId} and n.edition_id = ${edition.id}::uuid and o.edition_id = ${current.id}::uuid) as linked`,
  );
  const [i] = await queryRows<{ indicators: number; vals: number }>(
    db,
    sql`with dropped as (
          select o.id from indicators o
           where o.tenant_id = ${tenantId} and o.edition_id = ${current.id}::uuid and o.is_public
             and not exists (select 1 from indicators n where n.tenant_id = o.tenant_id and n.edition_id = ${edition.id}::uuid and n.predecessor_id = o.id)
        )
        select (select count(*)::int from dropped) as indicators,
               (select count(*)::int from indicator_values v where v.tenant_id = ${tenantId} and v.indicator_id in (select id from dropped)) as vals`,
  );
  return {
    current: { id: current.id, title: current.title },
    linked: edition.predecessorId === current.id && (m?.linked ?? 0) > 0,
    measuresDropped: m?.measures ?? 0,
    publicUpdatesDropped: m?.updates ?? 0,
    attachmentsDropped: m?.attachments ?? 0,
    publicIndicatorsDropped: i?.indicators ?? 0,
    valuesDropped: i?.vals ?? 0,
  };
}

const acceptance = z.object({ acceptLoss: z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean()) });

/**
 * The status change of the edition page: as transitionEdition, but adopting an edition that would
 * take published content off the public site (or is not a Fortschreibung of the adopted one)
 * needs `acceptLoss`; without it the change is refused with the reason on the field.
 */
export async function changeEditionStatus(ctx: CommandContext, tenantId: string, id: string, input: Record<string, unknown>): Promise<Edition> {
  authorize(canManageConcept(ctx.user, tenantId));
  const { acceptLoss } = parseInput(acceptance, input);
  return ctx.db.transaction(async (tx) => {
    const edition = await editionById(tx, tenantId, id);
    const impact = input.to === 'beschlossen' ? await adoptionImpact(tx, tenantId, edition) : null;
    if (losesPublicContent(impact) && !acceptLoss) {
      throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [{ field: 'acceptLoss', messageKey: 'fortschreibung.adopt.accept_required' }] });
    }
    const after = await transitionEdition({ db: tx, user: ctx.user }, tenantId, id, input);
    if (impact && losesPublicContent(impact)) {
      await recordAudit(tx, ctx.user, { tenantId, action: 'accept', entityType: 'edition', entityId: id, after: { publicContentDropped: impact } });
    }
    return after;
  });
}

/**
 * Deletes a draft edition (a stray draft blocks "Fortschreibung starten"): only while it is a
 * draft, and only if nothing depends on it: no later edition continues it, and nothing was
 * reported on its measures or indicators (Sachstände, values) that would be lost with it.
 */
export async function deleteDraftEdition(ctx: CommandContext, tenantId: string, id: string, input: Record<string, unknown>): Promise<Edition> {
  authorize(canManageConcept(ctx.user, tenantId));
  const version = Number(input.version);
  return ctx.db.transaction(async (tx) => {
    const before = await editionById(tx, tenantId, id);
    if (!Number.isInteger(version) || version !== before.version) throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { currentVersion: before.version } });
    const blocker = await draftDeletionBlocker(tx, tenantId, before);
    if (blocker) throw new AppError('conflict', blocker.messageKey, { params: blocker.params });
    await tx.delete(editions).where(and(eq(editions.tenantId, tenantId), eq(editions.id, id)));
    await recordAudit(tx, ctx.user, { tenantId, action: 'delete', entityType: 'edition', entityId: id, before });
    return before;
  });
}

/** Why a draft cannot be deleted (message key and params), or null when it can. */
export async function draftDeletionBlocker(db: Db, tenantId: string, edition: Edition): Promise<{ messageKey: string; params?: Record<string, string | number> } | null> {
  if (edition.status !== 'entwurf') return { messageKey: 'error.edition_not_deletable' };
  const [r] = await queryRows<{ successors: number; updates: number; vals: number }>(
    db,
    sql`select (select count(*)::int from editions e where e.tenant_id = ${tenantId} and e.predecessor_id = ${edition.id}::uuid) as successors,
               (select count(*)::int from measure_updates u join measures m on m.tenant_id = u.tenant_id and m.id = u.measure_id
                 where u.tenant_id = ${tenantId} and m.edition_id = ${edition.id}::uuid) as updates,
               (select count(*)::int from indicator_values v join indicators i on i.tenant_id = v.tenant_id and i.id = v.indicator_id
                 where v.tenant_id = ${tenantId} and i.edition_id = ${edition.id}::uuid) as vals`,
  );
  if ((r?.successors ?? 0) > 0) return { messageKey: 'fortschreibung.delete.has_successor' };
  if ((r?.updates ?? 0) + (r?.vals ?? 0) > 0) return { messageKey: 'fortschreibung.delete.has_reports', params: { updates: r?.updates ?? 0, values: r?.vals ?? 0 } };
  return null;
}
