import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { sourceHash } from '../../platform/translations/source-hash.js';
import { describeEachDb } from '../../../test/support/harness.js';

const app = '/app/k/musterland';
let unique = 0;
/** Public pages are cached per URL: a parameter of its own makes a fresh render. */
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_t=${Date.now()}-${++unique}`;

/** The element of a measure's row on the concept page: its title cell. */
const titleCell = (html: string, number: string) => {
  const row = new RegExp(`<th class="kern-table__header portal-nr" scope="row">${number.replace(/\./g, '\\.')}</th>\\s*<td class="kern-table__cell"([^>]*)>\\s*<a[^>]*>([^<]*)</a>([\\s\\S]*?)</td>`).exec(html);
  assert.ok(row, `the concept page has a row for ${number}`);
  return { attrs: row[1]!, title: row[2]!, after: row[3]! };
};

describeEachDb('content translations', (t) => {
  const measureId = async (number: string) => {
    const [row] = await queryRows<{ id: string }>(
      t().db,
      sql`select m.id from measures m join editions e on e.tenant_id = m.tenant_id and e.id = m.edition_id and e.status = 'beschlossen' join tenants k on k.id = m.tenant_id where k.slug = 'musterland' and m.number = ${number}`,
    );
    return row!.id;
  };

  test('the public concept page in Arabic: translated measures in Arabic (lang="ar"), untranslated ones German (lang="de", marked DE)', async () => {
    const html = await (await t().client().get(fresh('/k/musterland/konzept?lang=ar'))).text();
    assert.match(html, /<html lang="ar" dir="rtl"/);
    const translated = titleCell(html, '1.1.1');
    assert.match(translated.attrs, /lang="ar"/, 'the translated title carries lang="ar"');
    assert.equal(translated.title, 'مكتب مشترك للتسجيل والتوجيه في دورات الاندماج');
    assert.doesNotMatch(translated.after, /portal-content-mark/, 'no mark next to a current translation');
    const german = titleCell(html, '1.1.3');
    assert.match(german.attrs, /lang="de" dir="ltr"/, 'the untranslated title is marked German');
    assert.match(german.after, /<span class="portal-content-mark" lang="ar" dir="rtl"><span aria-hidden="true">DE<\/span>/, 'with the visible hint');
    const outdated = titleCell(html, '1.1.2');
    assert.equal(outdated.title, 'اجتماع الجهات المقدِّمة لتخطيط دورات الاندماج', 'the outdated translation is shown (the Kommune allows it)');
    assert.match(outdated.after, /portal-content-mark--outdated/, 'with the notice');
    assert.match(html, /<h3 class="kern-heading-medium" id="themenfeld-1-h" lang="ar" dir="rtl">المشاركة من خلال اللغة<\/h3>/, 'the Themenfeld heading is translated');
    assert.match(html, /الترجمة لم تعد محدّثة/, 'the notice speaks Arabic');
  });

  test('the Arabic search results and start page: translated titles and Themenfeld in Arabic, the rest German with the DE mark', async () => {
    const html = await (await t().client().get(fresh('/k/musterland/suche?lang=ar&q=Integrationskurse'))).text();
    assert.match(html, /<h3 class="kern-heading-medium portal-result__title" lang="ar" dir="rtl"><a class="kern-link" href="[^"]+">مكتب مشترك للتسجيل والتوجيه في دورات الاندماج<\/a><\/h3>/, 'the translated measure title');
    assert.match(html, /<span lang="ar" dir="rtl">المشاركة من خلال اللغة<\/span>/, 'its Themenfeld translated');
    assert.match(html, /portal-result__title" lang="de" dir="ltr"><a[^>]*>[^<]+<\/a> <span class="portal-content-mark" lang="ar" dir="rtl">/, 'an untranslated hit German, marked');
    const home = await (await t().client().get(fresh('/k/musterland?lang=ar'))).text();
    assert.match(home, /<cite lang="de" dir="ltr">Integrationskonzept 2024<\/cite> <span class="portal-content-mark" lang="ar" dir="rtl">/, 'the untranslated edition title marked German');
  });

  test('German pages stay as they were: no marks, no translations', async () => {
    const html = await (await t().client().get(fresh('/k/musterland/konzept'))).text();
    assert.doesNotMatch(html, /portal-content-mark/);
    assert.equal(titleCell(html, '1.1.1').title, 'Gemeinsame Anmelde- und Clearingstelle für Integrationskurse');
  });

  test('the overview counts fehlt / veraltet / aktuell per language', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`${app}/uebersetzungen?sprache=uk`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const total = (state: string) => Number(new RegExp(`data-state="${state}">(?:<a[^>]*>)?(\\d+)`).exec(html)?.[1]);
    assert.equal(total('current'), 4, 'four current demo translations');
    assert.equal(total('outdated'), 1, 'one outdated');
    assert.ok(total('missing') > 300, `the rest is missing (${total('missing')})`);
    const tr = await (await c.get(`${app}/uebersetzungen?sprache=tr`)).text();
    assert.match(tr, /data-state="current">0</, 'nothing is translated into Turkish');
    assert.equal((await (await t().signIn('redaktion@musterland.example')).get(`${app}/uebersetzungen`)).status, 403, 'the Koordination only');
  });

  /** The overview's form of a text (its hidden fields), found by its key. */
  const unitForm = (html: string, key: string) => {
    const at = html.indexOf(`data-key="${key}"`);
    assert.ok(at >= 0, `the overview lists ${key}`);
    const block = html.slice(at, html.indexOf('</li>', at));
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(block)?.[1] ?? '';
    return { block, state: /data-state="(\w+)"/.exec(html.slice(at - 5, at + 200))?.[1], sourceHash: field('sourceHash'), version: field('version'), back: field('zurueck').replaceAll('&amp;', '&') };
  };
  const tenantId = async () => (await queryRows<{ id: string }>(t().db, sql`select id from tenants where slug = 'musterland'`))[0]!.id;

  test('a translation becomes veraltet when the German text changes; the Kommune chooses what the public sees; a minor change keeps it current', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const key = `legal_pages:${await tenantId()}:imprint`;
    const overview = `${app}/uebersetzungen?sprache=en&art=legal_pages`;
    let form = unitForm(await (await c.get(overview)).text(), key);
    assert.equal(form.state, 'missing');
    const empty = await c.post(`${app}/uebersetzungen/speichern`, { lang: 'en', key, text: '  ', sourceHash: form.sourceHash, version: form.version, zurueck: form.back });
    assert.equal(empty.status, 422, 'an empty translation is refused');
    assert.match(await empty.text(), /Bitte ausfüllen|erforderlich|Pflichtfeld|ausfüllen/i);
    const saved = await c.post(`${app}/uebersetzungen/speichern`, { lang: 'en', key, text: 'Imprint of the district', sourceHash: form.sourceHash, version: form.version, zurueck: form.back });
    assert.equal(saved.status, 303, 'saved');
    const again = await c.post(`${app}/uebersetzungen/speichern`, { lang: 'en', key, text: 'Imprint, second try', sourceHash: form.sourceHash, version: form.version, zurueck: form.back });
    assert.equal(again.status, 409, 'a save based on an old version is refused');
    form = unitForm(await (await c.get(overview)).text(), key);
    assert.equal(form.state, 'current');
    assert.match(await (await c.get('/k/musterland/impressum?lang=en')).text(), /<p class="kern-body portal-text" lang="en" dir="ltr">Imprint of the district<\/p>/);

    // The German text changes through the Pflichtseiten form.
    const settings = await (await c.get(`${app}/einstellungen/pflichtseiten`)).text();
    const value = (name: string) => {
      const input = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(settings)?.[1];
      const area = new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`).exec(settings)?.[1];
      return (input ?? area ?? '').replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    };
    const fields = ['imprint', 'privacy', 'contactName', 'contactAddress', 'contactEmail', 'contactPhone', 'knownLimits', 'statementDate', 'arbitrationUrl', 'version'];
    const values: Record<string, string> = Object.fromEntries(fields.map((f) => [f, value(f)]));
    values.complianceStatus = /name="complianceStatus" value="(\w+)"[^>]*checked/.exec(settings)?.[1] ?? 'partial';
    values.imprint = `${values.imprint}\n\nNeuer Absatz zur Haftung.`;
    assert.equal((await c.post(`${app}/einstellungen/pflichtseiten`, values)).status, 303, 'the German imprint changed');
    form = unitForm(await (await c.get(overview)).text(), key);
    assert.equal(form.state, 'outdated', 'the translation is veraltet now');
    const outdated = await (await c.get('/k/musterland/impressum?lang=en')).text();
    assert.match(outdated, /Imprint of the district <span class="portal-content-mark portal-content-mark--outdated">translation out of date<\/span>/, 'shown with the notice');

    // The Kommune prefers the German text over outdated translations.
    const overviewHtml = await (await c.get(overview)).text();
    const tenantVersion = /name="version" value="(\d+)"\/?><div class="kern-form-check">/.exec(overviewHtml)?.[1];
    assert.ok(tenantVersion, 'the setting form carries the Kommune version');
    assert.equal((await c.post(`${app}/uebersetzungen/einstellung?sprache=en`, { version: tenantVersion })).status, 303);
    const german = await (await c.get('/k/musterland/impressum?lang=en')).text();
    assert.doesNotMatch(german, /Imprint of the district/, 'no outdated translation');
    assert.match(german, /Neuer Absatz zur Haftung\. <span class="portal-content-mark" lang="en" dir="ltr">/, 'the German text, marked');

    // The change was minor after all: the translation counts as current again.
    const confirmed = await c.post(`${app}/uebersetzungen/bestaetigen`, { lang: 'en', key, version: String(Number(form.version)), zurueck: form.back });
    assert.equal(confirmed.status, 303);
    assert.equal(unitForm(await (await c.get(overview)).text(), key).state, 'current');
    const audit = await queryRows<{ action: string }>(t().db, sql`select action from audit_log where entity_type = 'content_translation' and entity_id = ${`en:${key}`} order by id`);
    assert.deepEqual(audit.map((a) => a.action), ['create', 'update'], 'saving and confirming are audited');
    const restore = await c.post(`${app}/uebersetzungen/einstellung?sprache=en`, { version: String(Number(tenantVersion) + 1), showOutdatedTranslations: 'on' });
    assert.equal(restore.status, 303);
  });

  test('XLIFF 2.0 round trip: export what is missing or outdated, import the translations back; the same file again changes nothing', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`${app}/uebersetzungen/export.xlf?sprache=uk`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /uebersetzung-uk-\d{4}-\d{2}-\d{2}\.xlf/);
    const xliff = await res.text();
    assert.match(xliff, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="uk">/);
    const id113 = await measureId('1.1.3');
    const id111 = await measureId('1.1.1');
    assert.ok(xliff.includes(`<unit id="measure:${id113}:title"`), 'an untranslated measure is in the file');
    assert.ok(!xliff.includes(`<unit id="measure:${id111}:title"`), 'a current translation is not');
    assert.ok(!xliff.includes('<target'), 'no targets: the translator writes them');
    const outdatedUnit = /<unit id="measure:[^"]+:title"[^>]*>\s*<notes>\s*<note category="state">veraltet<\/note>\s*<note category="previous-translation">([^<]*)<\/note>/.exec(xliff);
    assert.equal(outdatedUnit?.[1], 'Зустріч організаторів для планування інтеграційних курсів', 'the outdated translation travels as a note');

    // The translator fills in two units (as a CAT tool does: a <target> after the <source>).
    const fill = (doc: string, key: string, text: string) =>
      doc.replace(new RegExp(`(<unit id="${key}"[\\s\\S]*?</source>)`), `$1<target>${text}</target>`);
    const done = fill(fill(xliff, `measure:${id113}:title`, 'Мовні курси для батьків &amp; дітей'), `measure:${id113}:description`, 'Опис заходу.');
    const upload = (doc: string, name = 'uk.xlf') => {
      const form = new FormData();
      form.append('sprache', 'uk');
      form.append('datei', new File([doc], name, { type: 'application/xliff+xml' }));
      return c.postMultipart(`${app}/uebersetzungen/import`, form);
    };
    const auditCount = async () => Number((await queryRows<{ n: number }>(t().db, sql`select count(*)::int as n from audit_log where entity_type = 'content_translation' and action = 'import'`))[0]!.n);
    const before = await auditCount();
    const imported = await upload(done);
    assert.equal(imported.status, 303, 'imported');
    assert.equal(await auditCount(), before + 2, 'one audit entry per changed translation');
    const stored = await queryRows<{ text: string; source_hash: string }>(t().db, sql`select text, source_hash from content_translations where lang = 'uk' and item_id = ${id113} and field = 'title'`);
    assert.equal(stored[0]?.text, 'Мовні курси для батьків & дітей');
    const german113 = (await queryRows<{ title: string }>(t().db, sql`select title from measures where id = ${id113}`))[0]!.title;
    assert.equal(stored[0]?.source_hash, sourceHash(german113), 'made from the current German text');
    const page = await (await t().client().get(fresh('/k/musterland/konzept?lang=uk'))).text();
    assert.equal(titleCell(page, '1.1.3').title, 'Мовні курси для батьків &amp; дітей', 'the public page shows it');

    const againRes = await upload(done);
    assert.equal(againRes.status, 303);
    assert.equal(await auditCount(), before + 2, 'the same file again: nothing written, nothing audited');

    // All or nothing: one bad unit refuses the whole file, with its line.
    const bad = fill(fill(xliff, `measure:${id113}:description`, 'Інший опис'), `measure:${id113}:title`, 'x').replace(`<unit id="measure:${id113}:title"`, '<unit id="measure:00000000-0000-4000-8000-000000000000:title"');
    const refused = await upload(bad);
    assert.equal(refused.status, 422);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /Den Schlüssel „measure:00000000-0000-4000-8000-000000000000:title“ gibt es nicht/);
    const desc = await queryRows<{ text: string }>(t().db, sql`select text from content_translations where lang = 'uk' and item_id = ${id113} and field = 'description'`);
    assert.equal(desc[0]?.text, 'Опис заходу.', 'nothing of the refused file was stored');
    const wrongLanguage = await upload(done.replace('trgLang="uk"', 'trgLang="ar"'));
    assert.equal(wrongLanguage.status, 422);
    assert.match(await wrongLanguage.text(), /in die Sprache „ar“, gewählt ist „uk“/);
    assert.equal((await upload('<xliff version="1.2"><file/></xliff>', 'x.xlf')).status, 422, 'not XLIFF 2.0');
    assert.equal((await upload('<<<', 'x.xlf')).status, 422, 'not XML');
  });

  test('a Fortschreibung takes the translations along to the copies', async () => {
    const rows = await queryRows<{ n: number }>(
      t().db,
      sql`select count(*)::int as n from content_translations ct join measures m on m.id = ct.item_id join editions e on e.id = m.edition_id and e.status = 'entwurf' where m.number = '1.1.1' and ct.lang = 'ar'`,
    );
    assert.equal(rows[0]?.n, 2, "the demo's draft Fortschreibung has the Arabic title and description of 1.1.1");
  });
});
