import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type DatabaseKind } from '../../src/db/client.js';
import { runMaintenance } from '../../src/db/maintenance.js';
import { runMigrations } from '../../src/db/migrate.js';
import { seedDemo } from '../../src/demo/seed.js';
import { demoSeedSteps } from '../../src/modules/index.js';

/**
 * Test databases start from fixtures made once per test run (scripts/test.mjs): a PGlite data
 * directory, copied for every test database, and a PostgreSQL template database. Creating a
 * PGlite database takes ~3 s, loading it from a tar snapshot 2.7 s (reading 66 MB, unpacking them
 * into PGlite's memory file system), copying the directory and opening it 1.2 s (session 8, quiet
 * machine); a PostgreSQL database from a template takes ~0.1 s. Every test gets its own database,
 * so tests never see each other's writes.
 */
export const dbKinds: DatabaseKind[] = ['pglite', 'postgres'];
export type Fixture = 'demo' | 'empty';

// IKON_TEST_NAMESPACE keeps parallel runs (several engineers on one machine) out of each other's fixtures.
const namespace = (process.env.IKON_TEST_NAMESPACE ?? 'ikon').replace(/[^a-z0-9_]/g, '');
const fixturesDir = path.resolve(process.env.IKON_TEST_FIXTURES_DIR ?? `.tmp/test-fixtures-${namespace}`);
const adminUrl = process.env.IKON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const templateName = (fixture: Fixture) => `${namespace}_template_${fixture}`;
const fixtureDir = (fixture: Fixture) => path.join(fixturesDir, `pglite-${fixture}`);
/** The data directory inside a fixture's (or a copy's) folder: openPglite locks the folder around it. */
const pgdata = (folder: string) => path.join(folder, 'pgdata');
/** Where the copies of one run live: scripts/test.mjs chooses it (in memory where it can) and empties it at the start of a run. */
const pgliteCopiesDir = process.env.IKON_TEST_PGLITE_COPIES ?? path.resolve(`.tmp/test-pglite-${namespace}`);
const fingerprintFile = path.join(fixturesDir, 'fingerprint');

async function build(database: Database, fixture: Fixture) {
  await runMigrations(database);
  if (fixture === 'demo') await seedDemo(database.db, demoSeedSteps);
  await runMaintenance(database);
}

/**
 * Builds both fixtures on both kinds; run once before the test files. The four builds run at
 * once: PGlite works in a thread of its own and PostgreSQL in its server, so two cores both work.
 */
export async function prepareTestDatabases(): Promise<void> {
  fs.mkdirSync(fixturesDir, { recursive: true });
  const fingerprint = fixtureFingerprint();
  if (await fixturesMatch(fingerprint)) return;
  fs.rmSync(fingerprintFile, { force: true });
  const fixtures: Fixture[] = ['empty', 'demo'];
  await Promise.all(fixtures.flatMap((fixture) => [buildPgliteFixture(fixture), buildTemplate(fixture, fingerprint)]));
  fs.writeFileSync(fingerprintFile, fingerprint);
}

/**
 * What the fixtures are made from: the application's code (migrations, demo seed and everything
 * they import) — test files excluded. A run whose code is unchanged reuses the last run's
 * fixtures; a fresh clone (CI) always builds them.
 */
function fixtureFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? walk(full) : /\.test\.tsx?$/.test(e.name) ? [] : [full];
    });
  for (const file of [...walk('src'), ...walk('drizzle'), 'test/support/databases.ts', 'package-lock.json'].sort()) {
    hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

async function fixturesMatch(fingerprint: string) {
  const fixtures: Fixture[] = ['empty', 'demo'];
  if (!fs.existsSync(fingerprintFile) || fs.readFileSync(fingerprintFile, 'utf8') !== fingerprint) return false;
  if (!fixtures.every((f) => fs.existsSync(pgdata(fixtureDir(f))))) return false;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `select datname, shobj_description(oid, 'pg_database') as fingerprint from pg_database where datname = any($1)`,
      [fixtures.map(templateName)],
    );
    return rows.length === fixtures.length && rows.every((r) => r.fingerprint === fingerprint);
  } finally {
    await admin.end();
  }
}

async function buildPgliteFixture(fixture: Fixture) {
  fs.rmSync(fixtureDir(fixture), { recursive: true, force: true });
  const lite = await openPglite(pgdata(fixtureDir(fixture)));
  await build(lite, fixture);
  await lite.close();
}

async function buildTemplate(fixture: Fixture, fingerprint: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${templateName(fixture)} with (force)`);
  await admin.query(`create database ${templateName(fixture)}`);
  await admin.end();
  const template = await openPostgres(urlFor(templateName(fixture)), 1);
  await build(template, fixture);
  await template.close();
  const marker = new pg.Client({ connectionString: adminUrl });
  await marker.connect();
  await marker.query(`comment on database ${templateName(fixture)} is '${fingerprint}'`);
  await marker.end();
}

function urlFor(database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function openTestDatabase(kind: DatabaseKind, fixture: Fixture = 'demo'): Promise<Database> {
  if (!fs.existsSync(pgdata(fixtureDir(fixture)))) await prepareTestDatabases();
  if (kind === 'pglite') return openPgliteCopy(fixture);
  const created = await createTestPostgres(fixture);
  const database = await openPostgres(created.url, 4);
  return {
    ...database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/** A copy of the fixture's data directory, opened; closing it removes the copy. */
async function openPgliteCopy(fixture: Fixture): Promise<Database> {
  const copy = path.join(pgliteCopiesDir, `${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.cpSync(pgdata(fixtureDir(fixture)), pgdata(copy), { recursive: true });
  copiesOfThisProcess.add(copy);
  const database = await openPglite(pgdata(copy));
  return {
    ...database,
    async close() {
      await database.close();
      fs.rmSync(copy, { recursive: true, force: true });
      copiesOfThisProcess.delete(copy);
    },
  };
}

/** A test file that ends without closing its databases (a failed `before`) leaves no copies behind. */
const copiesOfThisProcess = new Set<string>();
process.on('exit', () => {
  for (const copy of copiesOfThisProcess) fs.rmSync(copy, { recursive: true, force: true });
});

/** A PostgreSQL database of its own made from the fixture, by URL (for ikon processes the test starts); `drop` removes it. */
export async function createTestPostgres(fixture: Fixture = 'demo'): Promise<{ url: string; drop(): Promise<void> }> {
  if (!fs.existsSync(pgdata(fixtureDir(fixture)))) await prepareTestDatabases();
  const name = `${namespace}_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name} template ${templateName(fixture)}`);
  return {
    url: urlFor(name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

/** One statement on the PostgreSQL server's admin database (creating, dropping or locking out a test database). */
export async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
