import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SaxesParser } from 'saxes';
import { describeEachDb } from '../../../test/support/harness.js';
import { offers } from '../offers/schema.js';

/** Parses strictly (namespaces on): a malformed document throws. */
function parseSitemap(body: string) {
  const parser = new SaxesParser({ xmlns: true });
  const urls: { loc: string; alternates: { hreflang: string; href: string }[] }[] = [];
  let inLoc = false;
  parser.on('opentag', (tag) => {
    if (tag.local === 'url') urls.push({ loc: '', alternates: [] });
    if (tag.local === 'loc') inLoc = true;
    if (tag.local === 'link' && tag.uri === 'http://www.w3.org/1999/xhtml') urls.at(-1)!.alternates.push({ hreflang: String(tag.attributes.hreflang?.value), href: String(tag.attributes.href?.value) });
  });
  parser.on('text', (text) => {
    if (inLoc) urls.at(-1)!.loc += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'loc') inLoc = false;
  });
  parser.write(body).close();
  return urls;
}

describeEachDb('sitemap.xml, robots.txt, favicon, Open Graph', (t) => {
  test('each published offer’s detail page is in the sitemap with its language versions; unpublished and ended ones are not', async () => {
    const urls = parseSitemap(await (await t().client().get('/k/musterland/sitemap.xml')).text());
    const offerIds = new Set(urls.map((u) => /\/angebote\/([0-9a-f-]{36})$/.exec(u.loc)?.[1]).filter((x): x is string => !!x));
    const all = await t().db.select({ id: offers.id, published: offers.published, status: offers.status }).from(offers);
    const visible = all.filter((o) => o.published && o.status !== 'beendet');
    assert.ok(visible.length > 0 && visible.length < all.length, 'the demo has published and unpublished offers');
    assert.deepEqual([...offerIds].sort(), visible.map((o) => o.id).sort(), 'exactly the published, not ended offers');
    const one = urls.find((u) => u.loc.endsWith(`/angebote/${visible[0]!.id}`))!;
    assert.deepEqual(one.alternates.map((a) => a.hreflang).sort(), ['ar', 'de', 'en', 'fa', 'ru', 'tr', 'uk']);
    assert.ok(urls.some((u) => u.loc.endsWith(`/angebote/${visible[0]!.id}?lang=ar`)), 'the Arabic version has its own entry');
    for (const o of visible.slice(0, 3)) assert.equal((await t().client().get(`/k/musterland/angebote/${o.id}`)).status, 200);
  });

  test('the sitemap is well-formed XML whose every URL is a public page (200), with language alternates', async () => {
    const res = await t().client().get('/k/musterland/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/xml/);
    const urls = parseSitemap(await res.text());
    const locs = urls.map((u) => u.loc);
    const origin = new URL(locs[0]!).origin;
    for (const path of ['', '/konzept', '/suche', '/impressum', '/datenschutz', '/barrierefreiheit', '/kontakt']) {
      assert.ok(locs.includes(`${origin}/k/musterland${path}`), `sitemap names /k/musterland${path}`);
      assert.ok(locs.includes(`${origin}/k/musterland${path}?lang=en`), `sitemap names the English version of /k/musterland${path}`);
    }
    assert.ok(locs.some((l) => l.includes('/massnahmen/')), 'measures are in the sitemap');
    // Leichte Sprache exists only in German: listed once, without alternates.
    const easyRead = urls.filter((u) => u.loc.startsWith(`${origin}/k/musterland/leichte-sprache`));
    assert.deepEqual(easyRead.map((u) => [u.loc, u.alternates.length]), [[`${origin}/k/musterland/leichte-sprache`, 0]]);
    for (const u of urls.filter((x) => !easyRead.includes(x))) {
      assert.ok(u.alternates.some((a) => a.hreflang === 'de') && u.alternates.some((a) => a.hreflang === 'en'), `alternates of ${u.loc}`);
      assert.ok(u.alternates.some((a) => a.href === u.loc), `${u.loc} is among its own alternates`);
    }
    // Every page but the offers (one per published offer: those are checked by a sample below).
    const germanOnly = locs.filter((l) => !l.includes('lang=') && !/\/angebote\/[0-9a-f-]{36}$/.test(l));
    for (const loc of germanOnly) {
      const page = await t().client().get(loc.slice(origin.length));
      assert.equal(page.status, 200, `${loc}: ${page.status}`);
    }
    assert.equal((await t().client().get('/k/gibt-es-nicht/sitemap.xml')).status, 404, 'unknown Kommune');
  });

  test('robots.txt keeps crawlers out of the app and names each Kommune’s sitemap', async () => {
    const body = await (await t().client().get('/robots.txt')).text();
    assert.match(body, /Disallow: \/app\//);
    assert.match(body, /Sitemap: https?:\/\/[^/\s]+\/k\/musterland\/sitemap\.xml/);
  });

  test('favicon (ICO, SVG, PNG) is served by ikon and every public page links it', async () => {
    const ico = await t().client().get('/favicon.ico');
    assert.equal(ico.status, 200);
    assert.equal(ico.headers.get('content-type'), 'image/x-icon');
    const bytes = new Uint8Array(await ico.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 4)], [0, 0, 1, 0], 'an ICO header');
    assert.equal((await t().client().get('/assets/favicon.svg')).headers.get('content-type'), 'image/svg+xml');
    assert.equal((await t().client().get('/assets/apple-touch-icon.png')).headers.get('content-type'), 'image/png');
    const html = await (await t().client().get('/k/musterland')).text();
    assert.match(html, /<link rel="icon" href="\/favicon\.ico"/);
    assert.match(html, /<link rel="icon" href="\/assets\/favicon\.svg" type="image\/svg\+xml"/);
  });

  test('public pages carry Open Graph tags in the page’s language', async () => {
    const html = await (await t().client().get('/k/musterland/kontakt?lang=en')).text();
    assert.match(html, /<meta property="og:title" content="Contact"\/>/);
    assert.match(html, /<meta property="og:url" content="https?:\/\/[^/"]+\/k\/musterland\/kontakt\?lang=en"\/>/);
    assert.match(html, /<meta property="og:locale" content="en_GB"\/>/);
    assert.match(html, /<meta property="og:description" content="Landkreis Musterland: integration concept[^"]*"\/>/);
    assert.match(html, /<meta property="og:site_name" content="Landkreis Musterland"\/>/);
  });

  test('no public page loads anything from another host (scripts, styles, fonts, images)', async () => {
    const pages = ['/k/musterland', '/k/musterland/konzept', '/k/musterland/suche?q=Sprache', '/k/musterland/umsetzung', '/k/musterland/indikatoren', '/k/musterland/barrierefreiheit?lang=ar', '/k/musterland/impressum'];
    const stylesheets = new Set<string>();
    for (const path of pages) {
      const html = await (await t().client().get(path)).text();
      const loads = [
        ...[...html.matchAll(/<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\ssrcset?="([^"]*)"/g)].map((m) => m[1]!),
        ...[...html.matchAll(/<link\b[^>]*>/g)].filter((m) => !/rel="alternate"/.test(m[0])).map((m) => /href="([^"]*)"/.exec(m[0])?.[1] ?? ''),
        ...[...html.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1]!),
      ];
      assert.ok(loads.length > 0, `${path} loads something`);
      for (const url of loads) {
        assert.ok(url.startsWith('/') && !url.startsWith('//'), `${path} loads ${url} from this host`);
        if (/\.css(\?|$)/.test(url)) stylesheets.add(url);
      }
    }
    for (const sheet of stylesheets) {
      const css = await (await t().client().get(sheet)).text();
      for (const m of css.matchAll(/url\(\s*['"]?([^'")]+)/g)) assert.ok(!/^(https?:)?\/\//.test(m[1]!), `${sheet} loads ${m[1]} from this host`);
      assert.ok(!/@import\s+(url\()?['"]?(https?:)?\/\//.test(css), `${sheet} imports nothing from elsewhere`);
    }
  });
});
