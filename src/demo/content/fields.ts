import type { DemoField } from './types.js';

/** Themenfelder (Handlungsfelder) und Querschnittsthemen des Integrationskonzepts. */
export const fields: DemoField[] = [
  {
    key: 'sprache',
    title: 'Teilhabe durch Sprache',
    description: 'Deutschkenntnisse sind der Schlüssel zu Bildung, Arbeit und sozialen Kontakten. Das Themenfeld umfasst Integrations- und Berufssprachkurse, Alphabetisierung, niedrigschwellige Sprachangebote, Sprach- und Kulturmittlung sowie die Wertschätzung von Mehrsprachigkeit.',
    crossCutting: false,
  },
  {
    key: 'bildung',
    title: 'Teilhabe durch Bildung',
    description: 'Von der Kita über die Schule bis zur Erwachsenenbildung sollen Kinder, Jugendliche und Erwachsene mit Zuwanderungsgeschichte gleiche Bildungschancen erhalten. Im Fokus stehen Kitaplätze und Brückenangebote, Übergänge, Sprachlernklassen, Elternbeteiligung und das Nachholen von Abschlüssen.',
    crossCutting: false,
  },
  {
    key: 'arbeit',
    title: 'Teilhabe durch Arbeit und Beruf',
    description: 'Erwerbsarbeit sichert den Lebensunterhalt und fördert soziale Kontakte; zugleich sind die Betriebe im Landkreis auf Fachkräfte angewiesen. Das Themenfeld bündelt Anerkennung ausländischer Berufsabschlüsse, Ausbildung, Praktika, Qualifizierung und die Zusammenarbeit mit Arbeitgebern.',
    crossCutting: false,
  },
  {
    key: 'gesundheit',
    title: 'Gesundheit und Pflege',
    description: 'Zugewanderte sollen das Gesundheits- und Pflegesystem verstehen und gleichberechtigt nutzen können. Dazu gehören mehrsprachige Information, Gesundheitslotsinnen und -lotsen, Sprachmittlung in Praxen und Kliniken, psychosoziale Versorgung sowie kultursensible Pflege.',
    crossCutting: false,
  },
  {
    key: 'teilhabe',
    title: 'Gesellschaftliche Teilhabe',
    description: 'Das Themenfeld betrifft Wohnen, Nachbarschaft, Kultur, Sport, politische Partizipation und Beratung. Es zielt auf ein diskriminierungsfreies Zusammenleben, eine interkulturell geöffnete Verwaltung und die frühzeitige Bearbeitung von Konflikten.',
    crossCutting: false,
  },
  {
    key: 'ehrenamt',
    title: 'Ehrenamt und Engagement',
    description: 'Ehrenamtliche leisten einen unverzichtbaren Beitrag zur Integration im ländlichen Raum. Das Themenfeld umfasst Ehrenamtskoordination, Qualifizierung und Anerkennung Ehrenamtlicher, Begegnungsorte, Patenschaften sowie die Stärkung von Migrantenorganisationen.',
    crossCutting: false,
  },
  {
    key: 'gleichstellung',
    title: 'Geschlechtergleichstellung',
    description: 'Querschnittsthema: In allen Themenfeldern wird geprüft, ob Angebote Frauen und Männer gleichermaßen erreichen. Besondere Hürden zugewanderter Frauen – fehlende Kinderbetreuung, eingeschränkte Mobilität, Gewalterfahrungen – werden gezielt abgebaut.',
    crossCutting: true,
  },
  {
    key: 'interkulturelle-oeffnung',
    title: 'Interkulturelle Öffnung',
    description: 'Querschnittsthema: Verwaltung, Einrichtungen und Vereine richten ihre Angebote, Kommunikation und Personalpolitik an einer vielfältigen Bevölkerung aus. Dazu gehören Fortbildungen, mehrsprachige Information, Sprachmittlung und diversitätsorientierte Personalgewinnung.',
    crossCutting: true,
  },
];
