// Where the request thread is held while a 5,000-row measure import is confirmed (issue 8.4):
// the confirmation goes through the app in process (multipart body, reading, planning, the
// transaction), a timer notes every stretch the event loop could not run it (a stall), and a
// V8 CPU profile says which functions ran during those stretches. One JSON line on stdout.
//   [IKON_STALLS_PREVIEW=1] npx tsx bench/import-stalls.ts [pglite|postgres] [rows]
import { Session } from 'node:inspector/promises';
import '../test/support/compose.js';
import { startTestApp } from '../test/support/harness.js';

const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const rows = Number(process.argv[3] ?? 5000);
const stallMs = Number(process.env.IKON_STALL_MS ?? 20);
const t = await startTestApp(kind);
const c = await t.signIn('koordination@musterland.example');
const editions = (await (await c.get('/api/v1/kommunen/musterland/editions')).json()) as { items: { id: string; status: string }[] };
const draft = editions.items.find((e) => e.status === 'entwurf')!;
const lines = ['Nr.;Themenfeld;Titel;Status;Zeithorizont'];
for (let i = 1; i <= rows; i++) lines.push(`900.${i};Teilhabe durch Sprache;Synthetische Maßnahme ${i};geplant;kurz`);
const form = new FormData();
form.append('inhalt', Buffer.from(lines.join('\n')).toString('base64'));
form.append('dateiname', 'bench.csv');
form.append('viele_neu', '1');

// IKON_STALLS_PREVIEW=1: a preview of a small file first, as the app's flow does before a
// confirmation (it starts the task thread that reads and plans imports).
if (process.env.IKON_STALLS_PREVIEW) {
  const small = new FormData();
  small.append('datei', new Blob([lines.slice(0, 3).join('\n')]), 'vorschau.csv');
  const preview = await c.postMultipart(`/app/k/musterland/fassungen/${draft.id}/import`, small);
  if (preview.status !== 200) throw new Error(`preview answered ${preview.status}`);
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });
await session.post('Profiler.start');
const origin = performance.now();
const stalls: [number, number][] = [];
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  if (now - last > stallMs) stalls.push([last - origin, now - origin]);
  last = now;
}, 1);
const started = performance.now();
const res = await c.postMultipart(`/app/k/musterland/fassungen/${draft.id}/import/bestaetigen`, form);
const ms = performance.now() - started;
clearInterval(timer);
const { profile } = await session.post('Profiler.stop');
await t.close();

// Self time per function (name file:line) of the samples inside stalls.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
// The phase of the import a sample belongs to: the first of these functions on its stack, innermost first.
const phases: [string, RegExp][] = [
  ['audit entries', /^(recordAudits|auditRows) |\/platform\/audit\//],
  ['write: building statements', /^(writePlannedRows|insertAsJson|insertLinks|deleteLinks|placeRows|linksOf|columnRecord) |\/transfer\/write\.ts|\/db\/bulk\.ts/],
  ['plan (check, diff)', /^(planWith|planInThread|validate|cellChanges|changedColumns) |\/transfer\/(plan|resolve|compare|display)\.ts|zod/],
  ['references', /^(loadReferences|referencesStamp) |\/transfer\/references\.ts/],
  ['read the file', /^(readTable|readCsvInto|readXlsxInto) |\/spreadsheet\/|papaparse|exceljs|xlsx|fflate|jszip/],
  ['request body, response', /^(formBody|parseBody|kept|uploaded|bodyLimit|redirectWithFlash) |hono|undici/],
];
const phaseOf = (id: number) => {
  const own = byId.get(id)!.callFrame;
  if (own.functionName === '(garbage collector)') return 'garbage collection';
  if (own.functionName === '(idle)') return 'idle (waiting, or the process not running)';
  for (let n: number | undefined = id; n !== undefined; n = parentOf.get(n)) {
    const f = byId.get(n)!.callFrame;
    for (const [phase, re] of phases) if (re.test(`${f.functionName} ${f.url}`)) return phase;
  }
  // Frames without one of those: the stack says where the code lives.
  for (let n: number | undefined = id; n !== undefined; n = parentOf.get(n)) {
    const url = byId.get(n)!.callFrame.url;
    if (/drizzle-orm/.test(url)) return 'drizzle (results, other)';
    if (/pg-protocol|node_modules\/pg\//.test(url)) return 'pg driver';
    if (/pglite-thread/.test(url)) return 'PGlite thread messages';
  }
  return 'other';
};
const busyByPhase = new Map<string, number>();
const stalledByPhase = new Map<string, number>();
const busyOther = new Map<string, number>();
const self = new Map<string, number>();
let at = 0;
let busyMs = 0; // samples of the request thread doing anything but waiting: its CPU time, whatever the machine's load
const stallOf = (time: number) => stalls.findIndex(([a, b]) => time >= a && time <= b);
const perStall = stalls.map(() => new Map<string, number>());
profile.samples!.forEach((id, i) => {
  at += profile.timeDeltas![i]! / 1000;
  const phase = phaseOf(id);
  if (byId.get(id)!.callFrame.functionName !== '(idle)') {
    busyMs += profile.timeDeltas![i]! / 1000;
    busyByPhase.set(phase, (busyByPhase.get(phase) ?? 0) + profile.timeDeltas![i]! / 1000);
    if (phase === 'other') {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}`;
      busyOther.set(key, (busyOther.get(key) ?? 0) + profile.timeDeltas![i]! / 1000);
    }
  }
  const s = stallOf(at);
  if (s < 0) return;
  stalledByPhase.set(phase, (stalledByPhase.get(phase) ?? 0) + profile.timeDeltas![i]! / 1000);
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|src)\//, '$1/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + profile.timeDeltas![i]! / 1000);
  perStall[s]!.set(key, (perStall[s]!.get(key) ?? 0) + profile.timeDeltas![i]! / 1000);
});
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${Math.round(v)} ms ${k}`);
const lengths = stalls.map(([a, b]) => b - a).sort((a, b) => b - a);
console.log(JSON.stringify({
  kind, rows, status: res.status, ms: Math.round(ms), requestThreadBusyMs: Math.round(busyMs), stalls: stalls.length, stalledMs: Math.round(lengths.reduce((a, b) => a + b, 0)),
  longest: lengths.slice(0, 10).map(Math.round),
  busyByPhase: top(busyByPhase, 20),
  stalledByPhase: top(stalledByPhase, 20),
  busyOther: top(busyOther, 8),
  worst: [...stalls.keys()].sort((a, b) => (stalls[b]![1] - stalls[b]![0]) - (stalls[a]![1] - stalls[a]![0])).slice(0, 5).map((s) => ({ at: Math.round(stalls[s]![0]), ms: Math.round(stalls[s]![1] - stalls[s]![0]), top: top(perStall[s]!, 6) })),
  selfInStalls: top(self, 25),
}, null, 1));
