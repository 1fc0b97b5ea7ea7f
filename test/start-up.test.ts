// Two real servers on one data directory or one port: the second must refuse to start, in
// German, before it touches the database; the first must go on answering writes. A server
// killed with SIGKILL leaves a stale lock that the next start takes over.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { demoPassword } from '../src/platform/auth/demo-accounts.js';
import { pdfInfo } from './support/libreoffice.js';
import { freePort, HttpClient, startAsNpmStart, startProcess, type ServerProcess } from './support/server-process.js';

const running = /ikon läuft auf/;

async function signIn(base: string): Promise<HttpClient> {
  const c = new HttpClient(base);
  const res = await c.submit('/anmelden', '/anmelden', { email: 'koordination@musterland.example', password: demoPassword });
  assert.equal(res.status, 303, 'sign-in redirects');
  return c;
}

async function createActor(c: HttpClient, name: string): Promise<number> {
  const res = await c.submit('/app/k/musterland/akteure', '/app/k/musterland/akteure', { name, kind: 'wohlfahrtsverband' });
  return res.status;
}

async function actorNames(c: HttpClient): Promise<string> {
  return (await c.request('/app/k/musterland/akteure')).text();
}

/** The second process must exit on its own; if it starts serving instead, that is the failure. */
async function refusal(p: ServerProcess): Promise<{ code: number | null; output: string }> {
  const outcome = await Promise.race([p.exited.then(() => 'exited' as const), p.waitFor(running).then(() => 'running' as const, () => 'exited' as const)]);
  if (outcome === 'running') {
    await p.stop();
    assert.fail(`the second process started serving:\n${p.output()}`);
  }
  const { code } = await p.exited;
  return { code, output: p.output() };
}

/** Name, size and mtime of every file under dir: a process that wrote anything changes this. */
function fileStates(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      const s = fs.statSync(file);
      return `${path.relative(dir, file)} ${s.size} ${s.mtimeMs}`;
    })
    .sort()
    .join('\n');
}

