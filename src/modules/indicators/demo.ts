import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { goals } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { indicators, indicatorValues, type IndicatorDirection, type IndicatorKind } from '../progress/schema.js';

/**
 * Indicators of Musterland's adopted concept (all figures invented): baselines at the end of
 * 2023, targets for 2027/2028, values for 2024, 2025 and mid-2026. Some are on track, some
 * behind, one context indicator has no target, one is internal only. Deterministic.
 */
interface DemoIndicator {
  /** Goal number ("1.1") or measure number ("1.2.1"): two dots make a measure. */
  of: string;
  name: string;
  kind: IndicatorKind;
  unit: string;
  source: string;
  definition: string;
  baseline: number;
  target?: { value: number; year: number };
  direction?: IndicatorDirection;
  /** 31.12.2024, 31.12.2025, 30.06.2026 (fewer when the statistic lags). */
  values: number[];
  isPublic?: boolean;
}

const valueDates = ['2024-12-31', '2025-12-31', '2026-06-30'];
const midYearNote = 'Stand 30.06.2026, auf das Jahr hochgerechnet';

export const demoIndicators: DemoIndicator[] = [
  { of: '1.0', name: 'Abschlussquote Sprachkurse B1', kind: 'wirkung', unit: '%', source: 'BAMF, Integrationskursgeschäftsstatistik (Landkreis)', definition: 'Anteil der Teilnehmenden am Deutsch-Test für Zuwanderer, die das Niveau B1 erreichen.', baseline: 48, target: { value: 60, year: 2028 }, values: [50, 53, 54] },
  { of: '1.1', name: 'Teilnehmende an Integrationskursen', kind: 'output', unit: 'Personen', source: 'BAMF, Integrationskursgeschäftsstatistik (Landkreis)', definition: 'Neue Teilnehmende an Integrationskursen im Kalenderjahr, alle Träger im Landkreis.', baseline: 820, target: { value: 1100, year: 2027 }, values: [905, 990, 1030] },
  { of: '1.1', name: 'Wartezeit bis zum Beginn eines Integrationskurses', kind: 'wirkung', unit: 'Wochen', source: 'Anmelde- und Clearingstelle, eigene Auswertung', definition: 'Durchschnittliche Zeit von der Anmeldung bis zum Kursbeginn.', baseline: 14, target: { value: 6, year: 2027 }, direction: 'lower', values: [12, 11, 10.5] },
  { of: '1.2.1', name: 'Teilnehmerinnen im Sprachkurs mit Kinderbetreuung', kind: 'output', unit: 'Personen', source: 'Kreisvolkshochschule, Teilnahmestatistik', definition: 'Teilnehmerinnen im Kalenderjahr, deren Kinder während des Kurses betreut werden.', baseline: 0, target: { value: 60, year: 2027 }, values: [18, 35, 41] },
  { of: '1.5.1', name: 'Vermittelte Einsätze des Dolmetscherpools', kind: 'output', unit: 'Einsätze', source: 'Koordinierungsstelle Migration und Teilhabe', definition: 'Einsätze von Sprach- und Kulturmittelnden, die über den kreisweiten Pool vermittelt wurden, je Kalenderjahr.', baseline: 150, target: { value: 600, year: 2027 }, values: [260, 380, 410] },
  { of: '2.1', name: 'Anteil Kinder mit Migrationsgeschichte in Kitas', kind: 'kontext', unit: '%', source: 'Kinder- und Jugendhilfestatistik, Fachdienst Jugend und Familie', definition: 'Anteil der Kinder von 3 Jahren bis zum Schuleintritt mit mindestens einem im Ausland geborenen Elternteil, die eine Kita besuchen.', baseline: 78, target: { value: 85, year: 2028 }, values: [79, 80.5, 81] },
  { of: '2.1.1', name: 'Begleitete Kita-Anmeldungen', kind: 'output', unit: 'Anmeldungen', source: 'Fachdienst Jugend und Familie', definition: 'Anmeldungen, bei denen Kita-Lotsinnen Familien begleitet haben, je Kalenderjahr.', baseline: 40, target: { value: 120, year: 2027 }, values: [65, 92, 104] },
  { of: '2.6', name: 'Anteil Jugendlicher mit Anschlussperspektive nach Klasse 10', kind: 'wirkung', unit: '%', source: 'Bildungsbüro, Schulabgangsbefragung', definition: 'Anteil der zugewanderten Schulabgängerinnen und -abgänger mit Ausbildungsvertrag, weiterführender Schule oder Einstiegsqualifizierung.', baseline: 71, target: { value: 80, year: 2028 }, values: [72, 74, 75] },
  { of: '3.1', name: 'Dauer von Anerkennungsverfahren', kind: 'wirkung', unit: 'Tage', source: 'Anerkennungsberatung, Fallstatistik', definition: 'Durchschnittliche Dauer vom vollständigen Antrag bis zum Bescheid.', baseline: 160, target: { value: 90, year: 2027 }, direction: 'lower', values: [150, 128, 110] },
  { of: '3.2', name: 'Arbeitsaufnahmen Geflüchteter', kind: 'output', unit: 'Personen', source: 'Jobcenter Landkreis Musterland', definition: 'Aufnahmen einer sozialversicherungspflichtigen Beschäftigung durch Geflüchtete im Kalenderjahr.', baseline: 310, target: { value: 450, year: 2027 }, values: [335, 360, 370] },
  { of: '3.3', name: 'Beschäftigungsquote zugewanderter Frauen', kind: 'wirkung', unit: '%', source: 'Bundesagentur für Arbeit, Beschäftigungsstatistik', definition: 'Sozialversicherungspflichtig beschäftigte Frauen mit ausländischer Staatsangehörigkeit je 100 Frauen dieser Gruppe im Alter von 15 bis 64 Jahren.', baseline: 32, target: { value: 40, year: 2028 }, values: [33, 35.5, 36.8] },
  { of: '3.6.1', name: 'Über die Praktikumsbörse vermittelte Praktika', kind: 'output', unit: 'Praktika', source: 'Wirtschaftsförderung Landkreis Musterland', definition: 'Praktika, die über die digitale Praktikumsbörse zustande gekommen sind, je Kalenderjahr.', baseline: 25, target: { value: 80, year: 2027 }, values: [38, 61, 72] },
  { of: '4.2', name: 'Ausgebildete Gesundheitslotsinnen und -lotsen', kind: 'output', unit: 'Personen', source: 'Fachdienst Gesundheit', definition: 'Seit 2024 ausgebildete und aktive Gesundheitslotsinnen und -lotsen (kumuliert).', baseline: 0, target: { value: 40, year: 2027 }, values: [12, 22, 24] },
  { of: '4.5', name: 'Teilnahmequote U8/U9 bei zugewanderten Familien', kind: 'wirkung', unit: '%', source: 'Fachdienst Gesundheit, Schuleingangsuntersuchung', definition: 'Anteil der Kinder aus zugewanderten Familien mit dokumentierter U8 und U9 bei der Schuleingangsuntersuchung.', baseline: 74, target: { value: 85, year: 2028 }, values: [76, 77, 79] },
  { of: '4.9.2', name: 'Anteil Leistungsberechtigter mit elektronischer Gesundheitskarte', kind: 'output', unit: '%', source: 'Fachdienst Soziales', definition: 'Anteil der Leistungsberechtigten nach dem AsylbLG mit elektronischer Gesundheitskarte.', baseline: 0, target: { value: 95, year: 2027 }, values: [45, 80, 88] },
  { of: '5.0', name: 'Anteil ausländischer Staatsangehöriger an der Bevölkerung', kind: 'kontext', unit: '%', source: 'Ausländerzentralregister und Bevölkerungsfortschreibung (Stichtag 31.12.)', definition: 'Ausländische Staatsangehörige je 100 Einwohnerinnen und Einwohner.', baseline: 10.8, values: [11.2, 11.5] },
  { of: '5.1', name: 'Verweildauer in Gemeinschaftsunterkünften', kind: 'wirkung', unit: 'Monate', source: 'Fachdienst Soziales, Belegungsstatistik', definition: 'Durchschnittliche Dauer vom Einzug in eine Gemeinschaftsunterkunft bis zum Bezug eigenen Wohnraums.', baseline: 19, target: { value: 12, year: 2028 }, direction: 'lower', values: [18.5, 17.2, 16.8] },
  { of: '5.1.1', name: 'Vermittelte Mietverhältnisse aus Gemeinschaftsunterkünften', kind: 'output', unit: 'Mietverhältnisse', source: 'Fachdienst Soziales, Wohnungslotsen', definition: 'Mietverträge, die mit Unterstützung der Wohnungslotsen abgeschlossen wurden, je Kalenderjahr.', baseline: 35, target: { value: 70, year: 2027 }, values: [41, 52, 58] },
  { of: '5.4', name: 'Anteil fortgebildeter Beschäftigter mit Publikumsverkehr', kind: 'output', unit: '%', source: 'Fachdienst Personal und Organisation', definition: 'Beschäftigte der Kreisverwaltung mit Publikumsverkehr, die an der Fortbildung zu interkultureller Kompetenz teilgenommen haben.', baseline: 12, target: { value: 60, year: 2027 }, values: [25, 41, 47] },
  { of: '5.4.3', name: 'Wartezeit auf einen Termin in der Ausländerbehörde', kind: 'wirkung', unit: 'Tage', source: 'Fachdienst Ausländerangelegenheiten, Terminsystem', definition: 'Durchschnittliche Zeit von der Terminbuchung bis zum Termin.', baseline: 42, target: { value: 14, year: 2027 }, direction: 'lower', values: [35, 24, 21] },
  { of: '6.1', name: 'Aktiv vermittelte Ehrenamtliche in Integrationsprojekten', kind: 'output', unit: 'Personen', source: 'Freiwilligenagentur, Vermittlungsstatistik', definition: 'Ehrenamtliche, die im Kalenderjahr in ein Integrationsprojekt vermittelt wurden und dort mindestens drei Monate aktiv waren.', baseline: 140, target: { value: 220, year: 2027 }, values: [150, 171, 180], isPublic: false },
];

