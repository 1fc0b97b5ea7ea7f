import fc from 'fast-check';
import { demoPartnerToken } from '../../../src/modules/partner-updates/demo.js';
import { kindOfName, type IdKind, type Known } from './known.js';
import type { FuzzBody, FuzzRequest, Who } from './request.js';
import { contentTypes, hostileSegment, hostileString, wellFormed } from './values.js';

/**
 * What a field expects: free text, one of some choices, an id of a kind, a number, a date, a
 * version; `file`: an uploaded spreadsheet (a file part in multipart bodies); `kept`: the file as
 * an import's confirmation sends it back (base64 in a hidden field).
 */
type Field = 'text' | 'email' | 'date' | 'number' | 'version' | 'checkbox' | 'file' | 'kept' | `id:${IdKind}` | readonly string[];
interface Form {
  path: string;
  fields: Record<string, Field>;
  who?: Who;
}

const statuses = ['geplant', 'in_umsetzung', 'umgesetzt', 'verstetigt', 'zurueckgestellt', 'entfallen'] as const;
const roles = ['koordination', 'redaktion', 'partner', 'lesend'] as const;
const measure: Record<string, Field> = {
  number: 'text', title: 'text', description: 'text', fieldId: 'id:fields', goalIds: 'id:goals', targetGroups: 'text', targetGroupIds: 'id:targetGroups', leadActorId: 'id:actors',
  partnerActorIds: 'id:actors', horizon: ['kurz', 'mittel', 'lang'], startDate: 'date', endDate: 'date', priority: ['schwerpunkt', 'quick_win', 'normal'],
  staffFte: 'number', costEur: 'number', fundingSource: 'text', indicator: 'text', targetValue: 'text', status: statuses, crossCuttingIds: 'id:fields',
  sdgs: ['4', '5', '8', '10'], municipalityIds: 'id:municipalities', internalNote: 'text',
};
const indicator: Record<string, Field> = {
  goalId: 'id:goals', measureId: 'id:measures', name: 'text', definition: 'text', unit: 'text', source: 'text', kind: ['kontext', 'output', 'wirkung'],
  baselineValue: 'number', baselineDate: 'date', targetValue: 'number', targetYear: 'number', direction: ['higher', 'lower'], isPublic: 'checkbox',
};
const item = { number: 'text', title: 'text', text: 'text', description: 'text', isCrossCutting: 'checkbox', fieldId: 'id:fields', kind: ['leitziel', 'handlungsziel'] } as const;
const contact: Record<string, Field> = {
  name: 'text', role: 'text', responsibility: 'text', email: 'email', phone: 'text', languages: ['de', 'ar', 'uk', 'xx'], gender: ['weiblich', 'maennlich', 'divers', ''],
  consentScope: ['keine', 'intern', 'veroeffentlichung'], consentDate: 'date', consentSource: 'text',
};
const interview: Record<string, Field> = {
  title: 'text', heldOn: 'date', municipalityId: 'id:municipalities', participants: 'text', actorIds: 'id:actors', themes: 'text', findings: 'text',
  conflictPotential: 'text', measureIds: 'id:measures',
};
const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const offer: Record<string, Field> = {
  title: 'text', description: 'text', category: ['sprachkurs', 'beratung', 'treff', 'arbeit'], providerIds: 'id:actors', fieldIds: 'id:fields',
  municipalityId: 'id:municipalities', street: 'text', postalCode: 'text', city: 'text', latitude: 'number', longitude: 'number',
  scheduleKind: ['termine', 'wiederkehrend', 'oeffnungszeiten', 'nach_vereinbarung'], dateLines: 'text', recurFrequency: ['weekly', 'biweekly', 'monthly', 'custom'],
  recurWeekdays: weekdays, recurMonthWeek: ['1', '2', '-1'], recurRule: 'text', recurFirstDate: 'date', recurUntil: 'date', recurStart: 'text', recurEnd: 'text',
  recurExceptions: 'text', hours_1_1_opens: 'text', hours_1_1_closes: 'text', hours_3_2_opens: 'text', hours_3_2_closes: 'text', temporarilyClosed: 'checkbox',
  reopensOn: 'date', languages: ['de', 'ar', 'uk', 'prs'], targetGroupIds: 'id:targetGroups', femaleContact: 'checkbox', maleContact: 'checkbox',
  childcare: 'checkbox', barrierFree: ['ja', 'nein', 'unbekannt'], free: 'checkbox', costNote: 'text', registrationRequired: 'checkbox', website: 'text',
  status: ['aktiv', 'pausiert', 'beendet'], verifiedOn: 'date', published: 'checkbox', measureIds: 'id:measures', internalNote: 'text',
};
const k = '/app/k/{slug}';
const paper: Record<string, Field> = {
  kind: ['beschlussvorlage', 'informationsvorlage', 'mitteilungsvorlage'], subject: 'text', paperDate: 'date', leadOffice: 'text', officeCode: 'text', clerk: 'text',
  fileReference: 'text', visibility: ['oeffentlich', 'nichtoeffentlich'], proposal: 'text', facts: 'text', financialEffects: ['ja', 'nein'], financialText: 'text',
  financialAmount: 'number', climateImpact: ['positiv', 'negativ', 'keine', 'nicht_einschaetzbar'], climateText: 'text', signature: 'text', editionId: 'id:editions',
};
/** An import's two steps: the upload (with mapped headings) and the confirmation with the file kept. */
const imports = (path: string, extra: Record<string, Field> = {}): Form[] => [
  { path: `${path}/import`, fields: { datei: 'file', spalte_0: 'text', spalte_3: 'text', ...extra } },
  { path: `${path}/import/bestaetigen`, fields: { inhalt: 'kept', dateiname: ['liste.csv', 'liste.xlsx', 'liste.txt', ''], anlegen: 'checkbox', viele_neu: 'checkbox', ...extra } },
];
const numberFormat: Record<string, Field> = { zahlenformat: ['de', 'en', 'xx'] };
const consultation: Record<string, Field> = { bodyId: 'id:councilBodies', meetsOn: 'date', role: ['vorberatung', 'entscheidung', 'kenntnisnahme', 'anhoerung'], agendaNumber: 'text' };

