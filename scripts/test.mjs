// `npm test`: prepare the database fixtures once, then run every *.test.ts with node's test runner.
// Arguments narrow the run: `npm test -- src/modules/measures` runs the tests under that folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, buildTests, compiledOf, sourceOf, withoutModules } from './build-tests.mjs';
import { deadLanes, groupIntoLanes, writeLanes } from './lanes.mjs';

// What axe found per page is shared by the browser files of one run (test/support/browser.ts).
const namespace = (process.env.IKON_TEST_NAMESPACE ?? 'ikon').replace(/[^a-z0-9_]/g, '');
const axeSeenDir = path.resolve(`.tmp/axe-seen-${namespace}`);
fs.rmSync(axeSeenDir, { recursive: true, force: true });
// Where the tests' copies of the PGlite fixture live (test/support/databases.ts), emptied of what a
// killed run left behind: in memory where the machine has /dev/shm. A run makes ~130 copies of
// 64 MB; on this machine's disk each took ~250 ms of CPU to copy and remove, in memory ~120 ms,
// and nothing is written back to the disk afterwards (session 13).
const writable = (dir) => {
  try {
    fs.accessSync(dir, fs.constants.W_OK); // throws for a missing directory too
    return true;
  } catch {
    return false;
  }
};
const pgliteCopies = writable('/dev/shm') ? `/dev/shm/ikon-test-pglite-${namespace}` : path.resolve(`.tmp/test-pglite-${namespace}`);
fs.rmSync(pgliteCopies, { recursive: true, force: true });
// Where each lane names the file it is in (scripts/lanes.mjs), emptied like the above.
const laneMarkers = path.resolve(`.tmp/test-lanes-${namespace}`);
fs.rmSync(laneMarkers, { recursive: true, force: true });
// The files whose results reached the runner (scripts/durations-reporter.mjs).
process.env.IKON_TEST_REPORTED = path.join(laneMarkers, 'reported.txt');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/Berlin', IKON_AXE_SEEN_DIR: axeSeenDir, IKON_TEST_PGLITE_COPIES: pgliteCopies, IKON_TEST_BUILD_DIR: buildDir } });

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return dir.endsWith('.test.ts') || dir.endsWith('.test.tsx') ? [dir] : [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' ? [] : testFiles(path.join(dir, e.name)),
  );
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test'];
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
const known = { ...read('test/durations.json'), ...read('.tmp/test-durations.json') };
const typical = (() => {
  const values = Object.values(known).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
})();
/** A file's milliseconds in this machine's last run (else test/durations.json); unknown files count as average ones. */
const weight = (file) => known[file] ?? typical;
const files = roots.flatMap(testFiles).map((f) => path.relative(process.cwd(), path.resolve(f))).sort();
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}

/**
 * Two processes run at a time; started in list order, the run ends when the last one does.
 * Starting the longest first keeps a long one from running alone at the end while a core idles.
 */
const longestFirst = (units) => [...units].sort((a, b) => b.ms - a.ms);

await buildTests();
// Test files that never import the application's modules are spared importing them (test/support/compose.ts).
const spared = new Set(withoutModules(files.map(compiledOf)).map((f) => path.relative(process.cwd(), sourceOf(f))));
/**
 * Test files run in lanes of about IKON_TEST_LANE_SECONDS (60) of last run's time: several
 * files in one process (scripts/lanes.mjs). IKON_TEST_LANE_SECONDS=0: every file in its own process.
 */
const laneSeconds = Number(process.env.IKON_TEST_LANE_SECONDS ?? 60);
const alone = (f) => ({ files: [f], ms: weight(f) });
const groups = laneSeconds > 0 ? groupIntoLanes(files, weight, spared, laneSeconds) : files.map(alone);
const units = longestFirst(writeLanes(groups, { markerDir: laneMarkers }));
const withoutModulesList = path.join(buildDir, 'tests-without-modules.json');
fs.writeFileSync(withoutModulesList, JSON.stringify(withoutModules(units.map((u) => u.run))));
process.env.IKON_TEST_WITHOUT_MODULES = withoutModulesList;
const prepared = run(['--import', 'tsx', 'scripts/prepare-test-databases.ts']);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

/**
 * A test file whose tests are done but which left a handle open (a timer, a socket) would keep its
 * process, and so the whole run, alive for ever: `--test-force-exit` ends it. A test that never
 * settles fails after `--test-timeout` instead of hanging the run (generous: a busy machine must
 * not fail a slow test; browser tests set their own, shorter limits).
 */
const hangGuards = ['--test-force-exit', '--test-timeout=1200000'];
// Two files at a time: the suite is CPU-bound on two cores (IKON_TEST_CONCURRENCY=4 was not faster, session 8).

const result = run(['--enable-source-maps', '--import', compiledOf('test/support/compose.ts'), '--test', ...hangGuards, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/durations-reporter.mjs', '--test-reporter-destination=stdout', `--test-concurrency=${process.env.IKON_TEST_CONCURRENCY ?? 2}`, ...units.map((u) => u.run)]);
// A lane that died (crashed, killed) took the files after the one it was in with it: name them.
const dead = deadLanes(units);
if (dead.length) console.error(`\nLanes that died:\n${dead.map((d) => `  ${d}`).join('\n')}`);
// A lane whose process ended before all its results were out would pass with fewer tests: every file must have reported.
const reported = new Set(fs.existsSync(process.env.IKON_TEST_REPORTED) ? fs.readFileSync(process.env.IKON_TEST_REPORTED, 'utf8').split('\n') : []);
const unreported = dead.length ? [] : units.filter((u) => u.marker).flatMap((u) => u.files.filter((f) => !reported.has(f)));
if (unreported.length) console.error(`\nNo results reached the runner from: ${unreported.join(', ')}`);
process.exit((dead.length || unreported.length) && !result.status ? 1 : (result.status ?? 1));
