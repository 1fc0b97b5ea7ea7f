// Report generation bench: the Sachstandsbericht and the concept edition as DOCX and PDF for 160
// and 1,600 measures (synthetic models, so the numbers are about the renderers; building a model
// from the database is a handful of queries however many measures there are).
import { renderConcept } from '../src/modules/reports/concept/document.js';
import { syntheticConcept } from '../src/modules/reports/concept/fixture.js';
import { renderDocx } from '../src/modules/reports/docx.js';
import { syntheticReport } from '../src/modules/reports/fixture.js';
import { renderPdf } from '../src/modules/reports/pdf.js';

type Emit = (obj: Record<string, unknown>) => void;

/** Median wall and CPU time of `repeats` runs after a warm-up (CPU time: less disturbed by other processes on the machine). */
async function timeIt(fn: () => Promise<Buffer>, repeats: number): Promise<{ ms: number; cpuMs: number; bytes: number }> {
  await fn(); // warm-up: fonts, module initialisation
  const samples: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    bytes = (await fn()).length;
    const c = process.cpuUsage(c0);
    samples.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
  return { ms: median(samples), cpuMs: median(cpu), bytes };
}

export async function reportBench(emit: Emit): Promise<void> {
  for (const format of ['docx', 'pdf'] as const) {
    const render = format === 'docx' ? renderDocx : renderPdf;
    const small = await timeIt(() => render(syntheticReport(160)), 5);
    const large = await timeIt(() => render(syntheticReport(1600)), 3);
    emit({ name: `report_${format}_160`, value: small.ms, unit: 'ms', bytes: small.bytes, stat: 'median' });
    emit({ name: `report_${format}_1600`, value: large.ms, unit: 'ms', bytes: large.bytes, stat: 'median' });
    emit({ name: `report_${format}_1600_vs_160`, value: Math.round((large.ms / small.ms) * 100) / 100, unit: 'ratio', note: '10× the measures; ~10 means linear' });
  }
  for (const format of ['docx', 'pdf'] as const) {
    const small = await timeIt(() => renderConcept(syntheticConcept(160), format), 5);
    const large = await timeIt(() => renderConcept(syntheticConcept(1600), format), 3);
    emit({ name: `concept_${format}_160`, value: small.ms, unit: 'ms', cpuMs: small.cpuMs, bytes: small.bytes, stat: 'median' });
    emit({ name: `concept_${format}_1600`, value: large.ms, unit: 'ms', cpuMs: large.cpuMs, bytes: large.bytes, stat: 'median' });
    const ratio = Math.round((large.ms / small.ms) * 100) / 100;
    emit({ name: `concept_${format}_1600_vs_160`, value: ratio, unit: 'ratio', cpuRatio: Math.round((large.cpuMs / small.cpuMs) * 100) / 100, target: 12, meets: ratio <= 12, note: '10× the measures; ~10 means linear' });
  }
}
