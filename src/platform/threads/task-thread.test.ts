import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { AppError } from '../errors.js';
import { importRejected, problemsOf } from '../spreadsheet/problems.js';
import { offThread, waitingTasks } from './task-thread.js';
import { holdTaskThread } from './testing.js';

test('a call to the task thread waits while the request thread goes on turning', async () => {
  const hold = await holdTaskThread();
  const call = offThread<string[]>(new URL('../spreadsheet/cells.js', import.meta.url).href, 'splitList', ['a; b']);
  let answered = false;
  void call.then(() => (answered = true));
  for (let i = 0; i < 1000; i++) await nextTurn();
  assert.equal(answered, false, 'the call waits behind the held one');
  assert.equal(waitingTasks(), 2);
  assert.equal(await hold.release(), 'released');
  assert.deepEqual(await call, ['a', 'b']);
  assert.equal(waitingTasks(), 0);
});

test("an import's problems come back as the AppError they were; other errors with their message", async () => {
  const module = new URL('../spreadsheet/parse.js', import.meta.url).href;
  const refused = await offThread(module, 'readTable', [new Uint8Array(), 'leer.csv']).catch((e: unknown) => e);
  assert.ok(refused instanceof AppError);
  assert.deepEqual(problemsOf(refused), problemsOf(importRejected([{ row: null, column: null, messageKey: 'spreadsheet.error.no_file', params: undefined }])));
  const missing = await offThread(module, 'noSuchFunction', []).catch((e: unknown) => e);
  assert.ok(missing instanceof Error && /exports no function noSuchFunction/.test(missing.message));
});

test('under tsx the task thread runs TypeScript modules', () => {
  const source = (file: string) => pathToFileURL(path.resolve(file)).href;
  const script = `import(${JSON.stringify(source('src/platform/threads/task-thread.ts'))}).then(async ({ offThread }) => console.log(JSON.stringify(await offThread(${JSON.stringify(source('src/platform/spreadsheet/cells.ts'))}, 'splitList', ['x; y']))))`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), ['x', 'y']);
});
