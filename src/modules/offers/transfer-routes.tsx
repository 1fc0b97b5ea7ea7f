import { authorize } from '../../platform/commands.js';
import { recordTransferRoutes } from '../../platform/spreadsheet/record-routes.js';
import { appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { canManageOffers } from './policy.js';
import { applyOfferImport, matchOfferHeading, offerColumns, offerExportName, offerRequired, offerSheets, planOfferImport } from './transfer.js';

/** /angebote/import and /angebote/export.xlsx|csv: the Koordination's (the file holds internal notes). */
export const offerTransferRoutes = () =>
  recordTransferRoutes({
    path: '/app/k/:slug/angebote',
    importScope: async (c) => {
      const { tenant, user } = await tenantForApp(c);
      authorize(canManageOffers(user, tenant.id));
      return tenant;
    },
    exportScope: async (c) => {
      const { tenant, user } = await tenantForApp(c);
      authorize(canManageOffers(user, tenant.id));
      return tenant;
    },
    text: (t) => ({ title: t('offers.import.title'), intro: t('offers.import.intro'), section: 'offers' }),
    paths: (tenant, t) => {
      const base = `${appBase(tenant)}/angebote`;
      return { upload: `${base}/import`, confirm: `${base}/import/bestaetigen`, back: base, backLabel: t('offers.import.back'), exportXlsx: `${base}/export.xlsx`, exportCsv: `${base}/export.csv` };
    },
    columns: offerColumns,
    required: offerRequired,
    describe: (t, key) => t(`offers.import.column.${key}`),
    read: { isHeading: (h) => matchOfferHeading(h) !== undefined, sheet: /angebot/i },
    plan: planOfferImport,
    apply: (ctx, tenantId, table, mapping) => applyOfferImport(ctx, tenantId, table, mapping),
    flash: (t, n) => t('spreadsheet.flash.imported', n),
    sheets: offerSheets,
    fileName: offerExportName,
  });
