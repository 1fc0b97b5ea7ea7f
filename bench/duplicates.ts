// Doppelstrukturen benchmark (issue 10.4): quality of the duplicate score on the labelled pairs,
// the same-provider rule on the demo, the check of one new offer against 1k and 100k offers, and
// the full cluster report over 10k offers.
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type DatabaseKind, type Db } from '../src/db/client.js';
import { runMaintenance } from '../src/db/maintenance.js';
import { runMigrations } from '../src/db/migrate.js';
import { demoSlug, seedDemo } from '../src/demo/seed.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { measurePairs } from '../src/modules/offer-analysis/evaluation.js';
import { heldOutPairs, labelledPairs } from '../src/modules/offer-analysis/labelled-pairs.js';
import { duplicateThreshold } from '../src/modules/offer-analysis/scoring.js';
import { clustersOf, comparableOffers, likelyDuplicates } from '../src/modules/offer-analysis/service.js';
import { similarOffers, type OfferCandidate } from '../src/modules/offer-analysis/similar.js';
import { offerCategories, offers, type OfferCategory, type Schedule } from '../src/modules/offers/schema.js';
import { tenants } from '../src/platform/tenancy/schema.js';
import { percentile } from './search.js';

type Emit = (obj: Record<string, unknown>) => void;
type Log = (msg: string) => void;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

// Synthetic offers: titles and descriptions from realistic German parts, so trigram neighbours are plentiful.
const kinds = ['Sprachcafé', 'Deutschkurs', 'Beratung', 'Frauentreff', 'Hausaufgabenhilfe', 'Bewerbungstraining', 'Nähcafé', 'Fahrradwerkstatt', 'Elterncafé', 'Digitaltreff', 'Kleiderkammer', 'Patenschaften', 'Schwimmkurs', 'Kochtreff', 'Sozialberatung', 'Mieterführerschein', 'Gesundheitslotsen', 'Jobcafé', 'Lernhilfe', 'Theatergruppe'];
const qualifiers = ['für Frauen', 'für Anfänger', 'international', 'für Geflüchtete', 'am Abend', 'am Vormittag', 'für Jugendliche', 'für Eltern', 'für Senioren', 'offen für alle', 'mit Kinderbetreuung', 'auf Arabisch', 'auf Ukrainisch', 'im Stadtteil', 'im Gemeindehaus'];
const places = ['Heidewald', 'Birkenau', 'Seedorf', 'Tannhausen', 'Moordorf', 'Quellenau', 'Weißenmoor', 'Krähenfelde', 'Lüttenbrook', 'Hohe Geest', 'Musterstadt', 'Auetal'];
const phrases = ['Deutsch sprechen üben', 'Hilfe bei Formularen', 'Kaffee und Kuchen', 'ohne Anmeldung', 'mit Dolmetscherin', 'Kinder sind willkommen', 'Termine nach Absprache', 'in kleiner Runde', 'für Menschen aus aller Welt', 'barrierefrei erreichbar'];
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function syntheticOffer(i: number, municipalities: string[]) {
  const pick = <T>(xs: T[], k: number) => xs[(i * k + Math.floor(i / xs.length)) % xs.length]!;
  const title = `${pick(kinds, 7)} ${pick(qualifiers, 11)} ${pick(places, 13)} ${i}`;
  const schedule: Schedule = { kind: 'wiederkehrend', rrule: `FREQ=WEEKLY;BYDAY=${pick(days, 5)}`, firstDate: '2026-01-05', start: `${10 + (i % 8)}:00`, end: `${12 + (i % 8)}:00`, exceptions: [] };
  return {
    title,
    description: `${pick(phrases, 3)}, ${pick(phrases, 17)}.`,
    category: offerCategories[(i * 5) % offerCategories.length] as OfferCategory,
    municipalityId: i % 10 === 0 ? null : pick(municipalities, 19),
    schedule,
    weekdays: [],
    languages: ['de'],
  };
}

async function insertOffers(db: Db, tenantId: string, municipalities: string[], from: number, to: number, log: Log) {
  for (let start = from; start < to; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(to, start + 1000); i++) rows.push({ tenantId, ...syntheticOffer(i, municipalities) });
    await db.insert(offers).values(rows);
    if ((start - from) % 20_000 === 0 && start > from) log(`duplicates: ${start} offers`);
  }
}

/** New offers to check: realistic entries, half of them near an existing synthetic title. */
function candidates(municipalities: string[]): OfferCandidate[] {
  return Array.from({ length: 40 }, (_, k) => {
    const s = syntheticOffer(k * 37 + 5, municipalities);
    const title = k % 2 ? s.title.replace(/ \d+$/, '') : `${kinds[k % kinds.length]}-Treff ${places[k % places.length]}`;
    return { title, description: s.description, category: s.category, municipalityId: s.municipalityId, schedule: s.schedule, languages: ['de', 'ar'] };
  });
}

async function timeChecks(db: Db, tenantId: string, list: OfferCandidate[]) {
  for (const c of list.slice(0, 5)) await similarOffers(db, tenantId, c); // warm-up
  const samples: number[] = [];
  let found = 0;
  for (let r = 0; r < 2; r++)
    for (const c of list) {
      const t0 = performance.now();
      found += (await similarOffers(db, tenantId, c)).length;
      samples.push(performance.now() - t0);
    }
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), samples: samples.length, found };
}

