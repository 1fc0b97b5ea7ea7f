import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import { dbOf, type AppEnv, type Ctx } from './env.js';
import { problem } from './errors.js';

/** Per-instance request counters for /metrics (Prometheus scrapes each instance). */
const requestCounts = new Map<string, number>();
export const countRequests: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const key = `${c.req.method} ${Math.floor(c.res.status / 100)}xx`;
  requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
};

/**
 * A transaction during which the database answered nothing for this long counts as stuck for
 * /healthz. Where the database does not say when it last answered (PGlite in process), a
 * transaction longer than this counts as stuck.
 */
const maxQuietTransactionMs = 60_000;

/**
 * A database that answered a query this recently works: /healthz then needs no round trip of its
 * own. During a 5,000-row import on PostgreSQL `select 1` had to wait twice for the request thread
 * (sending, then reading the answer) between the import's slices of JavaScript, and for CPU that
 * PostgreSQL gave the import (p99 2.6–7.7× idle, issue 8.4); the import's own answers say the same.
 * A database that dies is reported at most this much later.
 */
const answeredRecentlyMs = 1_000;

export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    const { database } = c.get('services');
    const unavailable = () => c.json({ status: 'unavailable', database: database.kind }, 503);
    // PGlite has one connection: while a transaction holds it (an import of thousands of rows),
    // `select 1` would wait for its end. A running transaction whose statements keep getting
    // answers shows the database works (on a busy machine a 5,000-row import runs for minutes,
    // issue 8.4); only one during which the database fell silent makes the check query (and
    // hang, as the server then does). A thread that ended is a dead database, whatever runs.
    if (database.pglite?.closed) return unavailable();
    const answeredAt = database.lastAnswerAt?.() ?? null;
    const since = database.transactionSince?.() ?? null;
    const lastSign = since === null ? null : Math.max(since, answeredAt ?? since);
    let busy = lastSign !== null && Date.now() - lastSign < maxQuietTransactionMs;
    if (!busy && !(answeredAt !== null && Date.now() - answeredAt < answeredRecentlyMs)) {
      // A transaction that begins while `select 1` waits its turn would hold it for all its length.
      const query = dbOf(c).execute(sql`select 1`).then(() => false);
      const next = database.nextTransaction?.();
      try {
        busy = next ? await Promise.race([query, next.begun.then(() => true)]) : await query;
      } catch (error) {
        console.error(`[${new Date().toISOString()}] /healthz: Datenbank nicht erreichbar (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message})`);
        return unavailable();
      } finally {
        next?.stop();
      }
      if (busy) query.catch(() => undefined);
    }
    return c.json({ status: 'ok', database: database.kind, ...(busy ? { busy: true } : {}) });
  });
  app.get('/metrics', (c) => {
    const refused = refuseWithoutToken(c);
    if (refused) return refused;
    const mem = process.memoryUsage();
    const lines = [
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${mem.rss}`,
      '# HELP nodejs_heap_used_bytes V8 heap in use.',
      '# TYPE nodejs_heap_used_bytes gauge',
      `nodejs_heap_used_bytes ${mem.heapUsed}`,
      '# HELP ikon_http_requests_total HTTP requests by method and status class.',
      '# TYPE ikon_http_requests_total counter',
      ...[...requestCounts].map(([k, n]) => {
        const [method, status] = k.split(' ');
        return `ikon_http_requests_total{method="${method}",status="${status}"} ${n}`;
      }),
      `ikon_database_info{kind="${c.get('services').database.kind}"} 1`,
    ];
    return c.text(lines.join('\n') + '\n', 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  return app;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * /metrics shows memory and traffic, so it needs METRICS_TOKEN as a Bearer token. Without a
 * configured token it is off (404): behind a reverse proxy on the same host every request comes
 * from loopback, so the peer address cannot tell an operator from the internet.
 */
function refuseWithoutToken(c: Ctx): Response | undefined {
  const token = c.get('services').config.metricsToken;
  if (!token) return problem(c, new AppError('not_found', 'error.metrics_disabled'));
  const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  // Compare digests: equal length for timingSafeEqual, and no timing hint about the token.
  if (timingSafeEqual(digest(given), digest(token))) return undefined;
  const res = problem(c, new AppError('unauthenticated', 'error.metrics_token'));
  res.headers.set('www-authenticate', 'Bearer realm="ikon-metrics"');
  return res;
}
