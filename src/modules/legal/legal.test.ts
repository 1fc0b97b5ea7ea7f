import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { feedbackPerHour } from './routes.js';
import { accessibilityFeedback, legalPages } from './schema.js';

const pages = ['/impressum', '/datenschutz', '/barrierefreiheit', '/kontakt'];

const footerHrefs = (html: string) => {
  const footer = html.slice(html.indexOf('<footer'));
  return [...footer.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
};

describeEachDb('Pflichtseiten', (t) => {
  const tenantId = async () => (await t().db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'musterland')))[0]!.id;
  const feedbackRows = async () => t().db.select().from(accessibilityFeedback).where(eq(accessibilityFeedback.tenantId, await tenantId()));

  test('each public page shows the demo Kommune’s text, and every public page links them in the footer', async () => {
    const expected: Record<string, RegExp> = {
      '/impressum': /Vertreten durch die Landrätin Erika Mustermann/,
      '/datenschutz': /datenschutz@musterland\.example/,
      '/barrierefreiheit': /teilweise mit den Anforderungen der BITV 2\.0 vereinbar[\s\S]*01\.03\.2026[\s\S]*schlichtungsstelle-bgg\.de/,
      '/kontakt': /integration@musterland\.example[\s\S]*01234 567-204/,
    };
    for (const path of [...pages, '', '/konzept', '/suche']) {
      const res = await t().client().get(`/k/musterland${path}`);
      assert.equal(res.status, 200, `${path}: ${res.status}`);
      const html = await res.text();
      if (expected[path]) assert.match(html, expected[path]!, `${path} shows its text`);
      // The Leichte-Sprache module puts its page first in the footer, then come the Pflichtseiten.
      assert.deepEqual(footerHrefs(html), ['/k/musterland/leichte-sprache', ...pages.map((p) => `/k/musterland${p}`)], `${path || '/'}: footer links`);
    }
  });

  test('English interface: titles and footer in English, links keep the language', async () => {
    const html = await (await t().client().get('/k/musterland/barrierefreiheit?lang=en')).text();
    assert.match(html, /<h1[^>]*>Accessibility statement<\/h1>/, 'English title');
    assert.match(html, /partially compliant/, 'English status');
    assert.ok(footerHrefs(html).includes('/k/musterland/impressum?lang=en'), 'footer links stay English');
  });

  test('a Kommune without texts gets a polite note instead of 404', async () => {
    const id = await tenantId();
    const [saved] = await t().db.select().from(legalPages).where(eq(legalPages.tenantId, id));
    await t().db.delete(legalPages).where(eq(legalPages.tenantId, id));
    await noteChangeWithoutNotify(t().db, { id });
    try {
      for (const path of pages) {
        const res = await (await t().signIn('koordination@musterland.example')).get(`/k/musterland${path}`);
        assert.equal(res.status, 200, `${path}: ${res.status}`);
        assert.match(await res.text(), /hat diesen Text noch nicht eingetragen/, `${path} says the text is missing`);
      }
    } finally {
      await t().db.insert(legalPages).values(saved!);
      await noteChangeWithoutNotify(t().db, { id });
    }
  });

  test('Koordination edits the texts: escaped on the public page, versioned, audited; others may not', async () => {
    const coordinator = await t().signIn('koordination@musterland.example');
    const form = await coordinator.get('/app/k/musterland/einstellungen/pflichtseiten');
    assert.equal(form.status, 200);
    const html = await form.text();
    const version = Number(/name="version" value="(\d+)"/.exec(html)![1]);
    const values = {
      imprint: 'Erster Absatz <script>alert(1)</script>\n\nZweiter Absatz',
      privacy: 'Datenschutz-Text',
      contactName: 'Koordinierungsstelle',
      contactAddress: 'Musterstraße 1',
      contactEmail: 'integration@musterland.example',
      contactPhone: '01234 567-204',
      complianceStatus: 'full',
      knownLimits: '',
      statementDate: '2026-11-01',
      arbitrationUrl: 'https://www.schlichtungsstelle-bgg.de',
      version: String(version),
    };
    const bad = await coordinator.post('/app/k/musterland/einstellungen/pflichtseiten', { ...values, contactEmail: 'keine-adresse', arbitrationUrl: 'javascript:alert(1)' });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.match(badHtml, /gültige E-Mail-Adresse/, 'e-mail error');
    assert.match(badHtml, /https:\/\//, 'url error');
    const ok = await coordinator.post('/app/k/musterland/einstellungen/pflichtseiten', values);
    assert.equal(ok.status, 303, `saved: ${ok.status}`);
    const stale = await coordinator.post('/app/k/musterland/einstellungen/pflichtseiten', values);
    assert.equal(stale.status, 409, 'a save based on an old version is refused');
    // Signed in: a fresh render (anonymous visitors get the cache, dropped by a NOTIFY a moment after the commit).
    const pub = await (await coordinator.get('/k/musterland/impressum')).text();
    assert.match(pub, /<p[^>]*>Erster Absatz &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>\s*<p[^>]*>Zweiter Absatz<\/p>/, 'paragraphs, escaped');
    const barrier = await (await coordinator.get('/k/musterland/barrierefreiheit')).text();
    assert.match(barrier, /vollständig mit den Anforderungen/, 'status shown');
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'legal_pages'), eq(auditLog.action, 'update')));
    assert.ok(audit.length >= 1, 'the change is audited');
    for (const who of ['redaktion@musterland.example', 'lesend@musterland.example']) {
      const other = await t().signIn(who);
      assert.equal((await other.get('/app/k/musterland/einstellungen/pflichtseiten')).status, 403, `${who} may not open the page`);
      assert.equal((await other.post('/app/k/musterland/einstellungen/pflichtseiten', values)).status, 403, `${who} may not save`);
    }
  });

  test('feedback: bad input stores nothing; a message is stored, audited, listed with a count', async () => {
    const before = (await feedbackRows()).length;
    const visitor = t().client();
    await visitor.get('/k/musterland/barrierefreiheit');
    for (const [input, error] of [
      [{ name: '', email: '', message: '   ' }, /Bitte ausfüllen/],
      [{ name: 'A', email: 'nicht-gueltig', message: 'Text' }, /gültige E-Mail-Adresse/],
      [{ name: 'A', email: '', message: 'x'.repeat(5_001) }, /zu lang/],
      [{ name: 'A\u0000', email: '', message: 'Text' }, /Steuerzeichen/],
    ] as const) {
      const res = await visitor.post('/k/musterland/barrierefreiheit', input);
      assert.equal(res.status, 422, `refused: ${JSON.stringify(input).slice(0, 60)}`);
      const body = await res.text();
      assert.match(body, error, `clear message for ${JSON.stringify(input).slice(0, 40)}: ${/<li><a[^>]*>([^<]*)/.exec(body.slice(body.indexOf("error-summary")))?.[1]}`);
    }
    assert.equal((await feedbackRows()).length, before, 'nothing stored');
    const noCsrf = await t().app.request('/k/musterland/barrierefreiheit', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=Hallo' });
    assert.equal(noCsrf.status, 403, 'without CSRF token refused');
    assert.equal((await feedbackRows()).length, before, 'nothing stored without CSRF');

    const sent = await visitor.post('/k/musterland/barrierefreiheit?lang=en', { name: 'Maria', email: 'maria@example.org', message: 'Die Tabelle auf der Umsetzungsseite\n\nist mit dem Screenreader schwer zu lesen.' });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), '/k/musterland/barrierefreiheit?gesendet=1&lang=en#rueckmeldung');
    assert.match(await (await visitor.get(sent.headers.get('location')!)).text(), /Your message has reached/, 'thanks');
    const rows = await feedbackRows();
    assert.equal(rows.length, before + 1, 'stored');
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'accessibility_feedback'), eq(auditLog.entityId, rows[0]!.id)));
    assert.equal(audit.length, 1, 'audited');
    assert.equal(t().mails.length, 1, 'mailed to the contact address');
    assert.equal(t().mails[0]!.to, 'integration@musterland.example');

    const coordinator = await t().signIn('koordination@musterland.example');
    const list = await (await coordinator.get('/app/k/musterland/rueckmeldungen')).text();
    assert.match(list, /schwer zu lesen/, 'listed');
    assert.match(list, new RegExp(`${before + 1} Rückmeldung`), 'with a count');
    assert.match(list, /Rückmeldungen \(\d+\)/, 'the navigation counts them');
    assert.equal((await (await t().signIn('redaktion@musterland.example')).get('/app/k/musterland/rueckmeldungen')).status, 403, 'Koordination only');
  });

  test('feedback is throttled per address', async () => {
    const visitor = t().client();
    await visitor.get('/k/musterland/barrierefreiheit');
    let last: Response | undefined;
    for (let i = 0; i <= feedbackPerHour; i++) {
      last = await visitor.post('/k/musterland/barrierefreiheit', { message: '' });
      if (last.status === 429) break;
    }
    assert.equal(last!.status, 429, 'turned away after the limit');
    assert.match(await last!.text(), /in einer Stunde erneut/, 'says when to try again');
  });
}, 'demo', { captureMail: true });