/** The sign-in form and the main write forms of Koordination (as the HTML pages post them). */
export const forms: Form[] = [
  { path: '/anmelden', fields: { email: 'email', password: 'text', weiter: 'text' }, who: 'anonymous' },
  { path: `${k}/fassungen/{editions}/massnahmen`, fields: measure },
  { path: `${k}/massnahmen/{measures}/bearbeiten`, fields: { ...measure, version: 'version' } },
  { path: `${k}/massnahmen/{measures}/status`, fields: { status: statuses, version: 'version' } },
  { path: `${k}/massnahmen/{measures}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/massnahmen/{measures}/verschieben`, fields: { richtung: ['hoch', 'runter'] } },
  { path: `${k}/massnahmen/{measures}/position`, fields: { position: 'number', reihenfolge: 'text' } },
  { path: `${k}/fassungen/{editions}/sortieren`, fields: { themenfeld: 'id:fields', reihenfolge: 'text' } },
  { path: `${k}/zielgruppen`, fields: { name: 'text', description: 'text' } },
  { path: `${k}/zielgruppen/{targetGroups}`, fields: { name: 'text', description: 'text', version: 'version' } },
  { path: `${k}/zielgruppen/{targetGroups}/zusammenfuehren`, fields: { into: 'id:targetGroups', version: 'version', intoVersion: 'version' } },
  { path: `${k}/zielgruppen/{targetGroups}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/massnahmen/{measures}/umsetzung`, fields: { reportedOn: 'date', status: statuses, progress: 'number', text: 'text', isPublic: 'checkbox', version: 'version' } },
  ...(['leitlinien', 'themenfelder', 'ziele'] as const).flatMap((kind): Form[] => [
    { path: `${k}/fassungen/{editions}/${kind}`, fields: item },
    { path: `${k}/${kind}/{${itemKind(kind)}}/bearbeiten`, fields: { ...item, version: 'version' } },
    { path: `${k}/${kind}/{${itemKind(kind)}}/loeschen`, fields: { version: 'version' } },
  ]),
  { path: `${k}/fassungen`, fields: { title: 'text', from: 'id:editions' } },
  { path: `${k}/fassungen/{editions}/bearbeiten`, fields: { title: 'text', introduction: 'text', version: 'version' } },
  { path: `${k}/akteure`, fields: { name: 'text', kind: ['verwaltung', 'schule', 'initiative', 'ehrenamt'], municipalityId: 'id:municipalities', address: 'text', website: 'text' } },
  { path: `${k}/akteure/{actors}`, fields: { name: 'text', kind: ['verwaltung', 'sonstige'], municipalityId: 'id:municipalities', address: 'text', website: 'text', version: 'version' } },
  { path: `${k}/akteure/{actors}/ansprechpersonen`, fields: contact },
  { path: `${k}/akteure/{actors}/ansprechpersonen/{contacts}`, fields: { ...contact, version: 'version' } },
  { path: `${k}/akteure/{actors}/ansprechpersonen/{contacts}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/gespraeche`, fields: interview },
  { path: `${k}/gespraeche/{interviews}/bearbeiten`, fields: { ...interview, version: 'version' } },
  { path: `${k}/gespraeche/{interviews}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/akteure/{actors}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/leichte-sprache/{editions}/field/{fields}/entfernen`, fields: { version: 'version' } },
  { path: `${k}/leichte-sprache/{editions}/edition/{editions}/entfernen`, fields: { version: 'version' } },
  { path: `${k}/angebote`, fields: offer },
  { path: `${k}/angebote/{offers}`, fields: { ...offer, version: 'version' } },
  { path: `${k}/angebote/{offers}/geprueft`, fields: { version: 'version' } },
  { path: `${k}/angebote/{offers}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/doppelstrukturen/kein-duplikat`, fields: { a: 'id:offers', b: 'id:offers', note: 'text' } },
  { path: `${k}/doppelstrukturen/kein-duplikat/aufheben`, fields: { a: 'id:offers', b: 'id:offers' } },
  { path: `${k}/doppelstrukturen/zusammenfuehren`, fields: { a: 'id:offers', b: 'id:offers', survivor: 'id:offers', versionA: 'version', versionB: 'version' } },
  { path: `${k}/luecken/einwohner/{municipalities}`, fields: { population: 'number', referenceDate: 'date', source: 'text' } },
  { path: `${k}/fassungen/{editions}/indikatoren`, fields: indicator },
  { path: `${k}/indikatoren/{indicators}/bearbeiten`, fields: { ...indicator, version: 'version' } },
  { path: `${k}/indikatoren/{indicators}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/indikatoren/{indicators}/werte`, fields: { measuredOn: 'date', value: 'number', note: 'text' } },
  { path: `${k}/indikatoren/{indicators}/werte/{values}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/einstellungen/erscheinungsbild`, fields: { brandColor: 'text', version: 'version' } },
  { path: `${k}/einstellungen/erscheinungsbild/logo-entfernen`, fields: { version: 'version' } },
  { path: `${k}/einladungen`, fields: { name: 'text', email: 'email', role: roles, actorId: 'id:actors' } },
  { path: `${k}/mitglieder/{users}/rolle`, fields: { role: roles, actorId: 'id:actors', version: 'version' } },
  { path: `${k}/mitglieder/{users}/entfernen`, fields: { version: 'version' } },
  { path: `${k}/mitglieder/{users}/passwort-link`, fields: {} },
  { path: `${k}/einstellungen/api-zugaenge`, fields: { name: 'text', role: roles, actorId: 'id:actors', scopes: ['progress', 'indicator_values'], expiresOn: 'date' } },
  { path: `${k}/einstellungen/pflichtseiten`, fields: { imprint: 'text', privacy: 'text', contactName: 'text', contactAddress: 'text', contactEmail: 'email', contactPhone: 'text', complianceStatus: ['full', 'partial', 'none'], knownLimits: 'text', statementDate: 'date', arbitrationUrl: 'text', version: 'version' } },
  { path: `${k}/partnerlinks/akteure/{actors}`, fields: { expiresOn: 'date', recipientContactId: 'id:contacts' } },
  { path: `/partner/${demoPartnerToken}/angebote/neu`, fields: { ...offer, submissionKey: 'text', message: 'text' }, who: 'anonymous' },
  { path: `/partner/${demoPartnerToken}/ansprechpersonen/neu`, fields: { ...contact, submissionKey: 'text', message: 'text' }, who: 'anonymous' },
  { path: '/k/{slug}/barrierefreiheit', fields: { name: 'text', email: 'email', message: 'text' }, who: 'anonymous' },
  { path: `${k}/einstellungen/fortschreibung`, fields: { updateIntervalMonths: 'number', version: 'version' } },
  { path: `${k}/uebersetzungen/speichern`, fields: { lang: ['en', 'ar', 'uk', 'xx'], key: 'text', text: 'text', sourceHash: 'text', version: 'version', zurueck: 'text' } },
  { path: `${k}/uebersetzungen/bestaetigen`, fields: { lang: ['en', 'ar', 'uk', 'xx'], key: 'text', version: 'version', zurueck: 'text' } },
  { path: `${k}/uebersetzungen/einstellung`, fields: { showOutdatedTranslations: 'checkbox', version: 'version' } },
  { path: `${k}/aufmerksamkeit/einstellungen`, fields: { silentAfterMonths: 'number', remindersEnabled: 'checkbox', version: 'version' } },
  { path: `${k}/vorlagen`, fields: { ...paper, number: 'text' } },
  { path: `${k}/vorlagen/{papers}/bearbeiten`, fields: { ...paper, version: 'version' } },
  { path: `${k}/vorlagen/{papers}/endgueltig`, fields: { version: 'version' } },
  { path: `${k}/vorlagen/{papers}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/vorlagen/{papers}/beratungen`, fields: consultation },
  { path: `${k}/beratungen/{consultations}/ergebnis`, fields: { result: ['beschlossen', 'geaendert_beschlossen', 'abgelehnt', 'vertagt', 'zur_kenntnis_genommen', 'zurueckgezogen'], unanimous: 'checkbox', votesYes: 'number', votesNo: 'number', votesAbstain: 'number', decisionText: 'text', acceptLoss: 'checkbox', version: 'version' } },
  { path: `${k}/beratungen/{consultations}/entfernen`, fields: { version: 'version' } },
  { path: `${k}/beratungen/{consultations}/verschieben`, fields: { richtung: ['hoch', 'runter'] } },
  { path: `${k}/beschlussauftraege/{followUps}/erledigt`, fields: { version: 'version' } },
  { path: `${k}/gremien`, fields: { name: 'text', shortName: 'text', kind: ['fachausschuss', 'hauptausschuss', 'vertretung'] } },
  { path: `${k}/gremien/{councilBodies}/bearbeiten`, fields: { name: 'text', shortName: 'text', kind: ['fachausschuss', 'hauptausschuss', 'vertretung'], version: 'version' } },
  { path: `${k}/gremien/{councilBodies}/loeschen`, fields: { version: 'version' } },
  { path: `${k}/einstellungen/vorlagen`, fields: { numberFormat: 'text', officeCode: 'text', leadOffice: 'text', inhabitants: 'number', inhabitantsAsOf: 'date', inhabitantsSource: 'text', foreignNationals: 'number', foreignNationalsAsOf: 'date', foreignNationalsSource: 'text', version: 'version' } },
  { path: `${k}/einstellungen/status`, fields: { version: 'version', impliedProgress_geplant: 'number', countsInRollup_geplant: 'checkbox', impliedProgress_umgesetzt: 'number' } },
  ...imports(`${k}/fassungen/{editions}`, numberFormat),
  ...imports(`${k}/fassungen/{editions}/sachstand`, numberFormat),
  { path: `${k}/fassungen/{editions}/indikatoren/import`, fields: { datei: 'file', ...numberFormat } },
  ...imports(`${k}/akteure`),
  ...imports(`${k}/akteure/ansprechpersonen`),
  ...imports(`${k}/angebote`),
  { path: `${k}/uebersetzungen/import`, fields: { datei: 'file' } },
];

