import assert from 'node:assert/strict';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { until } from '../../../test/support/until.js';
import { auditLog } from '../../platform/audit/schema.js';
import { contrastRatio, normaliseColour, worstContrast } from '../../platform/tenancy/brand-colour.js';
import { sniffLogo } from '../../platform/tenancy/logo-image.js';
import { tenants } from '../../platform/tenancy/schema.js';

const settings = '/app/k/musterland/einstellungen/erscheinungsbild';

/** A real PNG of width × height pixels in one colour (what a Kommune would upload, made here). */
function png(width: number, height: number): Uint8Array {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bit, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

async function save(c: TestClient, fields: Record<string, string>, logo?: { bytes: Uint8Array; name: string }) {
  const html = await (await c.get(settings)).text();
  const form = new FormData();
  form.append('version', /name="version" value="(\d+)"/.exec(html)![1]!);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (logo) form.append('logo', new Blob([new Uint8Array(logo.bytes)], { type: 'image/png' }), logo.name);
  return c.postMultipart(settings, form);
}

test('colours: normalised, and the contrast is WCAG’s', () => {
  assert.equal(normaliseColour(' #0B3A75 '), '#0b3a75');
  assert.equal(normaliseColour('abc'), '#aabbcc');
  assert.equal(normaliseColour('blau'), undefined);
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  assert.ok(worstContrast('#0b3a75') >= 4.5, 'ikon’s own blue passes');
  assert.ok(worstContrast('#ffcc00') < 4.5, 'yellow fails');
});

test('logos: PNG and JPEG sizes from their headers; anything else is no logo', () => {
  assert.deepEqual(sniffLogo(png(120, 40)), { contentType: 'image/png', width: 120, height: 40 });
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x90, 0x03, 0x01, 0x22, 0x00]);
  assert.deepEqual(sniffLogo(jpeg), { contentType: 'image/jpeg', width: 144, height: 48 });
  assert.equal(sniffLogo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), undefined);
  assert.equal(sniffLogo(new TextEncoder().encode('GIF89a')), undefined);
});

describeEachDb('Erscheinungsbild: Logo und Farbe der öffentlichen Seite', (t) => {
  test('only Koordination may change it', async () => {
    for (const email of ['redaktion@musterland.example', 'lesend@musterland.example']) {
      const c = await t().signIn(email);
      assert.equal((await c.get(settings)).status, 403, email);
      assert.equal((await c.post(settings, { brandColor: '#123456', version: '1' })).status, 403, email);
    }
  });

  test('a too light colour and a file that is no image are refused in German, nothing changes', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const [before] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const light = await save(c, { brandColor: '#ffcc00' });
    assert.equal(light.status, 422);
    assert.match(await light.text(), /Die Farbe ist zu hell: Schrift in dieser Farbe hätte auf weißem Grund nur einen Kontrast von 1,\d:1/);
    const script = await save(c, { brandColor: '' }, { bytes: new TextEncoder().encode('<svg onload="alert(1)"/>'), name: 'logo.png' });
    assert.equal(script.status, 422);
    assert.match(await script.text(), /Das Logo muss ein PNG- oder JPEG-Bild sein/);
    const huge = await save(c, { brandColor: '' }, { bytes: png(5000, 20), name: 'breit.png' });
    assert.equal(huge.status, 422);
    assert.match(await huge.text(), /höchstens 4000 Pixel/);
    const [after] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    assert.deepEqual(after, before);
  });

  test('colour and logo reach every public page; removing the logo asks first; each change is audited', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const logo = png(96, 32);
    const saved = await save(c, { brandColor: '#1F5A2E' }, { bytes: logo, name: 'wappen.png' });
    assert.equal(saved.status, 303, 'saved');

    const visitor = t().client();
    // The cached public page is dropped on the write's NOTIFY, which PostgreSQL delivers a moment after the commit.
    const page = await until(async () => (await visitor.get('/k/musterland/konzept')).text(), (h) => h.includes('farben.css'), 'the colour on the public page');
    const stylesheet = /<link rel="stylesheet" href="(\/k\/musterland\/farben\.css\?v=[0-9a-f]+)"/.exec(page)?.[1];
    assert.ok(stylesheet, 'the concept page links the Kommune’s stylesheet');
    const css = await visitor.get(stylesheet);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    assert.match(await css.text(), /--site-brand: #1f5a2e/);
    assert.match(css.headers.get('cache-control') ?? '', /immutable/);
    const img = /<img class="site-header__logo" src="(\/k\/musterland\/logo\?v=\d+)" alt=""/.exec(page)?.[1];
    assert.ok(img, 'the header shows the logo beside the name (decorative: the name is the link text)');
    const served = await visitor.get(img);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await served.arrayBuffer()), logo);
    await until(async () => (await visitor.get('/k/musterland/impressum')).text(), (h) => h.includes('site-header__logo'), 'the logo on the Pflichtseiten too');

    const confirm = await c.get(`${settings}/logo-entfernen`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Logo von der öffentlichen Seite entfernen\?/);
    const version = /name="version" value="(\d+)"/.exec(await (await c.get(`${settings}/logo-entfernen`)).text())![1]!;
    assert.equal((await c.post(`${settings}/logo-entfernen`, { version })).status, 303);
    assert.equal((await visitor.get('/k/musterland/logo')).status, 404);
    const after = await until(async () => (await visitor.get('/k/musterland/konzept')).text(), (h) => !h.includes('site-header__logo'), 'the logo gone from the public page');
    assert.match(after, /farben\.css/, 'the colour stays');

    const [tenant] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tenant'), eq(auditLog.entityId, tenant!.id)));
    const changes = audit.map((a) => a.after as Record<string, unknown>);
    assert.ok(changes.some((a) => a.brandColor === '#1f5a2e' && a.logoVersion === 1), 'saving is audited');
    assert.ok(changes.some((a) => 'logoVersion' in a && a.logoVersion === null), 'removing is audited');
  });
});
