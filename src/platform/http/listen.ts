import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { translator } from '../i18n/i18n.js';

type Fetch = (request: Request, env: any) => Response | Promise<Response>;

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`Port ${port} auf ${host} ist schon belegt – läuft ikon dort bereits? Beenden Sie den anderen Prozess oder wählen Sie einen anderen PORT.`);
    this.name = 'PortInUseError';
  }
}

export interface EarlyListener {
  port: number;
  /** Hands the requests over to the application once the database is ready. */
  ready(fetch: Fetch): void;
  close(): Promise<void>;
  /**
   * For shutting down: accepts no new connection, lets the requests that are running finish (for at
   * most `graceMs`), then closes every connection. Resolves when no request runs any more: only
   * then may the database be closed.
   */
  drain(graceMs: number): Promise<void>;
}

/**
 * Binds the port before the database is opened, so a second start on a busy port fails before
 * it touches anything. Until `ready`, every request gets 503 with Retry-After (health checks
 * and reverse proxies see "starting", not "refused").
 */
export async function listenFirst(host: string, port: number): Promise<EarlyListener> {
  const starting: Fetch = (request) => {
    const t = translator('de');
    // A person in a browser gets a page (no automatic reload: WCAG 2.2.1); clients get problem+json.
    if (request.headers.get('accept')?.includes('text/html')) {
      const page = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>ikon</title></head><body><main><h1>${t('error.starting')}</h1></main></body></html>`;
      return new Response(page, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5' } });
    }
    return new Response(JSON.stringify({ type: 'https://ikon.invalid/problems/starting', code: 'starting', title: t('error.starting'), status: 503 }), {
      status: 503,
      headers: { 'content-type': 'application/problem+json; charset=utf-8', 'retry-after': '5' },
    });
  };
  let handler = starting;
  const server: ServerType = createAdaptorServer({ fetch: (request, env) => handler(request, env) });
  const running = runningRequests(server as http.Server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new PortInUseError(host, port) : err));
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    ready: (fetch) => (handler = fetch),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async drain(graceMs) {
      server.close();
      running.draining = true;
      await running.finished(graceMs);
      (server as http.Server).closeAllConnections();
    },
  };
}

/**
 * Counts the requests between their arrival and the end of their response. Between the requests of
 * a kept-alive connection it is idle: `server.close()` closes such connections, and a request that
 * arrives on one meanwhile is counted like any other.
 */
function runningRequests(server: http.Server) {
  let count = 0;
  const waiting = new Set<() => void>();
  const state = {
    /** Set by drain: only then are connections closed when they fall idle (before, they stay kept alive). */
    draining: false,
    finished(graceMs: number) {
      if (count === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        waiting.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
  server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    count += 1;
    response.once('close', () => {
      count -= 1;
      if (count > 0 || !state.draining) return;
      server.closeIdleConnections();
      for (const done of waiting) done();
    });
  });
  return state;
}
