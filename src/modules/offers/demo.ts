import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { addDays, addMonths, todayInGermany } from '../../platform/dates.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { fields } from '../concepts/schema.js';
import { targetGroups } from '../measures/schema.js';
import { weekdaysOf } from './schedule.js';
import { offerFields, offerProviders, offerTargetGroups, offers, type BarrierFree, type OfferCategory, type Schedule } from './schema.js';

/**
 * Angebote of the demo Landkreis Musterland (issue 10.9): the usual landscape of a county, built
 * from templates per Gemeinde, with gaps left on purpose (no language course with childcare in
 * Krähenfelde and Weißenmoor, counselling in Arabic only in the county town Musterstadt, no
 * health offer in the Samtgemeinden of the north) and a few duplicates written differently.
 */

interface Place {
  slug: string;
  city: string;
  postalCode: string;
  street: string;
  lat: number;
  lon: number;
}
const places: Place[] = [
  { slug: 'musterstadt', city: 'Musterstadt', postalCode: '29901', street: 'Marktplatz 3', lat: 52.731, lon: 9.873 },
  { slug: 'heidewald', city: 'Heidewald', postalCode: '29913', street: 'Lindenstraße 4', lat: 52.771, lon: 9.912 },
  { slug: 'moordorf-an-der-aue', city: 'Moordorf an der Aue', postalCode: '29921', street: 'Auestraße 12', lat: 52.688, lon: 9.801 },
  { slug: 'weissenmoor', city: 'Weißenmoor', postalCode: '29925', street: 'Am Moorweg 7', lat: 52.652, lon: 9.944 },
  { slug: 'kraehenfelde', city: 'Krähenfelde', postalCode: '29931', street: 'Dorfstraße 21', lat: 52.804, lon: 9.768 },
  { slug: 'bad-quellenau', city: 'Bad Quellenau', postalCode: '29935', street: 'Kurpark 1', lat: 52.713, lon: 10.021 },
  { slug: 'samtgemeinde-birkenhoehe', city: 'Birkenhöhe', postalCode: '29941', street: 'Birkenallee 9', lat: 52.842, lon: 9.855 },
  { slug: 'samtgemeinde-fennwiesen', city: 'Fennwiesen', postalCode: '29945', street: 'Fennweg 2', lat: 52.861, lon: 9.967 },
  { slug: 'samtgemeinde-hohe-geest', city: 'Hohe Geest', postalCode: '29951', street: 'Geestring 15', lat: 52.623, lon: 9.712 },
  { slug: 'samtgemeinde-luettenbrook', city: 'Lüttenbrook', postalCode: '29955', street: 'Brookstraße 5', lat: 52.596, lon: 9.889 },
];
const north = new Set(['samtgemeinde-birkenhoehe', 'samtgemeinde-fennwiesen']);

interface Template {
  title: (p: Place) => string;
  description: string;
  category: OfferCategory;
  providers: string[];
  schedule: (i: number) => Schedule;
  languages: (p: Place) => string[];
  targetGroups: string[];
  fieldTitles?: string[];
  femaleContact?: boolean | ((p: Place) => boolean);
  maleContact?: boolean;
  childcare?: (p: Place) => boolean;
  barrierFree?: BarrierFree;
  free?: boolean;
  costNote?: string;
  registrationRequired?: boolean;
  /** Gemeinden without this offer: the gaps the demo shows. */
  skip?: (p: Place) => boolean;
}

const weekly = (byday: string, start: string, end: string, exceptions: string[] = []): Schedule => ({ kind: 'wiederkehrend', rrule: `FREQ=WEEKLY;BYDAY=${byday}`, firstDate: '2026-01-05', start, end, exceptions });
const days = ['MO', 'TU', 'WE', 'TH', 'FR'];
const holidays = ['2026-12-22', '2026-12-24', '2026-12-29', '2026-12-31'];

