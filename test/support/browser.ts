/**
 * Browser tests: the real app on an ephemeral port, Debian's Chromium (its headless shell where
 * installed, see `testChromium`) through playwright-core,
 * and an axe check (WCAG 2.2 A/AA) of every page a test visits.
 *
 *   const suite = browserSuite();            // one server + database per test FILE, one browser per process
 *   suite.test('Koordination legt … an', async (page) => {
 *     await signIn(page, 'koordination@musterland.example');
 *     await visit(page, '/app/k/musterland/fassungen');          // navigates and runs axe
 *     await submit(page, page.getByRole('button', { name: 'Speichern' })); // clicks, waits, runs axe
 *   });
 *
 * `visit` and `submit` record axe violations instead of stopping at the first one, so a test
 * still checks its whole flow; the test fails at its end with the list of every violation on
 * every page it saw. `expectNoAxeViolations(page)` checks the current page and throws at once.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import type axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from './databases.js';
import { demoPassword } from '../../src/platform/auth/demo-accounts.js';

export { demoPassword };

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * `--js-flags=--max-opt=1`: page scripts (axe above all) run in V8's interpreter and baseline compiler only, without
 * the optimising compilers. axe runs once per page state, in a new page each time: its optimised code was compiled
 * on Chromium's helper threads and thrown away with the page. Three big pages with axe, three times each: Chromium's
 * CPU 19.7–22.3 s by default, 12.3–15.9 s with this flag, 15.1–16.4 s with Maglev (`--max-opt=2`). Pages behave the
 * same; only less of their JavaScript is compiled (session 18, docs/decisions.md).
 */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--max-opt=1'];
/** IKON_BROWSER_DEBUG=1 logs how long navigations and axe runs take. */
const debug = (msg: string) => {
  if (process.env.IKON_BROWSER_DEBUG) console.log(`[browser] ${msg}`);
};
const screenshotDir = path.resolve('.tmp/browser-screenshots');
/**
 * Per action (click, fill, screenshot). A click that submits waits for the navigation it starts,
 * and at load 13 on two cores making a Vorlage final (it renders the PDFs) and a full-page
 * screenshot of the Arabic concept page each took longer than the former 15 s (session 8): a test
 * must not fail because the machine is busy.
 */
const actionTimeout = 60_000;
/**
 * Per page load: some submits do real work (making a Vorlage final renders the concept PDF), and
 * at load 30 on two cores such a request took longer than 15 s.
 */
const navigationTimeout = 120_000;

/** What the helpers remember about a page: where the app runs and what axe found so far. */
interface PageState {
  baseUrl: string;
  violations: string[];
  checked: string[];
  /** Per test file: what axe found per page state (pageKey). */
  seen: Map<string, string[]>;
}
const states = new WeakMap<Page, PageState>();
const stateOf = (page: Page) => {
  const s = states.get(page);
  if (!s) throw new Error('this page was not opened by the browser suite (use suite.test / suite.newPage)');
  return s;
};

/** The app on a port of its own, on a database of its own (PGlite, demo data). */
export interface RunningApp {
  baseUrl: string;
  database: Database;
  close(): Promise<void>;
}

/** `env`: further configuration, e.g. an SMTP server for flows that send mail. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningApp> {
  const database = await openTestDatabase('pglite', 'demo');
  let fetch: ((req: Request, env: unknown) => Response | Promise<globalThis.Response>) | undefined;
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: (req: Request, env: unknown) => fetch!(req, env) as any, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused', HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: baseUrl, ...env });
  const app = createApp({ database, config });
  fetch = (req, env) => app.fetch(req, env as any) as any;
  return {
    baseUrl,
    database,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as any).closeAllConnections?.();
      });
      await database.close();
    },
  };
}

/**
 * Debian's two builds of Chromium: the browser, and `chromium-headless-shell` (package of the same
 * name, built from the same source and version: the same Blink, V8 and accessibility tree, without
 * the browser's windowing and profile machinery; what playwright itself runs for headless tests).
 * The tests drive the shell where it is installed (`.ci/run` installs it): a page load with its axe
 * check cost ~35–40 % less CPU there (session 14: 24 loads with axe, 83 s → 49–59 s of machine CPU).
 * test/browser/full-chromium.test.ts checks that the full browser finds the same. `IKON_CHROMIUM`
 * names another binary.
 */
