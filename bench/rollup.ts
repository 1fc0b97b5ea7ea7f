// Roll-up benchmark (`IKON_BENCH_ONLY=rollup npm run bench`, also part of the full run):
//  - rollup_edition_160: editionRollup (edition, fields, goals) of the demo edition (168 measures),
//    PGlite in-process; rollup_edition_160_postgres: the same on PostgreSQL.
//  - rollup_400x200_*: 400 synthetic Kommunen with one adopted edition of 200 measures each
//    (80,000 measures, bulk-inserted with generate_series) in PostgreSQL: the progress of ALL
//    400 editions, once with editionRollup per edition (400 × 5 queries) and once with the
//    set-based rollupAllEditions (one query, GROUP BY edition). Both must agree.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres, queryRows, type Db } from '../src/db/client.js';
import { runMaintenance } from '../src/db/maintenance.js';
import { runMigrations } from '../src/db/migrate.js';
import { demoSlug, seedDemo } from '../src/demo/seed.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { editionRollup, rollupAllEditions } from '../src/modules/progress/rollup.js';
import { percentile } from './search.js';

type Emit = (obj: Record<string, unknown>) => void;
type Log = (msg: string) => void;

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const kommunen = 400;
const measuresPerEdition = 200;
const benchSlug = 'bench-rollup-';

async function timeRuns(runs: number, warmUp: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < warmUp; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), min: round(Math.min(...samples)), samples: samples.length };
}

async function demoEdition(db: Db) {
  const [row] = await queryRows<{ tenant_id: string; id: string; n: number }>(
    db,
    sql`select e.tenant_id, e.id, (select count(*)::int from measures m where m.tenant_id = e.tenant_id and m.edition_id = e.id) as n
        from editions e join tenants k on k.id = e.tenant_id where k.slug = ${demoSlug} and e.status = 'beschlossen'`,
  );
  if (!row) throw new Error('demo edition missing');
  return row;
}

/** 400 Kommunen × (1 adopted edition, 6 fields, 12 goals, 200 measures, 1 goal link each), in a few statements. */
async function insertKommunen(db: Db) {
  await db.execute(sql`
    insert into tenants (ags, name, kind, slug)
    select '09' || lpad(g::text, 3, '0') || '000', 'Benchmark-Landkreis ' || g, 'landkreis', ${benchSlug} || g
    from generate_series(1, ${kommunen}) g`);
  const scope = sql`(select id from tenants where slug like ${`${benchSlug}%`})`;
  await db.execute(sql`
    insert into editions (tenant_id, title, status, adopted_on)
    select id, 'Integrationskonzept 2025', 'beschlossen', date '2025-06-30' from tenants where id in ${scope}`);
  await db.execute(sql`
    insert into fields (tenant_id, edition_id, position, title)
    select e.tenant_id, e.id, f, 'Themenfeld ' || f from editions e cross join generate_series(1, 6) f where e.tenant_id in ${scope}`);
  await db.execute(sql`
    insert into goals (tenant_id, edition_id, field_id, kind, number, position, title)
    select f.tenant_id, f.edition_id, f.id, 'handlungsziel', f.position || '.' || g, (f.position - 1) * 2 + g, 'Handlungsziel ' || f.position || '.' || g
    from fields f cross join generate_series(1, 2) g where f.tenant_id in ${scope}`);
  // Status mix like a concept in its second year; progress reported for most running measures,
  // missing for the rest (then the status implies it); every tenth measure weighs double.
  await db.execute(sql`
    insert into measures (tenant_id, edition_id, field_id, number, position, title, horizon, status, progress, weight)
    select e.tenant_id, e.id, f.id, i::text, i, 'Maßnahme ' || i, 'mittel', s.status,
           case when s.status = 'in_umsetzung' and i % 5 <> 0 then 5 + (i * 13 + k.n) % 90
                when s.status in ('umgesetzt', 'verstetigt') and i % 3 = 0 then 100
                when s.status = 'zurueckgestellt' then (i * 7) % 40
                else null end,
           case when i % 10 = 0 then 2 else 1 end
    from editions e
    join (select id, row_number() over (order by slug)::int as n from tenants where id in ${scope}) k on k.id = e.tenant_id
    cross join generate_series(1, ${measuresPerEdition}) i
    join fields f on f.tenant_id = e.tenant_id and f.edition_id = e.id and f.position = ((i - 1) % 6) + 1
    cross join lateral (select case
      when (i * 37 + k.n) % 100 < 35 then 'geplant' when (i * 37 + k.n) % 100 < 70 then 'in_umsetzung'
      when (i * 37 + k.n) % 100 < 80 then 'umgesetzt' when (i * 37 + k.n) % 100 < 92 then 'verstetigt'
      when (i * 37 + k.n) % 100 < 96 then 'zurueckgestellt' else 'entfallen' end as status) s`);
  await db.execute(sql`
    insert into measure_goals (tenant_id, measure_id, goal_id)
    select m.tenant_id, m.id, g.id from measures m
    join fields f on f.tenant_id = m.tenant_id and f.id = m.field_id
    join goals g on g.tenant_id = m.tenant_id and g.field_id = f.id and g.position = (f.position - 1) * 2 + 1 + (m.position / 6) % 2
    where m.tenant_id in ${scope}`);
  // Every eighth Kommune has its own rules (zurückgestellt does not count, geplant means 5 %).
  await db.execute(sql`
    insert into status_rules (tenant_id, status, implied_progress, counts_in_rollup)
    select t.id, r.status, r.implied, r.counts from (select id, row_number() over (order by slug) as n from tenants where id in ${scope}) t
    cross join (values ('geplant', 5, true), ('in_umsetzung', null, true), ('umgesetzt', 100, true), ('verstetigt', 100, true),
                       ('zurueckgestellt', null, false), ('entfallen', null, false)) as r(status, implied, counts)
    where t.n % 8 = 0`);
  await db.execute(sql`analyze`);
}

