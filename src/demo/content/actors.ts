import type { DemoActor } from './types.js';

/**
 * Akteure der Integrationsarbeit im fiktiven Landkreis Musterland.
 * Alle Organisationen sind erfunden; Ähnlichkeiten mit realen Einrichtungen sind nicht beabsichtigt.
 */
export const actors: DemoActor[] = [
  // Verwaltung (Landkreis und kreisangehörige Kommunen)
  { key: 'ks-migration', name: 'Koordinierungsstelle Migration und Teilhabe', kind: 'verwaltung' },
  { key: 'fd-soziales', name: 'Fachdienst Soziales', kind: 'verwaltung' },
  { key: 'fd-jugend', name: 'Fachdienst Jugend und Familie', kind: 'verwaltung' },
  { key: 'fd-auslaender', name: 'Fachdienst Ausländerangelegenheiten und Einbürgerung', kind: 'verwaltung' },
  { key: 'fd-gesundheit', name: 'Fachdienst Gesundheit', kind: 'verwaltung' },
  { key: 'fd-bildung', name: 'Bildungsbüro Landkreis Musterland', kind: 'verwaltung' },
  { key: 'fd-personal', name: 'Fachdienst Personal und Organisation', kind: 'verwaltung' },
  { key: 'gleichstellung', name: 'Gleichstellungsbeauftragte des Landkreises Musterland', kind: 'verwaltung' },
  { key: 'wirtschaftsfoerderung', name: 'Wirtschaftsförderung Landkreis Musterland', kind: 'verwaltung' },
  { key: 'stadt-musterstadt', name: 'Stadt Musterstadt – Integrationsbeauftragte', kind: 'verwaltung', municipalityAgs: '03499001' },
  { key: 'gemeinde-heidewald', name: 'Gemeinde Heidewald – Fachbereich Bürgerdienste', kind: 'verwaltung', municipalityAgs: '03499002' },
  { key: 'sg-birkenhoehe', name: 'Samtgemeinde Birkenhöhe – Fachbereich Ordnung und Soziales', kind: 'verwaltung', municipalityAgs: '03499007' },
  { key: 'sg-fennwiesen', name: 'Samtgemeinde Fennwiesen – Integrationsbeauftragte', kind: 'verwaltung', municipalityAgs: '03499008' },

  // Jobcenter und Arbeitsverwaltung
  { key: 'jobcenter', name: 'Jobcenter Landkreis Musterland', kind: 'jobcenter' },
  { key: 'agentur-arbeit', name: 'Agentur für Arbeit, Geschäftsstelle Musterstadt', kind: 'jobcenter', municipalityAgs: '03499001' },

  // Schulen
  { key: 'bbs-musterstadt', name: 'Berufsbildende Schulen Musterstadt', kind: 'schule', municipalityAgs: '03499001' },
  { key: 'igs-musterstadt', name: 'Integrierte Gesamtschule Musterstadt', kind: 'schule', municipalityAgs: '03499001' },
  { key: 'gs-heidewald', name: 'Grundschule Heidewald', kind: 'schule', municipalityAgs: '03499002' },
  { key: 'obs-moordorf', name: 'Oberschule Moordorf an der Aue', kind: 'schule', municipalityAgs: '03499003' },
  { key: 'sprachbildungszentrum', name: 'Sprachbildungszentrum Musterland', kind: 'schule' },

  // Kindertagesstätten
  { key: 'familienzentrum-sonnenblume', name: 'Kita und Familienzentrum Sonnenblume Musterstadt', kind: 'kita', municipalityAgs: '03499001' },
  { key: 'kita-regenbogen', name: 'Ev. Kindertagesstätte Regenbogen Moordorf an der Aue', kind: 'kita', municipalityAgs: '03499003' },

  // Wohlfahrtsverbände
  { key: 'caritas', name: 'Caritasverband Musterland e. V.', kind: 'wohlfahrtsverband' },
  { key: 'diakonie', name: 'Diakonisches Werk im Kirchenkreis Musterland', kind: 'wohlfahrtsverband' },
  { key: 'drk', name: 'DRK-Kreisverband Musterland e. V.', kind: 'wohlfahrtsverband' },
  { key: 'awo', name: 'AWO Kreisverband Musterland e. V.', kind: 'wohlfahrtsverband' },

  // Migrantenorganisationen
  { key: 'dskv', name: 'Deutsch-Syrischer Kulturverein Musterstadt e. V.', kind: 'migrantenorganisation', municipalityAgs: '03499001' },
  { key: 'ukr-verein', name: 'Ukrainischer Verein Musterland e. V.', kind: 'migrantenorganisation' },
  { key: 'afrika-forum', name: 'Afrikanisches Forum Musterland e. V.', kind: 'migrantenorganisation' },
  { key: 'frauentreff-heidewald', name: 'Internationaler Frauentreff Heidewald e. V.', kind: 'migrantenorganisation', municipalityAgs: '03499002' },
  { key: 'elternverein-weissenmoor', name: 'Deutsch-Kurdischer Elternverein Weißenmoor e. V.', kind: 'migrantenorganisation', municipalityAgs: '03499004' },
  { key: 'mso-netzwerk', name: 'Netzwerk der Migrantenorganisationen im Landkreis Musterland', kind: 'migrantenorganisation' },

  // Sport
  { key: 'ksb', name: 'Kreissportbund Musterland e. V.', kind: 'sport' },
  { key: 'tsv-heidewald', name: 'TSV Heidewald von 1908 e. V.', kind: 'sport', municipalityAgs: '03499002' },

  // Kammern
  { key: 'ihk', name: 'Industrie- und Handelskammer, Geschäftsstelle Musterland', kind: 'kammer' },
  { key: 'kreishandwerkerschaft', name: 'Kreishandwerkerschaft Musterland', kind: 'kammer' },
  { key: 'landwirtschaftskammer', name: 'Landwirtschaftskammer, Bezirksstelle Musterland', kind: 'kammer' },

  // Arbeitgeber
  { key: 'unternehmerverband', name: 'Unternehmerverband Musterland e. V.', kind: 'arbeitgeber' },
  { key: 'logistik', name: 'Musterländer Logistik GmbH & Co. KG', kind: 'arbeitgeber', municipalityAgs: '03499005' },
  { key: 'seniorenzentrum', name: 'Seniorenzentrum Am Mühlenteich gGmbH', kind: 'arbeitgeber', municipalityAgs: '03499006' },
  { key: 'fensterbau', name: 'Heidewald Fensterbau GmbH', kind: 'arbeitgeber', municipalityAgs: '03499002' },

  // Initiativen und Ehrenamt
  { key: 'freiwilligenagentur', name: 'Freiwilligenagentur Musterland', kind: 'initiative' },
  { key: 'fluechtlingshilfe-heidewald', name: 'Unterstützerkreis Flüchtlingshilfe Heidewald', kind: 'initiative', municipalityAgs: '03499002' },
  { key: 'lesepaten', name: 'Lesepaten-Initiative Moordorf an der Aue', kind: 'initiative', municipalityAgs: '03499003' },
  { key: 'kreisfeuerwehrverband', name: 'Kreisfeuerwehrverband Musterland e. V.', kind: 'verein' },

  // Beratung
  { key: 'mbe', name: 'Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland', kind: 'beratung' },
  { key: 'jmd', name: 'Jugendmigrationsdienst Musterland', kind: 'beratung' },
  { key: 'antidiskriminierung', name: 'Antidiskriminierungsberatung Musterland', kind: 'beratung' },
  { key: 'anerkennungsberatung', name: 'Anerkennungs- und Qualifizierungsberatung Musterland', kind: 'beratung' },
  { key: 'konfliktberatung', name: 'Büro für kommunale Konfliktberatung Nordwest', kind: 'beratung' },
  { key: 'frauenberatung', name: 'Frauenberatungsstelle und Frauenschutzhaus Musterland', kind: 'beratung' },

  // Bildungsträger
  { key: 'kvhs', name: 'Kreisvolkshochschule Musterland', kind: 'bildungstraeger' },
  { key: 'bildungswerk', name: 'Bildungswerk Musterland gGmbH', kind: 'bildungstraeger' },
  { key: 'familienbildung', name: 'Ev. Familienbildungsstätte Musterstadt', kind: 'bildungstraeger', municipalityAgs: '03499001' },

  // Gesundheit und Pflege
  { key: 'klinikum', name: 'Kreisklinikum Musterland gGmbH', kind: 'gesundheit' },
  { key: 'aerzteverein', name: 'Ärzteverein Musterland e. V.', kind: 'gesundheit' },
  { key: 'pflegestuetzpunkt', name: 'Pflegestützpunkt Landkreis Musterland', kind: 'gesundheit' },
  { key: 'spdi', name: 'Sozialpsychiatrischer Dienst Landkreis Musterland', kind: 'gesundheit' },
  { key: 'psz', name: 'Psychosoziales Zentrum für Geflüchtete Nordwest', kind: 'gesundheit' },

  // Sonstige
  { key: 'wohnungsbau', name: 'Kreiswohnungsbaugesellschaft Musterland mbH', kind: 'sonstige' },
  { key: 'kirchenkreis', name: 'Ev.-luth. Kirchenkreis Musterland', kind: 'sonstige' },
  { key: 'bibliothek', name: 'Stadtbibliothek Musterstadt', kind: 'sonstige', municipalityAgs: '03499001' },
  { key: 'polizei', name: 'Polizeiinspektion Musterland – Präventionsteam', kind: 'sonstige' },
  { key: 'integrationsbeirat', name: 'Integrationsbeirat des Landkreises Musterland', kind: 'sonstige' },
];
