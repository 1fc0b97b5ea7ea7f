// Imported by the task thread before its first task (platform/threads/task-thread.ts,
// `setUpTaskThreadWith`): work moved there from the request thread sees the modules' catalogs and
// registries as it did there (a Sammelmeldung's text comes from the progress module's messages).
import { useModules } from '../platform/module.js';
import { modules } from './index.js';

useModules(modules);
