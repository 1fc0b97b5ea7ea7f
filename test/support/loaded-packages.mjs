// Records which npm packages a process loads, for tests of what the server keeps out of memory
// until first use: `NODE_OPTIONS=--import=<this file>` with LOADED_PACKAGES_LOG=<file>. Each
// line: "<pid> <package>" (child processes, such as npm start's compile step, log too).
import { register } from 'node:module';

register('./loaded-packages-hooks.mjs', import.meta.url, { data: { log: process.env.LOADED_PACKAGES_LOG, pid: process.pid } });
