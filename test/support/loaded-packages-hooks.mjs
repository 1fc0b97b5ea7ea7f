// Module hooks (they run in a thread of their own) for loaded-packages.mjs: one line per package
// the first time any of its files loads.
import fs from 'node:fs';

let log;
let pid;
const seen = new Set();

export function initialize(data) {
  ({ log, pid } = data);
}

export async function load(url, context, next) {
  const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (name && log && !seen.has(name)) {
    seen.add(name);
    fs.appendFileSync(log, `${pid} ${name}\n`);
  }
  return next(url, context);
}