const templates: Template[] = [
  {
    title: (p) => `Deutschkurs A1 mit Alltagsbezug – ${p.city}`,
    description: 'Deutsch für den Alltag: Einkaufen, Arzttermin, Elternabend. Einstieg jederzeit nach kurzem Einstufungsgespräch.',
    category: 'sprachkurs', providers: ['Kreisvolkshochschule Musterland'], schedule: (i) => weekly(i % 2 ? 'MO,WE' : 'TU,TH', '09:00', '11:30', holidays),
    languages: () => ['de', 'en'], targetGroups: ['Neuzugewanderte'], fieldTitles: ['Sprache'], childcare: (p) => !['kraehenfelde', 'weissenmoor'].includes(p.slug), registrationRequired: true, barrierFree: 'ja',
  },
  {
    title: (p) => `Integrationscafé ${p.city}`,
    description: 'Offener Treffpunkt für Neuzugewanderte und Alteingesessene bei Kaffee und Tee; Ehrenamtliche helfen bei Briefen und Formularen.',
    category: 'treff', providers: ['Diakonisches Werk im Kirchenkreis Musterland'], schedule: (i) => weekly(days[(i + 1) % 5]!, '15:00', '17:00', holidays),
    languages: (p) => (p.slug === 'musterstadt' ? ['de', 'ar', 'uk', 'fa'] : ['de', 'uk']), targetGroups: ['Zugewanderte und Alteingesessene', 'Neuzugewanderte'], femaleContact: true, maleContact: true, childcare: () => false, barrierFree: 'unbekannt',
  },
  {
    title: (p) => `Migrationsberatung – Sprechstunde ${p.city}`,
    description: 'Beratung zu Aufenthalt, Sozialleistungen, Familiennachzug und Anerkennung. Vertraulich und kostenlos.',
    category: 'beratung', providers: ['Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland'],
    schedule: (i) => (i === 0 ? { kind: 'oeffnungszeiten', slots: [{ weekday: 1, opens: '09:00', closes: '12:00' }, { weekday: 1, opens: '14:00', closes: '16:00' }, { weekday: 3, opens: '09:00', closes: '12:00' }, { weekday: 4, opens: '14:00', closes: '18:00' }] } : weekly(days[i % 5]!, '10:00', '12:00')),
    // Arabic only in the county town: the gap "Beratung auf Arabisch" elsewhere.
    languages: (p) => (p.slug === 'musterstadt' ? ['de', 'ar', 'en', 'ru'] : ['de', 'en']), targetGroups: ['Zugewanderte'], femaleContact: (p) => p.slug === 'musterstadt', maleContact: true, barrierFree: 'ja',
  },
  {
    title: (p) => `Hausaufgabenhilfe für Schulkinder in ${p.city}`,
    description: 'Lesepatinnen und Lesepaten helfen Kindern der Klassen 1 bis 6 bei Hausaufgaben und Lesen.',
    category: 'bildung', providers: ['Lesepaten-Initiative Moordorf an der Aue'], schedule: () => weekly('TU,TH', '14:00', '16:00', holidays),
    languages: () => ['de'], targetGroups: ['Kinder und Jugendliche mit Zuwanderungsgeschichte'], fieldTitles: ['Bildung'], barrierFree: 'nein',
  },
  {
    title: (p) => `Schwimmen für Frauen – ${p.city}`,
    description: 'Schwimmzeit nur für Frauen, mit Trainerin; Schwimmanfängerinnen willkommen.',
    category: 'freizeit', providers: ['Kreissportbund Musterland e. V.'], schedule: () => weekly('SA', '10:00', '11:30'),
    languages: () => ['de', 'tr', 'ar'], targetGroups: ['Zugewanderte Frauen'], femaleContact: true, childcare: (p) => p.slug === 'heidewald', free: false, costNote: '2 € je Termin', skip: (p) => north.has(p.slug) || p.slug === 'samtgemeinde-hohe-geest',
  },
  {
    title: (p) => `Eltern-Kind-Treff ${p.city}`,
    description: 'Spielen, singen, austauschen: für Eltern mit Kindern bis drei Jahre; Fragen zu Kita und Gesundheit sind willkommen.',
    category: 'kinderbetreuung', providers: ['Kita und Familienzentrum Sonnenblume Musterstadt'], schedule: () => weekly('FR', '09:30', '11:00', holidays),
    languages: () => ['de', 'ar', 'uk'], targetGroups: ['Eltern mit Zuwanderungsgeschichte'], femaleContact: true, childcare: () => true, barrierFree: 'ja', skip: (p) => p.slug === 'samtgemeinde-luettenbrook',
  },
  {
    title: (p) => `Patenschaften für Neuzugewanderte (${p.city})`,
    description: 'Ehrenamtliche Patinnen und Paten begleiten Familien im ersten Jahr: Behördengänge, Schule, Freizeit.',
    category: 'patenschaft', providers: ['Freiwilligenagentur Musterland'], schedule: () => ({ kind: 'nach_vereinbarung' }),
    languages: () => ['de', 'en'], targetGroups: ['Neu zugewiesene Geflüchtete', 'Ehrenamtliche'], fieldTitles: ['Ehrenamt'], femaleContact: true, maleContact: true,
  },
  {
    title: (p) => `Bewerbungswerkstatt ${p.city}`,
    description: 'Lebenslauf, Anschreiben und Vorstellungsgespräch üben; Unterlagen werden am Computer gemeinsam erstellt.',
    category: 'arbeit', providers: ['Jobcenter Landkreis Musterland'], schedule: (i) => ({ kind: 'wiederkehrend', rrule: 'FREQ=MONTHLY;BYDAY=' + (['1', '2', '3', '4', '-1'][i % 5]!) + 'WE', firstDate: '2026-01-07', start: '13:00', end: '15:30', exceptions: [] }),
    languages: () => ['de', 'en', 'ar'], targetGroups: ['Zugewanderte'], fieldTitles: ['Arbeit'], registrationRequired: true, barrierFree: 'ja', skip: (p) => p.slug === 'samtgemeinde-hohe-geest',
  },
  {
    title: (p) => `Gesundheitssprechstunde mit Sprachmittlung – ${p.city}`,
    description: 'Fragen zu Arztbesuch, Impfungen und Krankenversicherung, mit Sprachmittlerinnen und Sprachmittlern.',
    category: 'gesundheit', providers: ['Fachdienst Gesundheit'], schedule: () => ({ kind: 'wiederkehrend', rrule: 'FREQ=MONTHLY;BYDAY=1TU', firstDate: '2026-01-06', start: '16:00', end: '18:00', exceptions: [] }),
    languages: () => ['de', 'ar', 'fa', 'ti', 'uk'], targetGroups: ['Zugewanderte'], fieldTitles: ['Gesundheit'], femaleContact: true, maleContact: true, skip: (p) => north.has(p.slug),
  },
  {
    title: (p) => `Fahrradwerkstatt ${p.city}`,
    description: 'Gemeinsam Räder reparieren und Verkehrsregeln kennenlernen; gespendete Räder werden weitergegeben.',
    category: 'sonstige', providers: ['Unterstützerkreis Flüchtlingshilfe Heidewald'], schedule: () => weekly('SA', '10:00', '13:00'),
    languages: () => ['de', 'fa', 'ps'], targetGroups: ['Zugewanderte ohne Pkw'], maleContact: true, barrierFree: 'nein', skip: (p) => ['bad-quellenau', 'weissenmoor'].includes(p.slug),
  },
  {
    title: (p) => `Wohnungssuche: Beratung und Begleitung – ${p.city}`,
    description: 'Hilfe bei der Wohnungssuche, bei Mietverträgen und im Gespräch mit Vermietern.',
    category: 'wohnen', providers: ['Caritasverband Musterland e. V.'], schedule: () => ({ kind: 'nach_vereinbarung' }),
    languages: () => ['de', 'ru', 'uk'], targetGroups: ['Bewohnende von Unterkünften'], femaleContact: true, skip: (p) => !['musterstadt', 'heidewald', 'moordorf-an-der-aue', 'bad-quellenau', 'samtgemeinde-hohe-geest'].includes(p.slug),
  },
  {
    title: (p) => `Sprachcafé für Ukrainerinnen und Ukrainer – ${p.city}`,
    description: 'Deutsch sprechen üben in kleiner Runde, dazu Informationen zu Arbeit und Schule.',
    category: 'sprachkurs', providers: ['Ukrainischer Verein Musterland e. V.'], schedule: (i) => weekly(days[(i + 3) % 5]!, '17:00', '19:00', holidays),
    languages: () => ['de', 'uk', 'ru'], targetGroups: ['Neuzugewanderte'], femaleContact: true, childcare: () => false, skip: (p) => ['kraehenfelde', 'samtgemeinde-luettenbrook'].includes(p.slug),
  },
  {
    title: (p) => `Digitaltreff: Smartphone, Online-Formulare, E-Mail – ${p.city}`,
    description: 'Hilfe beim Umgang mit Smartphone und Computer: Termine online buchen, Formulare ausfüllen, E-Mails schreiben.',
    category: 'bildung', providers: ['Stadtbibliothek Musterstadt'], schedule: (i) => weekly(days[(i + 2) % 5]!, '16:00', '18:00', holidays),
    languages: () => ['de', 'en', 'ar'], targetGroups: ['Zugewanderte ohne Internetzugang'], maleContact: true, barrierFree: 'ja', skip: (p) => ['kraehenfelde', 'weissenmoor'].includes(p.slug),
  },
];

