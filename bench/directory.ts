// The public offer directory with filters under load (issue 10), per database: anonymous visitors
// (page cache, keyed by path and query) and signed-in visitors (every request renders: the
// filters' queries run each time), each against the static ceiling for the same bytes in the
// same run (bench/static-server.mjs), as in pages.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { signIn } from './crawl.js';
import { emitAgainstStatic } from './ceiling.js';
import type { PagesContext } from './pages.js';
import { runLoad, stopChild, waitForHealth, type LoadResult } from './procs.js';

/** Treff/Café offers that are free, on Tuesdays: three filters, one of them on the weekday array. */
export const directoryPath = '/k/musterland/angebote?kategorie=treff&kostenlos=1&wochentag=2';

export async function directoryBench(ctx: PagesContext) {
  const { log, loadSeconds } = ctx;
  const staticDir = path.join(ctx.tmpDir, 'static-directory');
  fs.mkdirSync(staticDir, { recursive: true });
  for (const database of ctx.databases) {
    const { kind } = database;
    const server = await ctx.startServer(`server-directory-${kind}`, { ...database.env, DATA_DIR: `${database.env.DATA_DIR}-directory` });
    // A fresh demo seed on a loaded machine (load 27 on 2 cores) took longer than the 2 minutes pages.ts allows.
    await waitForHealth(server.url, server.child, 600_000);
    const cookie = await signIn(server.url, 'koordination@musterland.example');
    const runs: { name: string; load: LoadResult; file: string; bytes: number; target: number; offers: number }[] = [];
    for (const [label, headers, target] of [['cached', undefined, 0.5], ['fresh', cookie, 0.25]] as const) {
      const body = Buffer.from(await (await fetch(server.url + directoryPath, { headers: headers ? { cookie: headers } : {} })).arrayBuffer());
      const file = `${createHash('sha1').update(body).digest('hex').slice(0, 16)}.html`;
      fs.writeFileSync(path.join(staticDir, file), body);
      log(`load ${kind}: ${label} ${directoryPath}, ${loadSeconds} s`);
      await runLoad(server.url + directoryPath, 2, 10, headers);
      const load = await runLoad(server.url + directoryPath, loadSeconds, 10, headers);
      runs.push({ name: `directory_${label}_${kind}`, load, file, bytes: body.length, target, offers: (body.toString('utf8').match(/class="kern-card kern-card--hug offer-card"/g) ?? []).length });
    }
    await stopChild(server.child);
    await emitAgainstStatic(
      ctx,
      staticDir,
      runs.map((r) => ({ ...r, extra: { db: kind, path: directoryPath, offersShown: r.offers } })),
    );
  }
}
