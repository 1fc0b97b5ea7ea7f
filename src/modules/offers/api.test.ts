import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { actorContacts } from '../actors/schema.js';
import { demoIds, keysIn, problemType } from '../api/test-helpers.js';
import { createApiToken, revokeApiToken } from '../tenants/api-tokens.js';
import { offerProviders, offers } from './schema.js';

const base = '/api/v1/kommunen/musterland';
const admin = (db: any) => ({ db, user: systemUser });
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describeEachDb('API: Angebote', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let actorX: string;
  let otherActor: string;
  const bearer = (token: string, method: string, path: string, body?: unknown) =>
    t().app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const problem = async (res: Response, status: number, code: string) => {
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type')?.split(';')[0], problemType);
    const body = (await res.json()) as any;
    assert.equal(body.code, code);
    return body;
  };
  const offer = (providerIds: string[], title = 'Sprachcafé über die API') => ({
    title, category: 'treff', providerIds, schedule: { kind: 'oeffnungszeiten', slots: [{ weekday: 2, opens: '15:00', closes: '17:00' }] }, languages: ['de', 'ar'], published: true,
  });

  before(async () => {
    ids = await demoIds(t().db);
    // The actor of a published offer that has people with and without consent to publication.
    const rows = await t().db.execute(sql`select p.actor_id as "actorId" from offer_providers p join offers o on o.tenant_id = p.tenant_id and o.id = p.offer_id
      where o.published and o.status <> 'beendet' and p.tenant_id = ${ids.tenantId} group by p.actor_id order by count(*) desc limit 2`);
    const list = ((rows as any).rows ?? rows) as { actorId: string }[];
    actorX = list[0]!.actorId;
    otherActor = list[1]!.actorId;
    await t().db.insert(actorContacts).values([
      { tenantId: ids.tenantId, actorId: actorX, name: 'Öffentliche Olga', email: 'olga@example.org', consentScope: 'veroeffentlichung', consentDate: '2026-01-10', consentSource: 'Formular' },
      { tenantId: ids.tenantId, actorId: actorX, name: 'Interner Ingo', email: 'ingo@example.org', consentScope: 'intern', consentDate: '2026-01-10', consentSource: 'E-Mail' },
      { tenantId: ids.tenantId, actorId: actorX, name: 'Keine Karla', email: 'karla@example.org' },
    ]);
  });

  test('ohne Sitzung: veröffentlichte Angebote und Träger, nur Ansprechpersonen mit Einwilligung zur Veröffentlichung, nichts Internes', async () => {
    const anon = t().client();
    await t().db.update(offers).set({ internalNote: 'VERTRAULICH intern' }).where(eq(offers.tenantId, ids.tenantId));
    const res = await anon.get(`${base}/offers?category=treff`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const body = JSON.parse(text);
    const published = await t().db.select({ id: offers.id }).from(offers).where(and(eq(offers.tenantId, ids.tenantId), eq(offers.published, true), eq(offers.category, 'treff'), sql`${offers.status} <> 'beendet'`));
    assert.equal(body.items.length, published.length, 'every published Treff, nothing else');
    for (const secret of ['VERTRAULICH', 'Interner Ingo', 'ingo@example.org', 'Keine Karla', 'karla@example.org']) assert.ok(!text.includes(secret), `no ${secret}`);
    for (const key of ['internalNote', 'verifiedOn', 'consentScope', 'consentSource', 'published', 'version']) assert.ok(!keysIn(body).has(key), `no ${key}`);
    const providers = await (await anon.get(`${base}/offer-providers`)).json() as any;
    const x = providers.items.find((p: any) => p.id === actorX);
    const consented = await t().db.select({ name: actorContacts.name }).from(actorContacts).where(and(eq(actorContacts.actorId, actorX), eq(actorContacts.consentScope, 'veroeffentlichung')));
    assert.deepEqual(x.contacts.map((c: any) => c.name).sort(), consented.map((c) => c.name).sort(), 'exactly the people who agreed to publication');
    assert.ok(consented.some((c) => c.name === 'Öffentliche Olga'));
    const [one] = await t().db.select({ id: offers.id }).from(offerProviders).innerJoin(offers, and(eq(offers.tenantId, offerProviders.tenantId), eq(offers.id, offerProviders.offerId))).where(and(eq(offerProviders.actorId, actorX), eq(offers.published, true)));
    const detail = (await (await anon.get(`${base}/offers/${one!.id}`)).json()) as any;
    assert.ok(detail.providers.some((p: any) => p.contacts.some((c: any) => c.email === 'olga@example.org')));
    await t().db.update(offers).set({ published: false }).where(eq(offers.id, one!.id));
    await problem(await anon.get(`${base}/offers/${one!.id}`), 404, 'not_found');
    await problem(await anon.get(`${base}/offers?weekday=9`), 422, 'validation_failed');
    const doc = (await (await anon.get('/api/v1/openapi.json')).json()) as any;
    const ops = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((o: any) => o.operationId));
    for (const op of ['listPublicOffers', 'getPublicOffer', 'listOfferProviders', 'createOffer', 'updateOffer']) assert.ok(ops.includes(op), op);
    assert.deepEqual(doc.paths['/api/v1/kommunen/{slug}/offers'].post.security.at(-1), { bearer: ['offers'] });
  });

  test('schreiben: ohne Token 401, ohne Umfang 403, fremder Akteur 403, eigener 201/200 mit Protokoll; schlechte Eingaben 422; widerrufen 401', async () => {
    const anon = t().client();
    await problem(await anon.json('POST', `${base}/offers`, offer([actorX])), 401, 'unauthenticated');
    const progressOnly = await createApiToken(admin(t().db), ids.tenantId, { name: 'Nur Sachstand', role: 'partner', actorId: actorX, scopes: ['progress'], expiresOn: future(100) });
    await problem(await bearer(progressOnly.secret, 'POST', `${base}/offers`, offer([actorX])), 403, 'forbidden');
    const { token, secret } = await createApiToken(admin(t().db), ids.tenantId, { name: 'Angebote X', role: 'partner', actorId: actorX, scopes: ['offers'], expiresOn: future(100) });
    const count = async () => (await t().db.select({ n: sql<number>`count(*)::int` }).from(offers))[0]!.n;
    const before = await count();
    await problem(await bearer(secret, 'POST', `${base}/offers`, offer([otherActor])), 403, 'forbidden');
    const bad = await problem(await bearer(secret, 'POST', `${base}/offers`, { ...offer([actorX]), title: '', postalCode: '12', schedule: { kind: 'termine', dates: [] } }), 422, 'validation_failed');
    assert.ok(bad.errors.some((e: any) => e.field === 'title' && /[A-ZÄÖÜ]/.test(e.message)), 'German message per field');
    await problem(await bearer(secret, 'POST', `${base}/offers`, '{"title": '), 422, 'validation_failed');
    await problem(await bearer(secret, 'POST', `${base}/offers`, { ...offer([actorX]), title: 'x'.repeat(100_000) }), 422, 'validation_failed');
    assert.equal(await count(), before, 'nothing stored by refused writes');

    const created = await bearer(secret, 'POST', `${base}/offers`, offer([actorX], '<script>alert(1)</script> Café'));
    assert.equal(created.status, 201);
    const stored = (await created.json()) as any;
    const [audit] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'offer'), eq(auditLog.entityId, stored.id)));
    assert.match(JSON.stringify(audit), /Angebote X/, 'the Protokoll names the API-Zugang');
    const publicText = await (await anon.get(`${base}/offers/${stored.id}`)).text();
    assert.ok(publicText.includes('<script>alert(1)</script> Café'), 'stored as text (JSON-escaped only in HTML pages)');
    const updated = await bearer(secret, 'PUT', `${base}/offers/${stored.id}`, { ...offer([actorX], 'Sprachcafé (neu)'), version: stored.version });
    assert.equal(updated.status, 200);
    await problem(await bearer(secret, 'PUT', `${base}/offers/${stored.id}`, { ...offer([actorX]), version: stored.version }), 409, 'edit_conflict');
    await problem(await bearer(secret, 'PUT', `${base}/offers/${stored.id}`, { ...offer([otherActor]), version: stored.version + 1 }), 403, 'forbidden');

    await revokeApiToken(admin(t().db), ids.tenantId, token.id, token.version);
    const revoked = await problem(await bearer(secret, 'POST', `${base}/offers`, offer([actorX])), 401, 'invalid_token');
    assert.equal(revoked.reason, 'revoked');
  });
});
