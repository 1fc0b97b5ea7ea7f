import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describeEachDb } from '../../../test/support/harness.js';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actorContacts, actors } from '../actors/schema.js';
import { offers } from './schema.js';
import { sourceHash } from '../../platform/translations/source-hash.js';

const jsonLdOf = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);

describeEachDb('Öffentliches Angebotsverzeichnis', (t) => {
  const createCafe = async (extra: Record<string, string | string[]> = {}) => {
    const [heidewald] = await t().db.select().from(tenants).where(eq(tenants.slug, 'heidewald'));
    const [actor] = await t().db.select().from(actors).where(eq(actors.name, 'Internationaler Frauentreff Heidewald e. V.'));
    const c = await t().signIn('koordination@musterland.example');
    const title = extra.title as string;
    const res = await c.post('/app/k/musterland/angebote', {
      title, description: 'Austausch bei Tee <b>und</b> Kuchen.', category: 'treff', providerIds: [actor!.id], municipalityId: heidewald!.id,
      street: 'Lindenstraße 4', postalCode: '29913', city: 'Heidewald', scheduleKind: 'wiederkehrend', recurFrequency: 'weekly', recurWeekdays: ['TU'],
      recurFirstDate: '2026-01-06', recurStart: '15:00', recurEnd: '17:00', recurExceptions: '', languages: ['de', 'ar'], femaleContact: 'on', childcare: 'on',
      barrierFree: 'ja', free: 'on', status: 'aktiv', published: 'on', internalNote: 'NUR-INTERN-NOTIZ', similarSeen: '1', ...extra,
    });
    assert.equal(res.status, 303, 'created');
    const [row] = await t().db.select().from(offers).where(eq(offers.title, title));
    return row!;
  };

  test('Detailseite: Ansprechpersonen nur mit Einwilligung zur Veröffentlichung; Karten im Verzeichnis als KERN-Karten', async () => {
    const cafe = await createCafe({ title: 'Frauencafé mit Ansprechpersonen' });
    const [actor] = await t().db.select().from(actors).where(eq(actors.name, 'Internationaler Frauentreff Heidewald e. V.'));
    await t().db.insert(actorContacts).values([
      { tenantId: cafe.tenantId, actorId: actor!.id, name: 'Öffentliche Ola', role: 'Leitung', email: 'ola@example.org', phone: '05141 123', languages: ['ar'], consentScope: 'veroeffentlichung', consentDate: '2026-01-10', consentSource: 'Formular' },
      { tenantId: cafe.tenantId, actorId: actor!.id, name: 'Interne Ida', email: 'ida@example.org', consentScope: 'intern', consentDate: '2026-01-10', consentSource: 'E-Mail' },
      { tenantId: cafe.tenantId, actorId: actor!.id, name: 'Namenlose Nora', email: 'nora@example.org' },
    ]);
    const html = await (await t().client().get(`/k/musterland/angebote/${cafe.id}?lang=en`)).text();
    assert.match(html, /Contact persons/);
    assert.match(html, /Öffentliche Ola/);
    assert.match(html, /href="mailto:ola@example.org"/);
    for (const hidden of ['Interne Ida', 'ida@example.org', 'Namenlose Nora', 'nora@example.org']) assert.ok(!html.includes(hidden), `${hidden} must not be public`);
    const list = await (await t().client().get('/k/musterland/angebote?q=Ansprechpersonen')).text();
    assert.match(list, /<article class="kern-card kern-card--hug offer-card">/);
    assert.ok(!list.includes('Interne Ida'));
  });

  test('Verzeichnis mit Filtern zeigt nur veröffentlichte Angebote, ohne interne Notiz, in allen Sprachen', async () => {
    const cafe = await createCafe({ title: 'Frauencafé Dienstag (öffentlich)' });
    await createCafe({ title: 'Unveröffentlichtes Frauencafé', published: '' });
    const anon = t().client();
    const list = await anon.get('/k/musterland/angebote?gemeinde=heidewald&wochentag=2&frau=1&kinderbetreuung=1&sprache=ar');
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, /Frauencafé Dienstag \(öffentlich\)/);
    assert.doesNotMatch(html, /Unveröffentlichtes Frauencafé/, 'unpublished offers stay internal');
    assert.doesNotMatch(html, /NUR-INTERN-NOTIZ/);
    assert.match(html, /jeden Dienstag, 15:00–17:00/);
    const wednesday = await (await anon.get('/k/musterland/angebote?gemeinde=heidewald&wochentag=3&q=Frauencaf%C3%A9%20Dienstag')).text();
    assert.doesNotMatch(wednesday, /Frauencafé Dienstag \(öffentlich\)/, 'the weekday filter');
    const arabic = await (await anon.get('/k/musterland/angebote?lang=ar&gemeinde=heidewald')).text();
    assert.match(arabic, /عروض للقادمين الجدد/);
    assert.match(arabic, /الثلاثاء/, 'Tuesday in Arabic from CLDR');
    assert.equal((await anon.get('/k/musterland/angebote?wochentag=%3Cscript%3E&sprache=xx&gemeinde=../../')).status, 200, 'nonsense filters are ignored, not errors');

    const detail = await anon.get(`/k/musterland/angebote/${cafe.id}`);
    assert.equal(detail.status, 200);
    const page = await detail.text();
    assert.doesNotMatch(page, /NUR-INTERN-NOTIZ/);
    assert.doesNotMatch(page, /<b>und<\/b>/, 'user text is escaped');
    const ld = jsonLdOf(page);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'Event');
    assert.equal(ld.location['@type'], 'Place');
    assert.equal(ld.location.address.postalCode, '29913');
    assert.equal(ld.organizer[0]['@type'], 'Organization');
    assert.deepEqual(ld.inLanguage, ['de', 'ar']);
    assert.match(ld.startDate, /T1[34]:00:00\.000Z$/, 'next Tuesday 15:00 in Berlin');
    const [unpublished] = await t().db.select().from(offers).where(eq(offers.title, 'Unveröffentlichtes Frauencafé'));
    assert.equal((await anon.get(`/k/musterland/angebote/${unpublished!.id}`)).status, 404);
  });

  test('Filter mit Steuerzeichen (NUL) finden nichts, statt mit 500 zu scheitern: Verzeichnis und Kalender', async () => {
    const anon = t().client();
    for (const path of ['/k/musterland/angebote', '/k/musterland/angebote/kalender.ics']) {
      for (const name of ['q', 'gemeinde', 'sprache', 'zielgruppe', 'wochentag', 'kategorie']) {
        const res = await anon.get(`${path}?${name}=Sprach%00kurs`);
        assert.equal(res.status, 200, `${path}?${name}= with NUL`);
        const body = await res.text();
        if (path.endsWith('.ics')) assert.doesNotMatch(body, /BEGIN:VEVENT/, `${name}: no event matches`);
        else assert.doesNotMatch(body, /class="kern-card/, `${name}: no offer matches`);
      }
    }
  });

  test('iCalendar je Angebot und für eine gefilterte Liste, gelesen mit ical.js: Zeiten über die Zeitumstellung richtig', async () => {
    const cafe = await createCafe({ title: 'Kalendercafé', recurFirstDate: '2026-01-06', recurExceptions: '' });
    const anon = t().client();
    const res = await anon.get(`/k/musterland/angebote/${cafe.id}/kalender.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    assert.ok(events.length >= 50, `a year of Tuesdays (${events.length})`);
    for (const e of events) {
      const start = e.startDate.toJSDate();
      const local = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(start);
      assert.equal(local, 'Dienstag, 15:00', `every event is Tuesday 15:00 in Berlin (${start.toISOString()})`);
      assert.equal(e.endDate.toJSDate().getTime() - start.getTime(), 2 * 3600_000, 'two hours long');
      assert.equal(e.summary, 'Kalendercafé');
    }
    const list = await anon.get('/k/musterland/angebote/kalender.ics?gemeinde=heidewald&kategorie=treff');
    const listEvents = new ICAL.Component(ICAL.parse(await list.text())).getAllSubcomponents('vevent');
    assert.ok(listEvents.length > 0, 'the filtered list has events');
    assert.ok(listEvents.every((v) => String(v.getFirstPropertyValue('location') ?? '').includes('Heidewald')), 'every event of the Heidewald list is in Heidewald');
  });
  test('der Kalender wird je Änderung, Tag und Filter einmal gebaut (issue 9.2): dieselben Bytes mit demselben DTSTAMP, eine Änderung sofort darin', async () => {
    enableQueryStats();
    const anon = t().client();
    const path = '/k/musterland/angebote/kalender.ics?kategorie=treff';
    // The change notes of earlier tests' writes may still arrive during a first render, which is then not kept: a second one is.
    assert.equal((await anon.get(path)).status, 200);
    const first = await anon.get(path);
    assert.equal(first.status, 200);
    const body = await first.text();
    assert.match(body, /^DTSTAMP:\d{8}T\d{6}Z\r$/m, 'every event has its DTSTAMP');
    // The language and parameters the calendar does not read share the kept calendar.
    const again = await withQueryStats(async () => (await anon.get(`${path}&lang=en&x=1`)).text());
    assert.equal(again.result, body, 'the same bytes, DTSTAMP included (the time the kept calendar was built)');
    assert.equal(again.stats.count, 0, `an anonymous visitor gets the kept calendar without a query (${again.stats.count})`);
    const editor = await t().signIn('koordination@musterland.example');
    const signedIn = await withQueryStats(async () => (await editor.get(path)).text());
    assert.equal(signedIn.result, body, 'a signed-in visitor gets the same kept calendar');
    assert.ok(signedIn.stats.count <= 2, `signed in: the session and the check whether the Kommune changed, no render (${signedIn.stats.count} queries)`);
    const cafe = await createCafe({ title: 'Frauencafé im gehaltenen Kalender' });
    const after = await (await editor.get(path)).text();
    assert.match(after, /SUMMARY:Frauencafé im gehaltenen Kalender/, 'the new offer is in the calendar at once');
    assert.ok(after.includes(`UID:${cafe.id}-`), 'with its events');
    const events = new ICAL.Component(ICAL.parse(after)).getAllSubcomponents('vevent');
    assert.ok(events.length > 10, `ical.js reads the calendar (${events.length} events)`);
  });
  test('offers are translatable: the Arabic directory shows a translated title in Arabic, the others German with the DE mark', async () => {
    const cafe = await createCafe({ title: 'Frauencafé zum Übersetzen' });
    const other = await createCafe({ title: 'Frauencafé ohne Übersetzung' });
    const c = await t().signIn('koordination@musterland.example');
    const overview = await (await c.get('/app/k/musterland/uebersetzungen?sprache=ar&art=offer')).text();
    assert.match(overview, /<option value="offer" selected/, 'the overview has offers as a kind');
    for (const [field, text] of [['title', 'مقهى النساء للترجمة'], ['description', 'تبادل الحديث مع الشاي والكعك.']] as const) {
      const saved = await c.post('/app/k/musterland/uebersetzungen/speichern', { lang: 'ar', key: `offer:${cafe.id}:${field}`, text, sourceHash: sourceHash(field === 'title' ? cafe.title : cafe.description), version: '0' });
      assert.equal(saved.status, 303, await saved.text());
    }
    const html = await (await t().client().get(`/k/musterland/angebote?lang=ar&q=Frauencaf%C3%A9&_t=${Date.now()}`)).text();
    assert.match(html, new RegExp(`<a class="kern-link" href="/k/musterland/angebote/${cafe.id}\\?lang=ar" lang="ar" dir="rtl">مقهى النساء للترجمة</a>`), 'translated title in Arabic');
    assert.match(html, new RegExp(`<a class="kern-link" href="/k/musterland/angebote/${other.id}\\?lang=ar" lang="de" dir="ltr">Frauencafé ohne Übersetzung</a> <span class="portal-content-mark"`), 'the untranslated title German, marked');
    const detail = await (await t().client().get(`/k/musterland/angebote/${cafe.id}?lang=ar&_t=${Date.now()}`)).text();
    assert.match(detail, /<h1 class="kern-heading-x-large" lang="ar" dir="rtl">مقهى النساء للترجمة<\/h1>/);
    assert.match(detail, /<p class="kern-body portal-text" lang="ar" dir="rtl">تبادل الحديث مع الشاي والكعك\.<\/p>/);
  });

  test('das Verzeichnis baut Datums-, Wochentags-, Listen- und Sprachformate nicht je Angebot neu (issue 9)', async () => {
    const signedIn = await t().signIn('koordination@musterland.example');
    // A query the page ignores makes each render fresh (a signed-in visitor may get a kept page otherwise).
    const render = async (n: number) => {
      const res = await signedIn.get(`/k/musterland/angebote?_t=${n}`);
      assert.equal(res.status, 200);
      return (await res.text()).replaceAll(`_t=${n}`, '_t=');
    };
    const first = await render(1);
    // Count what the second (fresh: signed in) render constructs; every Intl object is still real.
    const made: string[] = [];
    const originals = { DateTimeFormat: Intl.DateTimeFormat, ListFormat: Intl.ListFormat, DisplayNames: Intl.DisplayNames };
    const toLocaleDateString = Date.prototype.toLocaleDateString;
    for (const [name, ctor] of Object.entries(originals)) {
      (Intl as any)[name] = new Proxy(ctor, { construct: (target, args) => (made.push(name), Reflect.construct(target, args)) });
    }
    Date.prototype.toLocaleDateString = function (...args: Parameters<Date['toLocaleDateString']>) {
      made.push('toLocaleDateString');
      return toLocaleDateString.apply(this, args);
    };
    let second: string;
    try {
      second = await render(2);
    } finally {
      Object.assign(Intl, originals);
      Date.prototype.toLocaleDateString = toLocaleDateString;
    }
    assert.equal(second, first, 'the same page');
    assert.ok((first.match(/class="kern-card/g) ?? []).length > 20, 'many offers listed');
    assert.deepEqual(made, [], 'no formatter made per offer or date');
  });
});
