// Logical backup and restore, the same on PGlite and PostgreSQL (a backup of one restores into
// the other). The file is gzip'd JSON lines:
//   {"format":"ikon-backup","version":1,…,"migrations":{"count":6,"last":…}}   header
//   {"table":"tenants","columns":[…],"rows":22}                                 one per table,
//   {…row as canonical JSON…}                                                  followed by its rows
//   {"end":true,"tables":{"tenants":{"rows":22,"checksum":"…"},…}}             trailer
// A backup reads one consistent snapshot. A restore checks the whole file first, then in ONE
// transaction rebuilds the schema up to the backup's migration, loads the rows, compares count
// and checksum of every table with the trailer, and migrates to this version: it succeeds
// entirely or changes nothing.
import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DatabaseKind, type Db } from './client.js';
import { applyMigrations, codeMigrations, migrationLevel, type MigrationLevel } from './migrate.js';
import { appTables, ident, quoteIdent, rowsAfter, tableSummary, useStableOutput, type TableInfo, type TableSummary } from './tables.js';

/** A refusal or a broken file: `key` and `params` name the operator's message (catalog `backup.*`). */
export class BackupError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}

interface Header {
  format: 'ikon-backup';
  version: 1;
  createdAt: string;
  source: DatabaseKind;
  migrations: MigrationLevel;
}
interface Section {
  table: string;
  columns: string[];
  rows: number;
}
interface Trailer {
  end: true;
  tables: Record<string, TableSummary>;
}

const pageSize = 1000;
const insertBatch = 500;

/** Writes a backup of `database` to `file` (refuses to overwrite unless `force`). */
/** Refuses to write over an existing file unless `force`; asked before any database is opened. */
export function checkBackupTarget(file: string, opts: { force?: boolean } = {}): void {
  if (fs.existsSync(file) && !opts.force) throw new BackupError('backup.file_exists', { file });
}

export async function writeBackup(database: Database, file: string, opts: { force?: boolean } = {}): Promise<Record<string, TableSummary>> {
  checkBackupTarget(file, opts);
  // Written beside the target and renamed at the end: a failed backup never leaves a half file
  // under the name of a good one. 0600: the backup holds password hashes and sessions.
  const temporary = `${file}.${process.pid}.tmp`;
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(temporary, { mode: 0o600 }));
  written.catch(() => {}); // awaited below; a write error must not end the process meanwhile
  const writeLine = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  try {
    const trailer = await database.db.transaction(
      async (tx) => {
        await useStableOutput(tx);
        const header: Header = { format: 'ikon-backup', version: 1, createdAt: new Date().toISOString(), source: database.kind, migrations: await migrationLevel(tx) };
        await writeLine(JSON.stringify(header));
        const tables: Record<string, TableSummary> = {};
        for (const table of await appTables(tx)) {
          tables[table.name] = await tableSummary(tx, table);
          await writeLine(JSON.stringify({ table: table.name, columns: table.columns, rows: tables[table.name]!.rows } satisfies Section));
          let position = '(0,0)';
          for (;;) {
            const page = await queryRows<{ position: string; row: string }>(tx, rowsAfter(table, position, pageSize));
            for (const { row } of page) await writeLine(row);
            if (page.length < pageSize) break;
            position = page.at(-1)!.position;
          }
        }
        return { end: true, tables } satisfies Trailer;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writeLine(JSON.stringify(trailer));
    gzip.end();
    await written;
    const fd = fs.openSync(temporary, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temporary, file);
    return trailer.tables;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Lines of a gzip'd file, one at a time. */
async function* lines(file: string): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  // Decodes across chunk boundaries: a chunk may end inside a multi-byte character.
  gunzip.setEncoding('utf8');
  const reading = pipeline(fs.createReadStream(file), gunzip);
  reading.catch(() => {}); // the loop below sees the same error
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + (chunk as string)).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    await reading;
  } catch (error) {
    throw new BackupError('backup.unreadable', { file, detail: (error as Error).message });
  }
  if (rest) yield rest;
}

type Entry = { kind: 'section'; section: Section } | { kind: 'row'; section: Section; row: string };

/**
 * Reads a backup and checks its structure: header, every table's announced number of rows,
 * trailer. Yields sections and rows; returns header and trailer.
 */
