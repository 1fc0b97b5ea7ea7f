import { readTable } from '../../../platform/spreadsheet/parse.js';
import type { UploadedFile } from '../../../platform/spreadsheet/upload.js';
import { offThread } from '../../../platform/threads/task-thread.js';
import { matchHeading } from './columns.js';
import { planWith, type Plan, type PlanOptions } from './plan.js';
import type { References } from './references.js';

/** A measure table may have title rows above its headings. */
const readOptions = { isHeading: (h: string) => matchHeading(h) !== undefined };

/**
 * Reads the uploaded file and plans its rows against `refs` in the task thread: for a
 * 5,000-row file that is most of the import's CPU, which held the thread that answers other
 * requests (issue 8.4). The rows' existing measures do not travel back: they are the objects
 * of `refs.measures` (found again by id), as planWith gives them.
 */
export async function planFile(file: UploadedFile, refs: References, opts: PlanOptions): Promise<Plan> {
  const { plan, existingIds } = await offThread<{ plan: Plan; existingIds: (string | null)[] }>(import.meta.url, 'planInThread', [file.bytes, file.name, refs, opts]);
  const byId = new Map(refs.measures.map((m) => [m.id, m]));
  plan.rows.forEach((r, i) => {
    const id = existingIds[i];
    if (id) r.existing = byId.get(id);
  });
  return plan;
}

/** The task thread's half of planFile. */
export async function planInThread(bytes: Uint8Array, fileName: string, refs: References, opts: PlanOptions) {
  const plan = await planWith(refs, await readTable(bytes, fileName, readOptions), opts);
  const existingIds = plan.rows.map((r) => r.existing?.id ?? null);
  for (const r of plan.rows) delete r.existing;
  return { plan, existingIds };
}