async function clusterReport(db: Db, tenantId: string) {
  const t0 = performance.now();
  const all = await comparableOffers(db, tenantId);
  const read = performance.now() - t0;
  const clusters = clustersOf(likelyDuplicates(all));
  return { ms: round(performance.now() - t0), readMs: round(read), offers: all.length, clusters: clusters.length };
}

async function demoTenant(db: Db) {
  const [t] = await db.select().from(tenants).where(eq(tenants.slug, demoSlug));
  const municipalities = (await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.parentId, t!.id))).map((m) => m.id);
  return { tenantId: t!.id, municipalities };
}

/** Labelled sets and the demo, on PGlite in process. */
async function qualityBench(emit: Emit, log: Log) {
  for (const [name, pairs] of [['tuning', labelledPairs], ['heldout', heldOutPairs]] as const) {
    const m = measurePairs(pairs);
    emit({ name: `duplicates_labelled_${name}`, value: round(m.precision, 3), unit: 'precision', recall: round(m.recall, 3), threshold: duplicateThreshold, tp: m.tp, fp: m.fp, fn: m.fn, tn: m.tn, pairs: pairs.length, ...(name === 'heldout' ? { misses: m.misses } : {}) });
  }
  log('duplicates: demo on PGlite');
  const lite = await openPglite(undefined);
  try {
    await runMigrations(lite);
    await seedDemo(lite.db, demoSeedSteps);
    const { tenantId } = await demoTenant(lite.db);
    const all = await comparableOffers(lite.db, tenantId);
    // Before the same-provider rule: the same offers without their providers (the rule cannot fire).
    const before = likelyDuplicates(all.map((o) => ({ ...o, providerIds: [] })));
    const networks: ReturnType<typeof likelyDuplicates> = [];
    const after = likelyDuplicates(all, duplicateThreshold, new Set(), networks);
    const digital = (ps: typeof before) => ps.filter((p) => p.a.title.startsWith('Digitaltreff') && p.b.title.startsWith('Digitaltreff')).length;
    emit({ name: 'duplicates_demo_pairs', value: after.length, unit: 'pairs', before: before.length, digitaltreffBefore: digital(before), digitaltreffAfter: digital(after), networkPairs: networks.length, offers: all.length, pairsAfter: after.map((p) => `${p.a.title} ~ ${p.b.title} (${p.score})`) });
  } finally {
    await lite.close();
  }
}

/** A database of the bench's own: PostgreSQL (a database `ikon_bench_dupes_<pid>`) or PGlite (in its thread, as ikon runs it). */
async function openScaleDatabase(kind: DatabaseKind, adminUrl: string, log: Log): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined);
    return { database, drop: () => database.close() };
  }
  const name = `ikon_bench_dupes_${process.pid}`;
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  try {
    const database = await openPostgres(url.toString(), 2);
    return {
      database,
      drop: async () => {
        await database.close().catch(() => {});
        await admin(`drop database if exists ${name} with (force)`).catch((e) => log(`could not drop ${name}: ${e.message}`));
      },
    };
  } catch (e) {
    await admin(`drop database if exists ${name} with (force)`).catch(() => {});
    throw e;
  }
}

/** 1k, 10k and 100k synthetic offers in one Kommune, on PostgreSQL and on PGlite. */
async function scaleBench(kind: DatabaseKind, adminUrl: string, emit: Emit, log: Log) {
  const { database, drop } = await openScaleDatabase(kind, adminUrl, log);
  const db = kind;
  try {
    await runMigrations(database);
    await seedDemo(database.db, demoSeedSteps);
    const { tenantId, municipalities } = await demoTenant(database.db);
    // The demo's ~150 offers are replaced by synthetic ones, so the counts are exact.
    await database.db.delete(offers).where(and(eq(offers.tenantId, tenantId)));
    const list = candidates(municipalities);
    await insertOffers(database.db, tenantId, municipalities, 0, 1_000, log);
    await runMaintenance(database);
    const c1k = await timeChecks(database.db, tenantId, list);
    emit({ name: 'duplicates_check_p95_1k', value: c1k.p95, unit: 'ms', db, p50: c1k.p50, samples: c1k.samples, found: c1k.found });
    await insertOffers(database.db, tenantId, municipalities, 1_000, 10_000, log);
    await runMaintenance(database);
    const report = await clusterReport(database.db, tenantId);
    emit({ name: 'duplicates_cluster_report_10k', value: report.ms, unit: 'ms', db, readMs: report.readMs, offers: report.offers, clusters: report.clusters });
    const t0 = performance.now();
    await insertOffers(database.db, tenantId, municipalities, 10_000, 100_000, log);
    log(`duplicates: 100k inserted in ${Math.round((performance.now() - t0) / 1000)} s (${kind})`);
    await runMaintenance(database);
    const c100k = await timeChecks(database.db, tenantId, list);
    emit({ name: 'duplicates_check_p95_100k', value: c100k.p95, unit: 'ms', db, p50: c100k.p50, samples: c100k.samples, found: c100k.found });
    const ratio = c100k.p95 / c1k.p95;
    emit({ name: 'duplicates_check_p95_100k_vs_1k', value: round(ratio), unit: 'ratio', db, target: '<= 3', meets: ratio <= 3, p50Ratio: round(c100k.p50 / c1k.p50) });
  } finally {
    await drop();
  }
}

export async function duplicatesBench(opts: { adminUrl: string; emit: Emit; log: Log }) {
  await qualityBench(opts.emit, opts.log);
  for (const kind of ['pglite', 'postgres'] as const) await scaleBench(kind, opts.adminUrl, opts.emit, opts.log);
}
