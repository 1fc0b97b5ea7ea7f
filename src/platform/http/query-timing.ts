import type { MiddlewareHandler } from 'hono';
import { queryStatsEnabled, withQueryStats } from '../../db/query-stats.js';

/**
 * With query counting on (`IKON_QUERY_STATS=1`, src/db/query-stats.ts) every response says how
 * many queries it took and how long they ran: `Server-Timing: db;dur=12.3;desc="14 queries"`
 * (shown by the browser's developer tools; read by `npm run bench`). Off: passes through.
 */
export const queryTiming: MiddlewareHandler = async (c, next) => {
  if (!queryStatsEnabled()) return next();
  const { stats } = await withQueryStats(() => next());
  try {
    c.res.headers.append('server-timing', `db;dur=${stats.ms.toFixed(1)};desc="${stats.count} queries"`);
  } catch {
    // A response with immutable headers (a proxied one) goes out without the timing.
  }
};
