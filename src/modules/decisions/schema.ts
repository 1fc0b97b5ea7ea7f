import { getTableColumns, sql } from 'drizzle-orm';
import { boolean, customType, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { measures } from '../measures/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';

/*
 * Council work of a Kommune: Gremien, their Sitzungen, Vorlagen (papers) with their
 * Beratungsfolge (consultations), files, and what a decision adopted (Beschlusskontrolle).
 * Shaped after OParl 1.1 (Organization, Meeting, Paper, Consultation, AgendaItem, File): every
 * object has a stable id, `createdAt`/`updatedAt` (OParl created/modified) and a soft-delete
 * marker `deletedAt`, so a deleted object can still be listed with `deleted: true`.
 */

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

const stamps = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /** Soft delete: the row stays so that OParl can list it as deleted. */
  deletedAt: timestamp({ withTimezone: true }),
});

/** Fachausschuss; Kreisausschuss/Verwaltungsausschuss; Kreistag/Rat (OParl classification: Ausschuss, Hauptausschuss, Parlament). */
export const bodyKinds = ['fachausschuss', 'hauptausschuss', 'vertretung'] as const;
export type BodyKind = (typeof bodyKinds)[number];

/** A Gremium of the Kommune (OParl Organization, organizationType "Gremium"). */
export const councilBodies = pgTable(
  'council_bodies',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    shortName: text().notNull().default(''),
    kind: text().$type<BodyKind>().notNull(),
    position: integer().notNull().default(0),
    ...stamps(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('council_bodies_name_unique').on(t.tenantId, sql`lower(${t.name})`).where(sql`deleted_at is null`),
    index().on(t.tenantId, t.updatedAt),
  ],
);

/** A Sitzung of a Gremium on a day (OParl Meeting); one per Gremium and day. */
export const councilMeetings = pgTable(
  'council_meetings',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    bodyId: uuid().notNull(),
    name: text().notNull().default(''),
    meetsOn: date({ mode: 'string' }).notNull(),
    location: text().notNull().default(''),
    cancelled: boolean().notNull().default(false),
    ...stamps(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.bodyId], foreignColumns: [councilBodies.tenantId, councilBodies.id] }),
    uniqueIndex('council_meetings_body_day').on(t.tenantId, t.bodyId, t.meetsOn).where(sql`deleted_at is null`),
    index().on(t.tenantId, t.updatedAt),
  ],
);

export const paperKinds = ['beschlussvorlage', 'informationsvorlage', 'mitteilungsvorlage'] as const;
export type PaperKind = (typeof paperKinds)[number];
export const climateImpacts = ['positiv', 'negativ', 'keine', 'nicht_einschaetzbar'] as const;
export type ClimateImpact = (typeof climateImpacts)[number];
/** In Vorbereitung (versions, editable) → final (text and figures frozen, goes to the council). */
export const paperStates = ['entwurf', 'final'] as const;
export type PaperState = (typeof paperStates)[number];

/** A figure inserted into the Sachverhalt, as frozen when the paper became final. */
export interface FrozenFigure {
  value: string;
  source: string;
  /** YYYY-MM-DD the figure stands for, where known. */
  asOf: string | null;
}

/** A Vorlage (OParl Paper). The number is unique per Kommune, deleted papers keep theirs. */
export const papers = pgTable(
  'papers',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    number: text().notNull(),
    kind: text().$type<PaperKind>().notNull().default('beschlussvorlage'),
    subject: text().notNull(),
    paperDate: date({ mode: 'string' }).notNull(),
    /** Federführung (e.g. "FD Büro des Landrates"). */
    leadOffice: text().notNull().default(''),
    /** The office's short code in numbers ({Amt}: "FD91"). */
    officeCode: text().notNull().default(''),
    clerk: text().notNull().default(''),
    fileReference: text().notNull().default(''),
    isPublic: boolean().notNull().default(true),
    proposal: text().notNull().default(''),
    /** Sachverhalt: paragraphs with figure tokens ({{figure-key}}), see figures.ts. */
    facts: text().notNull().default(''),
    hasFinancialEffects: boolean().notNull().default(false),
    financialText: text().notNull().default(''),
    financialAmount: numeric({ precision: 14, scale: 2 }),
    climateImpact: text().$type<ClimateImpact>(),
    climateText: text().notNull().default(''),
    signature: text().notNull().default(''),
    /**
     * The concept edition the paper puts to the council (its Anlage). No foreign key: a draft
     * edition may be deleted while its paper is in preparation; the paper keeps its text.
     */
    editionId: uuid(),
    state: text().$type<PaperState>().notNull().default('entwurf'),
    finalizedAt: timestamp({ withTimezone: true }),
    /** Figures of the Sachverhalt as they were when the paper became final (key → value, source, date). */
    figures: jsonb().$type<Record<string, FrozenFigure>>(),
    ...stamps(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('papers_number_unique').on(t.tenantId, t.number),
    index().on(t.tenantId, t.editionId),
    index().on(t.tenantId, t.updatedAt),
  ],
);