/** Headings of ikon's own tables and some that are not; cells fitting or hostile. */
const headings = ['ID', 'Nr.', 'Titel', 'Name', 'Art', 'Status', 'Akteur', 'Ansprechperson', 'E-Mail', 'Telefon', 'Themenfeld', 'Ziele', 'Fortschritt (%)', 'Stand', 'Wert', 'Datum', 'Kategorie', 'Gemeinde', 'Beschreibung', 'Sprachen', 'Einwilligung', 'Unbekannt'];
const cell = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', '1.1.1', '1.99.1', '50', '150', '-3', '2026-13-45', '30.06.2025', 'in_umsetzung', 'Umgesetzt', 'ja', 'nein', 'a@b.de', '=HYPERLINK("http://x")', '"', ';', '\n') },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: hostileString },
);
const quoted = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** A CSV as an office program saves it (semicolons), with some of the headings ikon knows. */
const spreadsheetText = fc
  .tuple(fc.subarray(headings, { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 4 }))
  .map(([head, rows]) => [head.map(quoted).join(';'), ...rows.map((r) => r.map((v) => quoted(wellFormed(v))).join(';'))].join('\r\n'));
/** What arrives as a file: a CSV, text that is none, or the start of a zip (an .xlsx) cut short. */
const fileContent = fc.oneof({ weight: 6, arbitrary: spreadsheetText }, { weight: 1, arbitrary: hostileString.map(wellFormed) }, { weight: 1, arbitrary: fc.constant('PK\u0003\u0004\u0014\u0000\u0006\u0000') });
const fileName = fc.constantFrom('liste.csv', 'liste.xlsx', 'liste.xls', 'liste.xlf', 'liste', '../../liste.csv');

