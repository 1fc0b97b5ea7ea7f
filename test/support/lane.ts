// Several test files in one process ("a lane", scripts/lanes.mjs writes the lane files): each
// file's tests run inside a suite named by the file, one file after another, so the process's
// start and the import of the application are paid once per lane instead of once per file.
//
// A file's top-level `test`, `before` and `after` calls land in its suite (node:test follows the
// asynchronous context of the suite's body into the imported module), so hooks such as
// browserSuite's stay per file. A file that fails to import fails its suite, named by the file.
// A lane that dies (a crash, a kill) cannot report that itself: it keeps a marker of the file it
// is in, which scripts/test.mjs names when the lane did not remove it on its way out.
import fs from 'node:fs';
import { after, before, describe } from 'node:test';

/** What the lane process is doing, for scripts/test.mjs if it dies: the file it is in and the files done. */
interface Marker {
  current: string;
  done: string[];
}

export function lane(marker: string, files: [name: string, load: () => Promise<unknown>][]): void {
  const done: string[] = [];
  const mark = (current: string) => fs.writeFileSync(marker, JSON.stringify({ current, done } satisfies Marker));
  // Every ordinary end (its tests done, failed or not; `--test-force-exit`; process.exit) removes it.
  process.on('exit', () => fs.rmSync(marker, { force: true }));
  mark(files[0]?.[0] ?? '');
  // `--test-force-exit` ends the process as soon as the runner's report stream closes, while the
  // serialized results of the last tests may still be on their way out through stdout: a lane's
  // last files, all quick, lost their results so and the run still passed (session 12: 6 of 95
  // tests in one of four runs). This last hook (the root's: it runs when every file is done) waits
  // until stdout has stayed empty for a while.
  after(async () => {
    for (let quiet = 0; quiet < 5; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      quiet = process.stdout.writableLength === 0 ? quiet + 1 : 0;
    }
  });
  let previous: string | undefined;
  for (const [name, load] of files) {
    describe(name, async () => {
      before(() => {
        if (previous) done.push(previous);
        previous = name;
        mark(name);
      });
      await load();
    });
  }
}
