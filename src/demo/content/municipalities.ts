import type { DemoMunicipality } from './types.js';

/**
 * Kreisangehörige Kommunen des fiktiven Landkreises Musterland (Niedersachsen, AGS 03499000).
 * Alle Namen und Schlüssel sind frei erfunden.
 */
export const municipalities: DemoMunicipality[] = [
  { ags: '03499001', name: 'Musterstadt', slug: 'musterstadt', kind: 'gemeinde' },
  { ags: '03499002', name: 'Heidewald', slug: 'heidewald', kind: 'gemeinde' },
  { ags: '03499003', name: 'Moordorf an der Aue', slug: 'moordorf-an-der-aue', kind: 'gemeinde' },
  { ags: '03499004', name: 'Weißenmoor', slug: 'weissenmoor', kind: 'gemeinde' },
  { ags: '03499005', name: 'Krähenfelde', slug: 'kraehenfelde', kind: 'gemeinde' },
  { ags: '03499006', name: 'Bad Quellenau', slug: 'bad-quellenau', kind: 'gemeinde' },
  { ags: '03499007', name: 'Samtgemeinde Birkenhöhe', slug: 'samtgemeinde-birkenhoehe', kind: 'samtgemeinde' },
  { ags: '03499008', name: 'Samtgemeinde Fennwiesen', slug: 'samtgemeinde-fennwiesen', kind: 'samtgemeinde' },
  { ags: '03499009', name: 'Samtgemeinde Hohe Geest', slug: 'samtgemeinde-hohe-geest', kind: 'samtgemeinde' },
  { ags: '03499010', name: 'Samtgemeinde Lüttenbrook', slug: 'samtgemeinde-luettenbrook', kind: 'samtgemeinde' },
];
