import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { describeEachDb, TestClient, type TestApp } from '../../../test/support/harness.js';
import { demoPassword } from '../auth/demo-accounts.js';

const coordinator = 'koordination@musterland.example';
const planted = 'planted-by-attacker-0123456789abcdef';

/** Whether the client's session is still signed in (the internal overview answers 200). */
const signedIn = async (c: TestClient) => (await c.get('/app/k/musterland/fassungen')).status === 200;

/** A second app instance on the same database, with its own (fresh) secret cache. */
const otherInstance = (t: TestApp, env: Record<string, string> = {}) =>
  createApp({ database: t.database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused', ...env }) });

const copyCookies = (from: TestClient, to: TestClient) => {
  for (const [k, v] of from.cookies) to.cookies.set(k, v);
  return to;
};

describeEachDb('CSRF-Schutz', (t) => {
  test('angemeldet: ein untergeschobenes ikon_csrf-Cookie mit gleichem Formularwert wird abgewiesen', async () => {
    const c = await t().signIn(coordinator);
    c.cookies.set('ikon_csrf', planted);
    const res = await c.post('/abmelden', { _csrf: planted });
    assert.equal(res.status, 403, `a planted cookie/field pair is refused (got ${res.status})`);
    assert.match(await res.text(), /Formular ist abgelaufen/, 'German message');
    assert.ok(await signedIn(c), 'the session was not ended by the forged request');
  });

  test('das Token einer anderen Sitzung passt nicht, auch nicht als Cookie untergeschoben', async () => {
    const attacker = await t().signIn('lesend@musterland.example');
    const victim = await t().signIn(coordinator);
    assert.notEqual(attacker.csrf, victim.csrf, 'two sessions have different tokens');
    victim.cookies.set('ikon_csrf', attacker.csrf);
    const res = await victim.post('/abmelden', { _csrf: attacker.csrf });
    assert.equal(res.status, 403, `another session's token is refused (got ${res.status})`);
    assert.ok(await signedIn(victim), 'the victim is still signed in');
  });

  test('anonym (Anmeldeformular): nur ein vom Server signiertes Token, das auch im Cookie steht', async () => {
    const forged = t().client();
    forged.cookies.set('ikon_csrf', planted);
    const res = await forged.post('/anmelden', { _csrf: planted, email: coordinator, password: demoPassword });
    assert.equal(res.status, 403, `an unsigned planted token is refused on the sign-in form (got ${res.status})`);
    const other = t().client();
    await other.get('/anmelden');
    const fresh = t().client();
    await fresh.get('/anmelden');
    const borrowed = await fresh.post('/anmelden', { _csrf: other.csrf, email: coordinator, password: demoPassword });
    assert.equal(borrowed.status, 403, 'a token not matching the own cookie is refused');
    const own = await fresh.post('/anmelden', { email: coordinator, password: demoPassword });
    assert.equal(own.status, 303, `the own token signs in (got ${own.status})`);
  });

  test('Anfragen, die der Browser als seitenfremd meldet (Sec-Fetch-Site), werden abgewiesen', async () => {
    const c = await t().signIn(coordinator);
    for (const site of ['cross-site', 'same-site']) {
      const res = await c.request('/abmelden', {
        method: 'POST',
        body: new URLSearchParams({ _csrf: c.csrf }),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': site },
      });
      assert.equal(res.status, 403, `Sec-Fetch-Site: ${site} is refused even with the right token`);
    }
    assert.ok(await signedIn(c), 'still signed in');
  });

  test('mit der neuen Sitzung wechselt das Token; das der alten gilt nicht mehr', async () => {
    const c = await t().signIn(coordinator);
    const first = c.csrf;
    assert.equal((await c.post('/abmelden', {})).status, 303, 'sign-out with the session token');
    assert.notEqual(c.csrf, first, 'after sign-out the browser holds an anonymous token');
    assert.equal((await c.post('/anmelden', { email: coordinator, password: demoPassword })).status, 303, 'sign-in again');
    assert.notEqual(c.csrf, first, 'the new session has a new token');
    const stale = await c.post('/abmelden', { _csrf: first });
    assert.equal(stale.status, 403, 'the old session token is refused');
  });

  test('mehrere Instanzen auf einer Datenbank nehmen dieselben Token an; IKON_SECRET geht vor', async () => {
    const c = await t().signIn(coordinator);
    const sameDb = copyCookies(c, new TestClient(otherInstance(t())));
    const accepted = await sameDb.request('/api/v1/kommunen', { headers: { accept: 'application/json' } });
    assert.equal(accepted.status, 200, 'reads work on the other instance');
    const withSecret = copyCookies(c, new TestClient(otherInstance(t(), { IKON_SECRET: 'ein-anderes-geheimnis-mit-mindestens-32-zeichen' })));
    const refused = await withSecret.post('/abmelden', {});
    assert.equal(refused.status, 403, 'an instance with another configured secret refuses the token');
    const write = await sameDb.post('/abmelden', {});
    assert.equal(write.status, 303, `the other instance on the same database accepts the token (got ${write.status})`);
  });

  test('unter https: Cookies mit __Host-Präfix (Secure, Path=/, ohne Domain)', async () => {
    const app = otherInstance(t(), { PUBLIC_URL: 'https://ikon.musterland.example' });
    const c = new TestClient(app);
    const res = await c.post('/anmelden', { email: coordinator, password: demoPassword });
    assert.equal(res.status, 303, `sign-in over https config (got ${res.status})`);
    const cookies = res.headers.getSetCookie();
    for (const name of ['__Host-ikon_session', '__Host-ikon_csrf']) {
      const line = cookies.find((l) => l.startsWith(`${name}=`));
      assert.ok(line, `${name} is set (got ${cookies.join(' | ')})`);
      assert.match(line, /; Secure/i, `${name} is Secure`);
      assert.match(line, /; Path=\//i, `${name} has Path=/`);
      assert.doesNotMatch(line, /Domain=/i, `${name} has no Domain`);
    }
    assert.equal(cookies.filter((l) => /^ikon_(session|csrf)=/.test(l)).length, 0, 'no unprefixed cookies under https');
    assert.equal((await c.get('/app/k/musterland/fassungen')).status, 200, 'the __Host- session works');
    const unprefixed = new TestClient(app);
    unprefixed.cookies.set('ikon_session', c.cookies.get('__Host-ikon_session')!);
    assert.equal((await unprefixed.get('/app/k/musterland/fassungen')).status, 303, 'an unprefixed session cookie is not read under https');
  });
});

test('IKON_SECRET: zu kurz ist ein Startfehler', () => {
  assert.throws(() => loadConfig({ IKON_SECRET: 'kurz' }), /IKON_SECRET/);
});
