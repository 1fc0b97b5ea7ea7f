import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startProcess } from '../../test/support/server-process.js';
import { BackupError, restoreBackup, writeBackup } from './backup.js';
import { queryRows, type Database, type DatabaseKind } from './client.js';
import { dbKinds, openTestDatabase } from '../../test/support/databases.js';
import { appTables, databaseSummary } from './tables.js';

/** Content the demo data lacks: binary with every byte value, Unicode and nested JSON, microseconds. */
async function addAwkwardContent(database: Database) {
  await database.db.execute(sql`update measure_updates set attachment = decode(repeat('00ff7f80', 64) || 'c3a4f09f9982', 'hex'),
    attachment_name = 'Ärger „Ü“ 🙂.bin', attachment_type = 'application/octet-stream'
    where id = (select id from measure_updates order by id limit 1)`);
  await database.db.execute(sql`insert into audit_log (tenant_id, user_name, at, action, entity_type, entity_id, before, after)
    values (null, 'Sicherungs-Test', '2026-03-29 01:59:59.123456+00', 'update', 'test', 'x',
            ${JSON.stringify({ text: 'Zeile 1\nZeile 2 \u0007 "Zitat" \\ 🙂', n: 1.5e-7, list: [1, [2, null]], deep: { a: { b: true } } })}::jsonb, null)`);
}

/** Every row of every table as the driver returns it, in a stable order: an independent comparison. */
async function allRows(database: Database): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of await appTables(database.db)) {
    result[table.name] = await queryRows(database.db, sql.raw(`select * from "${table.name}" t order by md5(t::text)`));
  }
  return result;
}

