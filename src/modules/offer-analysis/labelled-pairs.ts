import type { Schedule } from '../offers/schema.js';
import type { ComparableOffer } from './scoring.js';

/**
 * Realistic pairs of offers, labelled by hand: true duplicates written differently by two
 * people or organisations, and near-misses that look alike but are two offers. The duplicate
 * test and the bench measure precision and recall of `scorePair` on them: `labelledPairs` is
 * the tuning set (weights and threshold were chosen on it), `heldOutPairs` were written later
 * and never used to change the scoring, so their numbers are the honest ones.
 */
export interface LabelledPair {
  note: string;
  duplicate: boolean;
  a: ComparableOffer;
  b: ComparableOffer;
}

// Four Gemeinden; Heidewald and Birkenau are about 5 km apart, Seedorf and Tannhausen far away.
const places = {
  heidewald: { municipalityId: 'heidewald', latitude: 52.771, longitude: 9.601 },
  birkenau: { municipalityId: 'birkenau', latitude: 52.802, longitude: 9.655 },
  seedorf: { municipalityId: 'seedorf', latitude: 52.601, longitude: 9.902 },
  tannhausen: { municipalityId: 'tannhausen', latitude: 52.95, longitude: 9.31 },
  kreisweit: { municipalityId: null, latitude: null, longitude: null },
};
type Place = keyof typeof places;

const weekly = (byday: string, start: string, end: string): Schedule => ({ kind: 'wiederkehrend', rrule: `FREQ=WEEKLY;BYDAY=${byday}`, firstDate: '2026-01-05', start, end, exceptions: [] });
const hours = (...slots: [number, string, string][]): Schedule => ({ kind: 'oeffnungszeiten', slots: slots.map(([weekday, opens, closes]) => ({ weekday, opens, closes })) });
const byAppointment: Schedule = { kind: 'nach_vereinbarung' };

let n = 0;
function offer(place: Place, o: Partial<ComparableOffer> & Pick<ComparableOffer, 'title' | 'category'>): ComparableOffer {
  return { id: `o${++n}`, description: '', schedule: byAppointment, languages: [], targetGroupIds: [], providerIds: [], ...places[place], ...o };
}
const dup = (note: string, a: ComparableOffer, b: ComparableOffer): LabelledPair => ({ note, duplicate: true, a, b });
const not = (note: string, a: ComparableOffer, b: ComparableOffer): LabelledPair => ({ note, duplicate: false, a, b });

