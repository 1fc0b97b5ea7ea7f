import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertAsJson } from '../../../db/bulk.js';
import { queryRows, type Db } from '../../../db/client.js';
import { recordAudits, type AuditEntry } from '../../../platform/audit/record.js';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { inBatches } from '../../../platform/breathe.js';
import { AppError } from '../../../platform/errors.js';
import type { MeasureFields } from '../input.js';
import { measureCrossCutting, measureGoals, measureMunicipalities, measurePartners, measureTargetGroups, measures } from '../schema.js';
import { nameKey } from '../target-groups/names.js';
import { listTargetGroups, resolveTargetGroups } from '../target-groups/service.js';
import { compareMeasureNumbers, measureColumns, rowValues, type Measure } from '../service.js';
import type { PlannedRow } from './plan.js';

/*
 * Writing a checked import plan set-based (issue 8.4): a few multi-row statements per slice of
 * measures instead of a dozen statements per row, with a turn for other requests between the
 * slices (inBatches sizes them by time). The result is what writing the rows one after another
 * did (insertMeasure, writeMeasure): the same positions, links, versions and one audit entry per
 * changed measure.
 */

interface Slot {
  number: string;
  position: number;
}
interface FieldOrder {
  slots: Slot[];
  /** The greatest number among the slots; undefined = work it out again. */
  max: string | undefined;
}

/**
 * The position of each created or moved measure and the positions of existing measures pushed
 * down, row after row as insertMeasure (a new number goes before the first sibling with a
 * greater one, the rest move down) and writeMeasure (a measure moved to another Themenfeld
 * goes last there) would place them.
 */
export function placeRows(existing: Pick<Measure, 'id' | 'fieldId' | 'number' | 'position'>[], rows: PlannedRow[]) {
  const fields = new Map<string, FieldOrder>();
  const fieldOf = (id: string) => fields.get(id) ?? fields.set(id, { slots: [], max: undefined }).get(id)!;
  const slotOf = new Map<string, Slot & { fieldId: string; original: number }>();
  for (const m of existing) {
    const slot = { number: m.number, position: m.position, fieldId: m.fieldId, original: m.position };
    fieldOf(m.fieldId).slots.push(slot);
    slotOf.set(m.id, slot);
  }
  for (const f of fields.values()) f.slots.sort((a, b) => a.position - b.position);
  const greatest = (f: FieldOrder) => (f.max ??= f.slots.reduce<string | undefined>((max, s) => (max === undefined || compareMeasureNumbers(s.number, max) > 0 ? s.number : max), undefined));
  const last = (f: FieldOrder) => f.slots.at(-1)?.position ?? 0;

  const positions = new Map<PlannedRow, number>();
  for (const r of rows) {
    if (r.action === 'create') {
      const f = fieldOf(r.data.fieldId);
      const max = greatest(f);
      const slot: Slot = { number: r.data.number, position: last(f) + 1 };
      // Appending is the common case: only a number below the greatest one needs the search.
      const next = max !== undefined && compareMeasureNumbers(max, slot.number) > 0 ? f.slots.find((s) => compareMeasureNumbers(s.number, slot.number) > 0) : undefined;
      if (next) {
        slot.position = next.position;
        for (const s of f.slots) if (s.position >= slot.position) s.position += 1;
        const at = f.slots.findIndex((s) => s.position > slot.position);
        f.slots.splice(at < 0 ? f.slots.length : at, 0, slot);
      } else f.slots.push(slot);
      if (max === undefined || compareMeasureNumbers(slot.number, max) > 0) f.max = slot.number;
      positions.set(r, slot.position);
    } else if (r.action === 'update') {
      const slot = slotOf.get(r.existing!.id)!;
      const from = fieldOf(slot.fieldId);
      if (r.data.fieldId !== slot.fieldId) {
        from.slots.splice(from.slots.indexOf(slot), 1);
        from.max = undefined;
        const to = fieldOf(r.data.fieldId);
        slot.position = last(to) + 1;
        slot.fieldId = r.data.fieldId;
        to.slots.push(slot);
        to.max = undefined;
      } else if (slot.number !== r.data.number) from.max = undefined;
      slot.number = r.data.number;
      positions.set(r, slot.position);
    }
  }
  const written = new Set(rows.filter((r) => r.action === 'update').map((r) => r.existing!.id));
  const shifted = [...slotOf].filter(([id, s]) => s.position !== s.original && !written.has(id)).map(([id, s]) => ({ id, position: s.position }));
  return { positions, shifted };
}