export const fullChromium = '/usr/bin/chromium';
export const headlessShell = '/usr/bin/chromium-headless-shell';
export const testChromium = process.env.IKON_CHROMIUM ?? (fs.existsSync(headlessShell) ? headlessShell : fullChromium);

/** A browser of its own (the caller closes it). */
export async function launchBrowser(executablePath = testChromium): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

/**
 * The browser of this process, launched on first use, shared by every browser file of a lane
 * (scripts/lanes.mjs): a launch with its first page cost ~4.8 s of CPU, a new context ~0.5 s (session 13). Each
 * test still gets contexts of its own. Not closed by the files: playwright kills it when the
 * process exits. Launched again if it went away (a crash).
 */
let shared: Promise<Browser> | undefined;
export function sharedBrowser(): Promise<Browser> {
  const current = shared;
  if (current) {
    return current.then((b) => (b.isConnected() ? b : ((shared = undefined), sharedBrowser())));
  }
  const launched = launchBrowser();
  shared = launched;
  launched.catch(() => {
    if (shared === launched) shared = undefined;
  });
  return launched;
}

export interface BrowserSuite {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly database: Database;
  /** A fresh browser context (own cookies) with one page, checked by the helpers below. */
  newPage(): Promise<Page>;
  /** A node:test test with a fresh page; closes its context; fails on any recorded axe violation. */
  test(name: string, fn: (page: Page, t: TestContext) => Promise<void>, opts?: { timeout?: number }): void;
}

/**
 * Registers before/after hooks: one server and database for the whole test file, on the process's browser.
 * `opts.env` (read when the server starts, after earlier `before` hooks) configures the server.
 */
