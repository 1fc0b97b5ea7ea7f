import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** The actor directory (internal, German only). */
export const messages: ModuleMessages = {
  internalOnly: true,
  de: {
    'actors.title': 'Akteure',
    'actors.intro.one': '{count} Akteur: Fachdienste, Träger, Vereine und Initiativen, die Maßnahmen verantworten oder mittragen.',
    'actors.intro.other': '{count} Akteure: Fachdienste, Träger, Vereine und Initiativen, die Maßnahmen verantworten oder mittragen.',
    'actors.name': 'Name',
    'actors.kind': 'Art',
    'actors.municipality': 'Gemeinde',
    'actors.new': 'Akteur anlegen',
    'actors.created': 'Der Akteur „{name}“ wurde angelegt.',
    'actors.saved': 'Der Akteur wurde gespeichert.',
    'actors.deleted': 'Der Akteur wurde gelöscht.',
    'actors.delete': 'Akteur löschen',
    'actors.delete_confirm_title': 'Akteur „{name}“ löschen?',
    'actors.delete_hint': 'Ein Akteur, der in Maßnahmen eingetragen ist, kann nicht gelöscht werden.',
  },
  en: {},
};