/** Zielgruppen by name (case-insensitive) → their entries; filled once per import (resolveTargetGroups). */
type GroupsByName = Map<string, { id: string; name: string }>;

/** A measure's links as measureById gives them: ids, and the Zielgruppen's names in the same order (by name). */
const linksOf = (d: MeasureFields, groups: GroupsByName) => {
  const chosen = new Map<string, string>();
  for (const name of d.targetGroups) {
    const g = groups.get(nameKey(name));
    if (g) chosen.set(g.id, g.name);
  }
  for (const id of d.targetGroupIds ?? []) if (!chosen.has(id)) chosen.set(id, [...groups.values()].find((g) => g.id === id)?.name ?? '');
  const sorted = [...chosen].sort((a, b) => a[1].localeCompare(b[1], 'de'));
  return {
    goalIds: [...new Set(d.goalIds)],
    partnerActorIds: [...new Set(d.partnerActorIds)],
    crossCuttingIds: [...new Set(d.crossCuttingIds)],
    municipalityIds: [...new Set(d.municipalityIds)],
    targetGroupIds: sorted.map(([id]) => id),
    targetGroups: sorted.map(([, name]) => name),
  };
};

async function insertLinks(tx: Db, tenantId: string, groups: GroupsByName, rows: { id: string; data: MeasureFields }[]) {
  const each = <T>(pick: (l: ReturnType<typeof linksOf>) => string[], make: (measureId: string, other: string) => T) =>
    rows.flatMap(({ id, data }) => pick(linksOf(data, groups)).map((other) => make(id, other)));
  const goalRows = each((l) => l.goalIds, (measureId, goalId) => ({ tenantId, measureId, goalId }));
  const partnerRows = each((l) => l.partnerActorIds, (measureId, actorId) => ({ tenantId, measureId, actorId }));
  const crossRows = each((l) => l.crossCuttingIds, (measureId, fieldId) => ({ tenantId, measureId, fieldId }));
  const townRows = each((l) => l.municipalityIds, (measureId, municipalityId) => ({ tenantId, measureId, municipalityId }));
  const groupRows = each((l) => l.targetGroupIds, (measureId, targetGroupId) => ({ tenantId, measureId, targetGroupId }));
  await insertAsJson(tx, measureGoals, goalRows);
  await insertAsJson(tx, measurePartners, partnerRows);
  await insertAsJson(tx, measureCrossCutting, crossRows);
  await insertAsJson(tx, measureMunicipalities, townRows);
  await insertAsJson(tx, measureTargetGroups, groupRows);
}

