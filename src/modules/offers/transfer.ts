import type { Db } from '../../db/client.js';
import { authorize, type CommandContext } from '../../platform/commands.js';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { offThreadWithDb } from '../../platform/threads/with-database.js';
import { lockedTenant } from '../../platform/tenancy/service.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { germanDate } from '../../platform/i18n/german.js';
import { translator } from '../../platform/i18n/i18n.js';
import { choiceReader, fold, parseDate, readYesNo, splitList, yesNoText } from '../../platform/spreadsheet/cells.js';
import { headingMatcher, type ColumnMapping } from '../../platform/spreadsheet/headings.js';
import type { RawTable } from '../../platform/spreadsheet/parse.js';
import { importRejected } from '../../platform/spreadsheet/problems.js';
import { planRecords, type Cell, type CellProblem, type RecordColumn, type RecordImportSpec } from '../../platform/spreadsheet/records.js';
import type { ExportCell, ExportSheet } from '../../platform/spreadsheet/write.js';
import { parseOfferInput, type OfferInput } from './input.js';
import { canManageOffers } from './policy.js';
import { readScheduleCell, scheduleCell } from './schedule-cell.js';
import { barrierFreeValues, offerCategories, offerStatuses, type OfferCategory } from './schema.js';
import { createOffer, offerChoices, offersWithLinks, updateOffer, type OfferWithLinks } from './service.js';

/**
 * The offer table (.xlsx/.csv): every field of an offer, links by name (Träger, Zielgruppen,
 * Themenfelder) or number (Maßnahmen), times in one cell (schedule-cell.ts), yes/no as "ja"/"nein".
 */
type Key =
  | 'id' | 'title' | 'description' | 'category' | 'providers' | 'municipality' | 'street' | 'postalCode' | 'city' | 'latitude' | 'longitude'
  | 'schedule' | 'temporarilyClosed' | 'reopensOn' | 'languages' | 'targetGroups' | 'fields' | 'measures' | 'femaleContact' | 'maleContact'
  | 'childcare' | 'barrierFree' | 'free' | 'costNote' | 'registrationRequired' | 'website' | 'status' | 'verifiedOn' | 'published' | 'internalNote';

const col = (key: Key, heading: string, width: number, aliases: string[] = [], extra: Partial<RecordColumn<Key>> = {}): RecordColumn<Key> => ({ key, heading, aliases, width, ...extra });
export const offerColumns: RecordColumn<Key>[] = [
  col('id', 'ID', 38, ['Angebots-ID', 'Kennung']),
  col('title', 'Titel', 40, ['Angebot', 'Name', 'Bezeichnung'], { wrap: true }),
  col('description', 'Beschreibung', 60, ['Kurzbeschreibung', 'Inhalt'], { wrap: true }),
  col('category', 'Kategorie', 18, ['Art', 'Angebotsart', 'Bereich']),
  col('providers', 'Träger', 34, ['Anbieter', 'Akteur', 'Akteure', 'Veranstalter'], { wrap: true }),
  col('municipality', 'Gemeinde', 20, ['Kommune', 'Stadt']),
  col('street', 'Straße', 28, ['Strasse', 'Adresse', 'Straße und Hausnummer']),
  col('postalCode', 'PLZ', 8, ['Postleitzahl']),
  col('city', 'Ort', 18, ['Stadt/Ort']),
  col('latitude', 'Breitengrad', 12, ['Breite', 'Lat', 'Latitude']),
  col('longitude', 'Längengrad', 12, ['Länge', 'Lon', 'Lng', 'Longitude']),
  col('schedule', 'Zeiten', 48, ['Termine', 'Öffnungszeiten', 'Wann'], { wrap: true }),
  col('temporarilyClosed', 'vorübergehend geschlossen', 12, ['geschlossen']),
  col('reopensOn', 'wieder offen ab', 14, ['geöffnet ab'], { kind: 'date' }),
  col('languages', 'Sprachen', 16, ['Sprache', 'gesprochene Sprachen']),
  col('targetGroups', 'Zielgruppen', 28, ['Zielgruppe'], { wrap: true }),
  col('fields', 'Themenfelder', 28, ['Themenfeld', 'Handlungsfeld', 'Handlungsfelder'], { wrap: true }),
  col('measures', 'Maßnahmen', 16, ['Maßnahme', 'Maßnahmen-Nr.']),
  col('femaleContact', 'Ansprechpartnerin', 12, ['weibliche Ansprechperson', 'Frau als Ansprechperson']),
  col('maleContact', 'Ansprechpartner', 12, ['männliche Ansprechperson']),
  col('childcare', 'Kinderbetreuung', 12),
  col('barrierFree', 'barrierefrei', 12, ['Barrierefreiheit']),
  col('free', 'kostenlos', 10, ['kostenfrei']),
  col('costNote', 'Kosten', 24, ['Kostenhinweis', 'Gebühr']),
  col('registrationRequired', 'Anmeldung nötig', 12, ['Anmeldung', 'Anmeldung erforderlich']),
  col('website', 'Webseite', 30, ['Website', 'Internet', 'URL']),
  col('status', 'Status', 10),
  col('verifiedOn', 'geprüft am', 14, ['zuletzt geprüft', 'Prüfdatum'], { kind: 'date' }),
  col('published', 'veröffentlicht', 12, ['öffentlich']),
  col('internalNote', 'interne Notiz', 30, ['Notiz', 'Bemerkung intern'], { wrap: true }),
];
export const offerRequired: Key[] = ['title'];
export const matchOfferHeading = headingMatcher(offerColumns);

