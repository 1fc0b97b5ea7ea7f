import { sql } from 'drizzle-orm';
import { Hono, type MiddlewareHandler } from 'hono';
import { dbOf, type AppEnv } from './env.js';

/** Per-instance request counters for /metrics (Prometheus scrapes each instance). */
const requestCounts = new Map<string, number>();
export const countRequests: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const key = `${c.req.method} ${Math.floor(c.res.status / 100)}xx`;
  requestCounts.set(key, (requestCounts.get(key) ?? 0) + 1);
};

export function healthRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    await dbOf(c).execute(sql`select 1`);
    return c.json({ status: 'ok', database: c.get('services').database.kind });
  });
  app.get('/metrics', (c) => {
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
