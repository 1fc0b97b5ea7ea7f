import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openPglite, queryRows } from '../../../db/client.js';
import { applyMigrations, codeMigrations } from '../../../db/migrate.js';

/** The migration that turned the free-text Zielgruppen into the vocabulary (issue 7.18). */
const migrations = codeMigrations();
const vocabulary = migrations.findIndex((m) => m.sql.some((s) => s.includes('CREATE TABLE "target_groups"')));

test('die Migration macht aus dem Freitext Einträge: getrennt, getrimmt, Schreibweisen zusammengefasst, kein Text verloren', async () => {
  assert.ok(vocabulary > 0, 'the migration exists');
  const database = await openPglite(undefined);
  try {
    const db = database.db;
    await applyMigrations(db, 0, vocabulary);
    const texts: Record<string, string[][]> = {
      A: [['Eltern', ' eltern ', 'Kinder  bis sechs Jahre', 'Neuzugewanderte, Geflüchtete; Frauen'], ['ELTERN', 'Eltern'], ['Eltern\nÄltere Zugewanderte', 'ältere zugewanderte', ''], []],
      B: [['Eltern']],
    };
    for (const [i, [kommune, measureTexts]] of Object.entries(texts).entries()) {
      const [tenant] = await queryRows<{ id: string }>(db, sql`insert into tenants (ags, name, kind, slug) values (${`0349900${i}`}, ${`Kreis ${kommune}`}, 'landkreis', ${`kreis-${kommune.toLowerCase()}`}) returning id`);
      const [edition] = await queryRows<{ id: string }>(db, sql`insert into editions (tenant_id, title) values (${tenant!.id}, 'Konzept') returning id`);
      const [field] = await queryRows<{ id: string }>(db, sql`insert into fields (tenant_id, edition_id, position, title) values (${tenant!.id}, ${edition!.id}, 1, 'Sprache') returning id`);
      for (const [n, groups] of measureTexts!.entries()) {
        await db.execute(sql`insert into measures (tenant_id, edition_id, field_id, number, position, title, horizon, target_groups)
          values (${tenant!.id}, ${edition!.id}, ${field!.id}, ${`1.1.${n + 1}`}, ${n + 1}, ${`Maßnahme ${kommune}${n + 1}`}, 'kurz', ${sql.raw(`ARRAY[${groups.map((g) => `'${g.replace(/'/g, "''")}'`).join(',')}]::text[]`)})`);
      }
    }
    await applyMigrations(db, vocabulary, vocabulary + 1);

    const entries = await queryRows<{ kommune: string; name: string }>(db, sql`select t.name as kommune, g.name from target_groups g join tenants t on t.id = g.tenant_id order by 1, 2`);
    assert.deepEqual(entries, [
      { kommune: 'Kreis A', name: 'Ältere Zugewanderte' },
      { kommune: 'Kreis A', name: 'Eltern' },
      { kommune: 'Kreis A', name: 'Frauen' },
      { kommune: 'Kreis A', name: 'Geflüchtete' },
      { kommune: 'Kreis A', name: 'Kinder bis sechs Jahre' },
      { kommune: 'Kreis A', name: 'Neuzugewanderte' },
      { kommune: 'Kreis B', name: 'Eltern' },
    ].sort((a, b) => (a.kommune + a.name < b.kommune + b.name ? -1 : 1)), 'one entry per name and Kommune; the most used spelling wins');
    const links = await queryRows<{ title: string; names: string }>(
      db,
      sql`select m.title, coalesce(string_agg(g.name, '|' order by g.name), '') as names from measures m
          left join measure_target_groups l on l.measure_id = m.id left join target_groups g on g.id = l.target_group_id
          group by m.title order by m.title`,
    );
    assert.deepEqual(links, [
      { title: 'Maßnahme A1', names: 'Eltern|Frauen|Geflüchtete|Kinder bis sechs Jahre|Neuzugewanderte' },
      { title: 'Maßnahme A2', names: 'Eltern' },
      { title: 'Maßnahme A3', names: 'Ältere Zugewanderte|Eltern' },
      { title: 'Maßnahme A4', names: '' },
      { title: 'Maßnahme B1', names: 'Eltern' },
    ].map((x) => ({ ...x, names: x.names.split('|').sort().join('|') })), 'every measure keeps every one of its groups');
    const [column] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from information_schema.columns where table_name = 'measures' and column_name = 'target_groups'`);
    assert.equal(column!.n, 0, 'the free-text column is gone');
  } finally {
    await database.close();
  }
});
