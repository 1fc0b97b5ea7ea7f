import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { measures } from '../measures/schema.js';
import { interviewActors, interviewMeasures, interviews } from './schema.js';

interface DemoInterview {
  municipality: string;
  heldOn: string;
  title: string;
  participants: string;
  actors: string[];
  themes: string;
  findings: string;
  conflictPotential: string;
  /** Measure numbers of the adopted edition. */
  measures: string[];
}

/** One interview of the Bestandsaufnahme per Gemeinde of Musterland (invented, in the style of Peine's inventory). */
export const demoInterviews: DemoInterview[] = [
  {
    municipality: 'Musterstadt', heldOn: '2025-03-11', title: 'Netzwerktreffen Integration Musterstadt',
    participants: 'Integrationsbeauftragte der Stadt, Leitung Familienzentrum, Vorsitzende des Kulturvereins, Beraterin der MBE',
    actors: ['Stadt Musterstadt – Integrationsbeauftragte', 'Kita und Familienzentrum Sonnenblume Musterstadt', 'Deutsch-Syrischer Kulturverein Musterstadt e. V.', 'Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland'],
    themes: 'Sprachkurse, Kinderbetreuung, Frauencafé, Wartezeiten Beratung',
    findings: 'Integrationskurse mit Kinderbetreuung fehlen; Mütter warten bis zu neun Monate. Das Frauencafé des Kulturvereins erreicht Frauen, die sonst kein Angebot nutzen. Die MBE ist ausgelastet, Termine nur mit vier Wochen Vorlauf.',
    conflictPotential: 'Zwei Träger planen parallel ein Elterncafé im selben Stadtteil (Doppelstruktur).',
    measures: ['1.2.2', '2.5.1'],
  },
  {
    municipality: 'Heidewald', heldOn: '2025-04-29', title: 'Runder Tisch Ehrenamt Heidewald',
    participants: 'Fachbereichsleiter Bürgerdienste, Sprecher des Unterstützerkreises, Koordinatorin Frauentreff, Vorstand TSV',
    actors: ['Gemeinde Heidewald – Fachbereich Bürgerdienste', 'Unterstützerkreis Flüchtlingshilfe Heidewald', 'Internationaler Frauentreff Heidewald e. V.', 'TSV Heidewald von 1908 e. V.'],
    themes: 'Ehrenamt, Patenschaften, Sport, Mobilität',
    findings: 'Der Unterstützerkreis schrumpft, es fehlen Jüngere. Der Frauentreff wünscht sich einen festen Raum. Der TSV bietet Schwimmkurse für Frauen an, die kaum bekannt sind. Ohne Busverbindung am Abend erreichen Geflüchtete aus den Ortsteilen die Angebote nicht.',
    conflictPotential: 'Unmut im Unterstützerkreis über fehlende Rückmeldung der Gemeinde zu Raumanfragen.',
    measures: ['6.2.2', '5.6.2'],
  },
  {
    municipality: 'Moordorf an der Aue', heldOn: '2025-05-06', title: 'Gespräch Schule und Kita Moordorf',
    participants: 'Schulleitung der Oberschule, Leitung der Kita Regenbogen, Sprecherin der Lesepaten',
    actors: ['Oberschule Moordorf an der Aue', 'Ev. Kindertagesstätte Regenbogen Moordorf an der Aue', 'Lesepaten-Initiative Moordorf an der Aue'],
    themes: 'Sprachförderung, Übergang Kita–Schule, Elternarbeit',
    findings: 'Seiteneinsteiger kommen ohne Vorbereitung in die Klassen; die Sprachlernklasse ist voll. Die Lesepaten könnten mehr Kinder begleiten, wenn die Schule einen festen Ansprechpartner benennt.',
    conflictPotential: '',
    measures: ['1.6.2'],
  },
  {
    municipality: 'Weißenmoor', heldOn: '2025-05-20', title: 'Elternabend mit dem Deutsch-Kurdischen Elternverein',
    participants: 'Vorstand des Elternvereins, zwei Sprachmittlerinnen, Koordinierungsstelle',
    actors: ['Deutsch-Kurdischer Elternverein Weißenmoor e. V.', 'Koordinierungsstelle Migration und Teilhabe'],
    themes: 'Elternbeteiligung, Schulanmeldung, Dolmetschen',
    findings: 'Eltern verstehen die Schulanmeldung und die Leistungen für Bildung und Teilhabe nicht. Es gibt keinen Sprach- und Kulturmittler für Kurmandschi im Kreis.',
    conflictPotential: 'Misstrauen gegenüber Behörden nach abgelehnten Anträgen.',
    measures: ['2.3.3', '1.5.1'],
  },
  {
    municipality: 'Krähenfelde', heldOn: '2025-06-03', title: 'Betriebsbesuch Logistik Krähenfelde',
    participants: 'Personalleitung, Betriebsrat, Teamleitung Jobcenter',
    actors: ['Musterländer Logistik GmbH & Co. KG', 'Jobcenter Landkreis Musterland'],
    themes: 'Arbeit, Berufssprachkurse, Schichtbetrieb',
    findings: 'Der Betrieb stellt Geflüchtete ein, Berufssprachkurse passen aber nicht zu den Schichten. Ein Kurs im Betrieb am Vormittag wäre möglich.',
    conflictPotential: 'Beschwerden von Anwohnern über Unterkunft am Gewerbegebiet.',
    measures: ['3.2.2'],
  },
  {
    municipality: 'Bad Quellenau', heldOn: '2025-06-17', title: 'Pflege und Gesundheit in Bad Quellenau',
    participants: 'Einrichtungsleitung Seniorenzentrum, Pflegestützpunkt, Fachdienst Gesundheit',
    actors: ['Seniorenzentrum Am Mühlenteich gGmbH', 'Pflegestützpunkt Landkreis Musterland', 'Fachdienst Gesundheit'],
    themes: 'Pflegeausbildung, Anerkennung, Gesundheitslotsen',
    findings: 'Pflegekräfte aus dem Ausland warten lange auf die Anerkennung. Ältere Zugewanderte kennen die Pflegeberatung kaum.',
    conflictPotential: '',
    measures: ['4.6.2', '3.1.1'],
  },
  {
    municipality: 'Samtgemeinde Birkenhöhe', heldOn: '2025-07-01', title: 'Bestandsaufnahme Samtgemeinde Birkenhöhe',
    participants: 'Fachbereich Ordnung und Soziales, Ehrenamtliche der Kirchengemeinden',
    actors: ['Samtgemeinde Birkenhöhe – Fachbereich Ordnung und Soziales', 'Ev.-luth. Kirchenkreis Musterland'],
    themes: 'Wohnen, Gemeinschaftsunterkunft, Begegnung',
    findings: 'Kein Sprachkurs in der Samtgemeinde; der nächste ist 25 km entfernt. Ein Integrationscafé in der Kirchengemeinde ist im Aufbau.',
    conflictPotential: 'Diskussion im Rat über eine weitere Gemeinschaftsunterkunft.',
    measures: ['5.1.1'],
  },
  {
    municipality: 'Samtgemeinde Fennwiesen', heldOn: '2025-06-11', title: 'Integrationscafé Fennwiesen: Austausch mit Ehrenamtlichen',
    participants: 'Integrationsbeauftragte der Samtgemeinde, Ehrenamtliche des Integrationscafés, Freiwilligenagentur',
    actors: ['Samtgemeinde Fennwiesen – Integrationsbeauftragte', 'Freiwilligenagentur Musterland'],
    themes: 'Integrationscafé, Ehrenamtskoordination, Praktikumsbörse',
    findings: 'Das Integrationscafé läuft wöchentlich mit 30 Gästen und braucht Verstärkung. Eine Praktikumsbörse mit örtlichen Betrieben wird gewünscht.',
    conflictPotential: '',
    measures: ['6.1.1'],
  },
  {
    municipality: 'Samtgemeinde Hohe Geest', heldOn: '2025-07-15', title: 'Telefoninterview Samtgemeinde Hohe Geest',
    participants: 'Sachbearbeitung Soziales der Samtgemeinde, Koordinierungsstelle',
    actors: ['Koordinierungsstelle Migration und Teilhabe'],
    themes: 'Beratung, Erreichbarkeit, Mobilität',
    findings: 'Es gibt keine Migrationsberatung vor Ort; Sprechstunden der MBE im Rathaus einmal im Monat wären möglich. Ehrenamtliche Strukturen fehlen weitgehend.',
    conflictPotential: '',
    measures: [],
  },
  {
    municipality: 'Samtgemeinde Lüttenbrook', heldOn: '2025-08-05', title: 'Gespräch Jugend und Sport Lüttenbrook',
    participants: 'Jugendpflege der Samtgemeinde, Kreissportbund, Jugendmigrationsdienst',
    actors: ['Kreissportbund Musterland e. V.', 'Jugendmigrationsdienst Musterland'],
    themes: 'Jugend, Sport, Übergang Schule–Beruf',
    findings: 'Junge Geflüchtete nutzen Sportangebote gern, verlieren aber nach der Schule den Kontakt. Der JMD bietet Sprechstunden im Jugendzentrum an.',
    conflictPotential: 'Konflikte zwischen Jugendgruppen am Bahnhof im Sommer.',
    measures: ['2.7.3'],
  },
];

