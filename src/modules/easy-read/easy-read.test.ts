import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, ne } from 'drizzle-orm';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { sourceHash } from '../../platform/translations/source-hash.js';
import { contentTranslations } from '../../platform/translations/schema.js';
import { editions, fields } from '../concepts/schema.js';
import { easyTextsOf } from './service.js';

const app = '/app/k/musterland';
let unique = 0;
/** Public pages are cached per URL: a parameter of its own makes a fresh render. */
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_t=${Date.now()}-${++unique}`;

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const [adopted] = await t.db.select().from(editions).where(and(eq(editions.tenantId, tenant!.id), eq(editions.status, 'beschlossen')));
  return { tenant: tenant!, adopted: adopted! };
}

describeEachDb('Leichte Sprache', (t) => {
  test('the public page is German (lang="de") with the summary and the Themenfelder in Leichte Sprache, linked from every page with its sign', async () => {
    const html = await (await t().client().get(fresh('/k/musterland/leichte-sprache?lang=ar'))).text();
    assert.match(html, /<html lang="de" dir="ltr"/, 'German whatever language the link carried');
    assert.doesNotMatch(html, /hreflang="ar"/, 'no language versions of a German-only page');
    assert.match(html, /<p class="kern-body">Der Plan heißt: Integrations·konzept\.<\/p>/, 'one sentence per line');
    assert.match(html, /<h3 class="kern-heading-medium">Teilhabe durch Sprache<\/h3>\s*<div class="easy-read-lines"><p class="kern-body">Deutsch ist wichtig\.<\/p>/);
    assert.match(html, /href="\/k\/musterland\/leichte-sprache\/hilfe"/);

    const arabic = await (await t().client().get(fresh('/k/musterland/konzept?lang=ar'))).text();
    const link = /<a class="kern-link site-link--icon" href="([^"]+)"[^>]*lang="de" dir="ltr">(<svg[^]*?<\/svg>)Leichte Sprache<\/a>/.exec(arabic);
    assert.ok(link, 'the Arabic page links to Leichte Sprache in German, with the sign');
    assert.equal(link[1], '/k/musterland/leichte-sprache', 'without ?lang=');
    assert.match(link[2]!, /aria-hidden="true" focusable="false"/, 'the sign is decorative');
  });

  test('the fixed pages in Leichte Sprache: Hilfe, Impressum, Datenschutz, Barrierefreiheit; unknown ones are 404', async () => {
    for (const [page, sentence] of [
      ['hilfe', 'Oben auf jeder Seite ist ein Menü.'],
      ['impressum', 'Diese Internet·seite ist von Landkreis Musterland.'],
      ['datenschutz', 'Ihre Daten gehören Ihnen.'],
      ['barrierefreiheit', 'Dann können Sie sich an die Schlichtungs·stelle wenden.'],
    ] as const) {
      const res = await t().client().get(fresh(`/k/musterland/leichte-sprache/${page}`));
      assert.equal(res.status, 200, page);
      const html = await res.text();
      assert.match(html, /<html lang="de" dir="ltr"/, page);
      assert.ok(html.includes(sentence), `${page}: ${sentence}`);
    }
    assert.equal((await t().client().get('/k/musterland/leichte-sprache/unbekannt')).status, 404);
  });

  test('the Koordination writes a Themenfeld in Leichte Sprache: audited, shown publicly, with its readability; a stale German text is a conflict', async () => {
    const { tenant, adopted } = await demo(t());
    const [field] = await t().db.select().from(fields).where(and(eq(fields.editionId, adopted.id), eq(fields.title, 'Gesundheit und Pflege')));
    const c = await t().signIn('koordination@musterland.example');
    const page = await (await c.get(`${app}/leichte-sprache`)).text();
    assert.match(page, /Gesundheit und Pflege in Leichter Sprache/);
    assert.match(page, /data-readability-for="ls-text-/, 'the readability figure under each text');
    const key = `field:${field!.id}`;
    const text = 'Gesundheit ist wichtig.\nSie sind krank?\nDann gehen Sie zum Arzt.';
    const stale = await c.post(`${app}/leichte-sprache?fassung=${adopted.id}`, { key, text, sourceHash: sourceHash('ein älterer Text'), version: '0' });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /Der Text in Standardsprache wurde inzwischen geändert/);
    const empty = await c.post(`${app}/leichte-sprache?fassung=${adopted.id}`, { key, text: '  ', sourceHash: sourceHash(field!.description), version: '0' });
    assert.equal(empty.status, 422, 'an empty text is refused, nothing published disappears by saving');

    const saved = await c.post(`${app}/leichte-sprache?fassung=${adopted.id}`, { key, text, sourceHash: sourceHash(field!.description), version: '0' });
    assert.equal(saved.status, 303, await saved.text());
    const after = await (await c.get(saved.headers.get('location')!)).text();
    assert.match(after, /Der Text in Leichter Sprache wurde gespeichert\. Lesbarkeit des Textes: \d+ \([^)]+\)\./, 'the readability after saving');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.entityType, 'easy_read_text'), eq(auditLog.entityId, `${adopted.id}:${key}`)));
    assert.ok(entry, 'an audit entry');
    assert.equal(entry.action, 'create');
    const twice = await c.post(`${app}/leichte-sprache?fassung=${adopted.id}`, { key, text: `${text}\nNoch ein Satz.`, sourceHash: sourceHash(field!.description), version: '0' });
    assert.equal(twice.status, 409, 'a second save at the old version is a conflict');

    const html = await (await t().client().get(fresh('/k/musterland/leichte-sprache'))).text();
    assert.match(html, /<h3 class="kern-heading-medium">Gesundheit und Pflege<\/h3>\s*<div class="easy-read-lines"><p class="kern-body">Gesundheit ist wichtig\.<\/p><p class="kern-body">Sie sind krank\?<\/p>/);
    const editor = await t().signIn('redaktion@musterland.example');
    assert.equal((await editor.get(`${app}/leichte-sprache`)).status, 403, 'only the Koordination writes');
  });

  test('a Fortschreibung carries the texts along; a changed German text makes its version "veraltet"', async () => {
    const { tenant, adopted } = await demo(t());
    await t().db.delete(editions).where(and(eq(editions.tenantId, tenant.id), ne(editions.status, 'beschlossen'), ne(editions.status, 'abgeloest')));
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.post(`${app}/fassungen/fortschreibung`, { title: 'Fortschreibung mit Leichter Sprache', from: adopted.id });
    assert.equal(res.status, 303, await res.text());
    const [draft] = await t().db.select().from(editions).where(eq(editions.id, res.headers.get('location')!.split('/').pop()!));
    const before = await easyTextsOf(t().db, tenant.id, draft!);
    const summary = before.find((x) => x.kind === 'edition')!;
    const sprache = before.find((x) => x.title === 'Teilhabe durch Sprache')!;
    assert.equal(summary.state, 'current', 'the summary came along');
    assert.match(summary.text, /Der Plan heißt: Integrations·konzept\./);
    assert.equal(sprache.state, 'current', 'the Themenfeld came along');
    await t().db.update(fields).set({ description: `${(await t().db.select().from(fields).where(eq(fields.id, sprache.itemId)))[0]!.description} Neu: Sprachcafés.` }).where(eq(fields.id, sprache.itemId));
    const after = await easyTextsOf(t().db, tenant.id, draft!);
    assert.equal(after.find((x) => x.itemId === sprache.itemId)!.state, 'outdated');
    const page = await (await c.get(`${app}/leichte-sprache?fassung=${draft!.id}`)).text();
    assert.match(page, /veraltet: der Text in Standardsprache hat sich seitdem geändert/);
  });
  test('removing a text asks first (confirmation page, POST with the version seen), is audited, and the public page falls back to "not yet in Leichte Sprache"', async () => {
    const { tenant, adopted } = await demo(t());
    const summaryRow = and(eq(contentTranslations.tenantId, tenant.id), eq(contentTranslations.lang, 'leichte-sprache'), eq(contentTranslations.kind, 'edition'), eq(contentTranslations.itemId, adopted.id));
    const [row] = await t().db.select().from(contentTranslations).where(summaryRow);
    assert.ok(row, 'the demo has the summary in Leichte Sprache');
    const firstLine = row.text.split('\n')[0]!.trim();
    const summaryOf = async () => /<section aria-labelledby="ls-summary">([\s\S]*?)<\/section>/.exec(await (await t().client().get(fresh('/k/musterland/leichte-sprache'))).text())?.[1] ?? '';
    assert.ok((await summaryOf()).includes(firstLine), `shown publicly before: ${firstLine}`);

    const action = `${app}/leichte-sprache/${adopted.id}/edition/${adopted.id}/entfernen`;
    const c = await t().signIn('koordination@musterland.example');
    const page = await (await c.get(`${app}/leichte-sprache?fassung=${adopted.id}`)).text();
    assert.ok(page.includes(`href="${action}"`), 'the edit page links to the confirmation');
    assert.ok(!page.includes(`action="${action}"`), 'no one-click removal');
    const confirm = await c.get(action);
    assert.equal(confirm.status, 200);
    const html = await confirm.text();
    assert.match(html, /<h1 class="kern-heading-large">„Zusammenfassung des Integrationskonzepts“ in Leichter Sprache entfernen\?<\/h1>/);
    assert.ok(html.includes(firstLine), 'the page shows the text that goes');
    assert.match(html, new RegExp(`<form method="post" action="${action}"[^>]*>[\\s\\S]*name="version" value="${row.version}"`), 'one form with the version seen');

    const editor = await t().signIn('redaktion@musterland.example');
    assert.equal((await editor.get(action)).status, 403, 'only the Koordination');
    assert.equal((await editor.post(action, { version: String(row.version) })).status, 403);
    assert.equal((await c.post(action, {})).status, 422, 'without the version nothing happens');
    assert.equal((await c.post(action, { version: String(row.version + 1) })).status, 409, 'a stale version is a conflict');
    assert.equal((await t().db.select().from(contentTranslations).where(summaryRow)).length, 1, 'still there');

    const removed = await c.post(action, { version: String(row.version) });
    assert.equal(removed.status, 303, await removed.text());
    assert.match(await (await c.get(removed.headers.get('location')!)).text(), /Der Text in Leichter Sprache wurde entfernt\./);
    assert.equal((await t().db.select().from(contentTranslations).where(summaryRow)).length, 0, 'the text is gone');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.entityType, 'easy_read_text'), eq(auditLog.action, 'delete')));
    assert.equal(entry?.entityId, `${adopted.id}:edition:${adopted.id}`, 'audited');
    assert.ok(JSON.stringify(entry?.before).includes(firstLine), 'the audit keeps the removed text');
    assert.equal((await c.get(action)).status, 404, 'nothing left to remove');

    const after = await summaryOf();
    assert.ok(!after.includes(firstLine), 'no longer public');
    assert.match(after, /Diesen Text gibt es noch nicht in Leichter Sprache\./, 'the page falls back as when none was written');
    const editPage = await (await c.get(`${app}/leichte-sprache?fassung=${adopted.id}`)).text();
    assert.ok(!editPage.includes(`href="${action}"`), 'no removal offered for a missing text');
  });
});
