// `npm start`: runs the server compiled to JavaScript, not through tsx (issue 9: tsx's loader
// thread and source maps cost the server ~65 MB resident and ~2 s of CPU at every start; see
// docs/decisions.md). The compiled tree is dist/<hash of the sources>: a start on unchanged
// sources reuses it; a changed checkout compiles once (a few seconds), in a child process so that
// esbuild leaves nothing in the server's memory. Two starts at once may both compile; each
// writes a folder of its own and the first rename wins. Where dist/ cannot be written (a
// read-only installation), the server runs through tsx as before, with a note on stderr.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(root, 'dist');
const keep = 3; // builds kept: a running older instance may still load modules lazily from its own

/** The server's sources (tests excluded), relative to the repository root. */
function serverFiles(dir = 'src') {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return serverFiles(rel);
    return /\.test\.tsx?$/.test(e.name) ? [] : [rel];
  });
}

/** Names the build by everything that decides its output: the sources, the compile step, esbuild's version. */
function buildId(files) {
  const hash = crypto.createHash('sha256');
  for (const file of [...files, 'scripts/compile.mjs', 'node_modules/esbuild/package.json']) {
    hash.update(file).update('\0').update(fs.readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** dist/<id>/src/main.js, compiled now if missing; null when dist/ cannot be written. */
function compiledMain() {
  const files = serverFiles();
  const target = path.join(distDir, buildId(files));
  const main = path.join(target, 'src/main.js');
  if (fs.existsSync(main)) {
    touch(target);
    return main;
  }
  const staging = `${target}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(distDir, { recursive: true });
    fs.rmSync(staging, { recursive: true, force: true });
    const script = `import('./scripts/compile.mjs').then((c) => c.compile({ files: ${JSON.stringify(files)}, outDir: ${JSON.stringify(staging)}, sourcemap: 'linked' }))`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`esbuild exited with ${result.status ?? result.signal}`);
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      if (!fs.existsSync(main)) throw error; // else another start renamed the same build first
      fs.rmSync(staging, { recursive: true, force: true });
    }
    prune();
    return main;
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    console.error(`Hinweis: ikon konnte nicht nach ${distDir} übersetzt werden (${error.message}); es läuft über tsx weiter (mehr Arbeitsspeicher, langsamerer Start).`);
    return null;
  }
}

/** A reused build counts as new for prune() (a read-only installation never prunes). */
function touch(dir) {
  try {
    const now = new Date();
    fs.utimesSync(dir, now, now);
  } catch {
    // read-only: nothing to keep fresh
  }
}

/** Removes all but the newest builds. */
function prune() {
  const builds = fs
    .readdirSync(distDir)
    .filter((name) => /^[0-9a-f]{16}$/.test(name))
    .map((name) => ({ name, at: fs.statSync(path.join(distDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { name } of builds.slice(keep)) fs.rmSync(path.join(distDir, name), { recursive: true, force: true });
}

const main = compiledMain();
if (main) {
  await import(pathToFileURL(main).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src/main.ts')).href);
}
