import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** Sachstandsbericht pages (internal, German only). The documents themselves are German. */
export const messages: ModuleMessages = {
  internalOnly: true,
  de: {
    'reports.title': 'Sachstandsbericht erstellen',
    'reports.intro': 'Der Bericht fasst für den gewählten Zeitraum den Stand je Themenfeld, die Statusverteilung, die gemeldeten Sachstände, die überfälligen Maßnahmen und den letzten Sachstand jeder Maßnahme zusammen – als Word-Datei zum Weiterbearbeiten oder als PDF.',
    'reports.from': 'Berichtszeitraum von',
    'reports.to': 'Berichtszeitraum bis',
    'reports.download_docx': 'Als Word-Datei (.docx) herunterladen',
    'reports.download_pdf': 'Als PDF herunterladen',
    'reports.link': 'Sachstandsbericht erstellen',
    'reports.audience': 'Für wen ist der Bericht?',
    'reports.audience.public': 'Öffentliche Sitzung: nur veröffentlichte Sachstände und Indikatoren',
    'reports.audience.internal': 'Intern: auch interne Sachstände und Indikatoren, jeweils als „intern“ gekennzeichnet',
  },
  en: {},
};