function itemKind(kind: 'leitlinien' | 'themenfelder' | 'ziele'): IdKind {
  return kind === 'leitlinien' ? 'guidelines' : kind === 'themenfelder' ? 'fields' : 'goals';
}

export function formRequests(known: Known): fc.Arbitrary<FuzzRequest> {
  const ids = (kind: IdKind) => (known[kind].length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known[kind]) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid());
  const fitting = (field: Field): fc.Arbitrary<string> => {
    if (Array.isArray(field)) return fc.constantFrom(...field);
    if (typeof field === 'string' && field.startsWith('id:')) return ids(field.slice(3) as IdKind);
    switch (field) {
      case 'email': return fc.constantFrom('koordination@musterland.example', 'neu@musterland.example', 'x@y.de');
      case 'date': return fc.constantFrom('2025-06-30', '30.06.2025', '2026-01-15');
      case 'number': return fc.oneof(fc.integer({ min: 0, max: 100 }).map(String), fc.constantFrom('0,5', '1.234,50'));
      case 'version': return fc.integer({ min: 1, max: 4 }).map(String);
      case 'checkbox': return fc.constantFrom('on', '');
      case 'file': return fileContent;
      case 'kept': return fileContent.map((text) => Buffer.from(text).toString('base64'));
      default: return fc.string({ minLength: 1, maxLength: 30 });
    }
  };
  /** One field as the form sends it: absent, once, or repeated; fitting or hostile. */
  const field = (name: string, spec: Field) =>
    fc
      .oneof(
        { weight: 8, arbitrary: fitting(spec).map((v) => [v]) },
        { weight: 4, arbitrary: hostileString.map((v) => [v]) },
        { weight: 1, arbitrary: fc.constant([] as string[]) },
        { weight: 1, arbitrary: fc.array(fc.oneof(fitting(spec), hostileString), { minLength: 2, maxLength: 3 }) },
      )
      .map((values) => values.map((v) => [name, wellFormed(v)] as [string, string]));

  return fc.oneof(
    ...forms.map((form) => {
      const params = [...form.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const path = fc
        .tuple(...params.map((p) => (p === 'slug' ? fc.oneof({ weight: 8, arbitrary: fc.constant('musterland') }, { weight: 1, arbitrary: hostileSegment }) : fc.oneof({ weight: 6, arbitrary: ids(kindOfName(p)!) }, { weight: 1, arbitrary: hostileSegment })).map((v) => [p, v] as const)))
        .map((pairs) => pairs.reduce((p, [name, v]) => p.replace(`{${name}}`, v), form.path));
      const fields = fc.tuple(...Object.entries(form.fields).map(([n, spec]) => field(n, spec))).map((all) => all.flat());
      // Upload fields are file parts in a multipart body (a form body can only send them as text).
      const fileFields = Object.entries(form.fields).filter(([, spec]) => spec === 'file').map(([n]) => n);
      const otherFields = fc.tuple(...Object.entries(form.fields).filter(([, spec]) => spec !== 'file').map(([n, spec]) => field(n, spec))).map((all) => all.flat());
      const files = fc.tuple(...fileFields.map((n) => fc.tuple(fc.constant(n), fileName, fileContent)));
      const body: fc.Arbitrary<FuzzBody> = fc.oneof(
        { weight: fileFields.length ? 2 : 10, arbitrary: fields.map((f): FuzzBody => ({ kind: 'form', fields: f })) },
        { weight: fileFields.length ? 10 : 2, arbitrary: fc.tuple(otherFields, files).map(([f, parts]): FuzzBody => ({ kind: 'multipart', fields: f, files: parts })) },
        { weight: 2, arbitrary: fc.tuple(fields, contentTypes).map(([f, contentType]): FuzzBody => ({ kind: 'raw', text: new URLSearchParams(f).toString(), contentType })) },
        { weight: 1, arbitrary: fc.tuple(hostileString, contentTypes).map(([text, contentType]): FuzzBody => ({ kind: 'raw', text, contentType })) },
      );
      return fc.record({ path, body, withoutCsrf: fc.boolean() }).map(
        ({ path, body, withoutCsrf }): FuzzRequest => ({
          route: `POST ${form.path}`,
          who: form.who ?? 'koordination',
          method: 'POST',
          path,
          body,
          // A missing token is refused before anything else runs; keep it rare to reach the commands.
          withoutCsrf: withoutCsrf && body.kind === 'raw',
        }),
      );
    }),
  );
}