export function browserSuite(opts: { env?: () => Record<string, string> | Promise<Record<string, string>> } = {}): BrowserSuite {
  let running: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts = new Set<BrowserContext>();
  const seen = new Map<string, string[]>();
  /** The pages opened during the running test (its own and any second person's). */
  let testPages: Page[] = [];

  before(async () => {
    [running, browser] = await Promise.all([Promise.resolve(opts.env?.()).then(startServer), sharedBrowser()]);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await running?.close();
  });

  const suite: BrowserSuite = {
    get baseUrl() {
      return running!.baseUrl;
    },
    get browser() {
      return browser!;
    },
    get database() {
      return running!.database;
    },
    async newPage() {
      const context = await browser!.newContext({ baseURL: running!.baseUrl, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
      context.setDefaultTimeout(actionTimeout);
      context.setDefaultNavigationTimeout(navigationTimeout);
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      const page = await context.newPage();
      states.set(page, { baseUrl: running!.baseUrl, violations: [], checked: [], seen });
      testPages.push(page);
      return page;
    },
    test(name, fn, opts = {}) {
      // Ten minutes: at load 30 on two cores a browser test took over 180 s (the former limit).
      test(name, { timeout: opts.timeout ?? 600_000 }, async (t) => {
        testPages = [];
        const page = await suite.newPage();
        const pages = testPages;
        try {
          await fn(page, t);
        } catch (e) {
          await keepPicture(page, name).catch(() => {});
          const found = pages.flatMap((p) => stateOf(p).violations);
          if (found.length && e instanceof Error) e.message += `\n\nAxe also found on the way:\n${found.join('\n')}`;
          throw e;
        } finally {
          for (const p of pages) await p.context().close().catch(() => {});
          testPages = [];
        }
        const found = pages.flatMap((p) => stateOf(p).violations);
        const checked = pages.flatMap((p) => stateOf(p).checked);
        assert.ok(checked.length > 0, 'the test visited no page that was checked with axe');
        if (found.length) assert.fail(`axe (WCAG 2.2 A/AA) found ${found.length} violation(s) (rule per page):\n${found.join('\n')}`);
      });
    },
  };
  return suite;
}

/**
 * A full-page picture of a page that passed, for a person to look at (the Arabic layout, a
 * preview): taken only when IKON_SCREENSHOTS=1, e.g. `IKON_SCREENSHOTS=1 npm test --
 * test/browser/languages.test.ts`. Nothing checks these pictures, and the full-page pictures of
 * the largest pages (the concept page is 30,000–44,000 px tall) cost Chromium seconds of CPU
 * each: half of languages.test.ts's time (session 9). A failing test's page is always kept.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  if (process.env.IKON_SCREENSHOTS !== '1') return undefined;
  return keepPicture(page, name);
}

/** Saves a full-page screenshot under .tmp/browser-screenshots and returns the file. */
async function keepPicture(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^a-zA-Z0-9äöüÄÖÜß_-]+/g, '-').slice(0, 80)}.png`);
  const started = Date.now();
  await page.screenshot({ path: file, fullPage: true, timeout: navigationTimeout });
  debug(`screenshot ${Date.now() - started} ms ${page.url()} (${path.basename(file)})`);
  return file;
}

/**
 * axe-core run in the page itself. `@axe-core/playwright`'s AxeBuilder opened a second page for
 * every run (to combine frame results) and returned passes too: ~0.7 s of fixed cost per run, four
 * to five times the check itself on most pages (session 8: /app/k/musterland/fassungen 1.33 s →
 * 0.28 s, the public concept page 6.2 s → 2.3 s, same violations). ikon's pages have no frames.
 * Only violations are collected (`resultTypes`); every rule of the tags still runs on every node.
 */
const axeRunScript = `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(axeTags)} }, resultTypes: ['violations'] })`;

/**
 * axe-core's minified build, read from disk once per process. Not `import axe from 'axe-core'`:
 * evaluating axe in Node cost every browser file ~0.3 s of CPU for nothing, and `axe.source` is
 * the unminified build (1.5 MB), sent to and compiled in every page that axe checks; the
 * minified one (0.6 MB) is the same code and took 100–300 ms less per page (session 10).
 */
let axeSource: string | undefined;
const axeScript = () => (axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe on the page as it is now; returns one readable block per violated rule (the page's address first). */
export async function axeViolations(page: Page): Promise<string[]> {
  const url = new URL(page.url());
  return (await axeFindings(page)).map((v) => `  ${url.pathname}${url.search} ${v}`);
}

/** What axe finds on the page as it is now, one block per violated rule, without the page's address. */
async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate<boolean>(`typeof window.axe === 'object'`))) await page.evaluate(axeScript());
  const result = await page.evaluate<axe.AxeResults>(axeRunScript);
  return result.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 8)
      .map((n) => `      - ${n.target.map(String).join(' ')}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n\s*/g, ' / ')}` : ''}`)
      .join('\n');
    const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : '';
    return `[${v.id}] (${v.impact ?? 'n/a'}) ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
  });
}

/** Fails at once, listing rule id, impact, target selectors and help for every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const found = await axeViolations(page);
  if (found.length) assert.fail(`axe (WCAG 2.2 A/AA) found ${found.length} violation(s):\n${found.join('\n')}`);
}

/** Checks the current page with axe and records (does not throw) what it finds. */
export async function checkPage(page: Page): Promise<void> {
  const state = stateOf(page);
  state.violations.push(...(await layoutFaults(page)));
  // A page whose rendered state is the same as one already checked in this run (pageKey: the whole
  // DOM with its texts, the window's size, print or screen, scroll position, focus) gives axe
  // nothing new to find: its findings are reused. Any other page is checked.
  const url = new URL(page.url());
  const where = `${url.pathname}${url.search}`;
  const key = await pageKey(page);
  const inFile = state.seen.get(key);
  const known = inFile ?? seenInThisRun(key);
  if (known) {
    debug(`axe skipped (the same page was checked ${inFile ? 'in this file' : 'in this run'}) ${page.url()}`);
    logCheck(where, inFile ? 'file' : 'run', 0);
    state.seen.set(key, known);
    state.checked.push(page.url());
    state.violations.push(...known.map((v) => `  ${where} ${v}`));
    return;
  }
  const started = Date.now();
  const found = await axeFindings(page);
  debug(`axe ${Date.now() - started} ms ${page.url()}`);
  logCheck(where, false, Date.now() - started);
  state.seen.set(key, found);
  rememberForThisRun(key, found);
  state.checked.push(page.url());
  state.violations.push(...found.map((v) => `  ${where} ${v}`));
}

/**
 * IKON_AXE_LOG=<file>: one JSON line per checked page (test file, page, whether axe ran or a
 * finding of this file or run was reused, axe's milliseconds), to count axe runs over a run.
 */
function logCheck(where: string, reused: false | 'file' | 'run', ms: number) {
  const log = process.env.IKON_AXE_LOG;
  if (log) fs.appendFileSync(log, JSON.stringify({ file: path.basename(process.argv[1] ?? ''), page: where, reused, ms }) + '\n');
}

/**
 * `npm test` names a folder (IKON_AXE_SEEN_DIR, emptied at the start of each run) where the test
 * files of one run share what axe found per page state (pageKey): a page that several browser
 * files see in the same state (the sign-in form) is checked once per run, not once per file.
 */
const sharedSeenDir = process.env.IKON_AXE_SEEN_DIR;
const sharedFile = (key: string) => path.join(sharedSeenDir!, `${createHash('sha256').update(key).digest('hex')}.json`);

function seenInThisRun(key: string): string[] | undefined {
  if (!sharedSeenDir) return undefined;
  try {
    return JSON.parse(fs.readFileSync(sharedFile(key), 'utf8')) as string[];
  } catch {
    return undefined;
  }
}

function rememberForThisRun(key: string, found: string[]) {
  if (!sharedSeenDir) return;
  fs.mkdirSync(sharedSeenDir, { recursive: true });
  const file = sharedFile(key);
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify(found));
  fs.renameSync(partial, file); // whole or not at all for a reader in another process
}

// A table cell that is itself a flex or grid container (e.g. `<td class="actions">`) leaves the
// table's layout: its row's cells no longer line up (the partner links' action column, 2026-11-30).
// Put the flex container inside the cell. A string for the same reason as pageStateScript below.
const flexCellsScript = `[...document.querySelectorAll('td, th')].filter((c) => /flex|grid/.test(getComputedStyle(c).display)).map((c) => c.tagName.toLowerCase() + (c.className ? '.' + c.className.trim().split(/\\s+/).join('.') : ''))`;

/** Layout faults axe does not see; reported like its violations. */
async function layoutFaults(page: Page): Promise<string[]> {
  const cells = await page.evaluate<string[]>(flexCellsScript);
  if (cells.length === 0) return [];
  const where = new URL(page.url()).pathname;
  return [`${where}: ${cells.length} table cell(s) laid out as flex/grid instead of a table cell (${[...new Set(cells)].join(', ')}); put the flex container inside the cell`];
}

// A string, not a function: tsx would wrap nested functions in a `__name` helper the page lacks.
const pageStateScript = `(() => {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
  const names = new Map();
  const renamed = (value) => value.replace(uuid, (u) => {
    const k = u.toLowerCase();
    if (!names.has(k)) names.set(k, 'uuid#' + names.size);
    return names.get(k);
  });
  const references = /^(id|for|href|action|formaction|name|form|list|headers|aria-(labelledby|describedby|controls|owns|activedescendant|details|errormessage|flowto)|data-.*)$/;
  const hidden = (el) => el.tagName === 'INPUT' && el.type === 'hidden';
  const csrf = (el) => hidden(el) && el.name === '_csrf';
  const out = [];
  const walk = (node) => {
    if (node.nodeType === 3) { out.push(JSON.stringify(node.data)); return; }
    if (node.nodeType !== 1) return;
    const el = node;
    const attrs = [...el.attributes].map((a) => {
      if (a.name === 'value' && csrf(el)) return 'value=csrf';
      const value = references.test(a.name) || (a.name === 'value' && hidden(el)) ? renamed(a.value) : a.value;
      return a.name + '=' + JSON.stringify(value);
    });
    if (el === document.activeElement) attrs.push('*focused');
    if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') && !hidden(el)) {
      attrs.push('*value=' + JSON.stringify(String(el.value)));
      if (el.tagName === 'INPUT') attrs.push('*checked=' + el.checked);
    }
    if (el.tagName === 'OPTION') attrs.push('*selected=' + el.selected);
    out.push('<' + el.tagName + ' ' + attrs.join(' ') + '>');
    for (const child of el.childNodes) walk(child);
    if (el.shadowRoot) { out.push('#shadow'); for (const child of el.shadowRoot.childNodes) walk(child); }
    out.push('</' + el.tagName + '>');
  };
  walk(document.documentElement);
  const media = (q) => (matchMedia(q).matches ? q : '');
  const view = [innerWidth, innerHeight, devicePixelRatio, scrollX, scrollY, document.compatMode, media('print'), media('(prefers-color-scheme: dark)'), media('(prefers-reduced-motion: reduce)'), media('(forced-colors: active)')];
  const html = out.join('');
  // An http(s) page's own origin, not about:blank's "null" (a text, where it occurs).
  return view.join(' ') + '\\n' + (location.origin.startsWith('http') ? html.split(location.origin).join('ORIGIN') : html);
})()`;

/**
 * What axe's findings depend on, as a digest: the whole DOM (every element with every attribute
 * and its value, every text, the current value and checked state of form fields, shadow roots),
 * the window's size and zoom, scroll position, focus and the emulated media (print, colour
 * scheme, reduced motion, forced colours). Stylesheets and fonts are the app's own files, the
 * same for every page of a run (a Kommune's colour stylesheet is named by a digest of its
 * colour). Two renamings keep pages alike that differ only where no rule looks at the
 * characters: each UUID in an attribute that names or points to something (id, for, href,
 * action, name, the `aria-*` references, data-*, a hidden field's value) becomes its place of
 * first appearance in the page (`uuid#0`, `uuid#1` …), so exactly the same ones still match; and
 * the hidden CSRF field's value is left out. Texts and visible values are kept as they are. The URL is not part of it: the same page under another address
 * gets the same findings (reported with the page's own address). Nor is the origin: every browser file runs its
 * own server on a port of its own, and absolute links (og:url, hreflang alternates) carry it, so the same public
 * page in two files differed only there and axe ran on it again (10 of 321 distinct states, among them the public concept and
 * Umsetzung pages at 2–4 s each; session 17). On an http(s) page each occurrence of its origin becomes `ORIGIN`.
 */
export async function pageKey(page: Page): Promise<string> {
  const state = await page.evaluate<string>(pageStateScript);
  return createHash('sha256').update(state).digest('hex');
}

/** Opens a path of the app, checks the HTTP status (200 unless told) and runs axe. */
export async function visit(page: Page, url: string, opts: { status?: number } = {}): Promise<Response> {
  const started = Date.now();
  const response = await page.goto(url, { waitUntil: 'load' });
  debug(`GET ${Date.now() - started} ms ${url}`);
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), opts.status ?? 200, `GET ${url} answered ${response.status()} (now at ${page.url()})`);
  await checkPage(page);
  return response;
}

