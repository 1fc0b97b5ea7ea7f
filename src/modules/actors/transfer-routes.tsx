import { authorize } from '../../platform/commands.js';
import { recordTransferRoutes } from '../../platform/spreadsheet/record-routes.js';
import { appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { actorColumns, actorExportName, actorRequired, actorSheets, applyActorImport, canImportActors, matchActorHeading, planActorImport, type ActorImportPlan } from './transfer.js';
import { ContactImportPreview } from './views/contact-import-preview.js';

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
    apply: applyActorImport,
    flash: (t, n) => {
      const contacts = (n as { contacts?: { created: number; updated: number; unchanged: number } }).contacts;
      return [t('spreadsheet.flash.imported', n), contacts ? t('contacts.import.flash', contacts) : ''].filter(Boolean).join(' ');
    },
    previewExtra: (t, plan) => {
      const contacts = (plan as ActorImportPlan).contacts;
      return contacts ? <ContactImportPreview t={t} plan={contacts} /> : null;
    },
    sheets: actorSheets,
    fileName: actorExportName,
  });