const de = translator('de');
const categoryLabel = (k: OfferCategory) => de(`offers.category.${k}`);
const readCategory = choiceReader(offerCategories, categoryLabel);
const readStatus = choiceReader(offerStatuses, (k) => k);
const readBarrierFree = choiceReader(barrierFreeValues, (k) => k, { 'teilweise': 'unbekannt' });

/** The service's field names → the table's columns (for the input check's errors). */
const columnOfField: Record<string, Key> = {
  title: 'title', description: 'description', category: 'category', providerIds: 'providers', fieldIds: 'fields', municipalityId: 'municipality',
  street: 'street', postalCode: 'postalCode', city: 'city', latitude: 'latitude', longitude: 'longitude', schedule: 'schedule', scheduleKind: 'schedule',
  temporarilyClosed: 'temporarilyClosed', reopensOn: 'reopensOn', languages: 'languages', targetGroupIds: 'targetGroups', femaleContact: 'femaleContact',
  maleContact: 'maleContact', childcare: 'childcare', barrierFree: 'barrierFree', free: 'free', costNote: 'costNote', registrationRequired: 'registrationRequired',
  website: 'website', status: 'status', verifiedOn: 'verifiedOn', published: 'published', measureIds: 'measures', internalNote: 'internalNote',
};

const number = (n: number | null) => (n == null ? '' : String(n).replace('.', ','));
const listed = (xs: string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'de')).join('; ');

