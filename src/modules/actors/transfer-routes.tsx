import { authorize } from '../../platform/commands.js';
import { recordTransferRoutes } from '../../platform/spreadsheet/record-routes.js';
import { appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { actorColumns, actorExportName, actorRequired, actorSheets, applyActorImport, canImportActors, matchActorHeading, planActorImport } from './transfer.js';

/** /akteure/import (Koordination) and /akteure/export.xlsx|csv (the Koordination too: the file holds contact persons). */
export const actorTransferRoutes = () =>
  recordTransferRoutes({
    path: '/app/k/:slug/akteure',
    importScope: async (c) => {
      const { tenant, user } = await tenantForApp(c);
      authorize(canImportActors(user, tenant.id));
      return tenant;
    },
    exportScope: async (c) => {
      const { tenant, user } = await tenantForApp(c);
      authorize(canImportActors(user, tenant.id));
      return tenant;
    },
    text: (t) => ({ title: t('actors.import.title'), intro: t('actors.import.intro'), section: 'actors' }),
    paths: (tenant, t) => {
      const base = `${appBase(tenant)}/akteure`;
      return { upload: `${base}/import`, confirm: `${base}/import/bestaetigen`, back: base, backLabel: t('actors.import.back'), exportXlsx: `${base}/export.xlsx`, exportCsv: `${base}/export.csv` };
    },
    columns: actorColumns,
    required: actorRequired,
    describe: (t, key) => t(`actors.import.column.${key}`),
    read: { isHeading: (h) => matchActorHeading(h) !== undefined, sheet: /akteur/i },
    plan: planActorImport,
    apply: (ctx, tenantId, table, mapping) => applyActorImport(ctx, tenantId, table, mapping),
    flash: (t, n) => t('spreadsheet.flash.imported', n),
    sheets: actorSheets,
    fileName: actorExportName,
  });
