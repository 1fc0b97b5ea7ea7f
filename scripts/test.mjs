// `npm test`: prepare the database fixtures once, then run every *.test.ts with node's test runner.
// Arguments narrow the run: `npm test -- src/modules/measures` runs the tests under that folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, buildTests, compiledOf, withoutModules } from './build-tests.mjs';

// What axe found per page is shared by the browser files of one run (test/support/browser.ts).
const namespace = (process.env.IKON_TEST_NAMESPACE ?? 'ikon').replace(/[^a-z0-9_]/g, '');
const axeSeenDir = path.resolve(`.tmp/axe-seen-${namespace}`);
fs.rmSync(axeSeenDir, { recursive: true, force: true });
// Copies of the PGlite fixture that a killed run left behind (test/support/databases.ts: pgliteCopiesDir).
fs.rmSync(path.resolve(`.tmp/test-pglite-${namespace}`), { recursive: true, force: true });
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/Berlin', IKON_AXE_SEEN_DIR: axeSeenDir, IKON_TEST_BUILD_DIR: buildDir } });

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return dir.endsWith('.test.ts') || dir.endsWith('.test.tsx') ? [dir] : [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' ? [] : testFiles(path.join(dir, e.name)),
  );
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['src', 'test'];
const files = longestFirst(roots.flatMap(testFiles).sort());
if (files.length === 0) {
  console.error('no test files found under', roots.join(', '));
  process.exit(1);
}

/**
 * Two files run at a time; started in list order, the run ends when the last one does. Starting
 * the longest files first (durations of this machine's last run, else test/durations.json)
 * keeps a long file from running alone at the end while a core idles. Unknown files count as
 * average ones.
 */
function longestFirst(list) {
  const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {});
  const known = { ...read('test/durations.json'), ...read('.tmp/test-durations.json') };
  const values = Object.values(known).sort((a, b) => a - b);
  const typical = values[Math.floor(values.length / 2)] ?? 0;
  const weight = (file) => known[file] ?? typical;
  return [...list].sort((a, b) => weight(b) - weight(a));
}

await buildTests();
// Test files that never import the application's modules are spared importing them (test/support/compose.ts).
const withoutModulesList = path.join(buildDir, 'tests-without-modules.json');
fs.writeFileSync(withoutModulesList, JSON.stringify(withoutModules(files.map(compiledOf))));
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

const result = run(['--enable-source-maps', '--import', compiledOf('test/support/compose.ts'), '--test', ...hangGuards, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=./scripts/durations-reporter.mjs', '--test-reporter-destination=stdout', `--test-concurrency=${process.env.IKON_TEST_CONCURRENCY ?? 2}`, ...files.map(compiledOf)]);
process.exit(result.status ?? 1);