/** Pages read with query strings and path segments from the generator (portal, search, lists). */
export function pageRequests(known: Known): fc.Arbitrary<FuzzRequest> {
  const pages = ['/k/{slug}', '/k/{slug}/konzept', '/k/{slug}/suche?q={q}', '/app/k/{slug}/suche?q={q}', '/app/k/{slug}/massnahmen/{id}', '/k/{slug}/massnahmen/{id}', '/app/k/{slug}/fassungen/{id}', '/anmelden?weiter={q}', '/app/k/{slug}/protokoll?seite={q}', '/k/{slug}/konzept?zielgruppe={q}&zeithorizont={q}&status={q}', '/app/k/{slug}/fassungen/{id}?zielgruppe={q}&status={q}&themenfeld={q}', '/k/{slug}/angebote?q={q}&gemeinde={q}&sprache={q}&wochentag={q}&zielgruppe={q}&kostenlos={q}', '/k/{slug}/angebote/{id}', '/k/{slug}/angebote/kalender.ics?kategorie={q}&wochentag={q}', '/app/k/{slug}/angebote?q={q}&status={q}&municipalityId={q}'];
  const someId = fc.constantFrom(...known.measures, ...known.editions);
  return fc
    .record({ page: fc.constantFrom(...pages), slug: fc.oneof(fc.constant('musterland'), hostileSegment), id: fc.oneof(someId, hostileSegment), q: hostileSegment, who: fc.constantFrom<Who>('koordination', 'anonymous') })
    .map(({ page, slug, id, q, who }): FuzzRequest => ({ route: `GET ${page}`, who, method: 'GET', path: page.replace('{slug}', slug).replace('{id}', id).replaceAll('{q}', q) }));
}
