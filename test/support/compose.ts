// Loaded into every test process (scripts/test.mjs `--import`): the message catalogs as the
// application composes them, so code tested without `createApp` (reports, imports, reminders)
// speaks German as it does in the running application.
import { moduleMessages } from '../../src/modules/index.js';
import { useModuleMessages } from '../../src/platform/i18n/catalogs.js';

useModuleMessages(moduleMessages);
