import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { loginAttempts } from '../../platform/auth/schema.js';
import { addressFreeFailures, addressMaxWaitMs, addressSpacingMs, reserveAddressSlot } from '../../platform/auth/throttle.js';
import { auditLog } from '../../platform/audit/schema.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { indicators, measureUpdates } from '../progress/schema.js';
import { actorOfUser, demoIds, measuresByInvolvement, problemType } from '../api/test-helpers.js';
import { createApiToken, endOfBerlinDay, revokeApiToken } from './api-tokens.js';
import { createTenant } from './service.js';
import { apiTokens } from './schema.js';

const base = '/api/v1/kommunen/musterland';
const admin = (db: any) => ({ db, user: systemUser });
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDb('API-Zugänge (Bearer-Token)', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let actorX: string;
  let mine: { id: string; version: number };
  let notMine: { id: string; version: number };
  let indicatorOfMine: string;

  const bearer = (token: string, method = 'GET', path = `${base}`, body?: unknown, headers: Record<string, string> = {}) =>
    t().app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const problem = async (res: Response, status: number, code: string, title?: RegExp) => {
    assert.equal(res.status, status, `status ${res.status}, expected ${status}`);
    assert.equal(res.headers.get('content-type')?.split(';')[0], problemType, 'problem+json');
    const body = (await res.json()) as any;
    assert.equal(body.code, code, `code ${body.code}`);
    if (title) assert.match(body.title, title, `title: ${body.title}`);
    return body;
  };

  const token = async (over: Record<string, unknown> = {}) =>
    createApiToken(admin(t().db), ids.tenantId, { name: `Fachverfahren ${Math.random().toString(36).slice(2)}`, role: 'redaktion', actorId: actorX, scopes: ['progress'], expiresOn: future(200), ...over });

  const report = (m: { id: string; version: number }, text = 'Über das Fachverfahren gemeldet') => ({ version: m.version, status: 'in_umsetzung', progress: 40, text });

  before(async () => {
    ids = await demoIds(t().db);
    actorX = await actorOfUser(t().db, ids.tenantId, 'redaktion@musterland.example');
    const split = await measuresByInvolvement(t().db, ids.tenantId, ids.adopted.id, actorX);
    mine = split.involved.find((m) => m.leadActorId === actorX)!;
    notMine = split.uninvolved[0]!;
    assert.ok(mine && notMine, 'the demo has measures the actor leads and measures it has nothing to do with');
    const [ind] = await t()
      .db.insert(indicators)
      .values({ tenantId: ids.tenantId, editionId: ids.adopted.id, measureId: mine.id, name: 'Über API gemeldete Kennzahl', kind: 'output' })
      .returning();
    indicatorOfMine = ind!.id;
  });

  test('Koordination legt einen Zugang an: das Token steht einmal auf der Seite, gespeichert ist nur sein Hash; Protokoll', async () => {
    const coordinator = await t().signIn('koordination@musterland.example');
    const page = `/app/k/musterland/einstellungen/api-zugaenge`;
    const form = await coordinator.get(page);
    assert.equal(form.status, 200);
    const created = await coordinator.post(page, { name: 'Fachverfahren Sozialamt', role: 'redaktion', actorId: actorX, scopes: ['progress', 'indicator_values'], expiresOn: future(300) });
    assert.equal(created.status, 303, 'Post/Redirect/Get');
    const shown = await coordinator.get(page);
    const html = await shown.text();
    const secret = /value="(ikon_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
    assert.ok(secret, 'the new token is shown in a read-only field');
    assert.match(html, /nur dieses eine Mal angezeigt/);
    assert.match(html, /curl -H &quot;Authorization: Bearer ikon_/);
    assert.equal(shown.headers.get('cache-control'), 'no-store', 'the page with the secret is not cached');
    const again = await (await coordinator.get(page)).text();
    assert.ok(!again.includes(secret!), 'the secret is gone on the next visit');
    assert.match(again, /Fachverfahren Sozialamt/);

    const [row] = await t().db.select().from(apiTokens).where(and(eq(apiTokens.tenantId, ids.tenantId), eq(apiTokens.name, 'Fachverfahren Sozialamt')));
    assert.equal(row!.tokenHash, hashToken(secret!), 'stored as SHA-256');
    assert.deepEqual(row!.scopes, ['progress', 'indicator_values']);
    const dump = JSON.stringify(await t().db.execute(sql`select * from api_tokens`)) + JSON.stringify(await t().db.select().from(auditLog));
    assert.ok(!dump.includes(secret!), 'the secret itself is nowhere in the database');
    const [audit] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'api_token'), eq(auditLog.entityId, row!.id)));
    assert.equal(audit?.action, 'create', 'creating is audited');

    // And it works: a read with the token sees the Kommune as a member does (versions of measures).
    const res = await bearer(secret!, 'GET', `${base}/measures/${mine.id}`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as any).version !== undefined, true, 'members-only field present');
  });

  test('ein Zugang für Akteur X meldet Sachstände für X, nicht für Maßnahmen anderer Akteure; ohne CSRF; im Protokoll mit seinem Namen', async () => {
    const { token: row, secret } = await token({ name: 'Fachverfahren Sozialamt Sachstände' });
    const current = (await (await bearer(secret, 'GET', `${base}/measures/${mine.id}`)).json()) as any;
    const res = await bearer(secret, 'POST', `${base}/measures/${mine.id}/updates`, report({ id: mine.id, version: current.version }));
    assert.equal(res.status, 201, `reported: ${res.status}`);
    const update = (await res.json()) as any;
    assert.equal(update.authorName, 'API-Zugang «Fachverfahren Sozialamt Sachstände»');
    const audits = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'measure_update'), eq(auditLog.entityId, update.id)));
    assert.equal(audits[0]?.userName, 'API-Zugang «Fachverfahren Sozialamt Sachstände»', 'the write is audited naming the token');
    assert.equal(audits[0]?.userId, null);

    const other = (await (await bearer(secret, 'GET', `${base}/measures/${notMine.id}`)).json()) as any;
    const before = await t().db.select({ n: sql<number>`count(*)::int` }).from(measureUpdates).where(eq(measureUpdates.measureId, notMine.id));
    await problem(await bearer(secret, 'POST', `${base}/measures/${notMine.id}/updates`, report({ id: notMine.id, version: other.version })), 403, 'forbidden');
    const after = await t().db.select({ n: sql<number>`count(*)::int` }).from(measureUpdates).where(eq(measureUpdates.measureId, notMine.id));
    assert.equal(after[0]!.n, before[0]!.n, 'nothing written for actor Y');
    const [used] = await t().db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
    assert.ok(used!.lastUsedAt, 'last use is recorded');
  });

  test('Zugänge schreiben nur, was ihr Umfang erlaubt: Messwerte nur mit Häkchen, andere Änderungen nie', async () => {
    const { secret: progressOnly } = await token({ name: 'Nur Sachstände' });
    await problem(await bearer(progressOnly, 'POST', `${base}/indicators/${indicatorOfMine}/values`, { measuredOn: '2026-01-31', value: 5 }), 403, 'forbidden', /keine Messwerte/);
    const { secret: values } = await token({ name: 'Messwerte', scopes: ['indicator_values'] });
    const ok = await bearer(values, 'POST', `${base}/indicators/${indicatorOfMine}/values`, { measuredOn: '2026-01-31', value: 5 });
    assert.equal(ok.status, 201, `value reported: ${ok.status}`);
    assert.equal(((await ok.json()) as any).createdBy, 'API-Zugang «Messwerte»');
    await problem(await bearer(values, 'POST', `${base}/measures/${mine.id}/updates`, report(mine)), 403, 'forbidden', /keine Sachstände/);

    // Even with Koordination's role a token changes nothing but reports.
    const { secret: coordination } = await token({ name: 'Koordination Voll', role: 'koordination', actorId: null, scopes: ['progress', 'indicator_values'] });
    const measure = (await (await bearer(coordination, 'GET', `${base}/measures/${mine.id}`)).json()) as any;
    await problem(await bearer(coordination, 'PATCH', `${base}/measures/${mine.id}/status`, { version: measure.version, status: 'in_umsetzung' }), 403, 'forbidden', /API-Zugang nicht möglich/);
    await problem(await bearer(coordination, 'POST', `${base}/actors`, { name: 'Neu über API', kind: 'sonstige' }), 403, 'forbidden', /API-Zugang nicht möglich/);
    // A read-only token reads and reports nothing.
    const { secret: reader } = await token({ name: 'Nur lesen', role: 'lesend', actorId: null, scopes: [] });
    assert.equal((await bearer(reader, 'GET', `${base}/editions/${ids.draft.id}`)).status, 200, 'reads drafts like a member');
    await problem(await bearer(reader, 'POST', `${base}/measures/${mine.id}/updates`, report(measure)), 403, 'forbidden');
  });

  test('widerrufen, abgelaufen, unbekannt, fremd oder verformt: 401 als problem+json mit WWW-Authenticate, nie 5xx', async () => {
    const { token: row, secret } = await token({ name: 'Bald widerrufen' });
    await revokeApiToken(admin(t().db), ids.tenantId, row.id, row.version);
    const revoked = await bearer(secret, 'GET', `${base}/measures/${mine.id}`);
    assert.match(revoked.headers.get('www-authenticate') ?? '', /^Bearer .*error="invalid_token"/);
    const body = await problem(revoked, 401, 'invalid_token', /widerrufen/);
    assert.equal(body.reason, 'revoked');
    await problem(await bearer(secret, 'GET', base), 401, 'invalid_token', /widerrufen/);
    const refusals = await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'reject')));
    assert.equal(refusals.length, 1, 'a revoked token in use is noted in the Protokoll, once an hour');
    assert.deepEqual(refusals[0]!.after, { name: row.name, reason: 'revoked' });
    assert.equal(refusals[0]!.userName, `API-Zugang «${row.name}»`);

    const { token: old, secret: oldSecret } = await token({ name: 'Abgelaufen' });
    await t().db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, old.id));
    assert.equal((await problem(await bearer(oldSecret, 'GET', base), 401, 'invalid_token', /abgelaufen/)).reason, 'expired');

    const foreign = `ikon_${'A'.repeat(43)}`;
    assert.equal((await problem(await bearer(foreign, 'GET', base), 401, 'invalid_token', /unbekannt/)).reason, 'unknown');
    for (const header of ['Bearer', 'Bearer abc', 'bearer ikon_kurz', `Bearer ${secret}x`, `Bearer ${secret} ${secret}`, `Bearer ${secret.replace('ikon_', 'IKON_')}`, 'Bearer ' + 'ikon_' + '%'.repeat(43)]) {
      const res = await t().app.request(base, { headers: { authorization: header } });
      assert.equal((await problem(res, 401, 'invalid_token')).reason, 'malformed', `malformed: ${header}`);
    }
    // Another scheme (Basic auth of a reverse proxy) is not a token: the request is anonymous.
    assert.equal((await t().app.request(base, { headers: { authorization: 'Basic dXNlcjpwYXNz' } })).status, 200);
    // Pages do not take tokens at all.
    const app = await t().app.request('/app/k/musterland', { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(app.status, 303, 'internal pages still want a session');
  });

  test('Token und Sitzungs-Cookie zusammen: es gilt nur das Token', async () => {
    const coordinator = await t().signIn('koordination@musterland.example');
    const { secret: reader } = await token({ name: 'Lesend mit Cookie', role: 'lesend', actorId: null, scopes: [] });
    const measure = (await (await bearer(reader, 'GET', `${base}/measures/${mine.id}`)).json()) as any;
    // The coordinator's cookie and CSRF header go along, but the token decides: it may not write.
    const both = await coordinator.request(`${base}/measures/${mine.id}/status`, {
      method: 'PATCH',
      body: JSON.stringify({ version: measure.version, status: 'in_umsetzung' }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reader}`, 'x-csrf-token': coordinator.csrf },
    });
    await problem(both, 403, 'forbidden');
    // A bad token with a good cookie is still a bad token.
    const bad = await coordinator.request(`${base}/measures/${mine.id}`, { headers: { authorization: 'Bearer ikon_falsch' } });
    await problem(bad, 401, 'invalid_token');
  });

  test('ein Token einer Kommune gilt nicht in einer anderen: dort nur öffentliche Daten, nichts zu melden', async () => {
    const { secret } = await token({ name: 'Nur Musterland', role: 'koordination', actorId: null, scopes: ['progress'] });
    const kommunen = (await (await bearer(secret, 'GET', '/api/v1/kommunen')).json()) as any;
    assert.ok(Array.isArray(kommunen.items), 'lists Kommunen');
    // The demo has only musterland; a second Kommune is made for this test.
    const other = await createTenant({ db: t().db, user: systemUser }, { ags: '03458000', name: 'Landkreis Anderswo', kind: 'landkreis', slug: 'anderswo' });
    const res = await bearer(secret, 'GET', `/api/v1/kommunen/${other.slug}/editions`);
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as any).items, [], 'no drafts of another Kommune');
    await problem(await bearer(secret, 'POST', `/api/v1/kommunen/${other.slug}/measures/${mine.id}/updates`, report(mine)), 404, 'not_found');
  });

  test('Eingaben: höchstens ein Jahr gültig, Lesend meldet nichts, Bezeichnung eindeutig, Akteur für Redaktion', async () => {
    const coordinator = await t().signIn('koordination@musterland.example');
    const page = `/app/k/musterland/einstellungen/api-zugaenge`;
    const post = (over: Record<string, string | string[]>) => coordinator.post(page, { name: 'Prüfung', role: 'redaktion', actorId: actorX, scopes: ['progress'], expiresOn: future(30), ...over });
    const tooLong = await post({ expiresOn: future(400) });
    assert.equal(tooLong.status, 422);
    assert.match(await tooLong.text(), /höchstens ein Jahr voraus/);
    const past = await post({ expiresOn: future(-1) });
    assert.equal(past.status, 422);
    const reader = await post({ role: 'lesend', actorId: '' });
    assert.equal(reader.status, 422);
    assert.match(await reader.text(), /Mit der Rolle Lesend kann ein Zugang nichts melden/);
    const noActor = await post({ actorId: '' });
    assert.equal(noActor.status, 422);
    const badScope = await post({ scopes: ['alles'] });
    assert.equal(badScope.status, 422);
    await token({ name: 'Doppelt' });
    const twice = await post({ name: 'Doppelt' });
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /schon einen API-Zugang mit dieser Bezeichnung/);
    // Others than the Koordination do not even see the page.
    const editor = await t().signIn('redaktion@musterland.example');
    assert.equal((await editor.get(page)).status, 403);
    assert.equal((await editor.post(page, { name: 'X', role: 'koordination', expiresOn: future(10) })).status, 403);
  });

  test('Widerrufen über die Bestätigungsseite, mit Version; im Protokoll; danach 401', async () => {
    const { token: row, secret } = await token({ name: 'Zum Widerrufen' });
    const coordinator = await t().signIn('koordination@musterland.example');
    const url = `/app/k/musterland/einstellungen/api-zugaenge/${row.id}/widerrufen`;
    const confirm = await coordinator.get(url);
    assert.equal(confirm.status, 200);
    const html = await confirm.text();
    assert.match(html, /API-Zugang «Zum Widerrufen» widerrufen\?/);
    assert.match(html, /name="version" value="1"/);
    const missing = await coordinator.post(url, {});
    assert.equal(missing.status, 422, 'the version is required');
    const done = await coordinator.post(url, { version: '1' });
    assert.equal(done.status, 303);
    const [after] = await t().db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
    assert.ok(after!.revokedAt, 'revoked');
    assert.equal(after!.revokedByName, 'Katrin Koordination', 'who revoked is kept');
    const [audit] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'revoke')));
    assert.ok(audit, 'revoking is audited');
    await problem(await bearer(secret, 'GET', base), 401, 'invalid_token', /widerrufen/);
    const again = await coordinator.post(url, { version: '2' });
    assert.equal(again.status, 303, 'revoking twice changes nothing and says so');
    const list = await (await coordinator.get('/app/k/musterland/einstellungen/api-zugaenge')).text();
    assert.match(list, /widerrufen am/);
  });

  test('gültig bis einschließlich des gewählten Tages (deutsche Zeit)', () => {
    assert.equal(endOfBerlinDay('2027-01-15').toISOString(), '2027-01-15T23:00:00.000Z', 'winter: CET');
    assert.equal(endOfBerlinDay('2027-07-15').toISOString(), '2027-07-15T22:00:00.000Z', 'summer: CEST');
    assert.equal(endOfBerlinDay('2027-03-27').toISOString(), '2027-03-27T23:00:00.000Z', 'the night the clocks go forward');
    assert.equal(endOfBerlinDay('2027-10-30').toISOString(), '2027-10-30T22:00:00.000Z', 'the night the clocks go back');
  });

  test('fehlgeschlagene Token-Versuche werden je Adresse gedrosselt wie Anmeldungen, mit eigenem Zähler', async () => {
    // Behind one trusted proxy the address is the X-Forwarded-For entry it appended.
    const app = createApp({ database: t().database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused', IKON_TRUSTED_PROXIES: '1' }) });
    const from = (address: string, token: string) => app.request(base, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address } });
    const guesser = t().kind === 'pglite' ? '203.0.113.9' : '203.0.113.10';
    for (let i = 0; i < addressFreeFailures; i++) await problem(await from(guesser, `ikon_${String(i).padStart(43, 'x')}`), 401, 'invalid_token');
    const [counted] = await t().db.select().from(loginAttempts).where(eq(loginAttempts.key, `api:${guesser}`));
    assert.equal(counted?.failures, addressFreeFailures, 'each failed attempt counted for the address');
    // Fill the address's queue as parallel guessers would; the next attempt is turned away. The
    // slots are reserved as of five minutes ahead: reserved "now", a slow machine would let the
    // first slots pass before the request below, and the queue would no longer be full.
    const ahead = new Date(Date.now() + 5 * 60_000);
    for (let i = 0; i * addressSpacingMs <= addressMaxWaitMs; i++) await reserveAddressSlot(t().db, guesser, ahead, 'api');
    const busy = await from(guesser, `ikon_${'y'.repeat(43)}`);
    assert.equal(busy.headers.get('retry-after'), '30');
    await problem(busy, 429, 'too_many_attempts', /Zu viele ungültige API-Tokens/);
    // Sign-ins from that address keep their own budget; a valid token from elsewhere is not slowed.
    assert.deepEqual(await reserveAddressSlot(t().db, guesser, new Date()), { waitMs: 0 });
    const { secret } = await token({ name: 'Andere Adresse' });
    assert.equal((await from('198.51.100.20', secret)).status, 200);
  });
});