export const labelledPairs: LabelledPair[] = [
  // ── True duplicates, written differently ──
  dup('Sprachcafé, Bindestrich und Akzent anders',
    offer('heidewald', { title: 'Sprachcafé Heidewald', category: 'treff', description: 'Deutsch sprechen üben bei Kaffee und Kuchen, ohne Anmeldung.', schedule: weekly('TU', '15:00', '17:00'), languages: ['de'], targetGroupIds: ['erwachsene'] }),
    offer('heidewald', { title: 'Sprach-Cafe in Heidewald', category: 'treff', description: 'Offener Treff zum Deutschüben, Kaffee und Kuchen gibt es auch.', schedule: hours([2, '15:00', '17:30']), languages: ['de'], targetGroupIds: ['erwachsene'] })),
  dup('Frauencafé vom Verein und von der Gemeinde eingetragen',
    offer('heidewald', { title: 'Internationales Frauencafé', category: 'treff', description: 'Jeden Dienstag Austausch bei Tee; Kinder sind willkommen.', schedule: weekly('TU', '09:30', '11:30'), languages: ['de', 'ar', 'fa'], targetGroupIds: ['frauen'] }),
    offer('heidewald', { title: 'Frauen-Café international', category: 'treff', description: 'Treffpunkt für Frauen aus aller Welt, dienstags vormittags, Kinderbetreuung vorhanden.', schedule: weekly('TU', '10:00', '12:00'), languages: ['de', 'ar'], targetGroupIds: ['frauen'] })),
  dup('Migrationsberatung, Abkürzung gegen Langform',
    offer('birkenau', { title: 'MBE – Migrationsberatung für erwachsene Zuwanderer', category: 'beratung', description: 'Beratung zu Aufenthalt, Arbeit, Sprache und Familie.', schedule: hours([1, '09:00', '12:00'], [4, '14:00', '17:00']), languages: ['de', 'ru', 'uk'], targetGroupIds: ['erwachsene'] }),
    offer('birkenau', { title: 'Migrationsberatung für Erwachsene (MBE)', category: 'beratung', description: 'Beratung für erwachsene Zugewanderte: Aufenthalt, Arbeit und Familie.', schedule: hours([1, '09:00', '12:00']), languages: ['de', 'ru'], targetGroupIds: ['erwachsene'] })),
  dup('Hausaufgabenhilfe, Einzahl/Mehrzahl',
    offer('seedorf', { title: 'Hausaufgabenhilfe für Kinder', category: 'bildung', description: 'Ehrenamtliche helfen bei den Hausaufgaben, Grundschule und Sekundarstufe.', schedule: weekly('MO,WE', '14:00', '16:00'), languages: ['de'], targetGroupIds: ['kinder'] }),
    offer('seedorf', { title: 'Hausaufgabenhilfen für Schulkinder', category: 'bildung', description: 'Hilfe bei Hausaufgaben durch Ehrenamtliche.', schedule: weekly('MO', '14:00', '15:30'), languages: ['de'], targetGroupIds: ['kinder'] })),
  dup('Fahrradwerkstatt, einmal mit Träger im Titel',
    offer('tannhausen', { title: 'Fahrradwerkstatt', category: 'freizeit', description: 'Gemeinsam Fahrräder reparieren; gespendete Räder werden hergerichtet.', schedule: weekly('SA', '10:00', '13:00'), languages: ['de', 'ar'] }),
    offer('tannhausen', { title: 'Offene Fahrrad-Werkstatt der Flüchtlingshilfe Tannhausen', category: 'freizeit', description: 'Räder reparieren und gespendete Fahrräder herrichten.', schedule: weekly('SA', '10:00', '12:00'), languages: ['de'] })),
  dup('Patenschaftsprojekt, Schreibweise Paten/Patinnen',
    offer('kreisweit', { title: 'Patenschaften für Geflüchtete', category: 'patenschaft', description: 'Ehrenamtliche Pat*innen begleiten Familien im Alltag und bei Behördengängen.', languages: ['de'] }),
    offer('kreisweit', { title: 'Pat:innen-Projekt für geflüchtete Familien', category: 'patenschaft', description: 'Begleitung im Alltag und bei Behördengängen durch Ehrenamtliche.', languages: ['de', 'en'] })),
  dup('Bewerbungstraining, Jobcenter und Verein',
    offer('birkenau', { title: 'Bewerbungstraining für Zugewanderte', category: 'arbeit', description: 'Lebenslauf, Anschreiben und Vorstellungsgespräch üben.', schedule: weekly('TH', '16:00', '18:00'), languages: ['de', 'en'], targetGroupIds: ['erwachsene'] }),
    offer('birkenau', { title: 'Bewerbungs-Werkstatt', category: 'arbeit', description: 'Hilfe bei Lebenslauf und Anschreiben, Vorstellungsgespräche üben.', schedule: weekly('TH', '16:30', '18:00'), languages: ['de'], targetGroupIds: ['erwachsene'] })),
  dup('Nähcafé in der Nachbargemeinde eingetragen (gleicher Ort, Grenze)',
    offer('heidewald', { title: 'Nähcafé', category: 'treff', description: 'Gemeinsam nähen und reparieren, Nähmaschinen sind da.', schedule: weekly('WE', '15:00', '18:00'), languages: ['de'], targetGroupIds: ['frauen'] }),
    offer('birkenau', { title: 'Offenes Nähcafe für Frauen', category: 'treff', description: 'Nähen, flicken und plaudern; Nähmaschinen vorhanden.', schedule: weekly('WE', '15:00', '17:00'), languages: ['de'], targetGroupIds: ['frauen'] })),
  dup('Deutschkurs A1, Wortstellung anders',
    offer('seedorf', { title: 'Deutschkurs A1 für Anfänger', category: 'sprachkurs', description: 'Deutsch von Anfang an, zweimal pro Woche.', schedule: weekly('MO,TH', '18:00', '19:30'), languages: ['de', 'ar'], targetGroupIds: ['erwachsene'] }),
    offer('seedorf', { title: 'A1-Deutschkurs (Anfänger)', category: 'sprachkurs', description: 'Anfängerkurs Deutsch, montags und donnerstags abends.', schedule: weekly('MO,TH', '18:00', '19:30'), languages: ['de'], targetGroupIds: ['erwachsene'] })),
  dup('Elterncafé in der Kita, zwei Träger planen es',
    offer('tannhausen', { title: 'Elterncafé in der Kita Sonnenschein', category: 'treff', description: 'Eltern treffen sich, Fragen zu Schule und Kita.', schedule: weekly('FR', '08:30', '10:00'), languages: ['de', 'tr'], targetGroupIds: ['eltern'] }),
    offer('tannhausen', { title: 'Eltern-Café Kita Sonnenschein', category: 'treff', description: 'Treffpunkt für Eltern mit Fragen rund um Kita und Schule.', schedule: weekly('FR', '08:30', '10:00'), languages: ['de', 'tr', 'ar'], targetGroupIds: ['eltern'] })),
  dup('Sozialberatung, Titel ganz anders, Beschreibung gleich',
    offer('heidewald', { title: 'Flüchtlingssozialarbeit', category: 'beratung', description: 'Beratung und Begleitung von Geflüchteten in Gemeinschaftsunterkünften und Wohnungen.', schedule: hours([2, '09:00', '12:00'], [4, '09:00', '12:00']), languages: ['de', 'ar', 'fa'], targetGroupIds: ['gefluechtete'] }),
    offer('heidewald', { title: 'Soziale Beratung für Geflüchtete', category: 'beratung', description: 'Begleitung und Beratung von Geflüchteten in der Gemeinschaftsunterkunft und in Wohnungen.', schedule: hours([2, '09:00', '12:00']), languages: ['de', 'ar'], targetGroupIds: ['gefluechtete'] })),
  dup('Kleiderkammer, mit und ohne Ortsname',
    offer('birkenau', { title: 'Kleiderkammer Birkenau', category: 'sonstige', description: 'Kleidung und Haushaltswaren gegen kleine Spende.', schedule: hours([3, '14:00', '17:00']) }),
    offer('birkenau', { title: 'Kleiderkammer', category: 'sonstige', description: 'Gut erhaltene Kleidung, Spielzeug und Haushaltswaren.', schedule: hours([3, '14:00', '16:00'], [6, '10:00', '12:00']) })),
  dup('Mieterführerschein, Kurs des Kreises und Gemeindeeintrag',
    offer('kreisweit', { title: 'Mieterführerschein', category: 'wohnen', description: 'Was Mieter wissen müssen: Mietvertrag, Nebenkosten, Mülltrennung.', schedule: weekly('WE', '17:00', '19:00'), languages: ['de', 'ar', 'uk'] }),
    offer('seedorf', { title: 'Kurs „Mieter-Führerschein“', category: 'wohnen', description: 'Mietvertrag, Nebenkosten und Mülltrennung verständlich erklärt.', schedule: weekly('WE', '17:00', '19:00'), languages: ['de', 'uk'] })),
  dup('Ukrainischer Treff, Transliteration',
    offer('tannhausen', { title: 'Ukrainischer Treff', category: 'treff', description: 'Treffpunkt für Menschen aus der Ukraine, Austausch und Informationen.', schedule: weekly('SU', '15:00', '17:00'), languages: ['uk', 'ru', 'de'], targetGroupIds: ['ukraine'] }),
    offer('tannhausen', { title: 'Treffpunkt Ukraine', category: 'treff', description: 'Austausch und Informationen für Menschen aus der Ukraine.', schedule: weekly('SU', '15:00', '17:00'), languages: ['uk', 'de'], targetGroupIds: ['ukraine'] })),
  dup('Schwimmkurs für Frauen, Kategorie einmal Freizeit, einmal Gesundheit',
    offer('seedorf', { title: 'Schwimmkurs für Frauen', category: 'freizeit', description: 'Schwimmen lernen in geschützter Atmosphäre, nur Frauen.', schedule: weekly('SU', '18:00', '19:00'), languages: ['de', 'ar'], targetGroupIds: ['frauen'] }),
    offer('seedorf', { title: 'Frauenschwimmkurs', category: 'gesundheit', description: 'Schwimmen lernen nur für Frauen, Trainerin vor Ort.', schedule: weekly('SU', '18:00', '19:00'), languages: ['de'], targetGroupIds: ['frauen'] })),
  dup('Lotsenprojekt, Gesundheitslotsen',
    offer('kreisweit', { title: 'Gesundheitslotsen', category: 'gesundheit', description: 'Mehrsprachige Lotsen begleiten zu Arztterminen und erklären das Gesundheitssystem.', languages: ['de', 'ar', 'tr', 'ru'] }),
    offer('kreisweit', { title: 'Mit Migranten für Migranten – Gesundheitslotsen', category: 'gesundheit', description: 'Lotsen erklären das deutsche Gesundheitssystem in vielen Sprachen.', languages: ['de', 'ar', 'tr'] })),
  dup('Computerkurs, Digital-Sprechstunde',
    offer('heidewald', { title: 'Digitale Sprechstunde', category: 'bildung', description: 'Hilfe mit Smartphone, E-Mail und Online-Anträgen.', schedule: weekly('TH', '10:00', '12:00'), languages: ['de'] }),
    offer('heidewald', { title: 'Digital-Sprechstunde: Hilfe bei Smartphone und Online-Anträgen', category: 'bildung', description: '', schedule: weekly('TH', '10:00', '12:00'), languages: ['de', 'ar'] })),
  dup('Kochtreff international, in Nachbarort, gleiche Zeit',
    offer('birkenau', { title: 'Internationaler Kochtreff', category: 'treff', description: 'Gemeinsam kochen und essen, Rezepte aus aller Welt.', schedule: weekly('FR', '17:00', '20:00'), languages: ['de'] }),
    offer('heidewald', { title: 'Kochtreff International', category: 'treff', description: 'Rezepte aus vielen Ländern gemeinsam kochen.', schedule: weekly('FR', '17:30', '20:00'), languages: ['de'] })),

  // ── Near-misses: look alike, are two offers ──
  not('Deutschkurs A1 und B1 am selben Ort',
    offer('seedorf', { title: 'Deutschkurs A1', category: 'sprachkurs', description: 'Deutsch für Anfänger, zweimal pro Woche.', schedule: weekly('MO,TH', '18:00', '19:30'), languages: ['de'], targetGroupIds: ['erwachsene'] }),
    offer('seedorf', { title: 'Deutschkurs B1', category: 'sprachkurs', description: 'Deutsch für Fortgeschrittene, zweimal pro Woche.', schedule: weekly('TU,FR', '18:00', '19:30'), languages: ['de'], targetGroupIds: ['erwachsene'] })),
  not('Sprachcafé in zwei weit entfernten Gemeinden',
    offer('seedorf', { title: 'Sprachcafé Seedorf', category: 'treff', description: 'Deutsch sprechen üben bei Kaffee.', schedule: weekly('TU', '15:00', '17:00'), languages: ['de'] }),
    offer('tannhausen', { title: 'Sprachcafé Tannhausen', category: 'treff', description: 'Deutsch sprechen üben bei Kaffee.', schedule: weekly('TH', '15:00', '17:00'), languages: ['de'] })),
  not('Frauencafé und Männertreff desselben Vereins',
    offer('heidewald', { title: 'Internationales Frauencafé', category: 'treff', description: 'Austausch bei Tee, dienstags.', schedule: weekly('TU', '09:30', '11:30'), targetGroupIds: ['frauen'] }),
    offer('heidewald', { title: 'Internationaler Männertreff', category: 'treff', description: 'Austausch bei Tee, donnerstags abends.', schedule: weekly('TH', '18:00', '20:00'), targetGroupIds: ['maenner'] })),
  not('Migrationsberatung für Erwachsene und Jugendmigrationsdienst',
    offer('birkenau', { title: 'Migrationsberatung für erwachsene Zuwanderer', category: 'beratung', description: 'Beratung zu Aufenthalt, Arbeit und Familie für Erwachsene ab 27.', schedule: hours([1, '09:00', '12:00']), targetGroupIds: ['erwachsene'] }),
    offer('birkenau', { title: 'Jugendmigrationsdienst', category: 'beratung', description: 'Beratung für junge Zugewanderte von 12 bis 27 Jahren zu Schule, Ausbildung und Beruf.', schedule: hours([3, '13:00', '17:00']), targetGroupIds: ['jugendliche'] })),
  not('Hausaufgabenhilfe und Nachhilfe Mathe an anderem Tag, andere Gemeinde',
    offer('seedorf', { title: 'Hausaufgabenhilfe', category: 'bildung', description: 'Hilfe bei den Hausaufgaben.', schedule: weekly('MO', '14:00', '16:00'), targetGroupIds: ['kinder'] }),
    offer('tannhausen', { title: 'Nachhilfe Mathematik', category: 'bildung', description: 'Nachhilfe in Mathe für Schüler der Klassen 5 bis 10.', schedule: weekly('WE', '15:00', '16:30'), targetGroupIds: ['jugendliche'] })),
  not('Fahrradwerkstatt und Fahrradkurs für Frauen',
    offer('tannhausen', { title: 'Fahrradwerkstatt', category: 'freizeit', description: 'Gemeinsam Fahrräder reparieren.', schedule: weekly('SA', '10:00', '13:00') }),
    offer('tannhausen', { title: 'Fahrradkurs für Frauen', category: 'freizeit', description: 'Radfahren lernen im geschützten Rahmen, Räder werden gestellt.', schedule: weekly('SU', '10:00', '12:00'), targetGroupIds: ['frauen'] })),
  not('Patenschaften und Ausbildungspaten',
    offer('kreisweit', { title: 'Patenschaften für Geflüchtete', category: 'patenschaft', description: 'Ehrenamtliche begleiten Familien im Alltag.' }),
    offer('kreisweit', { title: 'Ausbildungspaten', category: 'arbeit', description: 'Erfahrene Berufstätige begleiten Jugendliche durch die Ausbildung.', targetGroupIds: ['jugendliche'] })),
  not('Bewerbungstraining in zwei fernen Gemeinden, anderer Tag',
    offer('birkenau', { title: 'Bewerbungstraining', category: 'arbeit', description: 'Lebenslauf und Anschreiben.', schedule: weekly('TH', '16:00', '18:00') }),
    offer('tannhausen', { title: 'Bewerbungstraining', category: 'arbeit', description: 'Lebenslauf und Anschreiben.', schedule: weekly('MO', '10:00', '12:00') })),
  not('Integrationskurs und Alphabetisierungskurs',
    offer('heidewald', { title: 'Integrationskurs', category: 'sprachkurs', description: 'Sprachkurs und Orientierungskurs nach Integrationskursverordnung.', schedule: weekly('MO,TU,WE,TH,FR', '08:30', '12:30'), targetGroupIds: ['erwachsene'] }),
    offer('heidewald', { title: 'Integrationskurs mit Alphabetisierung', category: 'sprachkurs', description: 'Für Menschen, die noch nicht lesen und schreiben können.', schedule: weekly('MO,TU,WE,TH,FR', '13:00', '17:00'), targetGroupIds: ['erwachsene'] })),
  not('Elterncafé in zwei Kitas derselben Gemeinde',
    offer('tannhausen', { title: 'Elterncafé Kita Sonnenschein', category: 'treff', description: 'Eltern treffen sich.', schedule: weekly('FR', '08:30', '10:00'), targetGroupIds: ['eltern'] }),
    offer('tannhausen', { title: 'Elterncafé Kita Regenbogen', category: 'treff', description: 'Eltern treffen sich.', schedule: weekly('TU', '08:30', '10:00'), targetGroupIds: ['eltern'] })),
  not('Kleiderkammer und Möbelbörse desselben Trägers',
    offer('birkenau', { title: 'Kleiderkammer', category: 'sonstige', description: 'Kleidung gegen kleine Spende.', schedule: hours([3, '14:00', '17:00']) }),
    offer('birkenau', { title: 'Möbelbörse', category: 'wohnen', description: 'Gebrauchte Möbel für neue Wohnungen, Abholung nach Vereinbarung.' })),
  not('Schwimmkurs für Frauen und für Kinder',
    offer('seedorf', { title: 'Schwimmkurs für Frauen', category: 'freizeit', description: 'Schwimmen lernen.', schedule: weekly('SU', '18:00', '19:00'), targetGroupIds: ['frauen'] }),
    offer('seedorf', { title: 'Schwimmkurs für Kinder', category: 'freizeit', description: 'Schwimmen lernen.', schedule: weekly('SA', '09:00', '10:00'), targetGroupIds: ['kinder'] })),
  not('Rechtsberatung Asyl und Sozialberatung',
    offer('heidewald', { title: 'Asylrechtsberatung', category: 'recht', description: 'Rechtliche Beratung im Asylverfahren durch Anwältin.', schedule: hours([1, '14:00', '16:00']) }),
    offer('heidewald', { title: 'Soziale Beratung für Geflüchtete', category: 'beratung', description: 'Begleitung im Alltag und bei Anträgen.', schedule: hours([2, '09:00', '12:00']) })),
  not('Deutsch für Frauen mit Kinderbetreuung und Deutsch für Berufstätige abends',
    offer('birkenau', { title: 'Deutschkurs für Frauen mit Kinderbetreuung', category: 'sprachkurs', description: 'Vormittags, Kinder werden betreut.', schedule: weekly('TU,TH', '09:00', '11:30'), targetGroupIds: ['frauen'] }),
    offer('birkenau', { title: 'Deutschkurs für Berufstätige', category: 'sprachkurs', description: 'Abends, für Menschen mit Arbeit.', schedule: weekly('TU,TH', '18:30', '20:00'), targetGroupIds: ['erwachsene'] })),
  not('Kochtreff und Gartenprojekt derselben Gruppe',
    offer('birkenau', { title: 'Internationaler Kochtreff', category: 'treff', description: 'Gemeinsam kochen und essen.', schedule: weekly('FR', '17:00', '20:00') }),
    offer('birkenau', { title: 'Internationaler Gemeinschaftsgarten', category: 'freizeit', description: 'Gemeinsam gärtnern, Beete für alle.', schedule: weekly('SA', '10:00', '13:00') })),
  not('Ukrainischer Treff und russischsprachiger Seniorentreff',
    offer('tannhausen', { title: 'Ukrainischer Treff', category: 'treff', description: 'Austausch für Menschen aus der Ukraine.', schedule: weekly('SU', '15:00', '17:00'), languages: ['uk'] }),
    offer('tannhausen', { title: 'Russischsprachiger Seniorentreff', category: 'treff', description: 'Kaffee und Gespräche für ältere Menschen.', schedule: weekly('WE', '14:00', '16:00'), languages: ['ru'], targetGroupIds: ['senioren'] })),
  not('Digitale Sprechstunde und Computerkurs für Senioren, andere Gemeinde',
    offer('heidewald', { title: 'Digitale Sprechstunde', category: 'bildung', description: 'Hilfe mit Smartphone und Online-Anträgen.', schedule: weekly('TH', '10:00', '12:00') }),
    offer('seedorf', { title: 'Computerkurs für Senioren', category: 'bildung', description: 'Erste Schritte am Computer.', schedule: weekly('TU', '10:00', '12:00'), targetGroupIds: ['senioren'] })),
  not('Gesundheitslotsen und Psychosoziale Beratung',
    offer('kreisweit', { title: 'Gesundheitslotsen', category: 'gesundheit', description: 'Lotsen begleiten zu Arztterminen.' }),
    offer('kreisweit', { title: 'Psychosoziale Beratung für Geflüchtete', category: 'gesundheit', description: 'Beratung bei seelischen Belastungen und Traumata, mit Dolmetschenden.' })),
  not('Sprachcafé und Lesecafé am selben Ort, anderer Tag',
    offer('heidewald', { title: 'Sprachcafé', category: 'treff', description: 'Deutsch sprechen üben.', schedule: weekly('TU', '15:00', '17:00') }),
    offer('heidewald', { title: 'Lesecafé für Kinder', category: 'bildung', description: 'Vorlesen auf Deutsch und in den Herkunftssprachen.', schedule: weekly('FR', '15:00', '16:00'), targetGroupIds: ['kinder'] })),
];

