// A node:test reporter that remembers how long each test file took (its process, start to end)
// in .tmp/test-durations.json. scripts/test.mjs starts the longest files first, so the
// two cores are not left with one long file at the end of the run.
import fs from 'node:fs';
import path from 'node:path';
import { sourceOf } from './build-tests.mjs';

export const durationsFile = path.resolve('.tmp/test-durations.json');

export default async function* durations(source) {
  const known = fs.existsSync(durationsFile) ? JSON.parse(fs.readFileSync(durationsFile, 'utf8')) : {};
  fs.mkdirSync(path.dirname(durationsFile), { recursive: true });
  for await (const event of source) {
    // Each file runs in its own process (compiled, see build-tests.mjs: named by its source); its
    // `test:complete` (named by the file's path) carries the process's whole duration, start-up
    // included. (Tests declared in helpers such as browserSuite carry the helper's path in their
    // own events, so those cannot be used.) Written at once, file by file: with
    // `--test-force-exit` the run ends before a reporter's code after the last event would run.
    if (event.type === 'test:complete' && event.data.nesting === 0 && event.data.name === event.data.file) {
      known[path.relative(process.cwd(), sourceOf(event.data.file))] = Math.round(event.data.details?.duration_ms ?? 0);
      fs.writeFileSync(durationsFile, JSON.stringify(known, null, 1) + '\n');
    }
  }
}