async function deleteLinks(tx: Db, tenantId: string, ids: string[]) {
  await tx.delete(measureGoals).where(and(eq(measureGoals.tenantId, tenantId), inArray(measureGoals.measureId, ids)));
  await tx.delete(measurePartners).where(and(eq(measurePartners.tenantId, tenantId), inArray(measurePartners.measureId, ids)));
  await tx.delete(measureCrossCutting).where(and(eq(measureCrossCutting.tenantId, tenantId), inArray(measureCrossCutting.measureId, ids)));
  await tx.delete(measureMunicipalities).where(and(eq(measureMunicipalities.tenantId, tenantId), inArray(measureMunicipalities.measureId, ids)));
  await tx.delete(measureTargetGroups).where(and(eq(measureTargetGroups.tenantId, tenantId), inArray(measureTargetGroups.measureId, ids)));
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** rowValues as a JSON record with the table's column names (for jsonb_populate_recordset). */
const columnRecord = (d: MeasureFields) => Object.fromEntries(Object.entries(rowValues(d)).map(([k, v]) => [snake(k), v]));
const updatedColumns = Object.keys(rowValues({} as MeasureFields)).map(snake);

/** Creates and updates of the plan, in slices; returns after the last one. */
export async function writePlannedRows(tx: Db, user: CurrentUser, tenantId: string, editionId: string, existing: Measure[], rows: PlannedRow[], audit: Pick<AuditEntry, 'internalOnly'> = {}) {
  const { positions, shifted } = placeRows(existing, rows);
  // Every Zielgruppe the rows name, unknown ones added to the vocabulary (audited), once.
  const written = rows.filter((r) => r.action !== 'unchanged');
  await resolveTargetGroups(tx, user, tenantId, [...new Set(written.flatMap((r) => r.data.targetGroups))]);
  const groups: GroupsByName = new Map((await listTargetGroups(tx, tenantId)).map((g) => [nameKey(g.name), { id: g.id, name: g.name }]));
  const creates = rows.filter((r) => r.action === 'create').map((r) => ({ id: randomUUID() as string, r, position: positions.get(r)! }));
  const updates = rows.filter((r) => r.action === 'update').map((r) => ({ r, before: r.existing!, position: positions.get(r)! }));

  await inBatches(shifted, async (batch) => {
    await tx.execute(sql`
      update ${measures} as m set position = v.position
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as v(id uuid, position integer)
      where m.tenant_id = ${tenantId} and m.id = v.id`);
  }, { min: 500, max: 2000 });

  await inBatches(creates, async (batch) => {
    const ids = batch.map(({ id }) => id);
    await insertAsJson(tx, measures, batch.map(({ id, r, position }) => ({ id, tenantId, editionId, position, ...rowValues(r.data) })));
    const rows = new Map((await tx.select(measureColumns).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.id, ids)))).map((m) => [m.id, m]));
    const inserted = ids.map((id) => rows.get(id)!);
    const data = new Map(batch.map(({ id, r }) => [id, r.data]));
    await insertLinks(tx, tenantId, groups, batch.map(({ id, r }) => ({ id, data: r.data })));
    await recordAudits(tx, user, inserted.map((m): AuditEntry => ({ tenantId, action: 'import', entityType: 'measure', entityId: m.id, after: { ...m, ...linksOf(data.get(m.id)!, groups) }, ...audit })));
  });

  await inBatches(updates, async (batch) => {
    const records = batch.map(({ before, r, position }) => ({ ...columnRecord(r.data), id: before.id, version: before.version, position }));
    const set = sql.raw(updatedColumns.map((c) => `${c} = v.${c}`).join(', '));
    const done = await queryRows<{ id: string }>(
      tx,
      sql`update ${measures} as m set ${set}, position = v.position, version = m.version + 1, updated_at = now()
          from jsonb_populate_recordset(null::measures, ${JSON.stringify(records)}::jsonb) as v
          where m.tenant_id = ${tenantId} and m.id = v.id and m.version = v.version
          returning m.id`,
    );
    // Someone changed one of these measures since the plan was made: nothing of the import stays.
    if (done.length !== batch.length) {
      const stale = batch.find(({ before }) => !done.some((d) => d.id === before.id))!;
      throw new AppError('edit_conflict', 'error.edit_conflict', { detail: { measure: stale.before.number } });
    }
    const ids = batch.map(({ before }) => before.id);
    await deleteLinks(tx, tenantId, ids);
    await insertLinks(tx, tenantId, groups, batch.map(({ before, r }) => ({ id: before.id, data: r.data })));
    const after = new Map((await tx.select(measureColumns).from(measures).where(and(eq(measures.tenantId, tenantId), inArray(measures.id, ids)))).map((m) => [m.id, m]));
    await recordAudits(
      tx,
      user,
      batch.map(({ before, r }): AuditEntry => ({ tenantId, action: 'import', entityType: 'measure', entityId: before.id, before, after: { ...after.get(before.id)!, ...linksOf(r.data, groups) }, ...audit })),
    );
  });
}