/** Adds the demo indicators and their values to `editionId` (the adopted edition of the demo Kommune). */
export async function seedDemoIndicators(tx: Db, tenantId: string, editionId: string): Promise<void> {
  const goalRows = await tx.select({ id: goals.id, number: goals.number }).from(goals).where(and(eq(goals.tenantId, tenantId), eq(goals.editionId, editionId)));
  const measureRows = await tx.select({ id: measures.id, number: measures.number }).from(measures).where(and(eq(measures.tenantId, tenantId), eq(measures.editionId, editionId)));
  const goalIds = new Map(goalRows.map((g) => [g.number, g.id]));
  const measureIds = new Map(measureRows.map((m) => [m.number, m.id]));
  const rows = demoIndicators.map((d, i) => {
    const isMeasure = d.of.split('.').length === 3;
    const ownerId = isMeasure ? measureIds.get(d.of) : goalIds.get(d.of);
    if (!ownerId) throw new Error(`demo indicator "${d.name}": no ${isMeasure ? 'measure' : 'goal'} ${d.of} in the edition`);
    return {
      tenantId,
      editionId,
      goalId: isMeasure ? null : ownerId,
      measureId: isMeasure ? ownerId : null,
      name: d.name,
      definition: d.definition,
      unit: d.unit,
      source: d.source,
      kind: d.kind,
      baselineValue: String(d.baseline),
      baselineDate: '2023-12-31',
      targetValue: d.target ? String(d.target.value) : null,
      targetYear: d.target?.year ?? null,
      direction: d.direction ?? 'higher',
      isPublic: d.isPublic ?? true,
      position: i + 1,
    };
  });
  const inserted = await tx.insert(indicators).values(rows).returning({ id: indicators.id });
  const values = demoIndicators.flatMap((d, i) =>
    d.values.map((value, j) => ({
      tenantId,
      indicatorId: inserted[i]!.id,
      measuredOn: valueDates[j]!,
      value: String(value),
      note: valueDates[j] === '2026-06-30' && /je Kalenderjahr/.test(d.definition) ? midYearNote : '',
      createdBy: 'Demo-Daten',
    })),
  );
  if (values.length) await tx.insert(indicatorValues).values(values);
}
