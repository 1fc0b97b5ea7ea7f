import { getConnInfo } from '@hono/node-server/conninfo';
import type { Ctx } from './env.js';

/** The peer address of the request's socket (in-process requests in tests have none). */
export function clientAddress(c: Ctx): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