async function spec(db: Db, tenantId: string): Promise<RecordImportSpec<Key, OfferInput, OfferWithLinks>> {
  const existing = await offersWithLinks(db, tenantId);
  const choices = await offerChoices(db, tenantId);
  const index = <T>(items: T[], key: (x: T) => string) => new Map(items.map((x) => [fold(key(x)), x]));
  const actorByName = index(choices.actors, (a) => a.name);
  const placeByName = index(choices.municipalities, (m) => m.name);
  const groupByName = index(choices.targetGroups, (g) => g.name);
  const fieldByTitle = index(choices.fields, (f) => f.title);
  const measureByNumber = new Map(choices.measures.map((m) => [m.number.trim(), m]));
  const name = new Map<string, string>([...choices.actors.map((a) => [a.id, a.name] as const), ...choices.targetGroups.map((g) => [g.id, g.name] as const), ...choices.fields.map((f) => [f.id, f.title] as const), ...choices.municipalities.map((m) => [m.id, m.name] as const)]);
  const numberOf = new Map(choices.measures.map((m) => [m.id, m.number]));
  const names = (ids: string[]) => listed(ids.map((id) => name.get(id) ?? ''));

  const show = (o: OfferInput, id: string): Record<Key, string> => ({
    id, title: o.title, description: o.description.replace(/\r\n/g, '\n').trim(), category: categoryLabel(o.category), providers: names(o.providerIds),
    municipality: o.municipalityId ? name.get(o.municipalityId) ?? '' : '', street: o.street, postalCode: o.postalCode, city: o.city,
    latitude: number(o.latitude), longitude: number(o.longitude), schedule: scheduleCell(o.schedule), temporarilyClosed: yesNoText(o.temporarilyClosed),
    reopensOn: o.temporarilyClosed ? germanDate(o.reopensOn) : '', languages: [...o.languages].sort().join('; '), targetGroups: names(o.targetGroupIds), fields: names(o.fieldIds),
    measures: o.measureIds.map((id) => numberOf.get(id) ?? '').sort().join('; '), femaleContact: yesNoText(o.femaleContact), maleContact: yesNoText(o.maleContact),
    childcare: yesNoText(o.childcare), barrierFree: o.barrierFree, free: yesNoText(o.free), costNote: o.costNote, registrationRequired: yesNoText(o.registrationRequired),
    website: o.website, status: o.status, verifiedOn: germanDate(o.verifiedOn), published: yesNoText(o.published), internalNote: o.internalNote.replace(/\r\n/g, '\n').trim(),
  });

  const read = (cells: Partial<Record<Key, Cell>>, before: OfferWithLinks | undefined) => {
    const problems: CellProblem<Key>[] = [];
    const base: OfferInput = before ?? {
      title: '', description: '', category: 'sonstige', providerIds: [], fieldIds: [], municipalityId: null, street: '', postalCode: '', city: '', latitude: null, longitude: null,
      schedule: { kind: 'nach_vereinbarung' }, temporarilyClosed: false, reopensOn: null, languages: [], targetGroupIds: [], femaleContact: false, maleContact: false, childcare: false,
      barrierFree: 'unbekannt', free: true, costNote: '', registrationRequired: false, website: '', status: 'aktiv', verifiedOn: null, published: false, measureIds: [], internalNote: '',
    };
    const input: Record<string, unknown> = { ...base };
    const text = (k: Key) => cells[k]?.text;
    for (const k of ['title', 'description', 'street', 'city', 'costNote', 'website', 'internalNote'] as const) if (text(k) !== undefined) input[k] = text(k);
    if (text('postalCode') !== undefined) input.postalCode = text('postalCode');
    const choose = <V extends string>(k: Key, reader: (s: string) => V | undefined, field: string, allowed: string, blank?: V) => {
      const v = text(k);
      if (v === undefined) return;
      const found = v === '' ? blank : reader(v);
      if (found) input[field] = found;
      else problems.push({ key: k, messageKey: 'spreadsheet.error.choice', params: { value: v.slice(0, 60), allowed } });
    };
    choose('category', readCategory, 'category', offerCategories.map(categoryLabel).join(', '), 'sonstige');
    choose('status', readStatus, 'status', offerStatuses.join(', '), 'aktiv');
    choose('barrierFree', readBarrierFree, 'barrierFree', barrierFreeValues.join(', '), 'unbekannt');
    for (const k of ['temporarilyClosed', 'femaleContact', 'maleContact', 'childcare', 'free', 'registrationRequired', 'published'] as const) {
      const v = text(k);
      if (v === undefined) continue;
      const yes = readYesNo(v);
      if (yes === undefined) problems.push({ key: k, messageKey: 'spreadsheet.error.yes_no', params: { value: v.slice(0, 40) } });
      else input[k] = yes;
    }
    for (const k of ['reopensOn', 'verifiedOn'] as const) {
      const v = text(k);
      if (v === undefined) continue;
      const d = parseDate(v);
      if (d === undefined) problems.push({ key: k, messageKey: 'spreadsheet.error.date', params: { value: v.slice(0, 40) } });
      else input[k] = d;
    }
    for (const k of ['latitude', 'longitude'] as const) {
      const v = text(k);
      if (v === undefined) continue;
      input[k] = v === '' ? null : cells[k]!.typed ? Number(v) : v;
    }
    const byNames = <T extends { id: string }>(k: Key, field: string, lookup: (s: string) => T | undefined) => {
      const v = text(k);
      if (v === undefined) return;
      const items = splitList(v);
      const unknown = items.filter((s) => !lookup(s));
      if (unknown.length) problems.push({ key: k, messageKey: 'spreadsheet.error.unknown_names', params: { names: unknown.map((u) => `„${u.slice(0, 80)}“`).join(', ') } });
      else input[field] = items.map((s) => lookup(s)!.id);
    };
    byNames('providers', 'providerIds', (s) => actorByName.get(fold(s)));
    byNames('targetGroups', 'targetGroupIds', (s) => groupByName.get(fold(s)));
    byNames('fields', 'fieldIds', (s) => fieldByTitle.get(fold(s)));
    byNames('measures', 'measureIds', (s) => measureByNumber.get(s));
    if (text('municipality') !== undefined) {
      const v = text('municipality')!;
      const place = v ? placeByName.get(fold(v)) : undefined;
      if (v && !place) problems.push({ key: 'municipality', messageKey: 'spreadsheet.error.unknown_municipality', params: { value: v.slice(0, 80) } });
      input.municipalityId = place?.id ?? null;
    }
    if (text('languages') !== undefined) input.languages = splitList(text('languages')!.replace(/,/g, ';'));
    if (text('schedule') !== undefined) {
      const s = readScheduleCell(text('schedule')!);
      if ('problem' in s) problems.push({ key: 'schedule', messageKey: s.problem });
      else input.schedule = s.schedule;
    }
    // The offer's own checks too, for the cells not already found wrong: every problem of the row at once.
    try {
      const data = parseOfferInput(input);
      return problems.length ? { problems } : { data };
    } catch (e) {
      if (!(e instanceof AppError) || !e.options.fieldErrors) throw e;
      const flagged = new Set(problems.map((p) => p.key));
      for (const f of e.options.fieldErrors as FieldError[]) {
        const key = columnOfField[f.field.split('.')[0]!] ?? 'title';
        if (!flagged.has(key)) problems.push({ key, messageKey: f.messageKey, params: f.params });
      }
      return { problems };
    }
  };

  return { columns: offerColumns, required: offerRequired, idColumn: 'id', nameColumn: 'title', existing, idOf: (o) => o.id, nameOf: (o) => o.title, read, showExisting: (o) => show(o, o.id), showData: (d) => show(d, '') };
}