interface Single {
  title: string;
  description: string;
  category: OfferCategory;
  providers: string[];
  place: string | null;
  schedule: Schedule;
  languages: string[];
  targetGroups: string[];
  femaleContact?: boolean;
  childcare?: boolean;
  registrationRequired?: boolean;
}

/** County-wide offers, one-off dates, and duplicates of template offers written differently. */
const singles: Single[] = [
  {
    title: 'Praktikumsbörse Musterland', description: 'Betriebe aus dem Landkreis stellen Praktikums- und Ausbildungsplätze vor; Bewerbungsmappen werden vor Ort geprüft.',
    category: 'arbeit', providers: ['Industrie- und Handelskammer, Geschäftsstelle Musterland', 'Kreishandwerkerschaft Musterland'], place: 'musterstadt',
    schedule: { kind: 'termine', dates: [{ date: '2027-03-13', start: '10:00', end: '15:00' }, { date: '2027-09-18', start: '10:00', end: '15:00' }] }, languages: ['de', 'en', 'ar', 'uk'], targetGroups: ['Zugewanderte', 'Arbeitgeber'],
  },
  {
    title: 'Rechtsberatung Asyl- und Aufenthaltsrecht', description: 'Ehrenamtliche Anwältinnen und Anwälte beraten einmal im Monat; bitte Bescheide mitbringen.',
    category: 'recht', providers: ['Caritasverband Musterland e. V.'], place: 'musterstadt',
    schedule: { kind: 'wiederkehrend', rrule: 'FREQ=MONTHLY;BYDAY=-1TH', firstDate: '2026-01-29', start: '17:00', end: '19:00', exceptions: ['2026-12-31'] }, languages: ['de', 'en', 'ar', 'fa'], targetGroups: ['Zugewanderte'], registrationRequired: true,
  },
  {
    title: 'Jugendmigrationsdienst – Beratung für junge Menschen', description: 'Für 12- bis 27-Jährige: Schule, Ausbildung, Studium, Alltag.',
    category: 'beratung', providers: ['Jugendmigrationsdienst Musterland'], place: null,
    schedule: { kind: 'oeffnungszeiten', slots: [{ weekday: 2, opens: '10:00', closes: '13:00' }, { weekday: 4, opens: '14:00', closes: '17:00' }] }, languages: ['de', 'en', 'ar', 'tr'], targetGroups: ['Kinder und Jugendliche mit Zuwanderungsgeschichte'],
  },
  {
    title: 'Psychosoziale Beratung für Geflüchtete', description: 'Gespräche bei Belastung und Trauma, mit Dolmetscherinnen und Dolmetschern.',
    category: 'gesundheit', providers: ['Psychosoziales Zentrum für Geflüchtete Nordwest'], place: 'musterstadt', schedule: { kind: 'nach_vereinbarung' },
    languages: ['de', 'ar', 'fa', 'ku', 'ti', 'so'], targetGroups: ['Neu zugewiesene Geflüchtete'], femaleContact: true,
  },
  {
    title: 'Anerkennungsberatung für ausländische Berufsabschlüsse', description: 'Welche Stelle ist zuständig, welche Unterlagen braucht es, was kostet es?',
    category: 'beratung', providers: ['Anerkennungs- und Qualifizierungsberatung Musterland'], place: 'musterstadt',
    schedule: { kind: 'oeffnungszeiten', slots: [{ weekday: 2, opens: '09:00', closes: '12:00' }, { weekday: 5, opens: '09:00', closes: '12:00' }] }, languages: ['de', 'en', 'ru', 'pl'], targetGroups: ['Zugewanderte mit ausländischem Berufsabschluss'],
  },
  {
    title: 'Frauentreff International', description: 'Treffpunkt für Frauen aller Herkünfte: Austausch, Ausflüge, Kochen.',
    category: 'treff', providers: ['Internationaler Frauentreff Heidewald e. V.'], place: 'heidewald', schedule: weekly('TU', '15:00', '17:00', holidays),
    languages: ['de', 'ar', 'tr', 'fa'], targetGroups: ['Zugewanderte Frauen'], femaleContact: true, childcare: true,
  },
  // Duplicates written differently (issue 10.4 finds them): same place, time and audience as a template offer.
  {
    title: 'Internationales Café in Heidewald', description: 'Offenes Café für Menschen aus aller Welt und aus Heidewald – Hilfe bei Formularen inklusive.',
    category: 'treff', providers: ['Unterstützerkreis Flüchtlingshilfe Heidewald'], place: 'heidewald', schedule: weekly('WE', '15:00', '17:00'),
    languages: ['de', 'uk'], targetGroups: ['Neuzugewanderte'],
  },
  {
    title: 'Deutsch für Anfänger (A1), Musterstadt', description: 'Alltagsdeutsch für Einsteigerinnen und Einsteiger, vormittags, mit Kinderbetreuung.',
    category: 'sprachkurs', providers: ['Bildungswerk Musterland gGmbH'], place: 'musterstadt', schedule: weekly('TU,TH', '09:00', '11:30'),
    languages: ['de', 'en'], targetGroups: ['Neuzugewanderte'], childcare: true, registrationRequired: true,
  },
  {
    title: 'Bewerbungstraining für Zugewanderte – Moordorf', description: 'Lebenslauf schreiben und Vorstellungsgespräche üben, am PC.',
    category: 'arbeit', providers: ['AWO Kreisverband Musterland e. V.'], place: 'moordorf-an-der-aue',
    schedule: { kind: 'wiederkehrend', rrule: 'FREQ=MONTHLY;BYDAY=3WE', firstDate: '2026-01-21', start: '13:00', end: '15:00', exceptions: [] }, languages: ['de', 'ar'], targetGroups: ['Zugewanderte'],
  },
  {
    title: 'Sprechstunde Migrationsberatung in Bad Quellenau', description: 'Beratung zu Aufenthalt und Leistungen im Rathaus.',
    category: 'beratung', providers: ['Diakonisches Werk im Kirchenkreis Musterland'], place: 'bad-quellenau', schedule: weekly('TH', '10:00', '12:00'),
    languages: ['de', 'en'], targetGroups: ['Zugewanderte'],
  },
];

