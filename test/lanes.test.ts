// Lanes (scripts/lanes.mjs, test/support/lane.ts): several test files in one process must behave as
// if each had its own: a file's top-level hooks belong to it, a file that cannot load fails under
// its own name without stopping the next, and a lane that dies names the file it died in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';

const { writeLanes, deadLanes } = await import(pathToFileURL(path.resolve('scripts/lanes.mjs')).href);

const dir = path.resolve(`.tmp/lanes-test-${process.pid}`);
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// Under `npm test` the lane helper is compiled; run by hand (tsx), the child needs tsx too.
const built = process.env.IKON_TEST_BUILD_DIR;
const support = built ? path.join(built, 'test/support/lane.js') : path.resolve('test/support/lane.ts');
const nodeArgs = built ? [] : ['--import', 'tsx'];

const toyFiles: Record<string, string> = {
  'a.test.ts': `before(() => console.log('a:before')); after(() => console.log('a:after')); test('a test', () => console.log('a:test'));`,
  'b.test.ts': `console.log('b:import'); throw new Error('b cannot load');`,
  'c.test.ts': `before(() => console.log('c:before')); test('c test', () => console.log('c:test'));`,
  'd.test.ts': `test('d dies', () => { console.log('d:test'); process.kill(process.pid, 'SIGKILL'); });`,
  'e.test.ts': `test('e test', () => console.log('e:test'));`,
};
const compiled = (source: string) => path.join(dir, 'compiled', source.replace(/\.ts$/, '.js'));

function writeToys() {
  fs.mkdirSync(path.join(dir, 'compiled'), { recursive: true });
  for (const [name, body] of Object.entries(toyFiles)) fs.writeFileSync(compiled(name), `import { after, before, test } from 'node:test';\n${body}\n`);
  return writeLanes(
    [
      { files: ['a.test.ts', 'b.test.ts', 'c.test.ts'], ms: 3 },
      { files: ['d.test.ts', 'e.test.ts'], ms: 2 },
    ],
    { markerDir: path.join(dir, 'markers'), dir: path.join(dir, 'lanes'), support, compiled },
  ) as { run: string; files: string[]; marker?: string }[];
}

function runLane(file: string) {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // this process is a test file's; the lane is a run of its own
  return spawnSync(process.execPath, [...nodeArgs, '--test-reporter=tap', file], { encoding: 'utf8', env, cwd: process.cwd() });
}

test('each file of a lane keeps its own hooks; a file that cannot load fails by name and the next still runs', () => {
  const [abc] = writeToys();
  const run = runLane(abc!.run);
  const lines = run.stdout.split('\n');
  const at = (line: string) => lines.findIndex((l) => l.trim() === line);
  for (const line of ['a:before', 'a:test', 'a:after', 'c:before', 'c:test']) assert.ok(at(line) >= 0, `the lane printed ${line}:\n${run.stdout}\n${run.stderr}`);
  assert.ok(at('a:before') < at('a:test') && at('a:test') < at('a:after'), `a's hooks around a's test:\n${run.stdout}`);
  assert.ok(at('a:after') < at('c:before'), `c's before hook waits for a's tests, as in a process of its own:\n${run.stdout}`);
  assert.match(run.stdout, /not ok \d+ - b\.test\.ts/, `the file that cannot load fails under its name:\n${run.stdout}`);
  assert.match(run.stdout, /b cannot load/, 'with its error');
  assert.match(run.stdout, /^ok \d+ - c\.test\.ts/m, `the file after it still passes:\n${run.stdout}`);
  assert.equal(run.status, 1, 'the lane fails');
  assert.deepEqual(deadLanes([abc]), [], 'a lane that ended in order leaves no marker');
});

test('a lane that dies names the file it died in and the files it did not run', () => {
  const [, de] = writeToys();
  const run = runLane(de!.run);
  assert.equal(run.signal, 'SIGKILL', `the lane was killed:\n${run.stdout}\n${run.stderr}`);
  assert.doesNotMatch(run.stdout, /e:test/, 'the file after it did not run');
  const dead = deadLanes([de]);
  assert.equal(dead.length, 1, `one dead lane: ${JSON.stringify(dead)}`);
  assert.match(dead[0]!, /ended during d\.test\.ts; not run: e\.test\.ts$/, dead[0]);
});
