import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { CommandContext } from '../../platform/commands.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n/i18n.js';
import { spokenLanguageCodes, spokenLanguageName } from '../../platform/i18n/spoken-languages.js';
import { choiceReader, fold, parseDate, splitList } from '../../platform/spreadsheet/cells.js';
import { headingMatcher, type ColumnMapping } from '../../platform/spreadsheet/headings.js';
import type { RawTable } from '../../platform/spreadsheet/parse.js';
import { cellProblemsOf, planRecords, type CellProblem, type RecordColumn, type RecordImportSpec, type RecordPlan } from '../../platform/spreadsheet/records.js';
import type { ExportSheet } from '../../platform/spreadsheet/write.js';
import { createContact, parseContactInput, updateContact, type Contact, type ContactInput } from './contacts.js';
import { actorContacts, consentScopes, contactGenders, type ConsentScope, type ContactGender } from './schema.js';

/**
 * The contact persons' table: the sheet "Ansprechpersonen" of the actor table's .xlsx, or a file of
 * its own (.csv or .xlsx, transfer.ts). One row per person, linked to her actor by the actor's id or name. Matched to a stored person by her id, else by name within her
 * actor. The export writes only people with a recorded consent, always with its scope, date and
 * source; the import checks consent as the form does (a consent needs date and source).
 */
type Key = 'id' | 'actorId' | 'actor' | 'name' | 'role' | 'responsibility' | 'email' | 'phone' | 'languages' | 'gender' | 'consentScope' | 'consentDate' | 'consentSource';
const col = (key: Key, heading: string, width: number, aliases: string[] = [], more: Partial<RecordColumn<Key>> = {}): RecordColumn<Key> => ({ key, heading, aliases, width, ...more });

export const contactColumns: RecordColumn<Key>[] = [
  col('id', 'ID', 38, ['Personen-ID']),
  col('actorId', 'Akteur-ID', 38),
  col('actor', 'Akteur', 36, ['Einrichtung', 'Organisation', 'Träger']),
  col('name', 'Name', 28, ['Ansprechperson', 'Kontaktperson']),
  col('role', 'Funktion', 24, ['Rolle', 'Position']),
  col('responsibility', 'Zuständigkeit', 30, ['Aufgabenbereich', 'Zuständig für'], { wrap: true }),
  col('email', 'E-Mail', 30, ['Mail', 'E-Mail-Adresse', 'Email', 'Mailadresse']),
  col('phone', 'Telefon', 18, ['Tel.', 'Telefonnummer', 'Rufnummer', 'Mobilnummer']),
  col('languages', 'Sprachen', 24, ['Sprache']),
  col('gender', 'Geschlecht', 12),
  col('consentScope', 'Einwilligung', 22, ['Einwilligung: Umfang']),
  col('consentDate', 'Einwilligung vom', 14, ['Einwilligungsdatum', 'Datum der Einwilligung'], { kind: 'date' }),
  col('consentSource', 'Einwilligung: Quelle', 28, ['Quelle der Einwilligung']),
];
/** The sheet's name as the export writes it, and how the import finds it. */
export const contactSheetTitle = 'Ansprechpersonen';
export const contactSheetName = /ansprechperson/i;
export const matchContactHeading = headingMatcher(contactColumns);

const de = translator('de');
const genderLabel = (g: ContactGender) => de(`contact_gender.${g}`);
const scopeLabel = (s: ConsentScope) => de(`consent_scope.${s}`);
const readGender = choiceReader(contactGenders, genderLabel);
const readScope = choiceReader(consentScopes, scopeLabel, { keine: 'keine', intern: 'intern', oeffentlich: 'veroeffentlichung' });
const languageByName = new Map(spokenLanguageCodes.map((code) => [fold(spokenLanguageName(code)), code]));
const readLanguage = (text: string) => (spokenLanguageCodes as readonly string[]).includes(text.toLowerCase()) ? text.toLowerCase() : languageByName.get(fold(text));

