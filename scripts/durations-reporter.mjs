// A node:test reporter that remembers how long each test file took (the sum of its top-level
// tests) in .tmp/test-durations.json. scripts/test.mjs starts the longest files first, so the
// two cores are not left with one long file at the end of the run.
import fs from 'node:fs';
import path from 'node:path';

export const durationsFile = path.resolve('.tmp/test-durations.json');

export default async function* durations(source) {
  const perFile = {};
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      const file = path.relative(process.cwd(), event.data.file);
      perFile[file] = (perFile[file] ?? 0) + (event.data.details?.duration_ms ?? 0);
    }
  }
  const known = fs.existsSync(durationsFile) ? JSON.parse(fs.readFileSync(durationsFile, 'utf8')) : {};
  for (const [file, ms] of Object.entries(perFile)) known[file] = Math.round(ms);
  fs.mkdirSync(path.dirname(durationsFile), { recursive: true });
  fs.writeFileSync(durationsFile, JSON.stringify(known, null, 1) + '\n');
}