describe('start-up: one process per data directory and port', () => {
  let dataDir: string;
  let first: ServerProcess;
  let firstPort: number;
  let client: HttpClient;
  const env = () => ({ DATA_DIR: dataDir, IKON_DEMO: '1' });
  const loadedLog = () => path.join(dataDir, 'loaded-packages.log');

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ikon-start-'));
    firstPort = await freePort();
    first = startProcess('src/main.ts', { ...env(), PORT: String(firstPort) });
    await first.waitFor(running);
    client = await signIn(`http://127.0.0.1:${firstPort}`);
    assert.equal(await createActor(client, 'Träger vor dem zweiten Start'), 303, 'first write');
  });
  after(async () => {
    await first?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the demo data a first start writes is in German: the decided Vorlage stored as PDF has no catalog keys', async () => {
    const base = `http://127.0.0.1:${firstPort}`;
    const list = await (await fetch(`${base}/k/musterland/beschluesse`)).text();
    const paper = /href="(\/k\/musterland\/beschluesse\/[0-9a-f-]{36})"/.exec(list)?.[1];
    assert.ok(paper, 'the public list links a decision');
    const files = [...(await (await fetch(base + paper)).text()).matchAll(/href="([^"]+\/dateien\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
    assert.ok(files.length >= 1, 'the decision offers its documents');
    for (const file of files) {
      const info = await pdfInfo(new Uint8Array(await (await fetch(base + file)).arrayBuffer()));
      assert.doesNotMatch(info.Title ?? '', /decisions\./, `${file}: title "${info.Title}" is German, not catalog keys`);
    }
  });

  test('a second server on the same DATA_DIR says who holds it, exits 1 and writes nothing', async () => {
    const before = fileStates(path.join(dataDir, 'pglite'));
    const second = startProcess('src/main.ts', { ...env(), PORT: String(await freePort()) });
    const { code, output } = await refusal(second);
    assert.equal(code, 1, `exit code, output:\n${output}`);
    assert.match(output, new RegExp(`Das Datenverzeichnis ${dataDir} wird schon von einem anderen ikon-Prozess benutzt \\(PID ${first.child.pid} `), 'German message with the PID of the holder');
    assert.doesNotMatch(output, /at .*\.ts:\d+/, 'no stack trace');
    assert.equal(fileStates(path.join(dataDir, 'pglite')), before, 'the second process changed no file of the database');

    assert.equal(await createActor(client, 'Träger nach dem zweiten Start'), 303, 'the first server still writes');
    const page = await actorNames(client);
    assert.match(page, /Träger vor dem zweiten Start/, 'earlier write readable');
    assert.match(page, /Träger nach dem zweiten Start/, 'later write readable');
  });

  test('a second server on a busy port stops before opening the database; the first keeps answering writes', async () => {
    const before = fileStates(path.join(dataDir, 'pglite'));
    const second = startProcess('src/main.ts', { ...env(), PORT: String(firstPort) });
    const { code, output } = await refusal(second);
    assert.equal(code, 1, `exit code, output:\n${output}`);
    assert.match(output, new RegExp(`Port ${firstPort} auf 127\\.0\\.0\\.1 ist schon belegt`), 'German message naming the port');
    assert.equal(fileStates(path.join(dataDir, 'pglite')), before, 'the second process changed no file of the database');

    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await createActor(client, `Träger Portprobe ${i}`));
    assert.deepEqual(statuses, Array(20).fill(303), 'every write after the failed start succeeds');
    const page = await actorNames(client);
    for (let i = 0; i < 20; i++) assert.match(page, new RegExp(`Träger Portprobe ${i}<`), `write ${i} readable`);
  });

  test('after SIGKILL the stale lock is taken over and the data is all there', async () => {
    await first.stop('SIGKILL');
    assert.ok(fs.existsSync(path.join(dataDir, 'ikon.lock')), 'the killed server left its lock behind');
    firstPort = await freePort();
    // This time as `npm start` starts it (compiled, scripts/start.mjs), recording the packages it loads.
    first = startAsNpmStart({ ...env(), PORT: String(firstPort), NODE_OPTIONS: `--import=${path.resolve('test/support/loaded-packages.mjs')}`, LOADED_PACKAGES_LOG: loadedLog() });
    await first.waitFor(running);
    client = await signIn(`http://127.0.0.1:${firstPort}`);
    const page = await actorNames(client);
    for (const name of ['Träger vor dem zweiten Start', 'Träger nach dem zweiten Start', 'Träger Portprobe 19']) assert.match(page, new RegExp(name), `${name} survived`);
    assert.equal(await createActor(client, 'Träger nach der Übernahme'), 303, 'writes after the takeover');
  });

  test('npm start runs compiled code and loads the document libraries at their first use (issue 9: memory)', async () => {
    const atStart = loadedPackages(loadedLog(), first.child.pid!);
    assert.ok(atStart.includes('hono'), `the recorder sees the server's packages: ${atStart.join(', ')}`);
    const heavy = ['tsx', 'esbuild', 'exceljs', 'pdfkit', 'pdfmake', 'docx', '@resvg/resvg-js', 'pg-boss', 'nodemailer', 'jszip'];
    assert.deepEqual(atStart.filter((p) => heavy.includes(p)), [], 'loaded before anyone asked for a document');

    const base = `http://127.0.0.1:${firstPort}`;
    const pdf = await fetch(`${base}/k/musterland/konzept.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-', 'the concept as PDF');
    const editions = await (await client.request('/app/k/musterland/fassungen')).text();
    const edition = /href="\/app\/k\/musterland\/fassungen\/([0-9a-f-]{36})"/.exec(editions)?.[1];
    assert.ok(edition, 'the editions page links an edition');
    const xlsx = await client.request(`/app/k/musterland/fassungen/${edition}/export.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString(), 'PK', 'the measures as XLSX');
    const after = loadedPackages(loadedLog(), first.child.pid!);
    for (const p of ['pdfkit', 'exceljs']) assert.ok(after.includes(p), `${p} loaded for the request: ${after.join(', ')}`);
  });
});

/** The packages process `pid` loaded, from test/support/loaded-packages.mjs's log. */
function loadedPackages(log: string, pid: number): string[] {
  if (!fs.existsSync(log)) return [];
  return fs.readFileSync(log, 'utf8').split('\n').flatMap((line) => (line.startsWith(`${pid} `) ? [line.slice(String(pid).length + 1)] : []));
}
