// Page benchmarks (issue 9), per database: start-up to /healthz (fresh data with demo seed, and
// reopened), the cached public page, fresh (signed-in) renders of the public concept page and of
// the internal edition page under load, resident memory after load, and a crawl of every page
// the Koordination can reach (internal and public) with one connection. Every page is also served
// by the static node:http server (bench/static-server.mjs) in the same run: the ratios compare
// ikon with the time the machine needs just to send the same bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { crawl, signIn, type CrawledPage } from './crawl.js';
import { freePort, rssMb, runLoad, startChild, stopChild, waitForHealth, type LoadResult } from './procs.js';

export interface PagesContext {
  tmpDir: string;
  loadSeconds: number;
  emit: (obj: Record<string, unknown>) => void;
  log: (msg: string) => void;
  startServer: (label: string, extra: Record<string, string>) => Promise<{ child: ChildProcess; url: string }>;
  /** Environment of the server per database (DATA_DIR, DATABASE_URL). */
  databases: { kind: 'pglite' | 'postgres'; env: Record<string, string>; rssTargetMb: number }[];
}

const conceptPath = '/k/musterland/konzept';
const conceptPathAr = `${conceptPath}?lang=ar`;
const coordinator = 'koordination@musterland.example';
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** The internal edition page with the most content (the demo has an adopted edition and a draft). */
export async function biggestEditionPage(base: string, cookie: string): Promise<string> {
  const list = await (await fetch(`${base}/app/k/musterland/fassungen`, { headers: { cookie } })).text();
  let best = { path: '', bytes: -1 };
  for (const p of new Set([...list.matchAll(/href="(\/app\/k\/musterland\/fassungen\/[0-9a-f-]{36})"/g)].map((m) => m[1]!))) {
    const bytes = (await (await fetch(base + p, { headers: { cookie } })).arrayBuffer()).byteLength;
    if (bytes > best.bytes) best = { path: p, bytes };
  }
  if (!best.path) throw new Error('no edition page found');
  return best.path;
}

interface Measured {
  kind: string;
  name: string;
  file: string;
  load: LoadResult;
  bytes: number;
}

