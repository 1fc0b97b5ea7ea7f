// What backup and restore need to know about the application's tables, read from the catalog
// (so a new table is covered without changes here), and a content checksum per table that is
// the same on PGlite and PostgreSQL for the same content.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from './client.js';

export interface TableInfo {
  name: string;
  /** Columns written on restore (generated columns are left to the database). */
  columns: string[];
  generated: string[];
  /** Rows reference other rows of the same table: restored in one statement (checks run at its end). */
  selfReferencing: boolean;
  /** Columns filled from a sequence (serial): the sequence is moved past the restored maximum. */
  serials: string[];
}

export interface TableSummary {
  rows: number;
  checksum: string;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const ident = (name: string) => sql.raw(quoteIdent(name));

/** A row as canonical JSON text without generated columns: what a backup stores and checksums hash. */
export const rowJson = (table: TableInfo) =>
  sql.raw(`(to_jsonb(t) - ${quoteLiteral(`{${table.generated.map((g) => `"${g.replace(/"/g, '\\"')}"`).join(',')}}`)}::text[])::text`);

/**
 * Output settings that make row text independent of the server's configuration (time zone,
 * date and interval style, float digits, bytea format). Inside a transaction only.
 */
export async function useStableOutput(tx: Db): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
  await tx.execute(sql`set local bytea_output = 'hex'`);
}

/** The tables of schema public, parents before children (foreign keys). */
export async function appTables(db: Db): Promise<TableInfo[]> {
  const columns = await queryRows<{ table_name: string; column_name: string; is_generated: string; column_default: string | null }>(
    db,
    sql`select c.table_name, c.column_name, c.is_generated, c.column_default
        from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          -- UNLOGGED tables hold only what is rebuilt by itself (content_changes): no part of a backup.
          and not exists (select 1 from pg_class r where r.oid = ('public.' || quote_ident(c.table_name))::regclass and r.relpersistence = 'u')
        order by c.table_name, c.ordinal_position`,
  );
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
        from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
        where f.contype = 'f' and f.connamespace = 'public'::regnamespace`,
  );
  const tables = new Map<string, TableInfo>();
  for (const col of columns) {
    const table = tables.get(col.table_name) ?? { name: col.table_name, columns: [], generated: [], selfReferencing: false, serials: [] };
    tables.set(col.table_name, table);
    if (col.is_generated !== 'NEVER') table.generated.push(col.column_name);
    else table.columns.push(col.column_name);
    if (col.column_default?.startsWith('nextval(')) table.serials.push(col.column_name);
  }
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child === parent) tables.get(child)!.selfReferencing = true;
    else parents.get(child)?.add(parent);
  }
  return orderParentsFirst(tables, parents);
}

function orderParentsFirst(tables: Map<string, TableInfo>, parents: Map<string, Set<string>>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    // Non-deferrable foreign keys in a cycle between tables could not be restored table by table.
    if (state.get(name) === 'visiting') throw new Error(`Fremdschlüssel im Kreis: ${[...path, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const parent of [...parents.get(name)!].sort()) if (tables.has(parent)) visit(parent, [...path, name]);
    state.set(name, 'done');
    ordered.push(tables.get(name)!);
  };
  for (const name of [...tables.keys()].sort()) visit(name, []);
  return ordered;
}

/** Row count and content checksum (md5 over the sorted md5 of each row's canonical JSON). Call after useStableOutput. */
export async function tableSummary(tx: Db, table: TableInfo): Promise<TableSummary> {
  const [row] = await queryRows<TableSummary>(
    tx,
    sql`select count(*)::int as rows, md5(coalesce(string_agg(h, '' order by h collate "C"), '')) as checksum
        from (select md5(${rowJson(table)}) as h from ${ident(table.name)} t) x`,
  );
  return row!;
}

/** Summaries of every table in one consistent snapshot, on any database (used by tests and restore). */
export async function databaseSummary(db: Db): Promise<Record<string, TableSummary>> {
  return db.transaction(
    async (tx) => {
      await useStableOutput(tx);
      const result: Record<string, TableSummary> = {};
      for (const table of await appTables(tx)) result[table.name] = await tableSummary(tx, table);
      return result;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** SQL for one table's rows after a position, in physical order (keyset on ctid: no OFFSET scans). */
export const rowsAfter = (table: TableInfo, position: string, limit: number): SQL =>
  sql`select ctid::text as position, ${rowJson(table)} as row from ${ident(table.name)} t where ctid > ${position}::tid order by ctid limit ${limit}`;
