// Profile of the import confirm steps in-process on PGlite (issue 8.4): statements, time, and the
// longest stretch the event loop was held. `npx tsx bench/import-profile.ts [rows]`; one JSON
// line per step on stdout. The bench (bench/uploads.ts) measures the effect on other requests.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { and, eq, sql } from 'drizzle-orm';
import { openPglite } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { systemUser } from '../src/platform/auth/current-user.js';
import { editions, fields } from '../src/modules/concepts/schema.js';
import { applyImport } from '../src/modules/measures/transfer/apply.js';
import { applyStatusImport } from '../src/modules/progress/bulk/apply.js';
import { importIndicatorValues } from '../src/modules/indicators/import.js';
import { indicators } from '../src/modules/progress/schema.js';

const rows = Number(process.argv[2] ?? 5000);
const database = await openPglite(undefined);
await runMigrations(database);
await seedDemo(database.db, demoSeedSteps);
const db = database.db;
const client = database.pglite!;

let statements = 0;
// IKON_PROFILE_SQL=1: time per statement shape (first words), printed after each step.
const bySql = new Map<string, { n: number; ms: number; max: number }>();
const counted = <F extends (text: string, ...rest: any[]) => Promise<any>>(q: F) =>
  (async (text: string, ...rest: any[]) => {
    statements++;
    if (!process.env.IKON_PROFILE_SQL) return q(text, ...rest);
    const t = performance.now();
    try {
      return await q(text, ...rest);
    } finally {
      const key = text.replace(/\s+/g, ' ').slice(0, 90);
      const e = bySql.get(key) ?? { n: 0, ms: 0, max: 0 };
      const took = performance.now() - t;
      e.n++;
      e.ms += took;
      e.max = Math.max(e.max, took);
      bySql.set(key, e);
    }
  }) as unknown as F;
client.query = counted(client.query.bind(client));
const transaction = client.transaction.bind(client);
client.transaction = ((fn: (tx: any) => Promise<unknown>) =>
  transaction((tx) => {
    tx.query = counted(tx.query.bind(tx));
    return fn(tx);
  })) as typeof client.transaction;

const [draft] = await db.select().from(editions).where(eq(editions.status, 'entwurf'));
const tenantId = draft!.tenantId;
const [field] = await db.select().from(fields).where(and(eq(fields.editionId, draft!.id), eq(fields.title, 'Teilhabe durch Sprache')));
const ctx = { db, user: systemUser };

const only = process.argv[3];
async function measure(name: string, work: () => Promise<unknown>) {
  if (only && !name.startsWith(only.split(',')[0]!) && !only.split(',').some((o) => name.startsWith(o))) return;
  statements = 0;
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t = performance.now();
  const out = await work();
  const ms = performance.now() - t;
  h.disable();
  if (bySql.size) {
    for (const [k, v] of [...bySql].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) process.stderr.write(`${name}: ${Math.round(v.ms)} ms (max ${Math.round(v.max)}) ${v.n}× ${k}\n`);
    bySql.clear();
  }
  console.log(JSON.stringify({ name, rows, ms: Math.round(ms), statements, perRow: Math.round((statements / rows) * 10) / 10, loopDelayMaxMs: Math.round(h.max / 1e6), loopDelayP99Ms: Math.round(h.percentile(99) / 1e6), out }));
}

const measureCsv = (title: (i: number) => string) => {
  const lines = ['Nr.;Themenfeld;Titel;Status;Zeithorizont'];
  for (let i = 1; i <= rows; i++) lines.push(`900.${i};${field!.title};${title(i)};geplant;kurz`);
  return { name: 'p.csv', bytes: Buffer.from(lines.join('\n')) };
};
await measure('measure_import_create', () => applyImport(ctx, tenantId, draft!.id, measureCsv((i) => `Synthetische Maßnahme ${i}`), { createMissing: false, confirmManyNew: true }));
await measure('measure_import_same_again', () => applyImport(ctx, tenantId, draft!.id, measureCsv((i) => `Synthetische Maßnahme ${i}`), { createMissing: false, confirmManyNew: true }));
await measure('measure_import_update', () => applyImport(ctx, tenantId, draft!.id, measureCsv((i) => `Geänderte Maßnahme ${i}`), { createMissing: false, confirmManyNew: true }));

const statusCsv = () => {
  const lines = ['Nr.;Status;Fortschritt (%);Sachstand'];
  for (let i = 1; i <= rows; i++) lines.push(`900.${i};in Umsetzung;${(i % 9) * 10 + 10};Bericht ${i}`);
  return { name: 's.csv', bytes: Buffer.from(lines.join('\n')) };
};
await measure('status_import', () => applyStatusImport(ctx, tenantId, draft!.id, statusCsv()));
await measure('status_import_same_again', () => applyStatusImport(ctx, tenantId, draft!.id, statusCsv()));

const [indicator] = await db.select().from(indicators).where(eq(indicators.tenantId, tenantId)).limit(1);
const valuesCsv = (v: number) => {
  const lines = ['Indikator-ID;Datum;Wert;Anmerkung'];
  const day = new Date(Date.UTC(2000, 0, 1));
  for (let i = 1; i <= rows; i++) {
    const d = new Date(day.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${indicator!.id};${d.split('-').reverse().join('.')};${i + v};Wert ${i}`);
  }
  return { name: 'v.csv', bytes: Buffer.from(lines.join('\n')) };
};
const indicatorEdition = indicator!.editionId;
await measure('indicator_import', () => importIndicatorValues(ctx, tenantId, indicatorEdition, valuesCsv(0)));
await measure('indicator_import_replace', () => importIndicatorValues(ctx, tenantId, indicatorEdition, valuesCsv(1)));
await database.close();