/** Each saved state of a paper while it is in preparation (versions until final). */
export const paperVersions = pgTable(
  'paper_versions',
  {
    tenantId: tenantId(),
    paperId: uuid().notNull(),
    version: integer().notNull(),
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    savedByName: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.paperId, t.version] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [papers.tenantId, papers.id] }).onDelete('cascade'),
  ],
);

export const consultationRoles = ['vorberatung', 'entscheidung', 'kenntnisnahme', 'anhoerung'] as const;
export type ConsultationRole = (typeof consultationRoles)[number];
export const consultationResults = ['beschlossen', 'geaendert_beschlossen', 'abgelehnt', 'vertagt', 'zur_kenntnis_genommen', 'zurueckgezogen'] as const;
export type ConsultationResult = (typeof consultationResults)[number];

/**
 * One step of the Beratungsfolge (OParl Consultation; with its TOP number also the AgendaItem
 * of the meeting): which Gremium, in which Sitzung, in which role, with which result and votes.
 */
export const consultations = pgTable(
  'consultations',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    paperId: uuid().notNull(),
    position: integer().notNull(),
    bodyId: uuid().notNull(),
    meetingId: uuid().notNull(),
    role: text().$type<ConsultationRole>().notNull(),
    /** Tagesordnungspunkt ("5.1"), where known. */
    agendaNumber: text().notNull().default(''),
    result: text().$type<ConsultationResult>(),
    unanimous: boolean().notNull().default(false),
    votesYes: integer(),
    votesNo: integer(),
    votesAbstain: integer(),
    /** Beschlusstext, when it differs from the Beschlussvorschlag or records what the council asked for. */
    decisionText: text().notNull().default(''),
    ...stamps(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [papers.tenantId, papers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.bodyId], foreignColumns: [councilBodies.tenantId, councilBodies.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [councilMeetings.tenantId, councilMeetings.id] }),
    index().on(t.tenantId, t.paperId, t.position),
    index().on(t.tenantId, t.meetingId),
    index().on(t.tenantId, t.updatedAt),
  ],
);

export const paperFileRoles = ['main', 'auxiliary'] as const;
export type PaperFileRole = (typeof paperFileRoles)[number];

/** A file of a paper (OParl File): the paper itself as document (main) or an Anlage (auxiliary). */
export const paperFiles = pgTable(
  'paper_files',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    paperId: uuid().notNull(),
    role: text().$type<PaperFileRole>().notNull().default('auxiliary'),
    name: text().notNull(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    size: integer().notNull(),
    content: bytea().notNull(),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [papers.tenantId, papers.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.paperId),
  ],
);

/** Every column of a paper file but its bytes: what the paper page, the documents and OParl read. */
export const paperFileMeta = (({ content: _content, ...meta }) => meta)(getTableColumns(paperFiles));
export type PaperFileMeta = Omit<typeof paperFiles.$inferSelect, 'content'>;

/** Beschlusskontrolle: the measures a decision adopted (recorded when the deciding consultation adopts the edition). */
export const paperMeasures = pgTable(
  'paper_measures',
  {
    tenantId: tenantId(),
    paperId: uuid().notNull(),
    measureId: uuid().notNull(),
    consultationId: uuid().notNull(),
    adoptedOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.paperId, t.measureId] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [papers.tenantId, papers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.measureId], foreignColumns: [measures.tenantId, measures.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.measureId),
  ],
);

/** What the council asked for in a decision ("Fortschreibung alle zwei Jahre"), due on a date: the attention list shows it. */
export const decisionFollowUps = pgTable(
  'decision_follow_ups',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    paperId: uuid().notNull(),
    consultationId: uuid(),
    text: text().notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    doneOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.paperId], foreignColumns: [papers.tenantId, papers.id] }).onDelete('cascade'),
    index().on(t.tenantId, t.dueOn),
  ],
);

/** A Kommune's settings for papers: the number format and the reference figures of the Sachverhalt. */
export const paperSettings = pgTable('paper_settings', {
  tenantId: uuid()
    .primaryKey()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  /** Placeholders {Jahr}, {Amt}, {lfd}; {lfd} counts per everything else ("2024/FD91/" → 457). */
  numberFormat: text().notNull().default('{Jahr}/{Amt}/{lfd}'),
  officeCode: text().notNull().default(''),
  leadOffice: text().notNull().default(''),
  inhabitants: integer(),
  inhabitantsAsOf: date({ mode: 'string' }),
  inhabitantsSource: text().notNull().default(''),
  foreignNationals: integer(),
  foreignNationalsAsOf: date({ mode: 'string' }),
  foreignNationalsSource: text().notNull().default(''),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  version: integer().notNull().default(1),
});

/** The last running number ({lfd}) handed out per Kommune and number prefix; incremented atomically. */
export const paperNumberCounters = pgTable(
  'paper_number_counters',
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    scope: text().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.scope] })],
);
