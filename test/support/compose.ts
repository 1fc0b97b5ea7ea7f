// Loaded into every test process (scripts/test.mjs `--import`): the modules handed to the platform
// as the application does it (message catalogs, usage checks), so code tested without
// `createApp` (reports, imports, reminders, delete commands) behaves as in the running application.
//
// Test files whose imports (static and dynamic, followed through every file) never reach the
// modules get none: importing the whole application cost each such process ~1.5 s of CPU on a
// loaded machine for nothing (session 10). scripts/test.mjs finds them (`withoutModules`) and
// names them in IKON_TEST_WITHOUT_MODULES; run any other way, every file gets the modules.
import fs from 'node:fs';
import path from 'node:path';

const listed = process.env.IKON_TEST_WITHOUT_MODULES;
const withoutModules: string[] = listed ? JSON.parse(fs.readFileSync(listed, 'utf8')) : [];
const testFile = process.argv[1] ? path.resolve(process.argv[1]) : '';

if (!withoutModules.includes(testFile)) {
  const [{ modules }, { useModules }] = await Promise.all([import('../../src/modules/index.js'), import('../../src/platform/module.js')]);
  useModules(modules);
}