/**
 * Held-out pairs: harder cases (other words for the same thing, an English title, one entry
 * without times, the same provider in two Gemeinden, two groups of one offer, levels not
 * written as A1/B1), written after the weights were fixed. Report, do not tune on them.
 */
export const heldOutPairs: LabelledPair[] = [
  // ── True duplicates ──
  dup('Deutsch mit Kinderbetreuung, einmal als Bildung eingetragen',
    offer('heidewald', { title: 'Deutsch lernen mit Kinderbetreuung', category: 'sprachkurs', description: 'Deutschkurs am Vormittag für Mütter, die Kinder werden nebenan betreut.', schedule: weekly('TU,TH', '09:00', '11:30'), languages: ['de'], targetGroupIds: ['frauen'], providerIds: ['bildungswerk'] }),
    offer('heidewald', { title: 'Mütter lernen Deutsch – Kinder werden betreut', category: 'bildung', description: 'Vormittags Deutsch lernen, während die Kinder betreut werden.', schedule: weekly('TU,TH', '09:00', '11:30'), languages: ['de', 'ar'], targetGroupIds: ['frauen'], providerIds: ['familienzentrum'] })),
  dup('JMD, Abkürzung gegen Langform, kreisweit',
    offer('kreisweit', { title: 'JMD-Sprechstunde', category: 'beratung', description: 'Jugendmigrationsdienst: Beratung für 12- bis 27-Jährige zu Schule und Ausbildung.', schedule: hours([2, '10:00', '13:00']), languages: ['de', 'en'], targetGroupIds: ['jugendliche'] }),
    offer('kreisweit', { title: 'Jugendmigrationsdienst Musterland', category: 'beratung', description: 'Beratung junger Menschen mit Migrationsgeschichte zu Schule, Ausbildung und Beruf.', schedule: hours([2, '10:00', '13:00'], [4, '14:00', '17:00']), languages: ['de', 'en', 'ar'], targetGroupIds: ['jugendliche'] })),
  dup('Begegnungscafé, Wortstellung umgedreht',
    offer('heidewald', { title: 'Begegnungscafé', category: 'treff', description: 'Einheimische und Zugewanderte treffen sich bei Kaffee.', schedule: weekly('WE', '15:00', '17:00'), languages: ['de'] }),
    offer('heidewald', { title: 'Café der Begegnung im Gemeindehaus', category: 'treff', description: 'Kaffee, Kuchen und Gespräche zwischen Alteingesessenen und Neuen.', schedule: weekly('WE', '15:00', '17:30'), languages: ['de', 'fa'] })),
  dup('Schuldnerberatung, einmal ohne Zeiten',
    offer('birkenau', { title: 'Schuldnerberatung für Zugewanderte', category: 'beratung', description: 'Hilfe bei Schulden, Mahnungen und Inkasso.', schedule: hours([1, '14:00', '17:00']), languages: ['de', 'ar'] }),
    offer('birkenau', { title: 'Schuldner- und Insolvenzberatung (auch auf Arabisch)', category: 'beratung', description: 'Beratung bei Schulden und Mahnungen, Termine nach Vereinbarung.', languages: ['de', 'ar'] })),
  dup('Willkommenscafé, einmal mit englischem Titel',
    offer('seedorf', { title: 'Welcome Café Seedorf', category: 'treff', description: 'Meet people, practise German, get help with letters.', schedule: weekly('FR', '16:00', '18:00'), languages: ['en', 'de'] }),
    offer('seedorf', { title: 'Willkommenscafé Seedorf', category: 'treff', description: 'Leute kennenlernen, Deutsch üben, Hilfe bei Briefen.', schedule: weekly('FR', '16:00', '18:00'), languages: ['de'] })),
  dup('Frauenfrühstück, derselbe Träger trägt es zweimal ein',
    offer('tannhausen', { title: 'Frühstückstreff für Frauen', category: 'treff', description: 'Gemeinsam frühstücken und austauschen, Kinder dürfen mitkommen.', schedule: weekly('MO', '09:00', '11:00'), languages: ['de', 'ar'], targetGroupIds: ['frauen'], providerIds: ['awo'] }),
    offer('tannhausen', { title: 'Internationales Frauenfrühstück', category: 'treff', description: 'Frühstück und Austausch für Frauen aus aller Welt.', schedule: weekly('MO', '09:00', '11:00'), languages: ['de'], targetGroupIds: ['frauen'], providerIds: ['awo'] })),
  dup('Lernhilfe und Hausaufgabenbetreuung, andere Wörter',
    offer('seedorf', { title: 'Lernhilfe für Grundschulkinder', category: 'bildung', description: 'Ehrenamtliche unterstützen beim Lesen, Rechnen und bei den Hausaufgaben.', schedule: weekly('TU,TH', '14:00', '15:30'), languages: ['de'], targetGroupIds: ['kinder'] }),
    offer('seedorf', { title: 'Hausaufgabenbetreuung Grundschule', category: 'bildung', description: 'Betreuung bei den Hausaufgaben nach der Schule.', schedule: weekly('TU,TH', '14:00', '15:30'), languages: ['de'], targetGroupIds: ['kinder'] })),
  dup('Nachbarschaftstreff mit Tippfehler und Bindestrich',
    offer('birkenau', { title: 'Nachbarschaftstreff Birkenau-Süd', category: 'treff', description: 'Offener Treff im Stadtteilbüro.', schedule: hours([3, '10:00', '12:00'], [5, '15:00', '18:00']) }),
    offer('birkenau', { title: 'Nachbarschafts-Treff Birkenau Sued', category: 'treff', description: 'Stadtteilbüro: offener Treffpunkt für alle Nachbarn.', schedule: hours([3, '10:00', '12:00']) })),
  dup('Theatergruppe, Verein und Schule tragen sie ein',
    offer('tannhausen', { title: 'Interkulturelle Theatergruppe', category: 'freizeit', description: 'Jugendliche aus vielen Ländern spielen Theater.', schedule: weekly('WE', '16:00', '18:00'), targetGroupIds: ['jugendliche'], providerIds: ['theaterverein'] }),
    offer('tannhausen', { title: 'Theater-AG international', category: 'bildung', description: 'Theater spielen mit Jugendlichen verschiedener Herkunft, mittwochs nachmittags.', schedule: weekly('WE', '16:00', '18:00'), targetGroupIds: ['jugendliche'], providerIds: ['oberschule'] })),
  dup('Integrationslotsinnen, Gender-Schreibweise und Kategorie',
    offer('kreisweit', { title: 'Integrationslotsen', category: 'patenschaft', description: 'Ehrenamtliche Lotsen begleiten Neuzugewanderte zu Ämtern und Ärzten.', languages: ['de', 'ar', 'ru'] }),
    offer('kreisweit', { title: 'Ehrenamtliche Integrationslots*innen', category: 'beratung', description: 'Begleitung zu Behörden und Arztpraxen durch Ehrenamtliche.', languages: ['de', 'ar'] })),
  dup('Fußballtraining, einmal mit Zielgruppe im Titel',
    offer('seedorf', { title: 'Fußball für alle', category: 'freizeit', description: 'Offenes Training auf dem Sportplatz, jeden Samstag.', schedule: weekly('SA', '10:00', '12:00') }),
    offer('seedorf', { title: 'Offenes Fußballtraining für Geflüchtete', category: 'freizeit', description: 'Kicken ohne Vereinsmitgliedschaft, Schuhe können geliehen werden.', schedule: weekly('SA', '10:00', '12:00'), targetGroupIds: ['gefluechtete'] })),
  dup('Sprechstunde der Flüchtlingshilfe, an der Gemeindegrenze in beiden Gemeinden eingetragen',
    offer('heidewald', { title: 'Sprechstunde Flüchtlingshilfe', category: 'beratung', description: 'Hilfe bei Briefen von Ämtern und beim Ausfüllen von Anträgen.', schedule: weekly('TH', '17:00', '19:00'), languages: ['de', 'ar'], providerIds: ['fluechtlingshilfe'] }),
    offer('birkenau', { title: 'Flüchtlingshilfe – offene Sprechstunde', category: 'beratung', description: 'Briefe von Behörden verstehen, Anträge ausfüllen.', schedule: weekly('TH', '17:00', '19:00'), languages: ['de'], providerIds: ['kirchengemeinde'] })),
  dup('Jobcafé mit und ohne Bindestrich',
    offer('birkenau', { title: 'Jobcafé für Geflüchtete', category: 'arbeit', description: 'Stellenangebote ansehen, Bewerbungen schreiben.', schedule: weekly('MO', '14:00', '16:00'), languages: ['de', 'en'] }),
    offer('birkenau', { title: 'Job-Café: Arbeit finden', category: 'arbeit', description: 'Gemeinsam Stellen suchen und Bewerbungen schreiben.', schedule: weekly('MO', '14:00', '16:00'), languages: ['de'] })),

  // ── Near-misses ──
  not('Digitaltreff desselben Trägers in zwei Nachbargemeinden, andere Tage (Netz)',
    offer('heidewald', { title: 'Digitaltreff: Smartphone und Online-Formulare – Heidewald', category: 'bildung', description: 'Hilfe mit Smartphone und Computer: Termine online buchen, Formulare ausfüllen.', schedule: weekly('TU', '16:00', '18:00'), languages: ['de', 'ar'], targetGroupIds: ['offline'], providerIds: ['bibliothek'] }),
    offer('birkenau', { title: 'Digitaltreff: Smartphone und Online-Formulare – Birkenau', category: 'bildung', description: 'Hilfe mit Smartphone und Computer: Termine online buchen, Formulare ausfüllen.', schedule: weekly('WE', '16:00', '18:00'), languages: ['de', 'ar'], targetGroupIds: ['offline'], providerIds: ['bibliothek'] })),
  not('Digitaltreff desselben Trägers, Nachbargemeinde, gleiche Zeit (Netz)',
    offer('heidewald', { title: 'Digitaltreff Heidewald', category: 'bildung', description: 'Hilfe mit Smartphone, E-Mail und Online-Anträgen.', schedule: weekly('TH', '16:00', '18:00'), languages: ['de'], providerIds: ['bibliothek'] }),
    offer('birkenau', { title: 'Digitaltreff Birkenau', category: 'bildung', description: 'Hilfe mit Smartphone, E-Mail und Online-Anträgen.', schedule: weekly('TH', '16:00', '18:00'), languages: ['de'], providerIds: ['bibliothek'] })),
  not('Migrationsberatung desselben Verbands als Außensprechstunde in einer zweiten Gemeinde',
    offer('seedorf', { title: 'Migrationsberatung Caritas', category: 'beratung', description: 'Beratung zu Aufenthalt, Arbeit und Familie.', schedule: hours([2, '09:00', '12:00']), languages: ['de', 'ru'], providerIds: ['caritas'] }),
    offer('birkenau', { title: 'Migrationsberatung Caritas – Außensprechstunde', category: 'beratung', description: 'Beratung zu Aufenthalt, Arbeit und Familie im Rathaus.', schedule: hours([2, '14:00', '16:00']), languages: ['de', 'ru'], providerIds: ['caritas'] })),
  not('Deutschkurs A2 und Prüfungsvorbereitung A2/B1',
    offer('heidewald', { title: 'Deutschkurs A2', category: 'sprachkurs', description: 'Aufbaukurs nach A1, zweimal pro Woche.', schedule: weekly('MO,WE', '18:00', '19:30'), languages: ['de'], targetGroupIds: ['erwachsene'] }),
    offer('heidewald', { title: 'Prüfungsvorbereitung DTZ A2/B1', category: 'sprachkurs', description: 'Vorbereitung auf den Deutsch-Test für Zuwanderer.', schedule: weekly('SA', '09:00', '12:00'), languages: ['de'], targetGroupIds: ['erwachsene'] })),
  not('Frauencafé am Vormittag und am Abend: zwei Gruppen desselben Vereins',
    offer('tannhausen', { title: 'Frauencafé am Vormittag', category: 'treff', description: 'Für Frauen mit kleinen Kindern; Kinderbetreuung.', schedule: weekly('TU', '09:30', '11:30'), languages: ['de', 'ar'], targetGroupIds: ['frauen'], providerIds: ['frauenverein'] }),
    offer('tannhausen', { title: 'Frauencafé am Abend', category: 'treff', description: 'Für berufstätige Frauen nach der Arbeit.', schedule: weekly('TH', '19:00', '21:00'), languages: ['de', 'ar'], targetGroupIds: ['frauen'], providerIds: ['frauenverein'] })),
  not('Sprachcafé und Anfängerkurs gleichzeitig im selben Haus',
    offer('seedorf', { title: 'Sprachcafé im Bürgerhaus', category: 'treff', description: 'Zwanglos Deutsch sprechen.', schedule: weekly('WE', '18:00', '19:30'), languages: ['de'] }),
    offer('seedorf', { title: 'Deutsch für Anfänger im Bürgerhaus', category: 'sprachkurs', description: 'Kurs mit Lehrerin, Anmeldung nötig.', schedule: weekly('WE', '18:00', '19:30'), languages: ['de'] })),
  not('Rechtsberatung Asyl und Rechtsberatung Arbeitsrecht',
    offer('heidewald', { title: 'Rechtsberatung Asyl- und Aufenthaltsrecht', category: 'recht', description: 'Anwältinnen beraten zu Asylverfahren und Aufenthalt.', schedule: hours([4, '17:00', '19:00']), languages: ['de', 'ar'] }),
    offer('heidewald', { title: 'Rechtsberatung Arbeitsrecht für Zugewanderte', category: 'recht', description: 'Fragen zu Arbeitsvertrag, Lohn und Kündigung.', schedule: hours([1, '17:00', '19:00']), languages: ['de', 'ru'] })),
  not('Schwimmkurs für Frauen: Anfängerinnen und Fortgeschrittene',
    offer('seedorf', { title: 'Schwimmkurs für Frauen – Anfängerinnen', category: 'freizeit', description: 'Schwimmen lernen von Anfang an.', schedule: weekly('SU', '17:00', '18:00'), targetGroupIds: ['frauen'] }),
    offer('seedorf', { title: 'Schwimmkurs für Frauen – Fortgeschrittene', category: 'freizeit', description: 'Technik verbessern, Ausdauer aufbauen.', schedule: weekly('SU', '18:00', '19:00'), targetGroupIds: ['frauen'] })),
  not('Kleiderkammern zweier Träger in Nachbargemeinden',
    offer('heidewald', { title: 'Kleiderkammer Heidewald', category: 'sonstige', description: 'Kleidung gegen kleine Spende.', schedule: hours([3, '14:00', '17:00']), providerIds: ['drk'] }),
    offer('birkenau', { title: 'Kleiderkammer Birkenau', category: 'sonstige', description: 'Kleidung und Spielzeug gegen Spende.', schedule: hours([6, '10:00', '12:00']), providerIds: ['kirchengemeinde'] })),
  not('Mutter-Kind-Gruppe arabisch- und ukrainischsprachig',
    offer('birkenau', { title: 'Mutter-Kind-Gruppe (arabischsprachig)', category: 'kinderbetreuung', description: 'Spielen und austauschen für Mütter mit Kleinkindern.', schedule: weekly('MO', '10:00', '11:30'), languages: ['ar'], targetGroupIds: ['eltern'] }),
    offer('birkenau', { title: 'Mutter-Kind-Gruppe (ukrainischsprachig)', category: 'kinderbetreuung', description: 'Spielen und austauschen für Mütter mit Kleinkindern.', schedule: weekly('WE', '10:00', '11:30'), languages: ['uk'], targetGroupIds: ['eltern'] })),
  not('Hausaufgabenhilfe Grundschule und Oberschule zur selben Zeit',
    offer('tannhausen', { title: 'Hausaufgabenhilfe Grundschule', category: 'bildung', description: 'Für Kinder der Klassen 1 bis 4.', schedule: weekly('MO,WE', '14:00', '15:30'), targetGroupIds: ['kinder'] }),
    offer('tannhausen', { title: 'Hausaufgabenhilfe Oberschule', category: 'bildung', description: 'Für Schülerinnen und Schüler der Klassen 5 bis 10.', schedule: weekly('MO,WE', '14:00', '15:30'), targetGroupIds: ['jugendliche'] })),
  not('Jobcenter-Sprechstunde in der Unterkunft und Bewerbungscafé',
    offer('heidewald', { title: 'Sprechstunde des Jobcenters in der Unterkunft', category: 'arbeit', description: 'Fragen zu Leistungen und Terminen beim Jobcenter.', schedule: weekly('TU', '10:00', '12:00'), providerIds: ['jobcenter'] }),
    offer('heidewald', { title: 'Bewerbungscafé', category: 'arbeit', description: 'Lebenslauf und Anschreiben gemeinsam schreiben.', schedule: weekly('TU', '10:00', '12:00'), providerIds: ['verein'] })),
];