async function dropStale(adminUrl: string, log: Log) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname ~ '^ikon_bench_rollup_[0-9]+$'`);
    for (const { datname } of rows) {
      const pid = Number(datname.slice('ikon_bench_rollup_'.length));
      if (pid !== process.pid && !fs.existsSync(`/proc/${pid}`)) {
        log(`dropping stale ${datname}`);
        await client.query(`drop database if exists ${datname} with (force)`);
      }
    }
  } finally {
    await client.end();
  }
}

async function admin(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function rollupBench(opts: { adminUrl: string; emit: Emit; log: Log }) {
  const { adminUrl, emit, log } = opts;

  // 1. The demo edition on PGlite, in-process (like the search benchmark).
  log('rollup: PGlite in-process, migrate + seed');
  const lite = await openPglite(undefined);
  try {
    await runMigrations(lite);
    await seedDemo(lite.db, demoSeedSteps);
    await runMaintenance(lite);
    const demo = await demoEdition(lite.db);
    const r = await timeRuns(50, 5, () => editionRollup(lite.db, demo.tenant_id, demo.id));
    emit({ name: 'rollup_edition_160', value: r.p50, unit: 'ms', db: 'pglite', p95: r.p95, min: r.min, samples: r.samples, measures: demo.n });
  } finally {
    await lite.close();
  }

  // 2. 400 Kommunen × 200 measures on PostgreSQL, in a database of its own.
  await dropStale(adminUrl, log).catch((e) => log(`stale rollup database check failed: ${e.message}`));
  const name = `ikon_bench_rollup_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(adminUrl, `drop database if exists ${name} with (force)`);
  await admin(adminUrl, `create database ${name}`);
  const database = await openPostgres(url.toString(), 2);
  try {
    log('rollup: PostgreSQL, migrate + seed');
    await runMigrations(database);
    await seedDemo(database.db, demoSeedSteps);
    const demo = await demoEdition(database.db);
    log(`rollup: inserting ${kommunen} Kommunen × ${measuresPerEdition} measures`);
    const t0 = performance.now();
    await insertKommunen(database.db);
    const insertMs = performance.now() - t0;
    const pgDemo = await timeRuns(50, 5, () => editionRollup(database.db, demo.tenant_id, demo.id));
    emit({ name: 'rollup_edition_160_postgres', value: pgDemo.p50, unit: 'ms', db: 'postgres', p95: pgDemo.p95, min: pgDemo.min, samples: pgDemo.samples, measures: demo.n });

    const editions = await queryRows<{ tenant_id: string; id: string }>(
      database.db,
      sql`select e.tenant_id, e.id from editions e join tenants k on k.id = e.tenant_id where k.slug like ${`${benchSlug}%`} order by k.slug`,
    );
    const tenantIds = editions.map((e) => e.tenant_id);
    log(`rollup: ${editions.length} editions ready in ${Math.round(insertMs)} ms; timing`);

    const perEdition = async () => {
      const out = new Map<string, number | null>();
      for (const e of editions) out.set(e.id, (await editionRollup(database.db, e.tenant_id, e.id)).edition.progress);
      return out;
    };
    const setBased = () => rollupAllEditions(database.db, { tenantIds });

    // Same numbers both ways, or the comparison means nothing.
    const a = await perEdition();
    const b = await setBased();
    const consistent = editions.length === kommunen && b.size === a.size && [...a].every(([id, p]) => {
      const q = b.get(id)?.progress ?? null;
      return p === null ? q === null : q !== null && Math.abs(p - q) < 1e-9;
    });

    const loop = await timeRuns(3, 1, perEdition);
    const set = await timeRuns(10, 2, setBased);
    const everything = await timeRuns(10, 1, () => rollupAllEditions(database.db));
    const common = { db: 'postgres', kommunen, measuresPerEdition, measures: kommunen * measuresPerEdition, insertSec: round(insertMs / 1000, 1), consistent };
    emit({ name: 'rollup_400x200_total', value: set.p50, unit: 'ms', method: 'set-based (rollupAllEditions, one GROUP BY query)', min: set.min, samples: set.samples, allEditionsMs: everything.p50, ...common });
    emit({ name: 'rollup_400x200_per_edition_total', value: loop.p50, unit: 'ms', method: 'editionRollup per edition (400 × 5 queries)', min: loop.min, samples: loop.samples, perEditionMs: round(loop.p50 / kommunen, 3), ...common });
    emit({ name: 'rollup_400x200_per_edition_vs_set', value: round(loop.p50 / set.p50, 1), unit: 'ratio', note: 'per-edition total ÷ set-based total', ...common });
  } finally {
    await database.close().catch(() => {});
    await admin(adminUrl, `drop database if exists ${name} with (force)`).catch((e) => log(`could not drop ${name}: ${e.message}`));
  }
}
