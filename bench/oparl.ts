// OParl list pages under load (issue 11): /oparl/v1/body/musterland/papers (100 papers a page, each
// with its Beratungsfolge and files embedded) at 1,000 and 10,000 public papers, the first and the
// last page, each against the static ceiling for the same bytes in the same run (as pages.ts).
// The papers are written into the database before the server starts (PGlite allows one process).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { runMaintenance } from '../src/db/maintenance.js';
import { runMigrations } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { consultations, councilBodies, councilMeetings, paperFiles, papers } from '../src/modules/decisions/schema.js';
import { demoSeedSteps } from '../src/modules/index.js';
import { tenants } from '../src/platform/tenancy/schema.js';
import { emitAgainstStatic } from './ceiling.js';
import type { PagesContext } from './pages.js';
import { runLoad, stopChild, waitForHealth, type LoadResult } from './procs.js';

const listPath = '/oparl/v1/body/musterland/papers';
const pdf = Buffer.from('%PDF-1.7\n% bench\n');

/** Adds public, final papers up to `total` synthetic ones, each with two consultations and two files. */
async function addPapers(env: Record<string, string>, total: number, log: (m: string) => void) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! });
  try {
    await runMigrations(database);
    await seedDemo(database.db, demoSeedSteps);
    const db = database.db;
    const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'musterland'));
    const tenantId = tenant!.id;
    const bodies = await db.select().from(councilBodies).where(eq(councilBodies.tenantId, tenantId));
    const meetings = await db.select().from(councilMeetings).where(eq(councilMeetings.tenantId, tenantId));
    const existing = (await db.select({ id: papers.id }).from(papers).where(and(eq(papers.tenantId, tenantId), eq(papers.subject, 'Benchmark-Vorlage')))).length;
    const t0 = performance.now();
    for (let from = existing; from < total; from += 500) {
      const rows = Array.from({ length: Math.min(500, total - from) }, (_, i) => ({
        tenantId,
        number: `BENCH/${from + i + 1}`,
        subject: 'Benchmark-Vorlage',
        paperDate: '2025-03-01',
        state: 'final' as const,
        proposal: 'Der Kreistag beschließt die Maßnahmen der Anlage.',
      }));
      const made = await db.insert(papers).values(rows).returning({ id: papers.id });
      await db.insert(consultations).values(
        made.flatMap((p) => [
          { tenantId, paperId: p.id, position: 1, bodyId: bodies[0]!.id, meetingId: meetings[0]!.id, role: 'vorberatung' as const, result: 'beschlossen' as const, agendaNumber: '4.2' },
          { tenantId, paperId: p.id, position: 2, bodyId: bodies.at(-1)!.id, meetingId: meetings.at(-1)!.id, role: 'entscheidung' as const, result: 'beschlossen' as const, unanimous: true },
        ]),
      );
      await db.insert(paperFiles).values(
        made.flatMap((p, i) => [
          { tenantId, paperId: p.id, role: 'main' as const, name: `Vorlage BENCH/${from + i + 1}`, fileName: 'vorlage.pdf', mimeType: 'application/pdf', size: pdf.length, content: pdf },
          { tenantId, paperId: p.id, role: 'auxiliary' as const, name: 'Integrationskonzept', fileName: 'konzept.pdf', mimeType: 'application/pdf', size: pdf.length, content: pdf },
        ]),
      );
    }
    log(`oparl: ${total - existing} papers added in ${Math.round(performance.now() - t0)} ms`);
    await runMaintenance(database);
  } finally {
    await database.close();
  }
}

export async function oparlBench(ctx: PagesContext) {
  const { log, loadSeconds } = ctx;
  const staticDir = path.join(ctx.tmpDir, 'static-oparl');
  fs.mkdirSync(staticDir, { recursive: true });
  for (const database of ctx.databases) {
    const { kind } = database;
    const env = { ...database.env, DATA_DIR: `${database.env.DATA_DIR}-oparl` };
    const runs: { name: string; url: string; load: LoadResult; file: string; bytes: number; papers: number }[] = [];
    for (const total of [1_000, 10_000]) {
      log(`oparl ${kind}: preparing ${total} papers`);
      await addPapers(env, total, log);
      const server = await ctx.startServer(`server-oparl-${kind}-${total}`, env);
      await waitForHealth(server.url, server.child, 600_000);
      try {
        const first = (await (await fetch(server.url + listPath)).json()) as { pagination: { totalPages: number } };
        for (const [label, query] of [['first', ''], ['last', `?page=${first.pagination.totalPages}`]] as const) {
          const url = `${server.url}${listPath}${query}`;
          const body = Buffer.from(await (await fetch(url)).arrayBuffer());
          const file = `${createHash('sha1').update(body).digest('hex').slice(0, 16)}.json`;
          fs.writeFileSync(path.join(staticDir, file), body);
          log(`load ${kind}: OParl papers ${label} page at ${total}, ${loadSeconds} s`);
          await runLoad(url, 2);
          const load = await runLoad(url, loadSeconds);
          runs.push({ name: `oparl_papers_${total}_${label}_${kind}`, url: `${listPath}${query}`, load, file, bytes: body.length, papers: total });
        }
      } finally {
        await stopChild(server.child);
      }
    }
    await emitAgainstStatic(
      ctx,
      staticDir,
      runs.map((r) => ({ ...r, target: 0.5, extra: { db: kind, path: r.url, papers: r.papers } })),
    );
  }
}