export async function pagesBench(ctx: PagesContext) {
  const { emit, log, tmpDir, loadSeconds } = ctx;
  const staticDir = path.join(tmpDir, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  const save = (body: Buffer) => {
    const name = createHash('sha1').update(body).digest('hex').slice(0, 16) + '.html';
    fs.writeFileSync(path.join(staticDir, name), body);
    return name;
  };
  const measured: Measured[] = [];

  for (const database of ctx.databases) {
    const { kind } = database;
    let t0 = performance.now();
    let server = await ctx.startServer(`server-${kind}`, database.env);
    await waitForHealth(server.url, server.child);
    emit({ name: `startup_${kind}_fresh`, value: round((performance.now() - t0) / 1000, 1), unit: 's', db: kind, note: 'process start to /healthz: empty data, migrations, demo seed' });
    emit({ name: `rss_${kind}_idle`, value: rssMb(server.child.pid!), unit: 'MB', db: kind, note: 'right after start-up, before any page' });

    // The cached page for anonymous visitors (the portal's normal case), in German and in Arabic
    // (right to left, translations looked up, the DE marks: a bigger page).
    for (const [suffix, pagePath] of [['', conceptPath], ['_ar', conceptPathAr]] as const) {
      const anonymous = Buffer.from(await (await fetch(server.url + pagePath)).arrayBuffer());
      log(`load ${kind}: anonymous ${pagePath} (cached), ${loadSeconds} s`);
      await runLoad(server.url + pagePath, 2);
      const cached = await runLoad(server.url + pagePath, loadSeconds);
      emitLoad(`portal${suffix}_${kind}`, cached, { db: kind, path: pagePath, pageBytes: anonymous.length, cache: 'anonymous' });
      measured.push({ kind, name: `portal${suffix}_${kind}`, file: save(anonymous), load: cached, bytes: anonymous.length });
    }

    // Signed in: public pages come from the kept copy only after one query confirmed that nothing in the
    // Kommune changed since its snapshot (fresh for every committed write); internal pages render every time.
    const cookie = await signIn(server.url, coordinator);
    const editionPath = await biggestEditionPage(server.url, cookie);
    for (const [label, pagePath] of [['concept', conceptPath], ['concept_ar', conceptPathAr], ['edition', editionPath]] as const) {
      const body = Buffer.from(await (await fetch(server.url + pagePath, { headers: { cookie } })).arrayBuffer());
      log(`load ${kind}: signed-in ${pagePath}, ${loadSeconds} s`);
      await runLoad(server.url + pagePath, 2, 10, cookie);
      const r = await runLoad(server.url + pagePath, loadSeconds, 10, cookie);
      emitLoad(`fresh_${label}_${kind}`, r, { db: kind, path: pagePath.replace(/[0-9a-f-]{36}/, ':id'), pageBytes: body.length, cache: label === 'edition' ? 'none (internal page, rendered every time)' : 'signed in: kept page, checked against the database per request' });
      measured.push({ kind, name: `fresh_${label}_${kind}`, file: save(body), load: r, bytes: body.length });
    }
    const rss = rssMb(server.child.pid!);
    emit({ name: `rss_${kind}_after_load`, value: rss, unit: 'MB', db: kind, target: `<= ${database.rssTargetMb}`, meets: rss !== null && rss <= database.rssTargetMb });
    await stopChild(server.child);
    // The crawl takes most of the page part's time; `IKON_BENCH_CRAWL=0` measures the loads only.
    if (process.env.IKON_BENCH_CRAWL === '0') continue;

    // Reopened: same data, no seed. Query counting on for the crawl (Server-Timing).
    t0 = performance.now();
    server = await ctx.startServer(`server-${kind}-reopened`, { ...database.env, IKON_QUERY_STATS: '1' });
    await waitForHealth(server.url, server.child);
    emit({ name: `startup_${kind}_reopened`, value: round((performance.now() - t0) / 1000, 1), unit: 's', db: kind, note: 'process start to /healthz: existing data' });
    log(`crawl ${kind} as ${coordinator}`);
    const cookie2 = await signIn(server.url, coordinator);
    const pages = (await crawl(server.url, { cookie: cookie2, perRoute: 5 })).map((p): TimedPage => ({ ...p, file: save(p.body), firstMs: p.times[0] }));
    // Timing pass: each page from ikon and its bytes from the static server, alternately, so both
    // see the same moment of a busy machine.
    const stat = await startStatic(staticDir);
    try {
      log(`timing ${pages.length} pages (${crawlVisits} visits each, alternating with the static server)`);
      for (const page of pages) {
        page.times = [];
        page.staticTimes = [];
        for (let i = 0; i < crawlVisits; i++) {
          page.times.push(await timeGet(server.url + page.url, cookie2));
          page.staticTimes.push(await timeGet(`${stat.url}/${page.file}`));
        }
      }
    } finally {
      await stopChild(stat.child);
    }
    crawlReport(kind, pages, ctx);
    const rssCrawl = rssMb(server.child.pid!);
    emit({ name: `rss_${kind}_after_crawl`, value: rssCrawl, unit: 'MB', db: kind, pages: pages.length, target: `<= ${database.rssTargetMb}`, meets: rssCrawl !== null && rssCrawl <= database.rssTargetMb });
    await stopChild(server.child);
  }

  // The static ceiling for every body measured above, in the same run.
  const stat = await startStatic(staticDir);
  try {
    const ceilings = new Map<string, LoadResult>();
    for (const m of measured) {
      let ceiling = ceilings.get(m.file);
      if (!ceiling) {
        log(`load static: ${m.bytes} bytes, ${loadSeconds} s`);
        await runLoad(`${stat.url}/${m.file}`, 2);
        ceiling = await runLoad(`${stat.url}/${m.file}`, loadSeconds);
        ceilings.set(m.file, ceiling);
        emitLoad(`static_ceiling_${m.bytes}`, ceiling, { db: 'none', pageBytes: m.bytes });
      }
      const ratio = m.load.requestsPerSec / ceiling.requestsPerSec;
      const target = m.name.startsWith('portal_') ? 0.5 : 0.25;
      emit({ name: `${m.name}_vs_static`, value: round(ratio, 3), unit: 'ratio', pageBytes: m.bytes, staticRequestsPerSec: round(ceiling.requestsPerSec, 1), target: `>= ${target}`, meets: ratio >= target });
    }
  } finally {
    await stopChild(stat.child);
  }

  function emitLoad(name: string, r: LoadResult, extra: Record<string, unknown>) {
    const common = { ...extra, connections: 10, durationSec: loadSeconds, requestsTotal: r.requestsTotal, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
    emit({ name: `${name}_requests_per_sec`, value: round(r.requestsPerSec, 1), unit: 'req/s', ...common });
    emit({ name: `${name}_latency_p99`, value: r.latencyP99, unit: 'ms', p50: r.latencyP50, max: r.latencyMax, ...common });
  }
}

const crawlVisits = 5;

export async function startStatic(dir: string) {
  const port = await freePort();
  const child = startChild('static', ['bench/static-server.mjs', dir, String(port)], process.env);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 10_000);
  return { child, url };
}

async function timeGet(url: string, cookie?: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  await res.arrayBuffer();
  return performance.now() - t0;
}

/**
 * `firstMs`: the crawl's own visit, the first request for the page in this server process. Later
 * visits may be answered from a kept copy (kept pages, kept derived data, checked against the
 * database on each request): the first visit is what a page costs rendered from scratch.
 */
type TimedPage = CrawledPage & { file: string; staticTimes?: number[]; firstMs?: number };

/** Per route: p50/p95 of ikon's times and of the static server's for the same bytes, one connection. */
function crawlReport(kind: string, pages: TimedPage[], ctx: PagesContext) {
  const byRoute = new Map<string, { ikon: number[]; first: number[]; fixed: number[]; pages: number; bytes: number[]; queries: number[]; dbMs: number[]; statuses: Set<number> }>();
  for (const page of pages) {
    const r = byRoute.get(page.route) ?? { ikon: [], first: [], fixed: [], pages: 0, bytes: [], queries: [], dbMs: [], statuses: new Set<number>() };
    r.ikon.push(...page.times);
    if (page.firstMs !== undefined) r.first.push(page.firstMs);
    r.fixed.push(...(page.staticTimes ?? []));
    r.pages++;
    r.bytes.push(page.bytes);
    r.statuses.add(page.status);
    if (page.queries !== undefined) r.queries.push(page.queries);
    if (page.dbMs !== undefined) r.dbMs.push(page.dbMs);
    byRoute.set(page.route, r);
  }
  const rows = [...byRoute].map(([route, r]) => {
    const p50 = quantile(r.ikon, 0.5);
    const p95 = quantile(r.ikon, 0.95);
    const s50 = quantile(r.fixed, 0.5);
    const s95 = quantile(r.fixed, 0.95);
    return {
      route,
      pages: r.pages,
      bytes: Math.round(quantile(r.bytes, 0.5)),
      status: [...r.statuses].join(','),
      p50: round(p50, 1),
      p95: round(p95, 1),
      staticP50: round(s50, 2),
      staticP95: round(s95, 2),
      ratioP50: round(p50 / s50, 1),
      ratioP95: round(p95 / s95, 1),
      firstP50: r.first.length ? round(quantile(r.first, 0.5), 1) : undefined,
      ratioFirst: r.first.length ? round(quantile(r.first, 0.5) / s50, 1) : undefined,
      queries: r.queries.length ? Math.max(...r.queries) : undefined,
      dbMsP50: r.dbMs.length ? round(quantile(r.dbMs, 0.5), 1) : undefined,
    };
  });
  rows.sort((a, b) => b.ratioP50 - a.ratioP50);
  for (const row of rows) ctx.emit({ name: `crawl_${kind}_route`, value: row.ratioP50, unit: 'ratio p50 to static', db: kind, ...row });
  const worst = rows[0]?.ratioP50 ?? 0;
  ctx.emit({
    name: `crawl_${kind}_worst_routes`,
    value: worst,
    unit: 'ratio p50 to static',
    db: kind,
    routes: rows.length,
    pages: pages.length,
    visitsPerPage: crawlVisits,
    withinTarget: rows.filter((r) => r.ratioP50 <= 10).length,
    withinTargetFirstVisit: rows.filter((r) => (r.ratioFirst ?? Infinity) <= 10).length,
    worst5: rows.slice(0, 5).map((r) => ({ route: r.route, ratioP50: r.ratioP50, ratioP95: r.ratioP95, ratioFirst: r.ratioFirst, p50: r.p50, staticP50: r.staticP50, queries: r.queries })),
    worstFirstVisit5: [...rows].sort((a, b) => (b.ratioFirst ?? 0) - (a.ratioFirst ?? 0)).slice(0, 5).map((r) => ({ route: r.route, ratioFirst: r.ratioFirst, firstP50: r.firstP50, staticP50: r.staticP50 })),
    mostQueries: [...rows].sort((a, b) => (b.queries ?? 0) - (a.queries ?? 0)).slice(0, 5).map((r) => ({ route: r.route, queries: r.queries, dbMsP50: r.dbMsP50 })),
    target: '<= 10',
    meets: worst <= 10,
  });
}
