import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { describeEachDb, TestClient, type TestApp } from '../../../test/support/harness.js';
import { decodedMail, smtpServer } from '../../../test/support/smtp.js';
import { auditLog } from '../audit/schema.js';
import { demoPassword } from './demo-accounts.js';
import { requestPasswordReset, resetMailsPerAccount, resetRequestsPerAddress } from './password-reset.js';
import { passwordResets, users } from './schema.js';
import { hashToken } from './tokens.js';

const smtp = smtpServer();
const publicUrl = 'http://ikon.musterland.example';
/** The app as configured with the SMTP server, on the suite's database. */
const withMail = (t: TestApp) =>
  createApp({ database: t.database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused', PUBLIC_URL: publicUrl, ...smtp.env() }) });

/** The link path in a (quoted-printable) mail. */
const linkIn = (mail: string) => {
  const body = decodedMail(mail);
  const match = /http:\/\/ikon\.musterland\.example(\/passwort-neu\/[A-Za-z0-9_-]+)/.exec(body);
  assert.ok(match, `the mail contains a reset link:\n${body}`);
  return match[1]!;
};

/** The text of <main>, tags and the CSRF token dropped: what the person reads. */
const mainText = async (res: Response) => (/<main[^>]*>([\s\S]*)<\/main>/.exec(await res.text())?.[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

const signInStatus = async (app: ReturnType<typeof createApp>, email: string, password: string) =>
  (await new TestClient(app).post('/anmelden', { email, password })).status;

describeEachDb('Passwort vergessen', (t) => {
  test('gleiche Antwort für bekannte, unbekannte und ungültige Adressen; nur die bekannte bekommt eine Mail', async () => {
    const app = withMail(t());
    const answers = [];
    for (const email of ['niemand@musterland.example', 'kein-at-zeichen', 'LESEND@musterland.example ']) {
      const mail = email.startsWith('LESEND') ? smtp.nextMailTo('lesend@musterland.example') : undefined;
      const res = await new TestClient(app).post('/passwort-vergessen', { email });
      answers.push({ status: res.status, text: await mainText(res) });
      if (mail) linkIn(await mail);
    }
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200], 'always 200');
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, `one and the same page for every address: ${JSON.stringify(answers)}`);
    assert.match(answers[0]!.text, /Wenn zu dieser E-Mail-Adresse ein Zugang besteht/, 'German answer');
    assert.equal(smtp.received.filter((m) => m.to.includes('niemand@musterland.example')).length, 0, 'no mail to an unknown address');
    const [user] = await t().db.select().from(users).where(eq(users.email, 'lesend@musterland.example'));
    const rows = await t().db.select().from(passwordResets).where(eq(passwordResets.userId, user!.id));
    assert.equal(rows.length, 1, 'one open link for the account');
    const token = linkIn(smtp.received.filter((m) => m.to.includes('lesend@musterland.example')).at(-1)!.data).split('/').at(-1)!;
    assert.equal(rows[0]!.tokenHash, hashToken(token), 'only the hash of the token is stored');
    assert.notEqual(rows[0]!.tokenHash, token, 'the token itself is not stored');
  });

  test('Link: neues Passwort einmal setzen, alle Sitzungen enden, Sperre aufgehoben, Protokoll', async () => {
    const app = withMail(t());
    const email = 'partner@musterland.example';
    const elsewhere = new TestClient(app);
    assert.equal((await elsewhere.post('/anmelden', { email, password: demoPassword })).status, 303, 'signed in on another device');
    for (let i = 0; i < 6; i++) await new TestClient(app).post('/anmelden', { email, password: 'falsch-falsch-falsch' });
    assert.equal(await signInStatus(app, email, demoPassword), 429, 'the account is locked by wrong guesses');

    const mail = smtp.nextMailTo(email);
    await new TestClient(app).post('/passwort-vergessen', { email });
    const link = linkIn(await mail);
    const browser = new TestClient(app);
    const form = await browser.get(link);
    assert.equal(form.status, 200, 'the link opens the form');
    assert.match(await mainText(form), /Neues Passwort festlegen/, 'German form');
    const mismatch = await browser.post(link, { password: 'Wiesen und Moore im Herbst', passwordRepeat: 'etwas anderes' });
    assert.equal(mismatch.status, 422, 'mismatch is a form error');
    assert.match(await mainText(mismatch), /stimmen nicht überein/, 'German field message');
    const short = await browser.post(link, { password: 'kurz', passwordRepeat: 'kurz' });
    assert.equal(short.status, 422, 'the password rules apply');
    const done = await browser.post(link, { password: 'Wiesen und Moore im Herbst', passwordRepeat: 'Wiesen und Moore im Herbst' });
    assert.equal(done.status, 303, `the new password is saved (got ${done.status})`);
    assert.equal(done.headers.get('location'), '/anmelden', 'back to the sign-in page');
    assert.match(await mainText(await browser.get('/anmelden')), /Ihr Passwort wurde geändert/, 'the sign-in page says so');

    assert.equal((await elsewhere.get('/app/k/musterland/fassungen')).status, 303, 'the other session was ended');
    assert.equal(await signInStatus(app, email, demoPassword), 401, 'the old password no longer works');
    assert.equal(await signInStatus(app, email, 'Wiesen und Moore im Herbst'), 303, 'the new one does (and the lock is lifted)');

    const again = await new TestClient(app).get(link);
    assert.equal(again.status, 410, 'a used link is gone');
    assert.match(await mainText(again), /bereits geändert/, 'German explanation');
    const reuse = await new TestClient(app).post(link, { password: 'Noch ein ganz anderes Passwort', passwordRepeat: 'Noch ein ganz anderes Passwort' });
    assert.equal(reuse.status, 410, 'a used link cannot set a password again');
    assert.equal(await signInStatus(app, email, 'Wiesen und Moore im Herbst'), 303, 'the password from the first use stays');

    const [user] = await t().db.select().from(users).where(eq(users.email, email));
    const audit = await t().db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user!.id), inArray(auditLog.action, ['password_reset_requested', 'password_reset'])));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['password_reset', 'password_reset_requested'], 'both steps are in the audit log');
  });

  test('ein abgelaufener Link (älter als eine Stunde) setzt nichts', async () => {
    const app = withMail(t());
    const email = 'redaktion@musterland.example';
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const result = await requestPasswordReset(t().db, { email }, undefined, twoHoursAgo);
    assert.ok(!result.throttled && result.mail, 'a link was created');
    const link = `/passwort-neu/${result.mail.token}`;
    const page = await new TestClient(app).get(link);
    assert.equal(page.status, 410, 'expired');
    assert.match(await mainText(page), /abgelaufen/, 'German explanation');
    const post = await new TestClient(app).post(link, { password: 'Wiesen und Moore im Herbst', passwordRepeat: 'Wiesen und Moore im Herbst' });
    assert.equal(post.status, 410, 'an expired link sets nothing');
    assert.equal(await signInStatus(app, email, demoPassword), 303, 'the password is unchanged');
    assert.equal((await new TestClient(app).get('/passwort-neu/unbekannt')).status, 404, 'an unknown link is 404');
  });

  test('Drosselung: je Konto höchstens 3 Mails pro Stunde (still), je Adresse 10 Anfragen', async () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const results = [];
    for (let i = 0; i < resetMailsPerAccount + 2; i++) results.push(await requestPasswordReset(t().db, { email: 'koordination@musterland.example' }, undefined, now));
    assert.deepEqual(
      results.map((r) => !r.throttled && !!r.mail),
      [...Array(resetMailsPerAccount).fill(true), false, false],
      'mails for the first three requests only',
    );
    assert.ok(results.every((r) => !r.throttled), 'the account limit is silent (same answer as for an unknown address)');
    const fromAddress = [];
    for (let i = 0; i <= resetRequestsPerAddress; i++) fromAddress.push(await requestPasswordReset(t().db, { email: `x${i}@example.org` }, '203.0.113.9', now));
    assert.deepEqual(fromAddress.map((r) => r.throttled), [...Array(resetRequestsPerAddress).fill(false), true], 'the 11th request from one address is turned away');
    const later = new Date(now.getTime() + 3_600_001);
    assert.equal((await requestPasswordReset(t().db, { email: 'koordination@musterland.example' }, '203.0.113.9', later)).throttled, false, 'an hour later it works again');
  });

  test('ohne Mailserver: der Hinweis, dass die Administration hilft; kein Link wird erzeugt', async () => {
    const c = t().client();
    const signIn = await c.get('/anmelden');
    assert.match(await signIn.text(), /<a href="\/passwort-vergessen">Passwort vergessen\?<\/a>/, 'the sign-in page links to it');
    const page = await c.get('/passwort-vergessen');
    assert.equal(page.status, 200, 'the page exists');
    assert.match(await mainText(page), /nur die Plattform-Administration zurücksetzen/, 'says whom to ask');
    const before = (await t().db.select().from(passwordResets)).length;
    const post = await c.post('/passwort-vergessen', { email: 'lesend@musterland.example' });
    assert.equal(post.status, 200, 'a post shows the same hint');
    assert.equal((await t().db.select().from(passwordResets)).length, before, 'no link is created without a way to send it');
  });
});

describeEachDb('Client-Adresse hinter einem Reverse Proxy', (t) => {
  test('IKON_TRUSTED_PROXIES=1: die Drosselung gilt je Adresse aus X-Forwarded-For, nicht für alle hinter dem Proxy', async () => {
    const app = createApp({ database: t().database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused', IKON_TRUSTED_PROXIES: '1', ...smtp.env() }) });
    const ask = async (forwardedFor: string) => {
      const c = new TestClient(app);
      await c.get('/passwort-vergessen');
      const body = new URLSearchParams({ _csrf: c.csrf, email: 'niemand@musterland.example' });
      return (await c.request('/passwort-vergessen', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor } })).status;
    };
    const statuses = [];
    // The client forges the left part; the proxy appended the real address on the right.
    for (let i = 0; i <= resetRequestsPerAddress; i++) statuses.push(await ask(`10.9.9.${i}, 198.51.100.20`));
    assert.deepEqual(statuses, [...Array(resetRequestsPerAddress).fill(200), 429], 'one client behind the proxy is throttled by its own address');
    assert.equal(await ask('198.51.100.21'), 200, 'another client behind the same proxy is not');
  });
});
