import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { offThreadWithDb } from '../../platform/threads/with-database.js';
import { lockedTenant } from '../../platform/tenancy/service.js';
import { translator } from '../../platform/i18n/i18n.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { parseEachField } from '../../platform/validation.js';
import { choiceReader, fold } from '../../platform/spreadsheet/cells.js';
import type { UploadedFile } from '../../platform/spreadsheet/upload.js';
import { headingMatcher, type ColumnMapping } from '../../platform/spreadsheet/headings.js';
import { readNamedSheet, type RawTable } from '../../platform/spreadsheet/parse.js';
import { fileProblem, importRejected, type ImportProblem } from '../../platform/spreadsheet/problems.js';
import { cellProblemsOf, planRecords, type CellProblem, type RecordColumn, type RecordImportSpec, type RecordPlan } from '../../platform/spreadsheet/records.js';
import type { ExportSheet } from '../../platform/spreadsheet/write.js';
import { applyContacts, contactSheet, contactSheetName, matchContactHeading, planContacts, type ContactPlan } from './contact-transfer.js';
import { actorKinds, type ActorKind } from './schema.js';
import { actorInput, createActor, listActors, updateActor } from './service.js';

/**
 * The actor table (.xlsx/.csv): export and import. Contact persons are personal data: the export
 * lists only those with a recorded consent (internal use or publication), always with the consent's
 * scope, date and source beside the data, never a person without. The import reads them from the
 * .xlsx's sheet "Ansprechpersonen" (contact-transfer.ts), in the same all-or-nothing step; a file of
 * contact persons alone (a CSV holds one table) has an import and export of its own (below).
 */
type Key = 'id' | 'name' | 'kind' | 'municipality' | 'address' | 'website';
const col = (key: Key, heading: string, width: number, aliases: string[] = [], wrap = false): RecordColumn<Key> => ({ key, heading, aliases, width, wrap });

export const actorColumns: RecordColumn<Key>[] = [
  col('id', 'ID', 38, ['Akteur-ID', 'Kennung']),
  col('name', 'Name', 40, ['Akteur', 'Einrichtung', 'Organisation', 'Träger', 'Bezeichnung'], true),
  col('kind', 'Art', 22, ['Typ', 'Kategorie', 'Akteursart']),
  col('municipality', 'Gemeinde', 22, ['Ort', 'Kommune', 'Stadt']),
  col('address', 'Anschrift', 40, ['Adresse', 'Postanschrift'], true),
  col('website', 'Webseite', 34, ['Website', 'Internet', 'Homepage', 'URL']),
];
export const actorRequired: Key[] = ['name'];
export const matchActorHeading = headingMatcher(actorColumns);

const de = translator('de');
const kindLabel = (k: ActorKind) => de(`actor_kind.${k}`);
const readKind = choiceReader(actorKinds, kindLabel, { ehrenamt: 'initiative' });
const countyWide = () => de('measure.whole_county');

type Existing = Awaited<ReturnType<typeof listActors>>[number];
type Data = { name: string; kind: ActorKind; municipalityId: string | null; address: string; website: string };

/** The service's field names → the table's columns. */
const columnOfField: Record<string, Key> = { name: 'name', kind: 'kind', municipalityId: 'municipality', address: 'address', website: 'website' };

