import { commandContext } from '../../../platform/http/session.js';
import { Hono } from 'hono';
import { z } from 'zod';
import type { CurrentUser } from '../../../platform/auth/current-user.js';
import { authorize, type CommandContext } from '../../../platform/commands.js';
import type { FieldError } from '../../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../../platform/http/render.js';
import { editionById, type Edition } from '../../concepts/index.js';
import { editionPath } from '../../measures/index.js';
import { problemsOf, type ImportProblem } from '../../../platform/spreadsheet/problems.js';
import { isFile, kept, uploaded } from '../../../platform/spreadsheet/upload.js';
import { tenantForApp } from '../../../platform/ui/app-shell.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import { todayInGermany } from '../input.js';
import { canReadUpdates } from '../policy.js';
import { applyStatusImport, assertEditionReportable, canImportStatus, previewStatusImport, type UploadedFile } from './apply.js';
import { statusFileName, statusRows, toStatusXlsx } from './export.js';
import { StatusPreviewPage } from './views/preview-page.js';
import { StatusUploadPage } from './views/upload-page.js';
import { keptAppPage } from '../../../platform/ui/kept-app-page.js';

const path = '/app/k/:slug/fassungen/:editionId';

async function scope(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  const edition = await editionById(dbOf(c), tenant.id, c.req.param('editionId') ?? '');
  return { tenant, user, edition };
}

/** Importing: Koordination and people reporting for an actor, into an edition that is not superseded. */
async function importScope(c: Ctx) {
  const s = await scope(c);
  authorize(canImportStatus(s.user, s.tenant.id));
  assertEditionReportable(s.edition);
  return s;
}


const versionsSchema = z.record(z.string().uuid(), z.number().int().min(1));
/** The measure versions the preview showed (hidden field, JSON); anything unreadable counts as none. */
function versionsOf(body: Record<string, unknown>): Record<string, number> {
  try {
    const parsed = versionsSchema.safeParse(JSON.parse(typeof body.versionen === 'string' ? body.versionen : '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}


export function bulkStatusRoutes() {
  const app = new Hono<AppEnv>();

  const uploadPage = (c: Ctx, tenant: Tenant, edition: Edition, opts: { problems?: ImportProblem[]; fileError?: FieldError } = {}, status = 200) =>
    render(c, <StatusUploadPage c={c} tenant={tenant} edition={edition} {...opts} />, status);

  // Any member may download the status table: it holds nothing the internal app does not show.
  app.get(`${path}/sachstand.xlsx`, async (c) => {
    const { tenant, user, edition } = await scope(c);
    authorize(canReadUpdates(user, tenant.id));
    const rows = await statusRows(dbOf(c), tenant.id, edition.id);
    const name = statusFileName(edition);
    return c.body(new Uint8Array(await toStatusXlsx(rows, edition.title)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'private, no-store',
    });
  });

  app.get(`${path}/sachstand/import`, keptAppPage, async (c) => {
    const { tenant, edition } = await importScope(c);
    return uploadPage(c, tenant, edition);
  });

  app.post(`${path}/sachstand/import`, async (c) => {
    const { tenant, user, edition } = await importScope(c);
    const file = await uploaded(await formBody(c));
    if (!isFile(file)) return uploadPage(c, tenant, edition, { fileError: file }, 422);
    try {
      const today = todayInGermany();
      const plan = await previewStatusImport(commandContext(c), tenant.id, edition.id, file, today);
      const keep = { name: file.name, base64: Buffer.from(file.bytes).toString('base64') };
      return render(c, <StatusPreviewPage c={c} tenant={tenant} edition={edition} plan={plan} file={keep} today={today} />);
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      return uploadPage(c, tenant, edition, { problems }, 422);
    }
  });

  app.post(`${path}/sachstand/import/bestaetigen`, async (c) => {
    const { tenant, user, edition } = await importScope(c);
    const body = await formBody(c);
    const file = kept(body);
    if (!isFile(file)) return uploadPage(c, tenant, edition, { fileError: file }, 422);
    try {
      const outcome = await applyStatusImport(commandContext(c), tenant.id, edition.id, file, versionsOf(body));
      const t = c.get('t');
      const message =
        outcome.recorded === 0
          ? t('bulk_status.flash.nothing')
          : t('bulk_status.flash.recorded', { count: outcome.recorded, unchanged: outcome.unchanged });
      return redirectWithFlash(c, editionPath(tenant, edition), message);
    } catch (e) {
      const problems = problemsOf(e);
      if (!problems) throw e;
      return uploadPage(c, tenant, edition, { problems }, 422);
    }
  });

  return app;
}
