import { asc, eq, and, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import { translator } from '../../platform/i18n/i18n.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { parseEachField } from '../../platform/validation.js';
import { choiceReader, fold } from '../../platform/spreadsheet/cells.js';
import { headingMatcher, type ColumnMapping } from '../../platform/spreadsheet/headings.js';
import type { RawTable } from '../../platform/spreadsheet/parse.js';
import { importRejected } from '../../platform/spreadsheet/problems.js';
import { cellProblemsOf, planRecords, type CellProblem, type RecordColumn, type RecordImportSpec } from '../../platform/spreadsheet/records.js';
import type { ExportSheet } from '../../platform/spreadsheet/write.js';
import { actorContacts, actorKinds, type ActorKind } from './schema.js';
import { actorInput, createActor, listActors, updateActor } from './service.js';

/**
 * The actor table (.xlsx/.csv): export and import. Contact persons are personal data: the export
 * lists only those with a recorded consent (internal use or publication), always with the consent's
 * scope, date and source beside the data, never a person without; the import does not touch them.
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

export async function planActorImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  authorize(canImportActors(ctx.user, tenantId));
  return planRecords(await spec(ctx.db, tenantId), table, mapping);
}

/** All or nothing: planned again inside the transaction, then each row through the actor commands (checked and audited). */
export async function applyActorImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  authorize(canImportActors(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const plan = planRecords(await spec(tx, tenantId), table, mapping);
    if (plan.problems.length) throw importRejected(plan.problems);
    const inner: CommandContext = { db: tx, user: ctx.user };
    for (const r of plan.rows) {
      if (r.action === 'create') await createActor(inner, tenantId, r.data);
      else if (r.action === 'update') await updateActor(inner, tenantId, r.existing!.id, { ...r.data, version: r.existing!.version });
    }
    return plan.counts;
  });
}

type ContactKey = 'actorId' | 'actor' | 'name' | 'role' | 'responsibility' | 'email' | 'phone' | 'languages' | 'gender' | 'consentScope' | 'consentDate' | 'consentSource';
const contactColumns: RecordColumn<ContactKey>[] = [
  { key: 'actorId', heading: 'Akteur-ID', aliases: [], width: 38 },
  { key: 'actor', heading: 'Akteur', aliases: [], width: 36 },
  { key: 'name', heading: 'Name', aliases: [], width: 28 },
  { key: 'role', heading: 'Funktion', aliases: [], width: 24 },
  { key: 'responsibility', heading: 'Zuständigkeit', aliases: [], width: 30, wrap: true },
  { key: 'email', heading: 'E-Mail', aliases: [], width: 30 },
  { key: 'phone', heading: 'Telefon', aliases: [], width: 18 },
  { key: 'languages', heading: 'Sprachen', aliases: [], width: 24 },
  { key: 'gender', heading: 'Geschlecht', aliases: [], width: 12 },
  { key: 'consentScope', heading: 'Einwilligung', aliases: [], width: 22 },
  { key: 'consentDate', heading: 'Einwilligung vom', aliases: [], width: 14, kind: 'date' },
  { key: 'consentSource', heading: 'Einwilligung: Quelle', aliases: [], width: 28 },
];

/** The actors (first sheet) and, in the .xlsx only, the contact persons with a recorded consent (second sheet). */
export async function actorSheets(db: Db, tenantId: string): Promise<ExportSheet[]> {
  const s = await spec(db, tenantId);
  const actors: ExportSheet = { name: 'Akteure', columns: actorColumns, rows: s.existing.map((e) => actorColumns.map((c) => s.showExisting(e)[c.key])) };
  const actorName = new Map(s.existing.map((e) => [e.id, e.name]));
  const people = await db
    .select()
    .from(actorContacts)
    .where(and(eq(actorContacts.tenantId, tenantId), ne(actorContacts.consentScope, 'keine')))
    .orderBy(asc(actorContacts.name));
  const contacts: ExportSheet = {
    name: 'Ansprechpersonen',
    columns: contactColumns,
    rows: people
      .sort((a, b) => (actorName.get(a.actorId) ?? '').localeCompare(actorName.get(b.actorId) ?? '', 'de') || a.name.localeCompare(b.name, 'de'))
      .map((p) => [
        p.actorId, actorName.get(p.actorId) ?? '', p.name, p.role, p.responsibility, p.email, p.phone,
        p.languages.join('; '), p.gender ? de(`contact_gender.${p.gender}`) : '',
        de(`consent_scope.${p.consentScope}`), p.consentDate ? { date: p.consentDate } : null, p.consentSource,
      ]),
  };
  return [actors, contacts];
}

export const actorExportName = (tenant: { slug: string }) => `akteure-${tenant.slug}`;