async function spec(db: Db, tenantId: string): Promise<RecordImportSpec<Key, Data, Existing>> {
  const existing = await listActors(db, tenantId);
  const places = await db.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.parentId, tenantId));
  const placeByName = new Map(places.map((p) => [fold(p.name), p.id]));
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  const show = (d: { name: string; kind: ActorKind; municipalityId: string | null; address: string; website: string }, id: string) => ({
    id,
    name: d.name,
    kind: kindLabel(d.kind),
    municipality: d.municipalityId ? placeName.get(d.municipalityId) ?? '' : '',
    address: d.address.replace(/\r\n/g, '\n').trim(),
    website: d.website,
  });
  return {
    columns: actorColumns,
    required: actorRequired,
    idColumn: 'id',
    nameColumn: 'name',
    existing,
    idOf: (e) => e.id,
    nameOf: (e) => e.name,
    read(cells, before) {
      const problems: CellProblem<Key>[] = [];
      const text = (k: Key, stored: string) => (cells[k] ? cells[k]!.text : stored);
      let kind: ActorKind = before?.kind ?? 'sonstige';
      if (cells.kind?.text) {
        const k = readKind(cells.kind.text);
        if (k) kind = k;
        else problems.push({ key: 'kind', messageKey: 'spreadsheet.error.choice', params: { value: cells.kind.text.slice(0, 60), allowed: actorKinds.map(kindLabel).join(', ') } });
      }
      let municipalityId = before?.municipalityId ?? null;
      if (cells.municipality) {
        const v = cells.municipality.text;
        municipalityId = !v || fold(v) === fold(countyWide()) ? null : placeByName.get(fold(v)) ?? null;
        if (v && fold(v) !== fold(countyWide()) && !municipalityId) problems.push({ key: 'municipality', messageKey: 'spreadsheet.error.unknown_municipality', params: { value: v.slice(0, 80) } });
      }
      const { valid, errors } = parseEachField(actorInput, { name: text('name', before?.name ?? ''), kind, municipalityId, address: text('address', before?.address ?? ''), website: text('website', before?.website ?? '') });
      problems.push(...cellProblemsOf(errors, columnOfField, 'name'));
      return problems.length ? { problems } : { data: valid as Data };
    },
    showExisting: (e) => show(e, e.id),
    showData: (d) => show(d, ''),
  };
}

export const canImportActors = isCoordinator;

/** The actor plan with what the file's contact sheet would change (none without such a sheet, e.g. a CSV file of actors). */
export type ActorImportPlan = RecordPlan<Key, Data, Existing> & { contacts?: ContactPlan };

/** Problems of the contact sheet, named by sheet and column. */
const inContactSheet = (problems: ImportProblem[]): ImportProblem[] => problems.map((p) => ({ ...p, column: `Ansprechpersonen: ${p.column ?? ''}` }));

/**
 * Headings only a contact table has ("Funktion", "E-Mail", "Einwilligung" …): a refused actor file
 * with several of them is a contact list on the wrong page (actor and contact tables share "ID",
 * "Name" and "Akteur", so it would otherwise be refused for doubled columns).
 */
function contactTableProblem(table: RawTable): ImportProblem | undefined {
  const contactOnly = table.headings.filter((h) => h && matchActorHeading(h) === undefined && matchContactHeading(h) !== undefined);
  if (contactOnly.length < 2) return undefined;
  return fileProblem('contacts.import.wrong_page', { columns: contactOnly.slice(0, 3).map((h) => `„${h}“`).join(', ') });
}

async function planBoth(db: Db, tenantId: string, table: RawTable, mapping: ColumnMapping, file?: UploadedFile, contactMapping: ColumnMapping = new Map()): Promise<ActorImportPlan> {
  const s = await spec(db, tenantId);
  const plan: ActorImportPlan = planRecords(s, table, mapping);
  const misplaced = plan.problems.length ? contactTableProblem(table) : undefined;
  if (misplaced) {
    plan.problems.splice(0, plan.problems.length, misplaced);
    plan.unknown = []; // no mapping to actor columns offered for a file that belongs elsewhere
  }
  const sheet = file ? await readNamedSheet(file.bytes, contactSheetName, (h) => matchContactHeading(h) !== undefined) : undefined;
  if (!sheet || plan.problems.length) return plan;
  const created = plan.rows.filter((r) => r.action === 'create').map((r) => r.data.name);
  const contacts = await planContacts(db, tenantId, sheet, contactMapping, s.existing, created);
  plan.problems.push(...inContactSheet(contacts.problems.filter((p) => p.messageKey !== 'spreadsheet.error.no_rows')));
  plan.contacts = contacts;
  plan.further = { changes: contacts.counts.created + contacts.counts.updated, unknown: contacts.unknown };
  return plan;
}

export async function planActorImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping, file?: UploadedFile, contactMapping?: ColumnMapping): Promise<ActorImportPlan> {
  authorize(canImportActors(ctx.user, tenantId));
  return planBoth(ctx.db, tenantId, table, mapping, file, contactMapping);
}