async function* readBackup(file: string): AsyncGenerator<Entry, { header: Header; trailer: Trailer; sections: Section[] }> {
  const broken = (why: string, params: Record<string, string> = {}) => new BackupError(`backup.broken_${why}`, { file, ...params });
  let header: Header | undefined;
  let trailer: Trailer | undefined;
  let section: Section | undefined;
  let seen = 0;
  const sections: Section[] = [];
  for await (const line of lines(file)) {
    if (trailer) throw broken('after_end');
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw broken('json');
    }
    if (!header) {
      header = value as Header;
      if (header?.format !== 'ikon-backup') throw broken('header');
      if (header.version !== 1) throw new BackupError('backup.format_version', { version: String(header.version) });
    } else if (section && seen < section.rows) {
      seen++;
      yield { kind: 'row', section, row: line };
    } else if ((value as Trailer).end === true) {
      trailer = value as Trailer;
    } else {
      section = value as Section;
      if (typeof section.table !== 'string' || !Array.isArray(section.columns) || !Number.isInteger(section.rows)) throw broken('section');
      sections.push(section);
      seen = 0;
      yield { kind: 'section', section };
    }
  }
  if (!header || !trailer) throw broken('truncated');
  if (section && seen < section.rows) throw broken('missing_rows', { table: section.table });
  for (const s of sections) if (trailer.tables[s.table]?.rows !== s.rows) throw broken('count', { table: s.table });
  return { header, trailer, sections };
}

/** Reads the whole file through the structure checks, without touching any database. */
async function checkBackup(file: string) {
  const reader = readBackup(file);
  for (;;) {
    const next = await reader.next();
    if (next.done) return next.value;
  }
}

/** How many of the code's migrations the backup had applied; refuses a backup from another line of migrations. */
function backupLevel(level: MigrationLevel): number {
  if (level.count === 0) return 0;
  const migrations = codeMigrations();
  const index = migrations.findIndex((m) => m.folderMillis === level.last);
  if (index + 1 === level.count) return level.count;
  if (level.last !== null && level.last > migrations.at(-1)!.folderMillis) {
    throw new BackupError('backup.newer_version');
  }
  throw new BackupError('backup.other_migrations');
}

/** Tables of the target that hold rows: a restore would overwrite them. Locks them against writes first. */
async function tablesWithRows(tx: Db): Promise<string[]> {
  const tables = await appTables(tx);
  if (tables.length) await tx.execute(sql`lock table ${sql.raw(tables.map((t) => quoteIdent(t.name)).join(', '))} in exclusive mode`);
  const names: string[] = [];
  for (const table of tables) {
    const [row] = await queryRows<{ any: boolean }>(tx, sql`select exists (select 1 from ${ident(table.name)}) as any`);
    if (row!.any) names.push(table.name);
  }
  return names;
}

export type CheckedBackup = Awaited<ReturnType<typeof checkRestoreFile>>;

/**
 * Everything about `file` a restore can check without a database: that it exists, its structure,
 * counts and checksums, and that its migrations are this code's. The CLI asks before it opens the
 * database, so that a missing or damaged file leaves a fresh data directory uncreated.
 */
export async function checkRestoreFile(file: string) {
  if (!fs.existsSync(file)) throw new BackupError('backup.no_file', { file });
  const { header, trailer } = await checkBackup(file);
  return { file, trailer, level: backupLevel(header.migrations) };
}

/**
 * Restores `file` into `database`; a target with data is only overwritten with `force`. `checked`:
 * what checkRestoreFile said of this file already (it is not read through a second time).
 */
export async function restoreBackup(database: Database, file: string, opts: { force?: boolean; checked?: CheckedBackup } = {}): Promise<Record<string, TableSummary>> {
  const { trailer, level } = opts.checked?.file === file ? opts.checked : await checkRestoreFile(file);
  await database.db.transaction(async (tx) => {
    // Checked inside the transaction that replaces the data, with the tables locked against writes.
    const occupied = await tablesWithRows(tx);
    if (occupied.length > 0 && !opts.force) {
      throw new BackupError('backup.target_not_empty', { count: occupied.length, examples: occupied.slice(0, 3).join(', ') });
    }
    await dropSchema(tx);
    await applyMigrations(tx, 0, level);
    await useStableOutput(tx);
    const tables = new Map((await appTables(tx)).map((t) => [t.name, t]));
    await loadRows(tx, file, tables);
    for (const table of tables.values()) await moveSequencesPastRows(tx, table);
    await compareWithTrailer(tx, tables, trailer);
    await applyMigrations(tx, level, codeMigrations().length);
  });
  return trailer.tables;
}

