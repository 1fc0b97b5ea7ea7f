import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb } from '../../../test/support/harness.js';

// Portal pages are cached for anonymous visitors (30 s, per path and query string). Tests that
// change data first add a query parameter of their own, so they always see a fresh render.
let unique = 0;
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_t=${Date.now()}-${++unique}`;

const countOf = (html: string, needle: string) => html.split(needle).length - 1;
/** "n von m Maßnahmen" on the German concept page. */
const filterCount = (html: string) => {
  const match = /(\d+) von (\d+) Maßnahmen/.exec(html);
  assert.ok(match, 'the page says "n von m Maßnahmen"');
  return { n: Number(match[1]), m: Number(match[2]) };
};

describeEachDb('public portal', (t) => {
  const adoptedEditionId = async () => {
    const [row] = await queryRows<{ id: string }>(
      t().db,
      sql`select e.id from editions e join tenants k on k.id = e.tenant_id where k.slug = 'musterland' and e.status = 'beschlossen'`,
    );
    return row!.id;
  };
  const draftEditionId = async () => {
    const [row] = await queryRows<{ id: string }>(
      t().db,
      sql`select e.id from editions e join tenants k on k.id = e.tenant_id where k.slug = 'musterland' and e.status = 'entwurf'`,
    );
    return row!.id;
  };

  test('start page names the Kommune, its kind, the demo note and links to concept and search', async () => {
    const res = await t().client().get('/k/musterland');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="de"/);
    assert.equal(countOf(html, '<h1'), 1);
    assert.match(html, /<h1[^>]*>Landkreis Musterland<\/h1>/);
    assert.ok(html.includes('Fiktive Demo-Kommune'));
    assert.ok(html.includes('href="/k/musterland/konzept"'));
    assert.ok(html.includes('action="/k/musterland/suche"'));
    assert.ok(html.includes('Integrationskonzept 2024'));
  });

  test('concept page shows the adopted edition, not the draft', async () => {
    const res = await t().client().get('/k/musterland/konzept');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.equal(countOf(html, '<h1'), 1);
    assert.match(html, /<h1[^>]*>Integrationskonzept 2024<\/h1>/);
    assert.ok(!html.includes('Fortschreibung)'), 'no trace of the draft edition');
    assert.ok(html.includes('Beschlossen am 16.12.2024'));
    assert.ok(html.includes('Leitlinien'));
    assert.ok(html.includes('Querschnittsthemen'));
    assert.ok(html.includes('<caption'), 'measure tables have captions');
    assert.ok(html.includes('scope="col"') && html.includes('scope="row"'));
    assert.ok(html.includes('href="/k/musterland/massnahmen/1.2.1"'));
    const { n, m } = filterCount(html);
    assert.equal(n, m);
    assert.ok(m > 100, `about 164 measures, got ${m}`);
    assert.ok(!html.includes('/abmelden'), 'no sign-out form on portal pages');
  });

  test('filtering by status narrows the list; invalid values are ignored', async () => {
    const client = t().client();
    const all = filterCount(await (await client.get('/k/musterland/konzept')).text());
    const res = await client.get('/k/musterland/konzept?status=umgesetzt');
    assert.equal(res.status, 200);
    const html = await res.text();
    const { n, m } = filterCount(html);
    assert.equal(m, all.m);
    assert.ok(n > 0 && n < m, `filtered ${n} of ${m}`);
    assert.ok(html.includes('Gefilterte Maßnahmen'));
    assert.ok(html.includes('Filter zurücksetzen'));
    assert.match(html, /<option value="umgesetzt" selected="">/);
    // Every row of the filtered table carries the chosen status.
    const results = html.slice(html.indexOf('id="ergebnis"'));
    assert.equal(countOf(results, 'href="/k/musterland/massnahmen/'), n);
    assert.equal(countOf(results, '>umgesetzt</span>'), n);

    const combined = filterCount(await (await client.get('/k/musterland/konzept?status=umgesetzt&zeithorizont=kurz')).text());
    assert.ok(combined.n <= n);

    const bogus = filterCount(await (await client.get('/k/musterland/konzept?status=gibtsnicht')).text());
    assert.equal(bogus.n, bogus.m, 'an unknown status is ignored, not "0 results"');
  });

  test('filter by Themenfeld, Zielgruppe and Federführung', async () => {
    const client = t().client();
    const html = await (await client.get('/k/musterland/konzept?themenfeld=1')).text();
    const { n, m } = filterCount(html);
    assert.ok(n > 0 && n < m);
    const results = html.slice(html.indexOf('id="ergebnis"'));
    assert.ok(results.includes('href="/k/musterland/massnahmen/1.2.1"'));
    assert.ok(!results.includes('href="/k/musterland/massnahmen/2.'), 'no measure of field 2');

    const group = filterCount(await (await client.get(`/k/musterland/konzept?zielgruppe=${encodeURIComponent('Frauen mit Kleinkindern')}`)).text());
    assert.ok(group.n > 0 && group.n < group.m);

    const leadId = /<select[^>]*name="federfuehrung"[^>]*>\s*<option value="">[^<]*<\/option>\s*<option value="([0-9a-f-]{36})"/.exec(html)?.[1];
    assert.ok(leadId, 'the lead filter offers actors');
    const lead = filterCount(await (await client.get(`/k/musterland/konzept?federfuehrung=${leadId}`)).text());
    assert.ok(lead.n > 0 && lead.n < lead.m);
  });

  test('measure page by number shows public fields and never the internal note', async () => {
    const editionId = await adoptedEditionId();
    await t().db.execute(sql`update measures set internal_note = 'GEHEIM: Streit im Lenkungskreis' where edition_id = ${editionId} and number = '1.2.2'`);
    for (const client of [t().client(), await t().signIn('koordination@musterland.example')]) {
      const res = await client.get(fresh('/k/musterland/massnahmen/1.2.2'));
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.equal(countOf(html, '<h1'), 1);
      assert.ok(html.includes('Sprachkurse für Eltern direkt in Kita und Grundschule'));
      assert.ok(!html.includes('GEHEIM'), 'internal note must not be published');
      assert.ok(!html.includes('Streit im Lenkungskreis'));
      assert.ok(!html.includes('/abmelden'), 'nothing about the signed-in visitor');
      assert.ok(html.includes('18.500'), 'costs formatted German');
      assert.ok(html.includes('0,3 VZÄ'));
      assert.ok(html.includes('01.09.2025') && html.includes('31.07.2027'));
      assert.ok(html.includes('Heidewald'), 'Gemeinden by name');
      assert.ok(html.includes('Geschlechtergleichstellung'), 'Querschnittsthema');
      assert.ok(html.includes('SDG 5 Geschlechtergleichheit'));
      assert.ok(html.includes('Handlungsziel 1.2'));
      assert.ok(html.includes('Kooperationspartner'));
      assert.ok(html.includes('in Umsetzung'));
    }
  });

  test('a measure without Gemeinden covers the whole county', async () => {
    const editionId = await adoptedEditionId();
    const [row] = await queryRows<{ number: string }>(
      t().db,
      sql`select m.number from measures m where m.edition_id = ${editionId}
          and not exists (select 1 from measure_municipalities mm where mm.measure_id = m.id) order by m.number limit 1`,
    );
    assert.ok(row);
    const html = await (await t().client().get(`/k/musterland/massnahmen/${row.number}`)).text();
    assert.ok(html.includes('ganzes Kreisgebiet'));
  });

  test('measures that exist only in the draft are 404; draft changes never show', async () => {
    const draftId = await draftEditionId();
    await t().db.execute(sql`
      insert into measures (tenant_id, edition_id, field_id, number, position, title, horizon)
      select f.tenant_id, f.edition_id, f.id, '9.9.9', 999, 'Nur im Entwurf', 'kurz'
      from fields f where f.edition_id = ${draftId} and not f.is_cross_cutting order by f.position limit 1`);
    await t().db.execute(sql`update measures set title = 'ENTWURFSTITEL Sprachkurs' where edition_id = ${draftId} and number = '1.2.1'`);
    const client = t().client();
    const draftOnly = await client.get(fresh('/k/musterland/massnahmen/9.9.9'));
    assert.equal(draftOnly.status, 404);
    assert.ok(!(await draftOnly.text()).includes('Nur im Entwurf'));
    const both = await (await client.get(fresh('/k/musterland/massnahmen/1.2.1'))).text();
    assert.ok(both.includes('Sprachkurs mit Kinderbetreuung im Familienzentrum Heidewald'));
    assert.ok(!both.includes('ENTWURFSTITEL'));
    const concept = await (await client.get(fresh('/k/musterland/konzept'))).text();
    assert.ok(!concept.includes('ENTWURFSTITEL') && !concept.includes('Nur im Entwurf'));
    const search = await (await client.get(fresh('/k/musterland/suche?q=ENTWURFSTITEL'))).text();
    assert.ok(!search.includes('ENTWURFSTITEL Sprachkurs'));
    assert.equal((await client.get('/k/musterland/massnahmen/0.0.0')).status, 404);
  });

  test('search finds "Sprachkurse" for "Sprachkurs" and tolerates the typo "Sprahkurs"', async () => {
    const client = t().client();
    const res = await client.get('/k/musterland/suche?q=Sprachkurs');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('type="search"'));
    assert.match(html, /<label[^>]*for="portal-q"/);
    assert.match(html, /\d+ Treffer für „Sprachkurs“/);
    assert.ok(html.includes('Sprachkurse für Eltern direkt in Kita und Grundschule'));
    assert.ok(html.includes('href="/k/musterland/massnahmen/1.2.2"'));

    const typo = await (await client.get('/k/musterland/suche?q=Sprahkurs')).text();
    assert.match(typo, /\d+ Treffer für „Sprahkurs“/);
    assert.ok(typo.includes('href="/k/musterland/massnahmen/'), 'the typo still finds measures');

    const goal = await (await client.get('/k/musterland/suche?q=Wartezeiten%20Integrationskurse')).text();
    assert.ok(goal.includes('href="/k/musterland/konzept#ziel-1-1"'), 'goals link to their place in the concept');

    const none = await (await client.get('/k/musterland/suche?q=Quantenchromodynamik')).text();
    assert.ok(none.includes('Keine Treffer für „Quantenchromodynamik“'));
    assert.ok(none.includes('Tipps für die Suche'));
  });

  test('every page in English with ?lang=en; content marked German; links keep lang=en', async () => {
    const client = t().client();
    const concept = await (await client.get('/k/musterland/konzept?lang=en')).text();
    assert.match(concept, /<html lang="en"/);
    assert.equal(countOf(concept, '<h1'), 1);
    assert.match(concept, /<h1[^>]*lang="de"[^>]*>Integrationskonzept 2024 <span class="portal-content-mark" lang="en" dir="ltr"><span aria-hidden="true">DE<\/span>/, 'German content with the visible hint');
    assert.ok(concept.includes('>Guidelines</h2>'));
    assert.ok(concept.includes('>Filter measures</h2>'));
    assert.ok(concept.includes('>Cross-cutting themes</h2>'));
    assert.ok(concept.includes('Adopted on 16/12/2024'));
    assert.ok(concept.includes('Fictional demo municipality'));
    assert.ok(concept.includes('href="/k/musterland/massnahmen/1.2.1?lang=en"'));
    assert.ok(concept.includes('<input type="hidden" name="lang" value="en"/>') || concept.includes('<input type="hidden" name="lang" value="en">'));
    assert.ok(concept.includes('href="/k/musterland/konzept" lang="de" dir="ltr" hreflang="de"'), 'switch back to German');
    assert.ok(!concept.includes('Beschlossen am'), 'UI chrome translated');
    assert.ok(concept.includes('>planned</span>') || concept.includes('>in progress</span>'));

    const filtered = await (await client.get('/k/musterland/konzept?status=umgesetzt&lang=en')).text();
    assert.match(filtered, /\d+ of \d+ measures/);
    assert.ok(filtered.includes('href="/k/musterland/konzept?lang=en"'), 'reset keeps the language');

    const measure = await (await client.get('/k/musterland/massnahmen/1.2.2?lang=en')).text();
    assert.match(measure, /<html lang="en"/);
    assert.ok(measure.includes('Measure 1.2.2'));
    assert.ok(measure.includes('>Responsibility</h2>'));
    assert.match(measure, /<h1[^>]*lang="de"[^>]*>Sprachkurse für Eltern/);
    assert.ok(measure.includes('€18,500'));

    const search = await (await client.get('/k/musterland/suche?q=Sprachkurs&lang=en')).text();
    assert.match(search, /<html lang="en"/);
    assert.match(search, /\d+ results for “Sprachkurs”/);
    assert.ok(search.includes('?lang=en'));

    const home = await (await client.get('/k/musterland?lang=en')).text();
    assert.ok(home.includes('Read the integration concept'));
    assert.ok(home.includes('href="/k/musterland/konzept?lang=en"'));
  });

  test('Arabic and Ukrainian: lang and dir, German content marked, the switch keeps page and filters, hreflang alternates exist', async () => {
    const client = t().client();
    const ar = await (await client.get('/k/musterland/konzept?status=umgesetzt&lang=ar')).text();
    assert.match(ar, /<html lang="ar" dir="rtl"/);
    assert.ok(ar.includes('href="/assets/rtl.css"'), 'the right-to-left stylesheet');
    assert.match(ar, /<h1[^>]*lang="de" dir="ltr"[^>]*>Integrationskonzept 2024 <span class="portal-content-mark" lang="ar" dir="rtl">/);
    assert.equal(countOf(ar, 'portal-content-note'), 1, 'says once that the content is German only');
    assert.ok(ar.includes('باللغة الألمانية فقط'));
    assert.ok(ar.includes('>تصفية الإجراءات</h2>'), 'interface in Arabic');
    assert.ok(ar.includes('href="/k/musterland/konzept?status=umgesetzt&amp;lang=uk" lang="uk" dir="ltr" hreflang="uk"'), 'switch keeps the filter');
    assert.ok(ar.includes('href="/k/musterland/konzept?status=umgesetzt" lang="de" dir="ltr" hreflang="de"'), 'German without lang');
    const alternates = [...ar.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!.replaceAll('&amp;', '&')] as const);
    assert.deepEqual(alternates.map(([l]) => l), ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa', 'x-default']);
    for (const [lang, href] of alternates) {
      const u = new URL(href);
      const res = await client.get(`${u.pathname}${u.search}`);
      assert.equal(res.status, 200, href);
      assert.match(await res.text(), new RegExp(`<html lang="${lang === 'x-default' ? 'de' : lang}"`));
    }

    // The page cache keys on the language: the same page in Ukrainian right after the Arabic one.
    const uk = await (await client.get('/k/musterland/konzept?status=umgesetzt&lang=uk')).text();
    assert.match(uk, /<html lang="uk" dir="ltr"/);
    assert.ok(!uk.includes('rtl.css'));
    assert.ok(uk.includes('>Фільтр заходів</h2>'));
    assert.match(uk, /<h1[^>]*lang="de" dir="ltr"[^>]*>Integrationskonzept 2024 <span class="portal-content-mark" lang="uk" dir="ltr">/);

    // German pages carry no lang/dir marks on content and no note.
    const de = await (await client.get('/k/musterland/konzept')).text();
    assert.match(de, /<html lang="de" dir="ltr"/);
    assert.equal(countOf(de, 'portal-content-note'), 0);
    assert.match(de, /<h1 class="kern-heading-x-large">Integrationskonzept 2024<\/h1>/);

    // Dates and numbers per locale with Intl's default digits: Persian digits in Persian (Gregorian
    // dates), Western digits in Arabic (CLDR's default for 'ar').
    const fa = await (await client.get('/k/musterland/konzept?lang=fa')).text();
    assert.match(fa, /<html lang="fa" dir="rtl"/);
    assert.ok(!fa.includes('۱۴۰۳') && fa.includes('۲۰۲۴/۱۲/۱۶'), 'Gregorian date, Persian digits');
    const faProgress = await (await client.get('/k/musterland/umsetzung?lang=fa')).text();
    assert.match(faProgress, /[۰-۹]+٪/, 'percentages as Persian writes them');
    assert.doesNotMatch(faProgress, /\d+\u00a0%/, 'no German percentage on the Persian page');
    const arProgress = await (await client.get('/k/musterland/umsetzung?lang=ar')).text();
    const arPercent = new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 0 }).format(0.5).replace('50', '(\\d+)');
    assert.match(arProgress, new RegExp(arPercent), 'percentages in Intl\'s Arabic format');
    const deProgress = await (await client.get('/k/musterland/umsetzung')).text();
    assert.match(deProgress, /\d+\u00a0%/, 'German: "47 %"');
  });

  test('unknown slugs are the app 404 page', async () => {
    const client = t().client();
    for (const path of ['/k/gibt-es-nicht', '/k/gibt-es-nicht/konzept', '/k/gibt-es-nicht/massnahmen/1.1.1', '/k/gibt-es-nicht/suche?q=x']) {
      const res = await client.get(path);
      assert.equal(res.status, 404, path);
      assert.ok((await res.text()).includes('Seite nicht gefunden'));
    }
  });

  test('a Kommune without an adopted edition gets a friendly page', async () => {
    const client = t().client();
    const res = await client.get('/k/heidewald/konzept');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Noch kein Integrationskonzept veröffentlicht'));
    assert.equal(countOf(html, '<h1'), 1);
    assert.equal((await client.get('/k/heidewald')).status, 200);
    assert.equal((await client.get('/k/heidewald/suche?q=Sprache')).status, 200);
    assert.equal((await client.get('/k/heidewald/massnahmen/1.2.1')).status, 404);
  });

  test('anonymous pages are cached briefly; signed-in visitors see every committed change at once', async () => {
    const editionId = await adoptedEditionId();
    const path = fresh('/k/musterland/massnahmen/1.3.1');
    const anonymous = t().client();
    const before = await (await anonymous.get(path)).text();
    const [row] = await queryRows<{ title: string }>(t().db, sql`select title from measures where edition_id = ${editionId} and number = '1.3.1'`);
    assert.ok(before.includes(row!.title));
    await t().db.execute(sql`update measures set title = 'Neu betitelte Maßnahme' where edition_id = ${editionId} and number = '1.3.1'`);
    await noteChangeWithoutNotify(t().db, { slug: 'musterland' });
    const again = await (await anonymous.get(path)).text();
    assert.equal(again, before, 'served from the cache');
    const editor = await t().signIn('koordination@musterland.example');
    const live = await (await editor.get(path)).text();
    assert.ok(live.includes('Neu betitelte Maßnahme'), 'the signed-in visitor sees the committed change');
    assert.ok(!live.includes('koordination@musterland.example'));
  });

  test('signed-in visitors get the kept page while nothing in the Kommune changed (one query to check)', async () => {
    enableQueryStats();
    const path = fresh('/k/musterland/konzept');
    const editor = await t().signIn('koordination@musterland.example');
    const first = await withQueryStats(async () => (await editor.get(path)).text());
    const second = await withQueryStats(async () => (await editor.get(path)).text());
    assert.equal(second.result, first.result, 'the same page');
    assert.ok(first.stats.count >= 8, `the first request renders (${first.stats.count} queries)`);
    assert.ok(second.stats.count <= first.stats.count - 6, `the second only checks (${second.stats.count} queries, the render took ${first.stats.count})`);
    // PostgreSQL: the session query brings the Kommune's changes along, so the check needs no query of its own (one before
    // session 14). PGlite: this process is its only writer and noted every write itself, so the check needs no query, nor does the
    // session while nothing was written (a third visit: the first render of a process prunes old change rows, a write).
    const third = await withQueryStats(async () => (await editor.get(path)).text());
    assert.equal(third.result, first.result, 'the same page again');
    assert.equal(third.stats.count, t().kind === 'pglite' ? 0 : 1, 'on PostgreSQL the session with the changes, on PGlite nothing');
    const other = t().client();
    assert.equal(await (await other.get(path)).text(), first.result, 'an anonymous visitor gets the page kept for the signed-in one');
  });

  test('a transaction that began before a kept page and committed after it is noticed (whatever the commit order)', async () => {
    if (t().kind !== 'postgres') return; // PGlite has one connection: no transaction runs beside a render
    const editionId = await adoptedEditionId();
    const path = fresh('/k/musterland/massnahmen/1.4.1');
    const editor = await t().signIn('koordination@musterland.example');
    let release!: () => void;
    let began!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (began = r));
    const long = t().db.transaction(async (tx) => {
      await tx.execute(sql`update measures set title = 'Spät bestätigter Titel' where edition_id = ${editionId} and number = '1.4.1'`);
      await noteChangeWithoutNotify(tx, { slug: 'musterland' });
      began();
      await held;
    });
    await running;
    const during = await (await editor.get(path)).text();
    assert.ok(!during.includes('Spät bestätigter Titel'), 'not committed yet: the old title, and this page is kept');
    await (await editor.get(path)).text();
    release();
    await long;
    const after = await (await editor.get(path)).text();
    assert.ok(after.includes('Spät bestätigter Titel'), 'committed after the kept page was rendered: rendered anew');
  });
});
