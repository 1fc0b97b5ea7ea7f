import { authorize } from '../../platform/commands.js';
import type { Ctx } from '../../platform/http/env.js';
import { recordTransferRoutes } from '../../platform/spreadsheet/record-routes.js';
import { appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { contactColumns, contactSheetName, contactSheetTitle, matchContactHeading } from './contact-transfer.js';
import {
  actorColumns, actorExportName, actorRequired, actorSheets, applyActorImport, applyContactImport, canImportActors, contactExportName, contactSheets, matchActorHeading, planActorImport,
  planContactImport, type ActorImportPlan,
} from './transfer.js';
import { ContactImportPreview } from './views/contact-import-preview.js';

/** Import and export hold contact persons: the Koordination only. */
async function coordinatorScope(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  authorize(canImportActors(user, tenant.id));
  return tenant;
}

/** /akteure/import and /akteure/export.xlsx|csv: the actors, in an .xlsx with their contact persons on the sheet "Ansprechpersonen". */
export const actorTransferRoutes = () =>
  recordTransferRoutes({
    path: '/app/k/:slug/akteure',
    importScope: coordinatorScope,
    exportScope: coordinatorScope,
    text: (t) => ({ title: t('actors.import.title'), intro: t('actors.import.intro'), section: 'actors' }),
    paths: (tenant, t) => {
      const base = `${appBase(tenant)}/akteure`;
      return {
        upload: `${base}/import`, confirm: `${base}/import/bestaetigen`, back: base, backLabel: t('actors.import.back'), exportXlsx: `${base}/export.xlsx`, exportCsv: `${base}/export.csv`,
        related: { href: `${base}/ansprechpersonen/import`, label: t('contacts.import.other_file') },
      };
    },
    columns: actorColumns,
    required: actorRequired,
    describe: (t, key) => t(`actors.import.column.${key}`),
    read: { isHeading: (h) => matchActorHeading(h) !== undefined, sheet: /akteur/i },
    further: { sheet: contactSheetTitle, columns: contactColumns },
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

/** /akteure/ansprechpersonen/import and …/export.xlsx|csv: the contact persons in a file of their own (a CSV holds one table). */
export const contactTransferRoutes = () =>
  recordTransferRoutes({
    path: '/app/k/:slug/akteure/ansprechpersonen',
    importScope: coordinatorScope,
    exportScope: coordinatorScope,
    text: (t) => ({ title: t('contacts.import.title'), intro: t('contacts.import.intro'), section: 'actors' }),
    paths: (tenant, t) => {
      const base = `${appBase(tenant)}/akteure`;
      return {
        upload: `${base}/ansprechpersonen/import`, confirm: `${base}/ansprechpersonen/import/bestaetigen`, back: base, backLabel: t('actors.import.back'),
        exportXlsx: `${base}/ansprechpersonen/export.xlsx`, exportCsv: `${base}/ansprechpersonen/export.csv`, related: { href: `${base}/import`, label: t('actors.import.other_file') },
      };
    },
    columns: contactColumns,
    required: ['name'],
    describe: (t, key) => t(`contacts.import.column.${key}`),
    read: { isHeading: (h) => matchContactHeading(h) !== undefined, sheet: contactSheetName },
    plan: planContactImport,
    apply: applyContactImport,
    flash: (t, n) => t('contacts.import.flash', n),
    sheets: contactSheets,
    fileName: contactExportName,
  });
