import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** Texts of the section „Fortschreibung des Konzepts“ of the attention list and the reminder mail (internal: German only). */
export const attentionMessages: ModuleMessages = {
  internalOnly: true,
  de: {
    'attention.update.heading': 'Fortschreibung des Konzepts',
    'attention.update.overdue.one': 'Die Fortschreibung des Konzepts war am {date} fällig und ist seit {count} Tag überfällig.',
    'attention.update.overdue.other': 'Die Fortschreibung des Konzepts war am {date} fällig und ist seit {count} Tagen überfällig.',
    'attention.update.due.one': 'Die Fortschreibung des Konzepts ist am {date} fällig, in {count} Tag.',
    'attention.update.due.other': 'Die Fortschreibung des Konzepts ist am {date} fällig, in {count} Tagen.',
    'attention.update.none.one': 'Die nächste Fortschreibung ist nicht im nächsten Monat fällig.',
    'attention.update.none.other': 'Die nächste Fortschreibung ist nicht in den nächsten {count} Monaten fällig.',
    'attention.update.short_overdue': 'überfällig seit {date}',
    'attention.update.short_due': 'fällig am {date}',
    'attention.update.short_none': 'nicht in den nächsten drei Monaten fällig',
    'attention.rules.update.one': 'Die Fortschreibung des Konzepts erscheint, wenn sie im nächsten Monat fällig oder schon überfällig ist. Fällig ist sie nach dem Abstand zwischen Fortschreibungen, den die Kommune festgelegt hat, gerechnet ab dem Beschluss.',
    'attention.rules.update.other': 'Die Fortschreibung des Konzepts erscheint, wenn sie in den nächsten {count} Monaten fällig oder schon überfällig ist. Fällig ist sie nach dem Abstand zwischen Fortschreibungen, den die Kommune festgelegt hat, gerechnet ab dem Beschluss.',
    'attention.mail.update_overdue': 'Die Fortschreibung des Konzepts war am {date} fällig.',
    'attention.mail.update_due': 'Die Fortschreibung des Konzepts ist am {date} fällig.',
  },
  en: {},
};
