// Real `src/main.ts` processes for tests of start-up and operations: spawn, wait for a line,
// wait for the exit, stop. Waits are on conditions (output, exit), never on the clock.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output matches (or rejects when the process exits first). */
  waitFor(pattern: RegExp): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs `script` (e.g. 'src/main.ts') with ikon's environment on top of this one (no PostgreSQL
 * unless given): under `npm test` its compiled twin from IKON_TEST_BUILD_DIR (the same code,
 * ~2.5 s less CPU per start, see scripts/build-tests.mjs), else `node --import tsx <script>`.
 */
export function startProcess(script: string, env: Record<string, string>, args: string[] = []): ServerProcess {
  return spawnServer([...nodeArgsFor(script), ...args], env);
}

/** node's arguments that run `script`: its compiled twin under `npm test`, else through tsx. */
export function nodeArgsFor(script: string): string[] {
  const compiled = process.env.IKON_TEST_BUILD_DIR && path.join(process.env.IKON_TEST_BUILD_DIR, script.replace(/\.tsx?$/, '.js'));
  return compiled && fs.existsSync(compiled) ? ['--enable-source-maps', compiled] : ['--import', 'tsx', script];
}

/**
 * `src/main.ts` on a new PGlite data directory (no demo data) and a free port, once it says it
 * runs; `dispose` stops it (`signal`, SIGTERM unless given) and removes the directory.
 */
export async function startOnNewDataDir(): Promise<{ server: ServerProcess; port: number; base: string; dispose(signal?: NodeJS.Signals): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-server-'));
  const port = await freePort();
  const server = startProcess('src/main.ts', { DATA_DIR: dataDir, IKON_DEMO: '0', PORT: String(port) });
  await server.waitFor(/ikon läuft auf/);
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    async dispose(signal) {
      await server.stop(signal);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server as `npm start` starts it (package.json's start script: its variables, node's flags,
 * scripts/start.mjs), but node itself rather than npm, so that the child's pid is the server's.
 */
export function npmStart(): { env: Record<string, string>; args: string[] } {
  const script: string = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start;
  const words = script.split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
  return { env, args: words.slice(node + 1) };
}

/** Starts the server as `npm start` does, with `env` on top. */
export function startAsNpmStart(env: Record<string, string>): ServerProcess {
  const start = npmStart();
  return spawnServer(start.args, { ...start.env, ...env });
}

function spawnServer(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      for (const l of listeners) l();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            listeners.delete(check);
            resolve();
          } else if (child.exitCode !== null || child.signalCode !== null) {
            listeners.delete(check);
            reject(new Error(`process exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${out}`));
          }
        };
        listeners.add(check);
        check();
      });
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A browser-like client of a running server: keeps cookies, takes `_csrf` from the forms it loads. */
export class HttpClient {
  /** `cookies`: pass another client's to continue its session on another server (several instances). */
  constructor(
    readonly base: string,
    readonly cookies = new Map<string, string>(),
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
    return res;
  }

  /** Loads the form page, then posts the fields with the page's CSRF token. */
  async submit(formPage: string, action: string, fields: Record<string, string>): Promise<Response> {
    const html = await (await this.request(formPage)).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!csrf) throw new Error(`no CSRF field on ${formPage}`);
    return this.request(action, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, _csrf: csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }
}
