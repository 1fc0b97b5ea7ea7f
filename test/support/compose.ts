// Loaded into every test process (scripts/test.mjs `--import`): the modules handed to the platform
// as the application does it (message catalogs, usage checks), so code tested without
// `createApp` (reports, imports, reminders, delete commands) behaves as in the running application.
import { modules } from '../../src/modules/index.js';
import { useModules } from '../../src/platform/module.js';

useModules(modules);