/** The service's field names → the sheet's columns. */
const columnOfField: Record<string, Key> = {
  name: 'name', role: 'role', responsibility: 'responsibility', email: 'email', phone: 'phone', languages: 'languages', gender: 'gender',
  consentScope: 'consentScope', consentDate: 'consentDate', consentSource: 'consentSource',
};

export interface ContactRowData extends ContactInput {
  /** The stored actor, or the name of one the same import creates. */
  actor: { id: string | null; name: string };
}

interface KnownActor {
  id: string;
  name: string;
}

function spec(existing: Contact[], actors: readonly KnownActor[], newActorNames: string[]): RecordImportSpec<Key, ContactRowData, Contact> {
  const actorById = new Map(actors.map((a) => [a.id.toLowerCase(), a]));
  const actorByName = new Map(actors.map((a) => [fold(a.name), a]));
  const created = new Map(newActorNames.map((n) => [fold(n), n]));
  const nameOfActor = new Map(actors.map((a) => [a.id, a.name]));
  const actorOf = (cells: Partial<Record<Key, { text: string }>>): ContactRowData['actor'] | undefined => {
    const id = cells.actorId?.text ?? '';
    if (id) return actorById.get(id.toLowerCase());
    const name = cells.actor?.text ?? '';
    const known = actorByName.get(fold(name));
    if (known) return known;
    return created.has(fold(name)) ? { id: null, name: created.get(fold(name))! } : undefined;
  };
  const actorKey = (a: ContactRowData['actor']) => a.id ?? `neu:${fold(a.name)}`;
  const show = (d: Omit<ContactRowData, 'actor'>, id: string, actor: ContactRowData['actor']): Record<Key, string> => ({
    id,
    actorId: actor.id ?? '',
    actor: actor.name,
    name: d.name,
    role: d.role,
    responsibility: d.responsibility,
    email: d.email,
    phone: d.phone,
    languages: d.languages.join('; '),
    gender: d.gender ? genderLabel(d.gender) : '',
    consentScope: scopeLabel(d.consentScope),
    consentDate: d.consentDate ?? '',
    consentSource: d.consentSource,
  });
  return {
    columns: contactColumns,
    required: ['name'],
    idColumn: 'id',
    nameColumn: 'name',
    existing,
    idOf: (e) => e.id,
    nameOf: (e) => e.name,
    labelOf: (d) => `${d.name} (${d.actor.name})`,
    nameKey: {
      ofCells: (cells) => {
        const a = actorOf(cells);
        return a ? `${actorKey(a)}|${fold(cells.name?.text ?? '')}` : `?|${fold(cells.name?.text ?? '')}`;
      },
      ofExisting: (e) => `${e.actorId}|${fold(e.name)}`,
    },
    read(cells, before) {
      const problems: CellProblem<Key>[] = [];
      const actor = before ? { id: before.actorId, name: nameOfActor.get(before.actorId) ?? '' } : actorOf(cells);
      if (!actor) {
        const value = cells.actorId?.text || cells.actor?.text || '';
        problems.push({ key: cells.actorId?.text ? 'actorId' : 'actor', messageKey: value ? 'contacts.import.unknown_actor' : 'contacts.import.actor_missing', params: { value: value.slice(0, 80) } });
      } else if (before && (cells.actorId?.text || cells.actor?.text) && actorOf(cells)?.id !== before.actorId) {
        problems.push({ key: cells.actorId?.text ? 'actorId' : 'actor', messageKey: 'contacts.import.other_actor' });
      }
      const text = (k: Key, stored: string | null | undefined) => (cells[k] ? cells[k]!.text : stored ?? '');
      let languages: string[] = before?.languages ?? [];
      if (cells.languages) {
        const parts = splitList(cells.languages.text.replace(/,/g, ';'));
        const unknown = parts.filter((p) => !readLanguage(p));
        if (unknown.length) problems.push({ key: 'languages', messageKey: 'contacts.import.unknown_language', params: { value: unknown.join(', ').slice(0, 80) } });
        languages = parts.flatMap((p) => readLanguage(p) ?? []);
      }
      let gender: string | null = before?.gender ?? null;
      if (cells.gender) {
        gender = cells.gender.text ? readGender(cells.gender.text) ?? null : null;
        if (cells.gender.text && !gender) problems.push({ key: 'gender', messageKey: 'spreadsheet.error.choice', params: { value: cells.gender.text.slice(0, 60), allowed: contactGenders.map(genderLabel).join(', ') } });
      }
      let consentScope: string = before?.consentScope ?? 'keine';
      if (cells.consentScope) {
        const s = cells.consentScope.text ? readScope(cells.consentScope.text) : 'keine';
        if (s) consentScope = s;
        else problems.push({ key: 'consentScope', messageKey: 'spreadsheet.error.choice', params: { value: cells.consentScope.text.slice(0, 60), allowed: consentScopes.map(scopeLabel).join(', ') } });
      }
      let consentDate: string | null = before?.consentDate ?? null;
      if (cells.consentDate) {
        const d = parseDate(cells.consentDate.text);
        if (d === undefined) problems.push({ key: 'consentDate', messageKey: 'spreadsheet.error.date', params: { value: cells.consentDate.text.slice(0, 40) } });
        else consentDate = d;
      }
      try {
        const data = parseContactInput({
          name: text('name', before?.name), role: text('role', before?.role), responsibility: text('responsibility', before?.responsibility), email: text('email', before?.email),
          phone: text('phone', before?.phone), languages, gender, consentScope, consentDate, consentSource: text('consentSource', before?.consentSource),
        });
        return problems.length ? { problems } : { data: { ...data, actor: actor! } };
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'validation_failed') throw e;
        return { problems: [...problems, ...cellProblemsOf(e.fieldErrors, columnOfField, 'name')] };
      }
    },
    showExisting: (e) => show(e as unknown as ContactInput, e.id, { id: e.actorId, name: nameOfActor.get(e.actorId) ?? '' }),
    showData: (d) => show(d, '', d.actor),
  };
}

