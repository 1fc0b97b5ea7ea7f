import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/support/databases.js';
import { queryRows, type Database } from './client.js';
import { connectPgliteLink } from './pglite-thread.js';

describe('PGlite in its own thread (issue 8.4)', () => {
  let database: Database;
  before(async () => (database = await openTestDatabase('pglite', 'empty')));
  after(() => database?.close());

  test('the request thread keeps turning while PGlite executes a long statement', async () => {
    // ~4 million rows of nested loop: seconds of PostgreSQL's work. In process, the event loop
    // stood still for all of it (the statement ran in one synchronous WebAssembly call).
    const long = database.db.execute(sql`select count(*) from generate_series(1, 2000) a, generate_series(1, 2000) b`);
    let finished = false;
    void long.finally(() => (finished = true));
    let turns = 0;
    while (!finished && turns < 1000) {
      await nextTurn();
      turns++;
    }
    assert.equal(turns, 1000, `only ${turns} turns of the event loop before the statement ended`);
    assert.deepEqual(((await long) as unknown as { rows: unknown[] }).rows, [{ count: 4_000_000 }]);
  });

  test("a failed statement's error keeps PostgreSQL's fields; a failed transaction leaves nothing", async () => {
    await database.db.execute(sql`create table probe (id int primary key, note text not null)`);
    const failed = await database.db.execute(sql`insert into probe values (1, null)`).catch((e: Error) => e);
    assert.ok(failed instanceof Error);
    const cause = failed.cause as { code?: string; column?: string; table?: string };
    assert.deepEqual([cause.code, cause.table, cause.column], ['23502', 'probe', 'note'], 'not-null violation with table and column');

    const rolledBack = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into probe values (1, 'one')`);
        await tx.transaction(async (inner) => inner.execute(sql`insert into probe values (2, 'two')`));
        await tx.execute(sql`insert into probe values (1, 'again')`);
      })
      .catch((e: Error) => e);
    assert.ok(rolledBack instanceof Error, 'the duplicate key fails the transaction');
    assert.deepEqual(await queryRows(database.db, sql`select count(*)::int as n from probe`), [{ n: 0 }], 'nothing of it stays');

    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into probe values (3, 'three')`);
    });
    assert.deepEqual(await queryRows(database.db, sql`select id, note from probe`), [{ id: 3, note: 'three' }]);
  });

  test('bytea goes in and comes out byte for byte (every byte value, empty, a Buffer, a view into a larger buffer), as PostgreSQL stores it', async () => {
    const all = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    const backing = new Uint8Array(64).fill(0xee);
    backing.set([0x00, 0x5c, 0x78, 0xff], 20);
    const view = backing.subarray(20, 24); // only these four: not the buffer around them
    await database.db.execute(sql`create table blobs (id int primary key, b bytea not null)`);
    for (const [id, bytes] of [[1, all], [2, new Uint8Array(0)], [3, Buffer.from('Stellungnahme März', 'utf8')], [4, view]] as const) {
      await database.db.execute(sql`insert into blobs values (${id}, ${bytes})`);
    }
    const rows = await queryRows<{ id: number; b: Uint8Array; hex: string }>(database.db, sql`select id, b, encode(b, 'hex') as hex from blobs order by id`);
    assert.deepEqual(rows.map((r) => r.hex), [Buffer.from(all).toString('hex'), '', Buffer.from('Stellungnahme März').toString('hex'), '005c78ff'], 'stored as given');
    for (const r of rows) {
      assert.ok(r.b instanceof Uint8Array, 'bytes');
      assert.equal(Buffer.from(r.b).toString('hex'), r.hex, `row ${r.id} read back`);
      assert.equal(r.b.byteLength, r.hex.length / 2);
    }
  });

  test('dates and timestamps arrive as PostgreSQL wrote them (drizzle keeps their text); parsers that change values are refused', async () => {
    const [row] = await queryRows<{ d: unknown; t: unknown; j: unknown; b: unknown }>(database.db, sql`select date '2026-11-30' as d, timestamptz '2026-11-30 12:00:00+00' as t, '{"a":[1,2]}'::jsonb as j, true as b`);
    assert.deepEqual(row, { d: '2026-11-30', t: '2026-11-30 12:00:00+00', j: { a: [1, 2] }, b: true });
    const client = database.pglite!;
    await assert.rejects(client.query('select 1', [], { parsers: { 23: (v: string) => Number(v) * 2 } }), /only parsers that return the text unchanged/);
  });

  test('a link for another thread: its transaction holds the connection; when the link closes mid-transaction, the transaction is rolled back and the database goes on', async () => {
    await database.db.execute(sql`create table linked (id int primary key)`);
    const linked = await connectPgliteLink(await database.pglite!.link!());
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const never = new Promise<void>(() => undefined);
    const abandoned = linked.transaction(async (tx) => {
      await tx.query('insert into linked values (1)');
      inside();
      await never; // the thread that began it ends here without COMMIT
    });
    abandoned.catch(() => undefined);
    await entered;
    const waiting = queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from linked`);
    await linked.close();
    assert.deepEqual(await waiting, [{ n: 0 }], 'the request thread got its turn after the rollback, and the row is gone');
    await assert.rejects(linked.query('select 1'), /link closed/, 'a closed link refuses');
  });

  test('a link may query, but not listen or close the database', async () => {
    const linked = await connectPgliteLink(await database.pglite!.link!());
    assert.deepEqual((await linked.query<{ n: number }>('select 41 + 1 as n')).rows, [{ n: 42 }]);
    await assert.rejects(linked.listen('ikon_probe', () => undefined), /only from the request thread/);
    await linked.close();
    assert.deepEqual(await queryRows(database.db, sql`select 1 as n`), [{ n: 1 }], 'the database is still open');
  });

  test('a repeated statement is prepared once (named, its plan kept by PostgreSQL) and answers as before; rows, types and order the same', async () => {
    await database.db.execute(sql`create table repeated (id int primary key, note text, at timestamptz, tags text[], doc jsonb)`);
    await database.db.execute(sql`insert into repeated select i, 'n' || i, timestamptz '2026-12-01 10:00:00+00' + i * interval '1 hour', array['a', 'b' || i], jsonb_build_object('i', i) from generate_series(1, 20) i`);
    const read = (from: number) => queryRows(database.db, sql`select id, note, at, tags, doc from repeated where id > ${from} order by id desc limit 3`);
    const answers = [];
    for (let from = 0; from < 8; from++) answers.push(await read(from));
    assert.deepEqual(answers[7], [20, 19, 18].map((i) => ({ id: i, note: `n${i}`, at: `2026-12-0${i >= 14 ? 2 : 1} ${String((10 + i) % 24).padStart(2, '0')}:00:00+00`, tags: ['a', `b${i}`], doc: { i } })));
    assert.deepEqual(answers[3], answers[0], 'same rows for other parameters');
    const prepared = await queryRows<{ statement: string; plans: number }>(
      database.db,
      sql`select statement, (generic_plans + custom_plans)::int as plans from pg_prepared_statements where statement like ${'select id, note, at, tags, doc from repeated %'}`,
    );
    assert.deepEqual(prepared.map((p) => p.plans), [8], 'one prepared statement, executed eight times');
  });

  test('after a table changed, its statements prepared before answer with its new shape; a rolled-back transaction keeps nothing but still runs', async () => {
    await database.db.execute(sql`create table shape (id int primary key, a text)`);
    await database.db.execute(sql`insert into shape values (1, 'x')`);
    const all = () => queryRows(database.db, sql`select * from shape order by id`);
    assert.deepEqual(await all(), [{ id: 1, a: 'x' }]);
    await database.db.execute(sql`alter table shape add column b int default 7`);
    assert.deepEqual(await all(), [{ id: 1, a: 'x', b: 7 }], 'new column');
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table shape drop column a`);
      assert.deepEqual(await queryRows(tx, sql`select * from shape order by id`), [{ id: 1, b: 7 }], 'inside the transaction that changed it');
    });
    assert.deepEqual(await all(), [{ id: 1, b: 7 }]);
    const insert = (id: number) => sql`insert into shape (id, b) values (${id}, ${id})`;
    await database.db.transaction(async (tx) => {
      await tx.execute(insert(2));
      tx.rollback();
    }).catch(() => undefined);
    await database.db.execute(insert(3));
    assert.deepEqual(await all(), [{ id: 1, b: 7 }, { id: 3, b: 3 }], 'the statement first prepared in the rolled-back transaction');
  });
  test('at most 500 statements stay prepared, the one used longest ago is closed first and prepared again when needed', async () => {
    const one = (i: number) => queryRows<{ n: number; t: string }>(database.db, sql.raw(`select ${i}::int as n, 'x' as t`));
    for (let i = 0; i < 520; i++) assert.deepEqual(await one(i), [{ n: i, t: 'x' }]);
    assert.deepEqual(await queryRows(database.db, sql`select count(*)::int as n from pg_prepared_statements`), [{ n: 500 }], 'prepared');
    assert.deepEqual(await one(0), [{ n: 0, t: 'x' }], 'closed, prepared again');
  });
});