/** The demo interviews, with their actors and measures of the adopted edition. */
export async function seedDemoInterviews(tx: Db, demo: DemoSeedContext): Promise<number> {
  const municipalities = await tx.select({ id: tenants.id, name: tenants.name }).from(tenants).where(eq(tenants.parentId, demo.tenantId));
  const municipalityOf = new Map(municipalities.map((m) => [m.name, m.id]));
  const actorRows = await tx.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.tenantId, demo.tenantId));
  const actorOf = new Map(actorRows.map((a) => [a.name, a.id]));
  const numbers = [...new Set(demoInterviews.flatMap((i) => i.measures))];
  const measureRows = numbers.length
    ? await tx.select({ id: measures.id, number: measures.number }).from(measures).where(and(eq(measures.tenantId, demo.tenantId), eq(measures.editionId, demo.adoptedEditionId), inArray(measures.number, numbers)))
    : [];
  const measureOf = new Map(measureRows.map((m) => [m.number, m.id]));
  for (const i of demoInterviews) {
    const [row] = await tx
      .insert(interviews)
      .values({ tenantId: demo.tenantId, municipalityId: municipalityOf.get(i.municipality) ?? null, heldOn: i.heldOn, title: i.title, participants: i.participants, themes: i.themes, findings: i.findings, conflictPotential: i.conflictPotential })
      .returning({ id: interviews.id });
    const actorIds = i.actors.flatMap((name) => actorOf.get(name) ?? []);
    const measureIds = i.measures.flatMap((n) => measureOf.get(n) ?? []);
    if (actorIds.length) await tx.insert(interviewActors).values(actorIds.map((actorId) => ({ tenantId: demo.tenantId, interviewId: row!.id, actorId })));
    if (measureIds.length) await tx.insert(interviewMeasures).values(measureIds.map((measureId) => ({ tenantId: demo.tenantId, interviewId: row!.id, measureId })));
  }
  return demoInterviews.length;
}