async function loadRows(tx: Db, file: string, tables: Map<string, TableInfo>): Promise<void> {
  let batch: string[] = [];
  let current: { table: TableInfo; columns: string[] } | undefined;
  const flush = async () => {
    if (current && batch.length) await insertRows(tx, current.table, current.columns, batch);
    batch = [];
  };
  const reader = readBackup(file);
  for (let next = await reader.next(); !next.done; next = await reader.next()) {
    const entry = next.value;
    if (entry.kind === 'section') {
      await flush();
      const table = tables.get(entry.section.table);
      if (!table) throw new BackupError('backup.unknown_table', { table: entry.section.table });
      const unknown = entry.section.columns.filter((c) => !table.columns.includes(c));
      if (unknown.length) throw new BackupError('backup.unknown_columns', { table: table.name, columns: unknown.join(', ') });
      current = { table, columns: entry.section.columns };
      continue;
    }
    batch.push(entry.row);
    // Rows referencing rows of their own table go in one statement: foreign keys are checked at its end.
    if (batch.length >= insertBatch && !current!.table.selfReferencing) await flush();
  }
  await flush();
}

async function insertRows(tx: Db, table: TableInfo, columns: string[], rows: string[]): Promise<void> {
  const list = sql.raw(columns.map(quoteIdent).join(', '));
  // ON CONFLICT: triggers may already have written a row while earlier tables were loaded (the
  // search vocabulary); compareWithTrailer then proves the table equals the backup all the same.
  await tx.execute(
    sql`insert into ${ident(table.name)} (${list}) select ${list} from jsonb_populate_recordset(null::${ident(table.name)}, ${`[${rows.join(',')}]`}::jsonb) on conflict do nothing`,
  );
}

async function moveSequencesPastRows(tx: Db, table: TableInfo): Promise<void> {
  for (const column of table.serials) {
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${quoteIdent(table.name)}, ${column}), coalesce(max(${ident(column)}), 0) + 1, false) from ${ident(table.name)}`,
    );
  }
}

async function compareWithTrailer(tx: Db, tables: Map<string, TableInfo>, trailer: Trailer): Promise<void> {
  const missing = [...tables.keys()].filter((name) => !(name in trailer.tables));
  if (missing.length) throw new BackupError('backup.missing_tables', { tables: missing.join(', ') });
  for (const table of tables.values()) {
    const restored = await tableSummary(tx, table);
    const expected = trailer.tables[table.name]!;
    if (restored.rows !== expected.rows || restored.checksum !== expected.checksum) {
      throw new BackupError('backup.mismatch', { table: table.name, rows: restored.rows, expected: expected.rows });
    }
  }
}

/**
 * Drops what the migrations create (tables, views, sequences, functions, types of schema public
 * that belong to no extension, and drizzle's bookkeeping), so they can run again from the start.
 */
async function dropSchema(tx: Db): Promise<void> {
  const statements = await queryRows<{ statement: string }>(
    tx,
    sql`with own as (
          select objid from pg_depend where deptype = 'e'
        )
        select statement from (
          select 1 as step, format('drop view if exists public.%I cascade', relname) as statement from pg_class
            where relnamespace = 'public'::regnamespace and relkind in ('v', 'm') and oid not in (select objid from own)
          union all
          select 2, format('drop table if exists public.%I cascade', relname) from pg_class
            where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and oid not in (select objid from own)
          union all
          select 3, format('drop sequence if exists public.%I cascade', relname) from pg_class
            where relnamespace = 'public'::regnamespace and relkind = 'S' and oid not in (select objid from own)
          union all
          select 4, format('drop routine if exists %s cascade', oid::regprocedure) from pg_proc
            where pronamespace = 'public'::regnamespace and oid not in (select objid from own)
          union all
          select 5, format('drop type if exists public.%I cascade', typname) from pg_type
            where typnamespace = 'public'::regnamespace and typtype in ('e', 'd') and oid not in (select objid from own)
        ) s order by step`,
  );
  for (const { statement } of statements) await tx.execute(sql.raw(statement));
  await tx.execute(sql`drop table if exists drizzle.__drizzle_migrations`);
}
