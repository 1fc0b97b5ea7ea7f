// Child process for the memory tests and the bench: reads spreadsheets (paths as arguments) with
// the imports' reader and prints, as JSON, each outcome and how far the resident memory rose
// above idle at its peak (the kernel's maxRSS) over all of them.
import fs from 'node:fs';
import { readTable } from '../../src/platform/spreadsheet/parse.js';
import { problemsOf } from '../../src/platform/spreadsheet/problems.js';
import { xfdWorkbook } from './spreadsheets.js';

async function outcomeOf(bytes: Uint8Array, name: string) {
  const started = performance.now();
  try {
    const table = await readTable(bytes, name);
    return { file: name, rows: table.rows.length, columns: table.headings.length, ms: performance.now() - started };
  } catch (e) {
    const problems = problemsOf(e);
    if (!problems) throw e;
    return { file: name, problems: problems.map((p) => p.messageKey), ms: performance.now() - started };
  }
}

// Warm up every code path (CSV, zip, XML) so loading modules is not counted as the upload's memory.
await outcomeOf(new Uint8Array(Buffer.from('Nr.;Titel\n1;x\n')), 'warm-up.csv');
await outcomeOf(await xfdWorkbook(), 'warm-up.xlsx');
globalThis.gc?.();
const idle = process.memoryUsage().rss;
const outcomes = [];
for (const file of process.argv.slice(2)) {
  outcomes.push(await outcomeOf(new Uint8Array(fs.readFileSync(file)), file));
  globalThis.gc?.();
}
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ idleBytes: idle, peakBytes: peak, aboveIdleBytes: peak - idle, outcomes }));
