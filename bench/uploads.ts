// Uploads (issue 8): the worst spreadsheet the limits allow (memory and time of the reader, in a
// child process), and how /healthz and a cached portal page answer while a 5,000-row import is
// confirmed on the real server, against the same requests without the import.
import { execFile, spawn } from 'node:child_process';
import readline from 'node:readline';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fullCsv, fullWorkbook, hugeCellWorkbook, xfdWorkbook, zipBombWorkbook } from '../test/support/spreadsheets.js';
import { stopChild, waitForHealth } from './procs.js';

type Emit = (obj: Record<string, unknown>) => void;
type Server = { child: import('node:child_process').ChildProcess; url: string };

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const quantile = (q: number) => (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
};
const p99 = quantile(0.99);
const p50 = quantile(0.5);

/** Peak memory above idle and duration for each of the worst files, each in a fresh child. */
async function worstUpload(tmpDir: string, emit: Emit, log: (m: string) => void) {
  const files: [string, Uint8Array][] = [
    ['full.xlsx', fullWorkbook()],
    ['full.csv', fullCsv()],
    ['xfd.xlsx', await xfdWorkbook()],
    ['bomb.xlsx', await zipBombWorkbook(1400)],
    ['bomb-lying.xlsx', await zipBombWorkbook(1400, { lying: true })],
    ['huge-cell.xlsx', await hugeCellWorkbook(45)],
  ];
  let worst = { name: '', aboveIdleMb: 0, ms: 0 };
  let slowest = { name: '', ms: 0 };
  for (const [name, bytes] of files) {
    const file = path.join(tmpDir, name);
    fs.writeFileSync(file, bytes);
    log(`upload reader: ${name} (${bytes.length} bytes)`);
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/support/read-peak.ts', file], { maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout) as { aboveIdleBytes: number; outcomes: { ms: number; rows?: number; problems?: string[] }[] };
    const o = r.outcomes[0]!;
    const mb = r.aboveIdleBytes / 1024 / 1024;
    emit({ name: `upload_read_${name.replace(/[.-]/g, '_')}`, value: round(mb), unit: 'MB above idle', ms: round(o.ms), bytes: bytes.length, outcome: o.problems ?? `${o.rows} rows` });
    if (mb > worst.aboveIdleMb) worst = { name, aboveIdleMb: mb, ms: o.ms };
    if (o.ms > slowest.ms) slowest = { name, ms: o.ms };
  }
  emit({ name: 'upload_worst_peak', value: round(worst.aboveIdleMb), unit: 'MB above idle', file: worst.name, ms: round(worst.ms), target: '<= 200', meets: worst.aboveIdleMb <= 200 });
  emit({ name: 'upload_worst_duration', value: round(slowest.ms), unit: 'ms', file: slowest.name });
}

/** A client that keeps the session and CSRF cookies of the real server. */
async function signIn(url: string, email: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      jar.set(k!.trim(), v ?? '');
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  keep(await fetch(`${url}/anmelden`));
  const csrf = jar.get('ikon_csrf') ?? '';
  const res = await fetch(`${url}/anmelden`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email, password: 'Musterland-Demo-2026', _csrf: csrf }) });
  keep(res);
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  return {
    get: (p: string) => fetch(url + p, { headers: { cookie: cookie() } }),
    post: (p: string, form: FormData) => fetch(url + p, { method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'x-csrf-token': jar.get('ikon_csrf') ?? '' }, body: form }),
  };
}

/** Sequential requests on `workers` connections until `until` settles (or `count` per worker). */
async function sample(url: string, opts: { workers: number; until?: Promise<unknown>; count?: number }) {
  const latencies: number[] = [];
  const startedAt: number[] = []; // performance.now() when each request was sent, to place the slow ones
  const dbMs: number[] = []; // from Server-Timing when the server runs with IKON_QUERY_STATS=1
  let errors = 0;
  let done = false;
  void opts.until?.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: opts.workers }, async () => {
      for (let i = 0; opts.count === undefined ? !done : i < opts.count; i++) {
        const t = performance.now();
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          if (!res.ok) errors++;
          const db = /db;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
          if (db) dbMs.push(Number(db));
        } catch {
          errors++; // a connection the server closed (keep-alive race); counted, the time still taken
        }
        latencies.push(performance.now() - t);
        startedAt.push(t);
      }
    }),
  );
  return Object.assign(latencies, { errors: () => errors, dbMs, startedAt });
}

