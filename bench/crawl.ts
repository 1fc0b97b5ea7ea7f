// Crawls every page a signed-in person can reach from /app and every public page of the demo
// Kommune, over HTTP, one request at a time (issue 9). Used by `npm run bench` (times per route)
// and on its own to save the pages for a before/after comparison of a query rewrite:
//   npx tsx bench/crawl.ts http://127.0.0.1:3417 DIR [email]
// writes one file per URL into DIR with the CSRF tokens stripped (`diff -r` two such DIRs).
import fs from 'node:fs';
import path from 'node:path';

export interface CrawledPage {
  url: string;
  route: string;
  status: number;
  bytes: number;
  /** Response time of each visit (ms): headers and the whole body. */
  times: number[];
  body: Buffer;
  /** Server-Timing `db` of the last visit, when the server counts queries (IKON_QUERY_STATS=1). */
  queries?: number;
  dbMs?: number;
}

/** Ids and numbers in a path become placeholders; query values are dropped (names kept, sorted). */
export function routeOf(url: string): string {
  const u = new URL(url, 'http://x');
  const p = u.pathname
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/\d+(\.\d+)+(?=\/|$)/g, '/:nr')
    .replace(/\/\d+(?=\/|$)/g, '/:n');
  const names = [...new Set([...u.searchParams.keys()])].sort();
  return names.length ? `${p}?${names.join('&')}` : p;
}

/** Removes what differs between two renders of the same content: CSRF tokens. */
export const stripVolatile = (html: string) =>
  html.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""').replace(/content="[^"]*" name="csrf-token"|name="csrf-token" content="[^"]*"/g, 'name="csrf-token"');

const skip = (pathname: string) =>
  /\.(csv|xlsx|docx|pdf|json|zip|png|svg|css|js|woff2?)$/i.test(pathname) ||
  /\/anhang\//.test(pathname) ||
  /^\/(abmelden|api\/|assets\/|healthz|metrics)/.test(pathname);

export async function signIn(base: string, email: string, password = 'Musterland-Demo-2026'): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [kv] = c.split(';');
      const i = kv!.indexOf('=');
      jar.set(kv!.slice(0, i), kv!.slice(i + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/anmelden`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('no CSRF token on /anmelden');
  const res = await fetch(`${base}/anmelden`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded', origin: base, 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ _csrf: csrf, email, password }),
  });
  keep(res);
  if (res.status !== 303) throw new Error(`sign-in as ${email}: ${res.status}`);
  return header();
}

export interface CrawlOptions {
  /** Cookie header of a signed-in session (crawls /app too); without it only public pages. */
  cookie?: string;
  /** Start paths (default /app when signed in, and /k/musterland). */
  start?: string[];
  /** Visits per URL (the times are per visit). */
  visits?: number;
  /** At most this many URLs per route (filters and languages multiply public URLs). */
  perRoute?: number;
  maxPages?: number;
}

export async function crawl(base: string, opts: CrawlOptions = {}): Promise<CrawledPage[]> {
  const origin = new URL(base).origin;
  const headers: Record<string, string> = opts.cookie ? { cookie: opts.cookie } : {};
  const queue = [...(opts.start ?? [...(opts.cookie ? ['/app'] : []), '/k/musterland'])];
  const seen = new Set(queue);
  const perRoute = new Map<string, number>();
  const pages: CrawledPage[] = [];
  while (queue.length && pages.length < (opts.maxPages ?? 2000)) {
    const pathAndQuery = queue.shift()!;
    const url = origin + pathAndQuery;
    const times: number[] = [];
    let res: Response | undefined;
    let body = Buffer.alloc(0);
    for (let i = 0; i < (opts.visits ?? 1); i++) {
      const t0 = performance.now();
      res = await fetch(url, { headers, redirect: 'manual' });
      body = Buffer.from(await res.arrayBuffer());
      times.push(performance.now() - t0);
    }
    const location = res!.headers.get('location');
    if (res!.status >= 300 && res!.status < 400 && location) {
      enqueue(location, pathAndQuery);
      continue;
    }
    const timing = /db;dur=([\d.]+);desc="(\d+)/.exec(res!.headers.get('server-timing') ?? '');
    const page: CrawledPage = { url: pathAndQuery, route: routeOf(pathAndQuery), status: res!.status, bytes: body.length, times, body };
    if (timing) Object.assign(page, { dbMs: Number(timing[1]), queries: Number(timing[2]) });
    pages.push(page);
    if (!(res!.headers.get('content-type') ?? '').includes('text/html')) continue;
    for (const m of body.toString('utf8').matchAll(/<a\b[^>]*?\shref="([^"#]*)(?:#[^"]*)?"[^>]*>/g)) {
      if (/\sdownload\b/.test(m[0])) continue;
      enqueue(m[1]!.replace(/&amp;/g, '&'), pathAndQuery);
    }
  }
  return pages;

  function enqueue(href: string, from: string) {
    if (!href) return;
    let u: URL;
    try {
      u = new URL(href, origin + from);
    } catch {
      return;
    }
    if (u.origin !== origin || skip(u.pathname)) return;
    if (!opts.cookie && u.pathname.startsWith('/app')) return;
    if (!u.pathname.startsWith('/app') && !u.pathname.startsWith('/k/')) return;
    const key = u.pathname + u.search;
    if (seen.has(key)) return;
    const route = routeOf(key);
    const n = perRoute.get(route) ?? 0;
    if (n >= (opts.perRoute ?? 10)) return;
    perRoute.set(route, n + 1);
    seen.add(key);
    queue.push(key);
  }
}

/** File name for a crawled URL in a save directory. */
export const fileNameOf = (url: string) => url.replace(/^\//, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 200) + '.html';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, dir, email = 'koordination@musterland.example'] = process.argv.slice(2);
  if (!base || !dir) {
    console.error('usage: tsx bench/crawl.ts BASE_URL DIR [email]');
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  const cookie = await signIn(base, email);
  const pages = await crawl(base, { cookie, perRoute: 1000 });
  for (const p of pages) fs.writeFileSync(path.join(dir, fileNameOf(p.url)), `<!-- ${p.status} ${p.url} -->\n` + stripVolatile(p.body.toString('utf8')));
  console.error(`${pages.length} pages saved in ${dir}`);
}