const storedContacts = (db: Db, tenantId: string) => db.select().from(actorContacts).where(eq(actorContacts.tenantId, tenantId)).orderBy(asc(actorContacts.name));

export type ContactPlan = RecordPlan<Key, ContactRowData, Contact>;

/** What the contact sheet would change, given the stored actors and the names of those the actor sheet creates. */
export async function planContacts(db: Db, tenantId: string, table: RawTable, mapping: ColumnMapping, actors: readonly KnownActor[], newActorNames: string[]): Promise<ContactPlan> {
  return planRecords(spec(await storedContacts(db, tenantId), actors, newActorNames), table, mapping);
}

/** Writes the planned rows through the contact commands (checked and audited), inside the import's transaction. */
export async function applyContacts(ctx: CommandContext, tenantId: string, plan: ContactPlan, actorIdByName: Map<string, string>): Promise<void> {
  for (const r of plan.rows) {
    const { actor, ...data } = r.data;
    const actorId = actor.id ?? actorIdByName.get(fold(actor.name));
    if (!actorId) throw new AppError('conflict');
    if (r.action === 'create') await createContact(ctx, tenantId, actorId, data);
    else if (r.action === 'update') await updateContact(ctx, tenantId, r.existing!.actorId, r.existing!.id, { ...data, version: r.existing!.version });
  }
}

/** The contact persons with a recorded consent, as the import reads them (never a person without consent). */
export async function contactSheet(db: Db, tenantId: string, actors: readonly KnownActor[]): Promise<ExportSheet> {
  const actorName = new Map(actors.map((a) => [a.id, a.name]));
  const people = await db.select().from(actorContacts).where(and(eq(actorContacts.tenantId, tenantId), ne(actorContacts.consentScope, 'keine')));
  const s = spec([], actors, []);
  return {
    name: contactSheetTitle,
    columns: contactColumns,
    rows: people
      .sort((a, b) => (actorName.get(a.actorId) ?? '').localeCompare(actorName.get(b.actorId) ?? '', 'de') || a.name.localeCompare(b.name, 'de'))
      .map((p) => {
        const shown = s.showExisting(p);
        return contactColumns.map((c) => (c.key === 'consentDate' ? (p.consentDate ? { date: p.consentDate } : null) : shown[c.key]));
      }),
  };
}
