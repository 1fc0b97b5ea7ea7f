// The first start on an empty PostgreSQL database writes the demo Kommune in bulk. Until the planner
// has statistics of those tables it plans them as empty: the gap analysis took 243 ms instead of
// ~40 (a nested loop over 19,656 rows for one query, 63 ms instead of 4). PostgreSQL's autovacuum
// analyzes them at its next round, and never where it is off (as on the bench's machine), so the
// starting server analyzes after its seed itself (issue 9.2, session 10).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createTestPostgres } from './support/databases.js';
import { freePort, startProcess, type ServerProcess } from './support/server-process.js';

describe('PostgreSQL: the first start with the demo seed', () => {
  let database: Awaited<ReturnType<typeof createTestPostgres>>;
  let server: ServerProcess;

  before(async () => {
    database = await createTestPostgres('empty');
    const port = await freePort();
    server = startProcess('src/main.ts', { DATABASE_URL: database.url, PORT: String(port), IKON_DEMO: '1', DATA_DIR: '.tmp/unused-seed-statistics' });
    await server.waitFor(/ikon läuft auf/);
  });
  after(async () => {
    await server?.stop();
    await database?.drop();
  });

  test('leaves the planner statistics of the tables it filled before it serves', async () => {
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ table: string; columns: number }>(
        `select t.relname as table, (select count(*)::int from pg_stats s where s.schemaname = 'public' and s.tablename = t.relname) as columns
           from pg_stat_user_tables t where t.relname in ('offers', 'offer_fields', 'measures', 'measure_municipalities') order by 1`,
      );
      assert.equal(rows.length, 4);
      for (const r of rows) assert.ok(r.columns > 0, `${r.table}: no statistics after the seed`);
    } finally {
      await sql.end();
    }
  });
});
