import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** Texts of the section „Indikatoren hinter dem Ziel“ of the attention list (internal: German only). */
export const attentionMessages: ModuleMessages = {
  internalOnly: true,
  de: {
    'attention.indicators.heading': 'Indikatoren hinter dem Ziel',
    'attention.indicators.caption': 'Indikatoren, die hinter ihrem Zielwert zurückliegen, die mit dem frühesten Zieljahr zuerst',
    'attention.indicators.none': 'Kein Indikator liegt hinter seinem Ziel.',
    'attention.indicators.name': 'Indikator',
    'attention.indicators.owner': 'Gehört zu',
    'attention.indicators.target': 'Zielwert (Jahr)',
    'attention.indicators.latest': 'Letzter Wert',
    'attention.indicators.no_value': 'noch kein Wert',
    'attention.rules.indicators': 'Hinter dem Ziel ist ein Indikator, wenn sein letzter Messwert nach der Beurteilung der Indikatoren nicht auf dem Weg zum Zielwert liegt.',
  },
  en: {},
};