export async function planOfferImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  authorize(canManageOffers(ctx.user, tenantId));
  return planRecords(await spec(ctx.db, tenantId), table, mapping);
}

/** All or nothing: planned again inside the transaction, then each row through the offer commands (checked and audited). */
export async function applyOfferImport(ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  authorize(canManageOffers(ctx.user, tenantId));
  // In the task thread with a connection of its own, as the measure import (issue 8.4).
  return offThreadWithDb(ctx.db, import.meta.url, applyOfferImportWith, [ctx.user, tenantId, table, mapping]);
}

/** applyOfferImport's work, wherever it runs. */
export async function applyOfferImportWith(db: Db, user: CurrentUser, tenantId: string, table: RawTable, mapping: ColumnMapping) {
  const ctx: CommandContext = { db, user };
  authorize(canManageOffers(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    await lockedTenant(tx, tenantId); // a second confirmation of the same file waits, then plans against this one's rows
    const plan = planRecords(await spec(tx, tenantId), table, mapping);
    if (plan.problems.length) throw importRejected(plan.problems);
    const inner: CommandContext = { db: tx, user: ctx.user };
    for (const r of plan.rows) {
      if (r.action === 'create') await createOffer(inner, tenantId, r.data);
      else if (r.action === 'update') await updateOffer(inner, tenantId, r.existing!.id, { ...r.data, version: r.existing!.version });
    }
    return plan.counts;
  });
}

/** Every offer of the Kommune as one sheet (the internal note included: the file is for the Koordination). */
export async function offerSheets(db: Db, tenantId: string): Promise<ExportSheet[]> {
  const s = await spec(db, tenantId);
  const cell = (o: OfferWithLinks, c: RecordColumn<Key>): ExportCell => {
    if (c.kind === 'date') {
      const iso = c.key === 'reopensOn' ? (o.temporarilyClosed ? o.reopensOn : null) : o.verifiedOn;
      return iso ? { date: iso } : null;
    }
    return s.showExisting(o)[c.key];
  };
  return [{ name: 'Angebote', columns: offerColumns, rows: s.existing.map((o) => offerColumns.map((c) => cell(o, c))) }];
}

export const offerExportName = (tenant: { slug: string }) => `angebote-${tenant.slug}`;
