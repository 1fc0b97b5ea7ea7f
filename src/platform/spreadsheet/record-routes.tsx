import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { CommandContext } from '../commands.js';
import type { Db } from '../../db/client.js';
import { dbOf, type AppEnv, type Ctx } from '../http/env.js';
import { formBody, redirectWithFlash, render } from '../http/render.js';
import { commandContext } from '../http/session.js';
import type { T } from '../i18n/i18n.js';
import type { Tenant } from '../tenancy/service.js';
import { mappingFrom, type ColumnMapping } from './headings.js';
import { readTable, type RawTable, type ReadOptions } from './parse.js';
import { importRejected, problemsOf, type ImportProblem } from './problems.js';
import { RecordPreviewPage, RecordUploadPage, headingGroups, type FurtherSheet, type HeadingGroup, type RecordImportPaths, type RecordImportText } from './record-pages.js';
import type { RecordColumn, RecordPlan } from './records.js';
import { isFile, kept, uploaded, type UploadedFile } from './upload.js';
import { downloadHeaders, sheetToCsv, sheetsToXlsx, type ExportSheet } from './write.js';

/**
 * The routes of a directory import and export (actors, offers), the same for each: export as
 * .xlsx/.csv, upload → preview (old → new, columns for unknown headings) → confirm, all or nothing.
 */
export interface RecordTransfer {
  /** Route prefix, e.g. "/app/k/:slug/akteure". */
  path: string;
  /** The Kommune, after checking the user may import (throws otherwise). */
  importScope: (c: Ctx) => Promise<Tenant>;
  /** The Kommune, after checking the user may export. */
  exportScope: (c: Ctx) => Promise<Tenant>;
  text: (t: T) => RecordImportText;
  paths: (tenant: Tenant, t: T) => RecordImportPaths;
  columns: readonly RecordColumn[];
  required: readonly string[];
  describe: (t: T, key: string) => string;
  read: ReadOptions;
  /** A further sheet of an .xlsx the import reads too (its unknown headings are mapped beside the first sheet's). */
  further?: FurtherSheet;
  /** What importing would do (nothing written); `furtherMapping` is the person's choice for the further sheet's headings. */
  plan: (ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping, file: UploadedFile, furtherMapping: ColumnMapping) => Promise<RecordPlan<string, unknown, unknown>>;
  /** Imports all or nothing (throws importRejected with every problem); returns the counts. */
  apply: (ctx: CommandContext, tenantId: string, table: RawTable, mapping: ColumnMapping, file: UploadedFile, furtherMapping: ColumnMapping) => Promise<{ created: number; updated: number; unchanged: number }>;
  /** The flash after importing: `counts` is what `apply` returned (an import may add counts of its own). */
  flash: (t: T, counts: { created: number; updated: number; unchanged: number }) => string;
  /** More of the preview (what a further sheet of the file would change). */
  previewExtra?: (t: T, plan: RecordPlan<string, unknown, unknown>) => Child;
  sheets: (db: Db, tenantId: string) => Promise<ExportSheet[]>;
  fileName: (tenant: Tenant) => string;
}

export function recordTransferRoutes(x: RecordTransfer) {
  const app = new Hono<AppEnv>();
  const furtherMapping = (body: Record<string, unknown>): ColumnMapping => (x.further ? mappingFrom(body, x.further.sheet) : new Map());
  const uploadPage = (c: Ctx, tenant: Tenant, opts: { problems?: ImportProblem[]; fileError?: { field: string; messageKey: string; params?: Record<string, string | number> }; retry?: { file: UploadedFile; groups: HeadingGroup[] } } = {}, status = 200) => {
    const t = c.get('t');
    return render(
      c,
      <RecordUploadPage c={c} tenant={tenant} text={x.text(t)} paths={x.paths(tenant, t)} columns={x.columns} required={x.required} describe={(key) => x.describe(t, key)} {...opts} />,
      status,
    );
  };

  app.get(`${x.path}/import`, async (c) => uploadPage(c, await x.importScope(c)));

  // The first step, and the same again with the kept file when the person mapped unknown headings.
  app.post(`${x.path}/import`, async (c) => {
    const tenant = await x.importScope(c);
    const body = await formBody(c);
    const file = body.datei instanceof File ? await uploaded(body) : kept(body);
    if (!isFile(file)) return uploadPage(c, tenant, { fileError: file }, 422);
    const t = c.get('t');
    let plan: RecordPlan<string, unknown, unknown> | undefined;
    try {
      plan = await x.plan(commandContext(c), tenant.id, await readTable(file.bytes, file.name, x.read), mappingFrom(body), file, furtherMapping(body));
      if (plan.problems.length) throw importRejected(plan.problems);
      return render(c, <RecordPreviewPage c={c} tenant={tenant} text={x.text(t)} paths={x.paths(tenant, t)} columns={x.columns} further={x.further} plan={plan} file={file} extra={x.previewExtra?.(t, plan)} />);
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      const groups = plan ? headingGroups(plan, x.columns, x.further) : [];
      return uploadPage(c, tenant, { problems, retry: groups.length ? { file, groups } : undefined }, 422);
    }
  });

  app.post(`${x.path}/import/bestaetigen`, async (c) => {
    const tenant = await x.importScope(c);
    const body = await formBody(c);
    const file = kept(body);
    if (!isFile(file)) return uploadPage(c, tenant, { fileError: file }, 422);
    try {
      const table = await readTable(file.bytes, file.name, x.read);
      const counts = await x.apply(commandContext(c), tenant.id, table, mappingFrom(body), file, furtherMapping(body));
      return redirectWithFlash(c, x.paths(tenant, c.get('t')).back, x.flash(c.get('t'), counts));
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      return uploadPage(c, tenant, { problems }, 422);
    }
  });

  for (const ext of ['xlsx', 'csv'] as const) {
    app.get(`${x.path}/export.${ext}`, async (c) => {
      const tenant = await x.exportScope(c);
      const sheets = await x.sheets(dbOf(c), tenant.id);
      const body = ext === 'xlsx' ? new Uint8Array(await sheetsToXlsx(sheets, x.fileName(tenant))) : sheetToCsv(sheets[0]!);
      return c.body(body, 200, downloadHeaders(`${x.fileName(tenant)}.${ext}`, ext));
    });
  }
  return app;
}