/** bench/paced.mjs in its own process: windows of requests at a fixed rate to each URL. */
function pacedClient(perSecond: number, urls: string[]) {
  const child = spawn(process.execPath, ['bench/paced.mjs', String(perSecond), ...urls], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const window = async (until: Promise<unknown>) => {
    const result = new Promise<string>((resolve) => lines.once('line', resolve));
    child.stdin!.write('start\n');
    await until;
    child.stdin!.write('stop\n');
    const { samples, errors } = JSON.parse(await result) as { samples: Record<string, [number, number, number][]>; errors: number };
    // As `sample` gives them: latencies, with when each was due on this process's clock, and how
    // late the client itself sent each (its own process not running: on two cores that is the
    // import's load too, but not the server's answer).
    return urls.map((url) => Object.assign(samples[url]!.map(([, ms]) => ms), { startedAt: samples[url]!.map(([due]) => due - performance.timeOrigin), sentLate: samples[url]!.map(([, , late]) => late), errors: () => errors, dbMs: [] as number[] }));
  };
  return { window, close: () => child.stdin!.end() };
}

/** Latencies counted from when the client sent each request instead of when it was due. */
const fromSent = (xs: number[] & { sentLate: number[] }) => xs.map((ms, i) => ms - xs.sentLate[i]!);

/** The eight slowest requests: [ms after the confirmation was sent, latency ms], to see which phase of the import they met. */
const slowest = (xs: number[] & { startedAt: number[] }, origin: number) =>
  xs.map((ms, i) => [round(xs.startedAt[i]! - origin, 0), round(ms, 0)] as const).sort((a, b) => b[1] - a[1]).slice(0, 8);

/** p99 of /healthz and of a cached portal page while a 5,000-row measure import is confirmed. */
async function importLatency(server: Server, emit: Emit, log: (m: string) => void, db: 'pglite' | 'postgres') {
  const suffix = db === 'pglite' ? '' : `_${db}`;
  const { url } = server;
  const c = await signIn(url, 'koordination@musterland.example');
  const editions = (await (await c.get('/api/v1/kommunen/musterland/editions')).json()) as { items?: { id: string; status: string }[] } | { id: string; status: string }[];
  const list = Array.isArray(editions) ? editions : (editions.items ?? []);
  const draft = list.find((e) => e.status === 'entwurf');
  if (!draft) throw new Error('no draft edition in the demo data');
  // A Themenfeld of the demo draft edition (the measure import tests use it too).
  const field = { title: 'Teilhabe durch Sprache' };
  // 5,000 new measures; `series` keeps each import's numbers apart from the others'.
  const importForm = (series: number) => {
    const lines = ['Nr.;Themenfeld;Titel;Status;Zeithorizont'];
    for (let i = 1; i <= 5000; i++) lines.push(`${series}.${i};${field.title};Synthetische Maßnahme ${series}.${i};geplant;kurz`);
    const form = new FormData();
    form.append('inhalt', Buffer.from(lines.join('\n')).toString('base64'));
    form.append('dateiname', 'bench.csv');
    form.append('viele_neu', '1');
    return form;
  };
  // Built before any clock starts: making a 5,000-row upload is the bench's work, not the server's.
  const pacedSeries = Array.from({ length: pacedRounds }, (_, i) => 910 + i);
  const forms = new Map([...pacedSeries, 901].map((series) => [series, importForm(series)]));
  const confirmImport = (series: number) =>
    // Before issue 8.4 the confirmation outlasted fetch's 300 s header timeout: counted as a failure, not a crash.
    c.post(`/app/k/musterland/fassungen/${draft.id}/import/bestaetigen`, forms.get(series)!).catch((e: Error) => ({ status: 0, error: e.message }));

  const healthz = `${url}/healthz`;
  const page = `${url}/k/musterland/konzept`;
  await sample(page, { workers: 2, count: 20 }); // warm the page cache
  // As a person does: the file's preview before its confirmation (which starts the task thread
  // that reads and plans imports; it stays for a minute without work).
  const preview = new FormData();
  preview.append('datei', new Blob([`Nr.;Themenfeld;Titel;Status;Zeithorizont\n899.1;${field.title};Vorschau;geplant;kurz`]), 'vorschau.csv');
  const previewed = await c.post(`/app/k/musterland/fassungen/${draft.id}/import`, preview);
  if (previewed.status !== 200) throw new Error(`preview answered ${previewed.status}`);
  // First at a fixed rate into the demo's edition (168 measures, then 5,168, …), then with
  // sequential clients into the same edition: each import has more to compare than the one before.
  await pacedImportLatency(emit, log, db, suffix, healthz, page, pacedSeries.map((series) => () => confirmImport(series)));
  log(`import latency (${db}): baseline`);
  const baseHealth = await sample(healthz, { workers: 2, count: 300 });
  const basePage = await sample(page, { workers: 2, count: 300 });

  log(`import latency (${db}): confirming 5,000 rows`);
  const started = performance.now();
  const confirm = confirmImport(901);
  const [duringHealth, duringPage, res] = await Promise.all([sample(healthz, { workers: 2, until: confirm }), sample(page, { workers: 2, until: confirm }), confirm]);
  const confirmMs = performance.now() - started;
  // The same requests again for as long as the import took (at most 30 s), both at once as during it:
  // on a shared machine a p99 over 15–40 s catches load spikes that 300 requests before do not.
  const afterFor = new Promise((resolve) => setTimeout(resolve, Math.min(confirmMs, 30_000)));
  log(`import latency (${db}): after the import`);
  const [afterHealth, afterPage] = await Promise.all([sample(healthz, { workers: 2, until: afterFor }), sample(page, { workers: 2, until: afterFor })]);
  const ok = res.status === 303;
  emit({ name: `import_confirm_5000_duration${suffix}`, value: round(confirmMs / 1000, 2), unit: 's', status: res.status, ok, db });
  for (const [name, base, during, after] of [['healthz', baseHealth, duringHealth, afterHealth], ['portal_page', basePage, duringPage, afterPage]] as const) {
    const ratio = p99(during) / p99(base);
    emit({ name: `import_${name}_p99_during_vs_idle_closed_loop${suffix}`, value: round(ratio, 2), unit: 'ratio', p99DuringMs: round(p99(during)), p99IdleMs: round(p99(base)), p99AfterMs: round(p99(after)), ratioVsAfter: round(p99(during) / p99(after), 2), p50DuringMs: round(p50(during)), p50IdleMs: round(p50(base)), ...(during.dbMs.length ? { dbP99DuringMs: round(p99(during.dbMs)), dbP99IdleMs: round(p99(base.dbMs)), dbP50DuringMs: round(p50(during.dbMs)), dbP50IdleMs: round(p50(base.dbMs)) } : {}), samplesDuring: during.length, slowestDuring: slowest(during, started), confirmMs: round(confirmMs), errorsDuring: during.errors(), maxDuringMs: round(Math.max(...during)), target: '<= 2', meets: ratio <= 2, db });
  }
}

/**
 * The same question with requests at a fixed rate (open loop): the sequential clients above
 * send as fast as they can and keep both cores of a small machine busy before the import starts,
 * so their ratio measures three busy processes sharing two cores as much as the import. The idle
 * p99 is taken over a window before and one after the imports (each at least as long as one),
 * the same requests at the same rate.
 *
 * One 5,000-row import takes under 2 s on a quiet machine: ~170 requests per URL, whose "p99" is
 * their second slowest. The import is therefore confirmed `pacedRounds` times (new rows each
 * time) and the p99 taken over the requests of all of them; each round's own ratio is kept too.
 */
const pacedRounds = Number(process.env.IKON_BENCH_IMPORT_ROUNDS ?? 3);

async function pacedImportLatency(emit: Emit, log: (m: string) => void, db: string, suffix: string, healthz: string, page: string, imports: (() => Promise<{ status: number }>)[]) {
  const perSecond = 100;
  const client = pacedClient(perSecond, [healthz, page]);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    log(`import latency (${db}): ${perSecond} requests/s each, before`);
    const before = await client.window(sleep(8000));
    const rounds: { ms: number; status: number; during: Awaited<ReturnType<typeof client.window>>; started: number }[] = [];
    for (const [i, confirmImport] of imports.entries()) {
      log(`import latency (${db}): ${perSecond} requests/s each, confirming 5,000 rows (${i + 1} of ${imports.length})`);
      const started = performance.now();
      const confirm = confirmImport();
      const finished = confirm.then(() => performance.now());
      const during = await client.window(confirm);
      rounds.push({ ms: (await finished) - started, status: (await confirm).status, during, started });
      await sleep(1000); // the import's aftermath (its thread's garbage) counts for neither window
    }
    const longest = Math.max(...rounds.map((r) => r.ms));
    log(`import latency (${db}): ${perSecond} requests/s each, after`);
    const after = await client.window(sleep(Math.min(Math.max(longest, 8000), 30_000)));
    const ok = rounds.every((r) => r.status === 303);
    emit({ name: `import_confirm_5000_duration_paced${suffix}`, value: round(rounds[0]!.ms / 1000, 2), unit: 's', rounds: rounds.map((r) => round(r.ms / 1000, 2)), status: rounds.map((r) => r.status), ok, db });
    (['healthz', 'portal_page'] as const).forEach((name, i) => {
      const idle = [...before[i]!, ...after[i]!];
      const during = rounds.flatMap((r) => r.during[i]!);
      const ratio = p99(during) / p99(idle);
      emit({ name: `import_${name}_p99_during_vs_idle${suffix}`, value: round(ratio, 2), unit: 'ratio', perSecond, rounds: rounds.length, p99DuringMs: round(p99(during)), p99IdleMs: round(p99(idle)), p99BeforeMs: round(p99(before[i]!)), p99AfterMs: round(p99(after[i]!)), p50DuringMs: round(p50(during)), p50IdleMs: round(p50(idle)), ratioPerRound: rounds.map((r) => round(p99(r.during[i]!) / p99(idle), 2)), samplesDuring: during.length, samplesIdle: idle.length, errorsDuring: rounds.reduce((n, r) => n + r.during[i]!.errors(), 0), maxDuringMs: round(Math.max(...during)), maxIdleMs: round(Math.max(...idle)), sentLateP99DuringMs: round(p99(rounds.flatMap((r) => r.during[i]!.sentLate))), sentLateP99IdleMs: round(p99([...before[i]!.sentLate, ...after[i]!.sentLate])), ratioFromSent: round(p99(rounds.flatMap((r) => fromSent(r.during[i]!))) / p99([...fromSent(before[i]!), ...fromSent(after[i]!)]), 2), slowestDuring: rounds.map((r) => slowest(r.during[i]!, r.started).slice(0, 4)), target: '<= 2', meets: ratio <= 2, db });
    });
  } finally {
    client.close();
  }
}

/**
 * The import latency runs on PGlite (in the server's process: its queries run on the thread
 * that answers every request) and, when given, on PostgreSQL (another process) for comparison.
 */
export async function uploadBench(opts: { tmpDir: string; emit: Emit; log: (m: string) => void; startServer: () => Promise<Server>; startPostgresServer?: () => Promise<Server> }) {
  // IKON_BENCH_UPLOADS=latency skips the reader part; IKON_BENCH_DB=pglite|postgres runs the import latency on one database.
  if (process.env.IKON_BENCH_UPLOADS !== 'latency') await worstUpload(opts.tmpDir, opts.emit, opts.log);
  const only = process.env.IKON_BENCH_DB;
  for (const [db, start] of [['pglite', opts.startServer], ['postgres', opts.startPostgresServer]] as const) {
    if (!start || (only && only !== db)) continue;
    const server = await start();
    try {
      await waitForHealth(server.url, server.child);
      await importLatency(server, opts.emit, opts.log, db);
    } finally {
      await stopChild(server.child);
    }
  }
}
