import { commandContext } from '../../../platform/http/session.js';
import { Hono } from 'hono';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { authorize, type CommandContext } from '../../../platform/commands.js';
import type { FieldError } from '../../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../../platform/http/render.js';
import { assertEditionOpen, editionById, type Edition } from '../../concepts/index.js';
import { tenantForApp } from '../../../platform/ui/app-shell.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import { canCreateMeasure } from '../policy.js';
import { applyImport, manyNewUnconfirmed, previewImport, type UploadedFile } from './apply.js';
import { numberFormatOf, type NumberFormat } from '../../../platform/spreadsheet/numbers.js';
import { exportFileName, exportTable, toCsv, toXlsx } from './export.js';
import { isFile, kept, uploaded } from '../../../platform/spreadsheet/upload.js';
import { problemsOf, type ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { PreviewPage } from './views/preview-page.js';
import { editionPath, UploadPage } from './views/upload-page.js';
import { keptAppPage } from '../../../platform/ui/kept-app-page.js';

const path = '/app/k/:slug/fassungen/:editionId';

async function scope(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  const edition = await editionById(dbOf(c), tenant.id, c.req.param('editionId') ?? '');
  return { tenant, user, edition };
}

/** Import is Koordination's, into an edition whose content may still change. */
async function importScope(c: Ctx) {
  const s = await scope(c);
  authorize(canCreateMeasure(s.user, s.tenant.id));
  assertEditionOpen(s.edition);
  return s;
}



export function transferRoutes() {
  const app = new Hono<AppEnv>();

  const uploadPage = (c: Ctx, tenant: Tenant, edition: Edition, opts: { problems?: ImportProblem[]; fileError?: FieldError; numberFormat?: NumberFormat } = {}, status = 200) =>
    render(c, <UploadPage c={c} tenant={tenant} edition={edition} {...opts} />, status);

  app.get(`${path}/import`, keptAppPage, async (c) => {
    const { tenant, edition } = await importScope(c);
    return uploadPage(c, tenant, edition);
  });

  app.post(`${path}/import`, async (c) => {
    const { tenant, edition } = await importScope(c);
    const body = await formBody(c);
    const numberFormat = numberFormatOf(body.zahlenformat);
    const file = await uploaded(body);
    if (!isFile(file)) return uploadPage(c, tenant, edition, { fileError: file, numberFormat }, 422);
    try {
      const plan = await previewImport(commandContext(c), tenant.id, edition.id, file, { numberFormat });
      const keep = { name: file.name, base64: Buffer.from(file.bytes).toString('base64') };
      return render(c, <PreviewPage c={c} tenant={tenant} edition={edition} plan={plan} file={keep} numberFormat={numberFormat} />);
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      return uploadPage(c, tenant, edition, { problems, numberFormat }, 422);
    }
  });

  app.post(`${path}/import/bestaetigen`, async (c) => {
    const { tenant, edition } = await importScope(c);
    const body = await formBody(c);
    const file = kept(body);
    const numberFormat = numberFormatOf(body.zahlenformat);
    if (!isFile(file)) return uploadPage(c, tenant, edition, { fileError: file, numberFormat }, 422);
    const checked = (v: unknown) => v === '1' || v === 'on';
    const createMissing = checked(body.anlegen);
    const ctx = commandContext(c);
    try {
      const outcome = await applyImport(ctx, tenant.id, edition.id, file, { createMissing, confirmManyNew: checked(body.viele_neu), numberFormat });
      const t = c.get('t');
      const message = [
        t('transfer.flash.imported', { count: outcome.created + outcome.updated, created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged }),
        outcome.newActors + outcome.newFields + outcome.newGoals > 0 ? t('transfer.flash.created_references', { actors: outcome.newActors, fields: outcome.newFields, goals: outcome.newGoals }) : '',
      ].filter(Boolean).join(' ');
      return redirectWithFlash(c, editionPath(tenant, edition), message);
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      // A confirmation the preview asks for is missing (many new measures; missing references
      // the user did not agree to create): show the preview again with that checkbox marked.
      const unconfirmed = problems.every((x) => x.messageKey === manyNewUnconfirmed || (!createMissing && x.unknownReference));
      if (unconfirmed) {
        const plan = await previewImport(ctx, tenant.id, edition.id, file, { numberFormat });
        const keep = { name: file.name, base64: Buffer.from(file.bytes).toString('base64') };
        return render(c, <PreviewPage c={c} tenant={tenant} edition={edition} plan={plan} file={keep} numberFormat={numberFormat} problems={problems} />, 422);
      }
      return uploadPage(c, tenant, edition, { problems, numberFormat }, 422);
    }
  });

  // Any member may export; the table holds nothing the internal app does not show.
  for (const ext of ['xlsx', 'csv'] as const) {
    app.get(`${path}/export.${ext}`, async (c) => {
      const { tenant, edition } = await scope(c);
      const table = await exportTable(dbOf(c), tenant.id, edition.id);
      const name = exportFileName(edition, ext);
      const headers = {
        'content-type': ext === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-store',
      };
      const body = ext === 'xlsx' ? new Uint8Array(await toXlsx(table, edition.title)) : toCsv(table);
      return c.body(body, 200, headers);
    });
  }
  return app;
}