/** The demo's offers: templates × Gemeinden minus the gaps, plus the singles. */
export async function seedDemoOffers(tx: Db, demo: DemoSeedContext): Promise<void> {
  const { tenantId } = demo;
  const actorRows = await tx.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.tenantId, tenantId));
  const actorId = new Map(actorRows.map((a) => [a.name, a.id]));
  const groupRows = await tx.select({ id: targetGroups.id, name: targetGroups.name }).from(targetGroups).where(eq(targetGroups.tenantId, tenantId));
  const groupId = new Map(groupRows.map((g) => [g.name, g.id]));
  const municipalityRows = await tx.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(eq(tenants.parentId, tenantId));
  const municipalityId = new Map(municipalityRows.map((m) => [m.slug, m.id]));
  const fieldRows = await tx.select({ id: fields.id, title: fields.title }).from(fields).where(and(eq(fields.tenantId, tenantId), eq(fields.editionId, demo.adoptedEditionId)));
  const fieldFor = (word: string) => fieldRows.find((f) => f.title.includes(word))?.id;
  const today = todayInGermany();

  const rows: { values: typeof offers.$inferInsert; providers: string[]; groups: string[]; fieldIds: string[] }[] = [];
  let n = 0;
  const add = (values: Omit<typeof offers.$inferInsert, 'tenantId' | 'weekdays'>, providers: string[], groups: string[], fieldIds: string[]) => {
    n += 1;
    // A few offers have not been checked for over a year, some are paused, ended, closed or not yet published.
    const verifiedOn = n % 9 === 0 ? addMonths(today, -15) : addDays(today, -((n * 17) % 300));
    const status = n % 31 === 0 ? 'pausiert' : n % 47 === 0 ? 'beendet' : 'aktiv';
    rows.push({
      values: { ...values, tenantId, weekdays: weekdaysOf(values.schedule), verifiedOn, status, published: n % 13 !== 0, temporarilyClosed: n % 37 === 0, reopensOn: n % 37 === 0 ? addDays(today, 21) : null },
      providers: providers.map((p) => actorId.get(p)).filter((id): id is string => id !== undefined),
      groups: groups.map((g) => groupId.get(g)).filter((id): id is string => id !== undefined),
      fieldIds,
    });
  };
  for (const [ti, template] of templates.entries()) {
    for (const [pi, place] of places.entries()) {
      if (template.skip?.(place)) continue;
      const female = typeof template.femaleContact === 'function' ? template.femaleContact(place) : template.femaleContact ?? false;
      add(
        {
          title: template.title(place), description: template.description, category: template.category, municipalityId: municipalityId.get(place.slug) ?? null,
          street: place.street, postalCode: place.postalCode, city: place.city, latitude: place.lat + ti * 0.001, longitude: place.lon + ti * 0.001,
          schedule: template.schedule(pi), languages: template.languages(place), femaleContact: female, maleContact: template.maleContact ?? false,
          childcare: template.childcare?.(place) ?? false, barrierFree: template.barrierFree ?? 'unbekannt', free: template.free ?? true, costNote: template.costNote ?? '',
          registrationRequired: template.registrationRequired ?? false,
        },
        template.providers, template.targetGroups, (template.fieldTitles ?? []).map(fieldFor).filter((id): id is string => id !== undefined),
      );
    }
  }
  for (const s of singles) {
    const place = places.find((p) => p.slug === s.place);
    add(
      {
        title: s.title, description: s.description, category: s.category, municipalityId: s.place ? municipalityId.get(s.place) ?? null : null,
        street: place?.street ?? '', postalCode: place?.postalCode ?? '', city: place?.city ?? '', latitude: place?.lat ?? null, longitude: place?.lon ?? null,
        schedule: s.schedule, languages: s.languages, femaleContact: s.femaleContact ?? false, childcare: s.childcare ?? false, registrationRequired: s.registrationRequired ?? false,
      },
      s.providers, s.targetGroups, [],
    );
  }
  const inserted = await tx.insert(offers).values(rows.map((r) => r.values)).returning({ id: offers.id });
  const links = <T>(make: (offerId: string, r: (typeof rows)[number]) => T[]) => rows.flatMap((r, i) => make(inserted[i]!.id, r));
  const providers = links((offerId, r) => [...new Set(r.providers)].map((actorId) => ({ tenantId, offerId, actorId })));
  const groups = links((offerId, r) => [...new Set(r.groups)].map((targetGroupId) => ({ tenantId, offerId, targetGroupId })));
  const fieldLinks = links((offerId, r) => [...new Set(r.fieldIds)].map((fieldId) => ({ tenantId, offerId, fieldId })));
  if (providers.length) await tx.insert(offerProviders).values(providers);
  if (groups.length) await tx.insert(offerTargetGroups).values(groups);
  if (fieldLinks.length) await tx.insert(offerFields).values(fieldLinks);
}