/**
 * Clicks a submit button or link (or runs `action`), waits for the page that comes back (after
 * any redirect), checks its status (200 unless told; `null`: any) and runs axe.
 */
export async function submit(page: Page, button: Locator | (() => Promise<unknown>), opts: { status?: number | null } = {}): Promise<Response> {
  const responses: Response[] = [];
  const onResponse = (r: Response) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) responses.push(r);
  };
  page.on('response', onResponse);
  const started = Date.now();
  try {
    await Promise.all([page.waitForEvent('load', { timeout: navigationTimeout }), typeof button === 'function' ? button() : button.click()]);
  } finally {
    page.off('response', onResponse);
  }
  debug(`submit ${Date.now() - started} ms → ${page.url()}`);
  const response = responses.at(-1);
  assert.ok(response, `submitting on ${page.url()} loaded no page`);
  const expected = opts.status === undefined ? 200 : opts.status;
  if (expected !== null) assert.equal(response.status(), expected, `${response.request().method()} → ${page.url()} answered ${response.status()}`);
  await checkPage(page);
  return response;
}

/** Signs in through the real form (both pages axe-checked) and expects to land in the app. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await visit(page, '/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await submit(page, page.locator('main').getByRole('button', { name: 'Anmelden' }));
  assert.match(new URL(page.url()).pathname, /^\/app(\/|$)/, `after signing in as ${email} the browser is at ${page.url()}`);
}

/** Signs out with the button in the page header. */
export async function signOut(page: Page): Promise<void> {
  await submit(page, page.locator('header').getByRole('button', { name: 'Abmelden' }));
}

/** The text of the page's main landmark, whitespace collapsed (for readable assertions). */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').innerText()) ?? '').replace(/\s+/g, ' ');
}

/** Follows a link by its accessible name (inside `scope` if given) and checks the new page. */
export async function follow(page: Page, name: string | RegExp, opts: { scope?: Locator; status?: number; exact?: boolean } = {}): Promise<Response> {
  const scope = opts.scope ?? page.locator('main');
  const query = { name, exact: opts.exact ?? typeof name === 'string' };
  const link = scope.getByRole('link', query).first();
  if ((await link.count()) === 0) await reveal(scope.getByRole('link', { ...query, includeHidden: true }).first());
  return submit(page, link, { status: opts.status ?? 200 });
}

/**
 * A link in a closed disclosure (a group of the internal navigation) is opened as a person does:
 * by its summary. (Hidden, it is not in the accessibility tree: find it with `includeHidden`.)
 */
export async function reveal(hiddenLink: Locator): Promise<void> {
  const summary = hiddenLink.locator('xpath=ancestor::details[not(@open)][1]/summary');
  if ((await summary.count()) > 0) await summary.click();
}
