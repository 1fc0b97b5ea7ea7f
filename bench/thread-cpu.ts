// Which thread of a running server is busy under a page load (issue 9.1): CPU seconds per thread
// (/proc/PID/task, by name: the request thread, PGlite's worker, V8's and libuv's helpers) during
// `seconds` of 10-connection load on one path, and requests/s. Signed in as the Koordination when
// SIGNED_IN=1. npx tsx bench/thread-cpu.ts PID URL PATH [seconds]
import fs from 'node:fs';
import { signIn } from './crawl.js';
import { runLoad } from './procs.js';

const [pid, base, pagePath, seconds = '10'] = process.argv.slice(2) as [string, string, string, string?];
const ticks = 100; // USER_HZ
const threads = () =>
  new Map(
    fs.readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [tid, { comm, cpu: (Number(fields[11]) + Number(fields[12])) / ticks }] as const;
    }),
  );
const cookie = process.env.SIGNED_IN === '1' ? await signIn(base, 'koordination@musterland.example') : undefined;
await runLoad(base + pagePath, 2, 10, cookie);
const before = threads();
const load = await runLoad(base + pagePath, Number(seconds), 10, cookie);
const after = threads();
const byName = new Map<string, number>();
for (const [tid, t] of after) {
  const name = tid === pid ? 'request thread' : t.comm;
  byName.set(name, (byName.get(name) ?? 0) + t.cpu - (before.get(tid)?.cpu ?? 0));
}
const perRequestMs = (s: number) => Math.round((s / (load.requestsPerSec * Number(seconds))) * 1e5) / 100;
console.log(JSON.stringify({ path: pagePath, signedIn: Boolean(cookie), requestsPerSec: load.requestsPerSec, cpuMsPerRequest: Object.fromEntries([...byName].filter(([, s]) => s > 0.05).sort((a, b) => b[1] - a[1]).map(([n, s]) => [n, perRequestMs(s)])) }));
