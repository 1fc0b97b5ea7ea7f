import type { ModuleMessages } from '../../platform/i18n/catalogs.js';

/** The network page (internal, German only). */
export const messages: ModuleMessages = {
  internalOnly: true,
  de: {
    'nav.network': 'Netzwerk',
    'network.title': 'Netzwerk der Akteure',
    'network.intro': 'Wer mit wem zusammenarbeitet: Akteure sind verbunden, wenn sie gemeinsam Maßnahmen der Fassung „{edition}“ verantworten oder mittragen. Dieselben Verbindungen stehen in der Tabelle.',
    'network.no_edition': 'Noch keine Fassung des Konzepts: Verbindungen entstehen aus gemeinsamen Maßnahmen.',
    'network.filter': 'Netzwerk filtern',
    'network.filter_apply': 'Anzeigen',
    'network.field': 'Themenfeld',
    'network.all_fields': 'Alle Themenfelder',
    'network.municipality': 'Gemeinde',
    'network.all_municipalities': 'Alle Gemeinden',
    'network.summary': 'Akteure: {actors}, Verbindungen: {links}.',
    'network.unlinked_title.one': 'Ein Akteur ohne Verbindung',
    'network.unlinked_title.other': 'Akteure ohne Verbindung: {count}',
    'network.unlinked_text': 'Diese Akteure teilen in dieser Auswahl keine Maßnahme mit anderen. Im Bild sind sie rot umrandet.',
    'network.graph_title': 'Netzwerkbild der Akteure',
    'network.graph_desc': 'Akteure: {actors}, Verbindungen: {links}, davon ohne Verbindung: {unlinked}. Die Tabelle „Verbindungen“ enthält dieselben Angaben.',
    'network.node_alone': '{name} (ohne Verbindung)',
    'network.legend': 'Punkte sind Akteure (größer: an mehr gemeinsamen Maßnahmen beteiligt), Linien gemeinsame Maßnahmen (dicker: mehr). Rot umrandet: ohne Verbindung.',
    'network.table_heading': 'Verbindungen',
    'network.actor_a': 'Akteur',
    'network.actor_b': 'verbunden mit',
    'network.shared_measures': 'Gemeinsame Maßnahmen',
    'network.measure_count.one': 'eine Maßnahme',
    'network.measure_count.other': 'Maßnahmen: {count}',
    'network.no_links': 'In dieser Auswahl gibt es keine Verbindungen.',
  },
  en: {},
};