/** All or nothing: planned again inside the transaction, then each row through the actor and contact commands (checked and audited). */
export async function applyActorImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping, file?: UploadedFile, contactMapping?: ColumnMapping) {
  authorize(canImportActors(ctx.user, tenantId));
  // In the task thread with a connection of its own, as the measure import (issue 8.4).
  return offThreadWithDb(ctx.db, import.meta.url, applyActorImportWith, [ctx.user, tenantId, table, mapping, file && { name: file.name, bytes: file.bytes }, contactMapping]);
}

/** applyActorImport's work, wherever it runs. */
export async function applyActorImportWith(db: Db, user: CurrentUser, tenantId: string, table: RawTable, mapping: ColumnMapping, file?: UploadedFile, contactMapping?: ColumnMapping) {
  const ctx: CommandContext = { db, user };
  authorize(canImportActors(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    await lockedTenant(tx, tenantId); // a second confirmation of the same file waits, then plans against this one's rows
    const plan = await planBoth(tx, tenantId, table, mapping, file, contactMapping);
    if (plan.problems.length) throw importRejected(plan.problems);
    const inner: CommandContext = { db: tx, user: ctx.user };
    const createdIds = new Map<string, string>();
    for (const r of plan.rows) {
      if (r.action === 'create') createdIds.set(fold(r.data.name), (await createActor(inner, tenantId, r.data)).id);
      else if (r.action === 'update') await updateActor(inner, tenantId, r.existing!.id, { ...r.data, version: r.existing!.version });
    }
    if (plan.contacts) await applyContacts(inner, tenantId, plan.contacts, createdIds);
    return { ...plan.counts, contacts: plan.contacts?.counts };
  });
}

/** The actors (first sheet) and, in the .xlsx only, the contact persons with a recorded consent (second sheet, read back by the import). */
export async function actorSheets(db: Db, tenantId: string): Promise<ExportSheet[]> {
  const s = await spec(db, tenantId);
  const actors: ExportSheet = { name: 'Akteure', columns: actorColumns, rows: s.existing.map((e) => actorColumns.map((c) => s.showExisting(e)[c.key])) };
  return [actors, await contactSheet(db, tenantId, s.existing)];
}

export const actorExportName = (tenant: { slug: string }) => `akteure-${tenant.slug}`;

/*
 * The contact persons alone, in a file of their own (a CSV holds one table; an .xlsx is read on
 * its sheet "Ansprechpersonen", else its first): each person names a stored actor.
 */
export async function planContactImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping): Promise<ContactPlan> {
  authorize(canImportActors(ctx.user, tenantId));
  return planContacts(ctx.db, tenantId, table, mapping, await listActors(ctx.db, tenantId), []);
}

/** All or nothing, as the actor import: planned again inside the transaction, each person through the contact commands. */
export async function applyContactImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  authorize(canImportActors(ctx.user, tenantId));
  // In the task thread with a connection of its own, as the measure import (issue 8.4).
  return offThreadWithDb(ctx.db, import.meta.url, applyContactImportWith, [ctx.user, tenantId, table, mapping]);
}

/** applyContactImport's work, wherever it runs. */
export async function applyContactImportWith(db: Db, user: CurrentUser, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  const ctx: CommandContext = { db, user };
  authorize(canImportActors(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    await lockedTenant(tx, tenantId); // a second confirmation of the same file waits, then plans against this one's rows
    const plan = await planContacts(tx, tenantId, table, mapping, await listActors(tx, tenantId), []);
    if (plan.problems.length) throw importRejected(plan.problems);
    await applyContacts({ db: tx, user: ctx.user }, tenantId, plan, new Map());
    return plan.counts;
  });
}

/** The contact persons with a recorded consent, the same sheet as in the actor table's .xlsx. */
export const contactSheets = async (db: Db, tenantId: string): Promise<ExportSheet[]> => [await contactSheet(db, tenantId, await listActors(db, tenantId))];
export const contactExportName = (tenant: { slug: string }) => `ansprechpersonen-${tenant.slug}`;
