// Report generation bench: DOCX and PDF for 160 and 1,600 measures (synthetic models, so the
// numbers are about the renderers; building the model from the database is one query per part).
import { renderDocx } from '../src/modules/reports/docx.js';
import { syntheticReport } from '../src/modules/reports/fixture.js';
import { renderPdf } from '../src/modules/reports/pdf.js';

type Emit = (obj: Record<string, unknown>) => void;

async function timeIt(fn: () => Promise<Buffer>, repeats: number): Promise<{ ms: number; bytes: number }> {
  await fn(); // warm-up: fonts, module initialisation
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    bytes = (await fn()).length;
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { ms: Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10, bytes };
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
}