describe('backup and restore', () => {
  const sources = new Map<DatabaseKind, Database>();
  const files = new Map<DatabaseKind, string>();
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-backup-'));
    for (const kind of dbKinds) {
      const source = await openTestDatabase(kind, 'demo');
      await addAwkwardContent(source);
      sources.set(kind, source);
      files.set(kind, path.join(dir, `${kind}.ikon.gz`));
      await writeBackup(source, files.get(kind)!);
    }
  });
  after(async () => {
    for (const source of sources.values()) await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of dbKinds) {
    test(`[${kind}] a restored database is identical: row counts, checksums and every row`, async () => {
      const source = sources.get(kind)!;
      const target = await openTestDatabase(kind, 'empty');
      try {
        const summary = await restoreBackup(target, files.get(kind)!);
        assert.ok(Object.keys(summary).length >= 20, `all tables restored: ${Object.keys(summary).join(', ')}`);
        assert.ok(summary.measures!.rows > 0 && summary.tenants!.rows > 0, 'the demo data is in the backup');
        assert.deepEqual(await databaseSummary(target.db), await databaseSummary(source.db), 'counts and checksums per table');
        assert.deepEqual(await allRows(target), await allRows(source), 'every row, as the driver reads it');
        const [next] = await queryRows<{ ok: boolean }>(
          target.db,
          sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) > (select max(id) from audit_log) as ok`,
        );
        assert.equal(next!.ok, true, 'the audit log sequence continues after the restored rows');
      } finally {
        await target.close();
      }
    });
  }

  test('a backup of one kind restores into the other with the same content', async () => {
    for (const [from, to] of [['pglite', 'postgres'], ['postgres', 'pglite']] as const) {
      const target = await openTestDatabase(to, 'empty');
      try {
        await restoreBackup(target, files.get(from)!);
        assert.deepEqual(await databaseSummary(target.db), await databaseSummary(sources.get(from)!.db), `${from} → ${to}`);
      } finally {
        await target.close();
      }
    }
  });

  for (const kind of dbKinds) {
    test(`[${kind}] restore refuses a target with data unless --force, and a damaged file always; nothing changes`, async () => {
      const target = await openTestDatabase(kind, 'demo');
      try {
        await target.db.execute(sql`update tenants set name = 'Geändert nach der Sicherung' where slug = 'musterland'`);
        const before = await databaseSummary(target.db);
        await assert.rejects(restoreBackup(target, files.get(kind)!), (e: unknown) => e instanceof BackupError && e.key === 'backup.target_not_empty', 'refused');
        assert.deepEqual(await databaseSummary(target.db), before, 'target untouched after the refusal');

        const truncated = path.join(dir, `${kind}-truncated.ikon.gz`);
        const whole = fs.readFileSync(files.get(kind)!);
        fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
        await assert.rejects(restoreBackup(target, truncated, { force: true }), BackupError, 'a cut-off file is refused');
        assert.deepEqual(await databaseSummary(target.db), before, 'target untouched after the damaged file');

        await restoreBackup(target, files.get(kind)!, { force: true });
        assert.deepEqual(await databaseSummary(target.db), await databaseSummary(sources.get(kind)!.db), 'replaced with --force');
      } finally {
        await target.close();
      }
    });
  }

  test('writing a backup refuses to overwrite an existing file unless --force', async () => {
    const file = path.join(dir, 'exists.ikon.gz');
    fs.writeFileSync(file, 'wichtig');
    await assert.rejects(writeBackup(sources.get('pglite')!, file), (e: unknown) => e instanceof BackupError && e.key === 'backup.file_exists', 'refused');
    assert.equal(fs.readFileSync(file, 'utf8'), 'wichtig', 'file untouched');
    await writeBackup(sources.get('pglite')!, file, { force: true });
    assert.notEqual(fs.readFileSync(file, 'utf8'), 'wichtig', 'overwritten with force');
  });

  test('npm run cli -- a missing or damaged file, or a backup over a file, is refused before a fresh DATA_DIR is created', async () => {
    const dataDir = path.join(dir, 'never-created');
    const env = { DATA_DIR: dataDir, IKON_DEMO: '0' };
    const damaged = path.join(dir, 'damaged.ikon.gz');
    fs.writeFileSync(damaged, 'keine Sicherung');
    const existing = path.join(dir, 'existing.ikon.gz');
    fs.writeFileSync(existing, 'wichtig');
    const attempts: [string[], RegExp][] = [
      [['restore', path.join(dir, 'gibt-es-nicht.ikon.gz')], /gibt es nicht/],
      [['restore', damaged], /keine lesbare ikon-Sicherung/],
      [['backup', existing], /gibt es schon/],
    ];
    for (const [args, message] of attempts) {
      const refused = startProcess('src/cli.ts', env, args);
      const { code } = await refused.exited;
      assert.equal(code, 1, refused.output());
      assert.match(refused.output(), message);
      assert.equal(fs.existsSync(dataDir), false, `${args.join(' ')}: no data directory was created`);
    }
    assert.equal(fs.readFileSync(existing, 'utf8'), 'wichtig', 'file untouched');
  });

  test('npm run cli -- restore and backup on a PGlite DATA_DIR, refused while another process holds it', async () => {
    const dataDir = path.join(dir, 'data');
    const env = { DATA_DIR: dataDir, IKON_DEMO: '0' };
    const restored = startProcess('src/cli.ts', env, ['restore', files.get('pglite')!]);
    await restored.exited;
    assert.match(restored.output(), /Zurückgespielt aus .* \(Tabellen: \d+, Zeilen: \d+\); Zeilenzahlen und Prüfsummen stimmen/, restored.output());

    const holder = startProcess('test/support/lock-contender.ts', {}, [dataDir]);
    try {
      await holder.waitFor(/^got /m);
      const refused = startProcess('src/cli.ts', env, ['backup', path.join(dir, 'while-held.ikon.gz')]);
      const { code } = await refused.exited;
      assert.equal(code, 1, refused.output());
      assert.match(refused.output(), new RegExp(`benutzt \\(PID ${holder.child.pid} `), 'names the holder');
      assert.match(refused.output(), /den Server kurz anhalten/, 'says what to do');
      assert.equal(fs.existsSync(path.join(dir, 'while-held.ikon.gz')), false, 'no file written');
    } finally {
      await holder.stop();
    }

    const again = path.join(dir, 'from-cli.ikon.gz');
    const backedUp = startProcess('src/cli.ts', env, ['backup', again]);
    await backedUp.exited;
    assert.match(backedUp.output(), /Gesichert in .* \(Tabellen: \d+, Zeilen: \d+\)/, backedUp.output());
    // A copy of the empty fixture, not `openPglite(undefined)`: an in-memory PGlite runs initdb
    // first, ~5 s of CPU on a loaded machine against ~2 s for the copy (session 10).
    const target = await openTestDatabase('pglite', 'empty');
    try {
      await restoreBackup(target, again);
      assert.deepEqual(await databaseSummary(target.db), await databaseSummary(sources.get('pglite')!.db), 'round trip through the CLI');
    } finally {
      await target.close();
    }
  });
});
