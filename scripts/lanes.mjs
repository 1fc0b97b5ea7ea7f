// Lanes: several test files in one `node --test` process (test/support/lane.ts runs them one
// after another). Every test process paid node's start and the import of the application
// (test/support/compose.ts, 1.7–2.5 s of CPU) before its first test; a lane pays it once for
// all its files (issue 9.5, session 12: see docs/decisions.md).
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, compiledOf } from './build-tests.mjs';

export const lanesDir = path.join(buildDir, 'lanes');

/**
 * Groups `files` (source paths) into lanes of about `seconds` of recorded time each
 * (`weight`: a file's milliseconds in the last run). Files that need the modules and files that
 * do not (`withoutModules`: source paths) are never in one lane, so the latter keep being spared
 * the application's import. A file longer than a lane is a lane of its own. Browser files too:
 * they share the lane's Chromium (test/support/browser.ts: sharedBrowser), launched once per lane
 * instead of once per file.
 */
export function groupIntoLanes(files, weight, withoutModules, seconds) {
  const lanes = [];
  for (const spared of [false, true]) {
    const open = [];
    // Longest first, each into the emptiest lane it fits in (filling one lane after another would leave a short last one).
    for (const file of files.filter((f) => withoutModules.has(f) === spared).sort((a, b) => weight(b) - weight(a))) {
      const fits = open.filter((l) => l.ms + weight(file) <= seconds * 1000).sort((a, b) => a.ms - b.ms)[0];
      if (fits) {
        fits.files.push(file);
        fits.ms += weight(file);
      } else open.push({ files: [file], ms: weight(file) });
    }
    lanes.push(...open);
  }
  return lanes;
}

/**
 * Writes one lane file per group of more than one file (`<dir>/lane-N.test.js`) and returns what
 * `node --test` runs: lane files and the compiled files that are alone. The lane file imports its
 * test files with literal relative paths, so scripts/build-tests.mjs's `withoutModules` follows
 * them like any other import. `markerDir`: where a lane keeps the name of the file it is in
 * (test/support/lane.ts, compiled: `support`). `compiled`: a source file's compiled twin.
 */
export function writeLanes(lanes, { markerDir, dir = lanesDir, support = compiledOf('test/support/lane.ts'), compiled = compiledOf }) {
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(markerDir, { recursive: true });
  return lanes.map((lane, i) => {
    if (lane.files.length === 1) return { run: compiled(lane.files[0]), files: lane.files, ms: lane.ms };
    const file = path.join(dir, `lane-${i + 1}.test.js`);
    const relative = (target) => JSON.stringify(`./${path.relative(dir, target).split(path.sep).join('/')}`);
    const entries = lane.files.map((f) => `  [${JSON.stringify(f.split(path.sep).join('/'))}, () => import(${relative(compiled(f))})],`);
    const marker = path.join(markerDir, `lane-${i + 1}.json`);
    fs.writeFileSync(
      file,
      `// Written by scripts/lanes.mjs: these test files, one after another, in one process.\n` +
        `import { lane } from ${relative(support)};\n` +
        `lane(${JSON.stringify(marker)}, [\n${entries.join('\n')}\n]);\n`,
    );
    return { run: file, files: lane.files, ms: lane.ms, marker };
  });
}

/** The lanes that ended without removing their marker (they died), as readable lines. */
export function deadLanes(units) {
  return units.flatMap((u) => {
    if (!u.marker || !fs.existsSync(u.marker)) return [];
    const { current, done } = JSON.parse(fs.readFileSync(u.marker, 'utf8'));
    const notRun = u.files.filter((f) => f !== current && !done.includes(f.split(path.sep).join('/')));
    return [`${path.relative(process.cwd(), u.run)} ended during ${current}` + (notRun.length ? `; not run: ${notRun.join(', ')}` : '')];
  });
}
