import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { actorContacts, actors, type ConsentScope, type ContactGender } from './schema.js';

interface DemoContact {
  actor: string;
  name: string;
  role: string;
  responsibility: string;
  email: string;
  phone: string;
  languages: string[];
  gender?: ContactGender;
  consent: ConsentScope;
  consentDate?: string;
  consentSource?: string;
}

/** Invented people; some agreed to publication, some only to internal use, for some no consent is recorded. */
export const demoContacts: DemoContact[] = [
  { actor: 'Koordinierungsstelle Migration und Teilhabe', name: 'Katrin Albers', role: 'Integrationskoordinatorin', responsibility: 'Integrationskonzept, Netzwerk, Bestandsaufnahme', email: 'k.albers@musterland.example', phone: '05141 916-201', languages: ['de', 'en'], gender: 'weiblich', consent: 'veroeffentlichung', consentDate: '2025-01-14', consentSource: 'Einwilligungsformular Netzwerkverzeichnis' },
  { actor: 'Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland', name: 'Samira Haddad', role: 'Migrationsberaterin', responsibility: 'Aufenthalt, Familiennachzug, Anerkennung', email: 'mbe@caritas-musterland.example', phone: '05141 3045-12', languages: ['de', 'ar', 'fr'], gender: 'weiblich', consent: 'veroeffentlichung', consentDate: '2025-03-02', consentSource: 'E-Mail vom 2.3.2025' },
  { actor: 'Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland', name: 'Oleksandr Kovalenko', role: 'Migrationsberater', responsibility: 'Beratung für Geflüchtete aus der Ukraine', email: 'o.kovalenko@caritas-musterland.example', phone: '05141 3045-14', languages: ['de', 'uk', 'ru'], consent: 'intern', consentDate: '2025-03-02', consentSource: 'E-Mail vom 2.3.2025' },
  { actor: 'Jugendmigrationsdienst Musterland', name: 'Deniz Aydın', role: 'Sozialpädagoge', responsibility: 'Jugendliche von 12 bis 27 Jahren, Übergang Schule–Beruf', email: 'jmd@awo-musterland.example', phone: '05141 2277-30', languages: ['de', 'tr', 'ku'], gender: 'maennlich', consent: 'veroeffentlichung', consentDate: '2025-02-10', consentSource: 'Einwilligungsformular Bestandsaufnahme' },
  { actor: 'Kreisvolkshochschule Musterland', name: 'Heike Brandt', role: 'Fachbereichsleitung Deutsch als Zweitsprache', responsibility: 'Integrationskurse, Einstufung, Kinderbetreuung in Kursen', email: 'daz@kvhs-musterland.example', phone: '05141 8890-40', languages: ['de', 'en'], gender: 'weiblich', consent: 'veroeffentlichung', consentDate: '2024-11-20', consentSource: 'Einwilligungsformular Netzwerkverzeichnis' },
  { actor: 'Kreisvolkshochschule Musterland', name: 'Thomas Lüders', role: 'Kursplanung', responsibility: 'Berufssprachkurse', email: 't.lueders@kvhs-musterland.example', phone: '05141 8890-44', languages: ['de'], consent: 'keine' },
  { actor: 'Jobcenter Landkreis Musterland', name: 'Markus Peters', role: 'Teamleitung Markt und Integration', responsibility: 'Arbeitsmarktintegration Geflüchteter, Jobturbo', email: 'm.peters@jobcenter-musterland.example', phone: '05141 960-310', languages: ['de'], consent: 'intern', consentDate: '2025-04-07', consentSource: 'mündlich im Interview der Bestandsaufnahme' },
  { actor: 'Deutsch-Syrischer Kulturverein Musterstadt e. V.', name: 'Rania Al-Masri', role: 'Vorsitzende', responsibility: 'Frauencafé, Hausaufgabenhilfe', email: 'kontakt@dskv-musterstadt.example', phone: '0151 2345 6789', languages: ['ar', 'de', 'en'], gender: 'weiblich', consent: 'veroeffentlichung', consentDate: '2025-05-18', consentSource: 'Einwilligungsformular Bestandsaufnahme' },
  { actor: 'Ukrainischer Verein Musterland e. V.', name: 'Iryna Melnyk', role: 'Vorstand', responsibility: 'Elterntreff, Sprachmittlung', email: 'info@ukr-verein-musterland.example', phone: '0160 9876 5432', languages: ['uk', 'ru', 'de'], gender: 'weiblich', consent: 'intern', consentDate: '2025-05-20', consentSource: 'E-Mail vom 20.5.2025' },
  { actor: 'Internationaler Frauentreff Heidewald e. V.', name: 'Fatma Yıldız', role: 'Koordinatorin', responsibility: 'Frauentreff, Nähwerkstatt', email: 'frauentreff-heidewald@example.org', phone: '05162 4411', languages: ['tr', 'de'], gender: 'weiblich', consent: 'veroeffentlichung', consentDate: '2025-06-03', consentSource: 'Einwilligungsformular Bestandsaufnahme' },
  { actor: 'Unterstützerkreis Flüchtlingshilfe Heidewald', name: 'Gerd Wilkens', role: 'Sprecher', responsibility: 'Patenschaften, Fahrdienst', email: 'wilkens@fluechtlingshilfe-heidewald.example', phone: '05162 3390', languages: ['de'], consent: 'keine' },
  { actor: 'Psychosoziales Zentrum für Geflüchtete Nordwest', name: 'Dr. Nasrin Ahmadi', role: 'Psychologische Psychotherapeutin', responsibility: 'Clearing, Therapievermittlung', email: 'psz@nordwest.example', phone: '0441 5566-70', languages: ['fa', 'prs', 'de', 'en'], gender: 'weiblich', consent: 'intern', consentDate: '2025-02-25', consentSource: 'Einwilligungsformular Netzwerkverzeichnis' },
  { actor: 'Gemeinde Heidewald – Fachbereich Bürgerdienste', name: 'Jens Hoffmann', role: 'Fachbereichsleiter', responsibility: 'Unterbringung, Integrationslotsen der Gemeinde', email: 'j.hoffmann@heidewald.example', phone: '05162 98-120', languages: ['de'], consent: 'veroeffentlichung', consentDate: '2025-04-29', consentSource: 'Einwilligungsformular Bestandsaufnahme' },
  { actor: 'Samtgemeinde Fennwiesen – Integrationsbeauftragte', name: 'Anna Kowalski', role: 'Integrationsbeauftragte', responsibility: 'Ehrenamtskoordination, Integrationscafé', email: 'integration@fennwiesen.example', phone: '04761 77-33', languages: ['de', 'pl'], gender: 'weiblich', consent: 'veroeffentlichung', consentDate: '2025-06-11', consentSource: 'E-Mail vom 11.6.2025' },
  { actor: 'Frauenberatungsstelle und Frauenschutzhaus Musterland', name: 'Birgit Sommer', role: 'Beraterin', responsibility: 'Gewaltschutz, Beratung für Frauen', email: 'beratung@frauenberatung-musterland.example', phone: '05141 445566', languages: ['de', 'en'], gender: 'weiblich', consent: 'intern', consentDate: '2025-03-12', consentSource: 'mündlich im Interview der Bestandsaufnahme' },
];

/** The demo contact persons, for the demo Kommune's actors (by name). */
export async function seedDemoContacts(tx: Db, demo: DemoSeedContext): Promise<number> {
  const names = [...new Set(demoContacts.map((c) => c.actor))];
  const rows = await tx.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.tenantId, demo.tenantId), inArray(actors.name, names)));
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  const values = demoContacts.flatMap((c) => {
    const actorId = idOf.get(c.actor);
    if (!actorId) return [];
    return [{
      tenantId: demo.tenantId, actorId, name: c.name, role: c.role, responsibility: c.responsibility, email: c.email, phone: c.phone, languages: c.languages,
      gender: c.gender ?? null, consentScope: c.consent, consentDate: c.consentDate ?? null, consentSource: c.consentSource ?? '',
    }];
  });
  if (values.length) await tx.insert(actorContacts).values(values);
  return values.length;
}
