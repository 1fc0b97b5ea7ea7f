import { after, before, describe } from 'node:test';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database, DatabaseKind, Db } from '../../src/db/client.js';
import { dbKinds, openTestDatabase, type Fixture } from './databases.js';
import type { Mail, Mailer } from '../../src/platform/mail/mailer.js';
import { demoPassword } from '../../src/platform/auth/demo-accounts.js';

/** A running in-process app on a database of its own; `request` goes through app.request(). */
export interface TestApp {
  kind: DatabaseKind;
  app: App;
  database: Database;
  db: Db;
  /** Mails "sent" while no SMTP server is configured are captured here when a test passes captureMail. */
  mails: Mail[];
  client(): TestClient;
  /** A client already signed in as one of the demo accounts (password: the demo password). */
  signIn(email: string, password?: string): Promise<TestClient>;
  close(): Promise<void>;
}

export async function startTestApp(
  kind: DatabaseKind,
  fixture: Fixture = 'demo',
  opts: { captureMail?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind, fixture);
  const mails: Mail[] = [];
  const mailer: Mailer | undefined = opts.captureMail ? { enabled: true, send: async (m) => (mails.push(m), true) } : undefined;
  const app = createApp({ database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused', ...opts.env }), mailer });
  const t: TestApp = {
    kind,
    app,
    database,
    db: database.db,
    mails,
    client: () => new TestClient(app),
    async signIn(email, password = demoPassword) {
      const c = new TestClient(app);
      const res = await c.post('/anmelden', { email, password });
      if (res.status !== 303) throw new Error(`sign-in as ${email} failed with ${res.status}`);
      return c;
    },
    close: () => database.close(),
  };
  return t;
}

/**
 * Runs the same suite on PGlite and on PostgreSQL, each with its own database made from the
 * fixture. Tests inside a suite share that database: write tests that do not depend on order.
 */
export function describeEachDb(title: string, fn: (ctx: () => TestApp) => void, fixture: Fixture = 'demo', opts: { captureMail?: boolean } = {}) {
  for (const kind of dbKinds) {
    describe(`${title} [${kind}]`, () => {
      let t: TestApp;
      before(async () => {
        t = await startTestApp(kind, fixture, opts);
      });
      after(async () => {
        await t?.close();
      });
      fn(() => t);
    });
  }
}

/** Keeps cookies like a browser and adds the CSRF field/header to every write. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: App) {}

  /** The CSRF token the server gave this client (its `ikon_csrf` cookie; `__Host-` under https). */
  get csrf() {
    return this.cookies.get('ikon_csrf') ?? this.cookies.get('__Host-ikon_csrf') ?? '';
  }

  /** A fresh client has no token yet: it opens a page first, as a browser would. */
  private async ensureCsrf() {
    if (!this.csrf) await this.get('/anmelden');
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set('cookie', this.cookieHeader());
    return this.remember(await this.app.request(path, { ...init, headers }));
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** An urlencoded form post; arrays become repeated fields. `_csrf` is added unless given. */
  async post(path: string, form: Record<string, string | number | string[] | undefined>) {
    await this.ensureCsrf();
    const body = new URLSearchParams();
    if (!('_csrf' in form)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, String(item));
    }
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A multipart post (file uploads). */
  async postMultipart(path: string, form: FormData) {
    await this.ensureCsrf();
    if (!form.has('_csrf')) form.append('_csrf', this.csrf);
    return this.request(path, { method: 'POST', body: form });
  }

  /** A JSON API call with the CSRF header a browser client would send. */
  async json(method: string, path: string, body?: unknown) {
    if (!['GET', 'HEAD'].includes(method)) await this.ensureCsrf();
    return this.request(path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf, accept: 'application/json' },
    });
  }
}
