// A node:test reporter that remembers how long each test file took (its process start to end, or
// its suite in a lane) in .tmp/test-durations.json. scripts/test.mjs starts the longest first, so
// the two cores are not left with one long file at the end of the run.
import fs from 'node:fs';
import path from 'node:path';
import { sourceOf } from './build-tests.mjs';
import { lanesDir } from './lanes.mjs';

export const durationsFile = path.resolve('.tmp/test-durations.json');

export default async function* durations(source) {
  const known = fs.existsSync(durationsFile) ? JSON.parse(fs.readFileSync(durationsFile, 'utf8')) : {};
  fs.mkdirSync(path.dirname(durationsFile), { recursive: true });
  for await (const event of source) {
    // A file that runs in its own process (compiled, see build-tests.mjs: named by its source):
    // its `test:complete` (named by the file's path) carries the process's whole duration, start-up
    // included. (Tests declared in helpers such as browserSuite carry the helper's path in their
    // own events, so those cannot be used.) A file in a lane (scripts/lanes.mjs): its suite, named
    // by its source path; the lane's own process is not a test file. Written at once, file by
    // file: with `--test-force-exit` the run ends before a reporter's code after the last event would run.
    if (event.type !== 'test:complete' || event.data.nesting !== 0) continue;
    const { name, file } = event.data;
    const source = name === file && !path.resolve(file).startsWith(lanesDir + path.sep) ? path.relative(process.cwd(), sourceOf(file)) : name !== file && /\.test\.tsx?$/.test(name) ? name : undefined;
    if (source) {
      known[source] = Math.round(event.data.details?.duration_ms ?? 0);
      fs.writeFileSync(durationsFile, JSON.stringify(known, null, 1) + '\n');
      // scripts/test.mjs checks that every file of a lane reported (IKON_TEST_REPORTED: one name a line).
      if (process.env.IKON_TEST_REPORTED) fs.appendFileSync(process.env.IKON_TEST_REPORTED, `${source}\n`);
    }
  }
}
