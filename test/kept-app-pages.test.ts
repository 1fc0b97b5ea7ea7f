import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { enableQueryStats, withQueryStats } from '../src/db/query-stats.js';
import { systemUser } from '../src/platform/auth/current-user.js';
import { tenants } from '../src/platform/tenancy/schema.js';
import { formatDateTime } from '../src/platform/i18n/i18n.js';
import { actors } from '../src/modules/actors/schema.js';
import { demoPartnerToken } from '../src/modules/partner-updates/demo.js';
import { partnerLinks } from '../src/modules/partner-updates/schema.js';
import { apiTokens, invitations } from '../src/modules/tenants/schema.js';
import { until } from './support/until.js';
import { createTenant } from '../src/modules/tenants/service.js';
import { editions } from '../src/modules/concepts/schema.js';
import { indicators } from '../src/modules/progress/schema.js';
import { hashToken } from '../src/platform/auth/tokens.js';
import { noteChangeWithoutNotify } from './support/content-changes.js';
import { describeEachDb, type TestClient } from './support/harness.js';

// Internal pages marked `keptAppPage` (platform/ui/kept-app-page.ts) are served again while nothing in
// their Kommune changed: opened again they cost the frame's check, not a render (issue 9.2). Whatever
// changed in the Kommune, through ikon or another instance, shows at once.
describeEachDb('Interne Seiten: aufbewahrt, solange sich in der Kommune nichts geändert hat', (t) => {
  before(() => enableQueryStats());
  const open = (c: TestClient, path: string) => withQueryStats(async () => (await c.get(path)).text());
  /** Served again, not rendered: fewer queries than the render, the session query at most (PGlite: none, its changes are counted in process). */
  const assertKept = (rendered: number, again: number) =>
    assert.ok(again < rendered && again <= 1, `opened again: ${again} queries (rendered: ${rendered})`);
  const adopted = async () => (await t().db.select().from(editions).where(eq(editions.status, 'beschlossen')))[0]!;

  test('opened again: the same page after a check; a change by another instance at once', async () => {
    const edition = await adopted();
    const path = `/app/k/musterland/fassungen/${edition.id}/indikatoren`;
    const c = await t().signIn('koordination@musterland.example');
    const first = await open(c, path);
    const second = await open(c, path);
    assert.equal(second.result, first.result, 'the same page');
    assert.ok(first.stats.count >= 5, `the first visit renders (${first.stats.count} queries)`);
    assert.ok(second.stats.count <= 2, `opened again: the session and the check at most (${second.stats.count} queries)`);

    const [indicator] = await t().db.select().from(indicators).where(eq(indicators.editionId, edition.id)).limit(1);
    await t().db.transaction(async (tx) => {
      await tx.update(indicators).set({ name: 'Anderswo umbenannt' }).where(and(eq(indicators.tenantId, edition.tenantId), eq(indicators.id, indicator!.id)));
      await noteChangeWithoutNotify(tx, { id: edition.tenantId });
    });
    assert.match((await open(c, path)).result, /Anderswo umbenannt/, 'a write committed elsewhere shows at once');
  });

  test('another person gets her own page, not a kept one of someone else', async () => {
    const path = '/app/k/musterland/aufmerksamkeit';
    const koordination = await t().signIn('koordination@musterland.example');
    const redaktion = await t().signIn('redaktion@musterland.example');
    const forCoordination = await (await koordination.get(path)).text();
    const forEditor = await (await redaktion.get(path)).text();
    assert.match(forCoordination, /Katrin Koordination/);
    assert.doesNotMatch(forEditor, /Katrin Koordination/, 'not shown as someone else');
    assert.match(forEditor, /Rainer Redaktion/);
  });

  // On PostgreSQL the check is answered from the session query's snapshot and change rows (ContentState,
  // platform/public-changes.ts). A transaction still open when the page was rendered, committed after: the
  // next request must render again. (PGlite has one connection: a page cannot be rendered while it is open.)
  test('PostgreSQL: a change in progress while the page was rendered shows once it is committed', async (ctx) => {
    if (t().kind === 'pglite') return ctx.skip('one connection: no render while a transaction is open');
    const path = '/app/k/musterland/fassungen';
    const c = await t().signIn('koordination@musterland.example');
    await c.get('/app/k/musterland'); // the first page after signing in sets cookies: such a response is not kept
    const edition = await adopted();
    const renamed = `${edition.title} (während der Darstellung geändert)`;
    let release!: () => void;
    let began!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const running = new Promise<void>((r) => (began = r));
    const writing = t().db.transaction(async (tx) => {
      await tx.update(editions).set({ title: renamed }).where(eq(editions.id, edition.id));
      await noteChangeWithoutNotify(tx, { id: edition.tenantId });
      began();
      await held;
    });
    try {
      await running;
      // A later transaction that completes first: the open one is then "in progress" inside the page's snapshot (its xip list).
      await noteChangeWithoutNotify(t().db, { id: '00000000-0000-4000-8000-000000000000' });
      const during = await (await c.get(path)).text();
      assert.doesNotMatch(during, /während der Darstellung geändert/, 'not committed yet');
      const kept = await open(c, path);
      assert.equal(kept.stats.count, 1, 'the page rendered during the transaction is kept');
      release();
      await writing;
      const after = await open(c, path);
      assert.match(after.result, /während der Darstellung geändert/, 'committed: shown at once');
      const again = await open(c, path);
      assert.equal(again.result, after.result);
      assert.equal(again.stats.count, 1, 'opened again: the session query alone, the changes came with it');
    } finally {
      release();
      await writing.catch(() => undefined);
      await t().db.update(editions).set({ title: edition.title }).where(eq(editions.id, edition.id));
      await noteChangeWithoutNotify(t().db, { id: edition.tenantId });
    }
  });

  test("a new Gemeinde is on its Landkreis's gaps matrix at once", async () => {
    const path = '/app/k/musterland/luecken';
    const c = await t().signIn('koordination@musterland.example');
    const before = await (await c.get(path)).text();
    assert.equal((await open(c, path)).result, before, 'kept');
    const [landkreis] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    await createTenant({ db: t().db, user: systemUser }, { ags: `${landkreis!.ags.slice(0, 5)}999`, name: 'Neudorf am Test', kind: 'gemeinde', parentId: landkreis!.id, slug: 'neudorf-am-test' });
    assert.doesNotMatch(before, /Neudorf am Test/);
    assert.match(await (await c.get(path)).text(), /Neudorf am Test/, 'the new Gemeinde is a column at once');
  });
  // "Last used" of a partner link or an API-Zugang is written without an audit entry (the Protokoll has the
  // hourly entry, or the writes made with the token): the stamp itself notes the change for kept pages.
  test('the partner links overview is kept, and a partner opening her link shows on it at once', async () => {
    const path = '/app/k/musterland/partnerlinks';
    const c = await t().signIn('koordination@musterland.example');
    await c.get('/app/k/musterland');
    const before = await open(c, path);
    const again = await open(c, path);
    assert.equal(again.result, before.result, 'the same page');
    assertKept(before.stats.count, again.stats.count);

    assert.equal((await t().client().get(`/partner/${demoPartnerToken}`)).status, 200, 'the partner opens her link');
    const [link] = await t().db.select().from(partnerLinks).where(eq(partnerLinks.tokenHash, hashToken(demoPartnerToken)));
    assert.ok(link?.lastUsedAt, 'the use is stamped');
    const after = (await open(c, path)).result;
    assert.ok(after.includes(`geöffnet am ${formatDateTime('de', link.lastUsedAt)}`), 'the overview shows when it was opened');

    // Opened again within the hour: no new Protokoll entry, only the stamp (to the minute; here it is set back).
    const earlier = new Date(link.lastUsedAt.getTime() - 3 * 60_000);
    await t().db.transaction(async (tx) => {
      await tx.update(partnerLinks).set({ lastUsedAt: earlier }).where(eq(partnerLinks.id, link.id));
      await noteChangeWithoutNotify(tx, { id: link.tenantId });
    });
    assert.ok((await open(c, path)).result.includes(`geöffnet am ${formatDateTime('de', earlier)}`));
    assertKept(before.stats.count, (await open(c, path)).stats.count);
    await t().client().get(`/partner/${demoPartnerToken}`);
    const [stamped] = await t().db.select().from(partnerLinks).where(eq(partnerLinks.id, link.id));
    assert.ok(stamped!.lastUsedAt! > earlier, 'stamped again');
    assert.ok((await open(c, path)).result.includes(`geöffnet am ${formatDateTime('de', stamped!.lastUsedAt!)}`), 'the new use shows at once');
  });

  test('a new partner link is shown once, also when a page without it was kept meanwhile', async () => {
    const path = '/app/k/musterland/partnerlinks';
    const c = await t().signIn('koordination@musterland.example');
    await c.get('/app/k/musterland');
    await c.get(path);
    const [actor] = await t().db.select().from(actors).where(eq(actors.name, 'Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland'));
    assert.ok(actor, 'a demo actor without a link');
    const created = await c.post(`${path}/akteure/${actor.id}`, { expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), recipientContactId: '' });
    assert.equal(created.status, 303);
    // The page opened meanwhile without the secret (another tab, its message taken there) is kept; the request that
    // carries the handed-over secret must not get it.
    c.cookies.delete('ikon_flash');
    const handed = c.cookies.get('ikon_partner_link');
    assert.ok(handed, 'the secret travels in its cookie');
    c.cookies.delete('ikon_partner_link');
    await c.get(path);
    c.cookies.set('ikon_partner_link', handed);
    const shown = await (await c.get(path)).text();
    assert.match(shown, /\/partner\/[A-Za-z0-9_-]{43}/, 'the new link is on the page');
    assert.doesNotMatch(await (await c.get(path)).text(), /\/partner\/[A-Za-z0-9_-]{43}/, 'and only once');
  });

  test('the API-Zugänge page is kept, and a use of a token shows on it at once', async () => {
    const path = '/app/k/musterland/einstellungen/api-zugaenge';
    const c = await t().signIn('koordination@musterland.example');
    const created = await c.post(path, { name: 'Fachverfahren Kept', role: 'lesend', scopes: [], expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) });
    assert.equal(created.status, 303);
    const secret = /value="(ikon_[A-Za-z0-9_-]{43})"/.exec(await (await c.get(path)).text())?.[1];
    assert.ok(secret, 'the token is shown once');
    const before = await open(c, path);
    const again = await open(c, path);
    assert.equal(again.result, before.result, 'the same page');
    assertKept(before.stats.count, again.stats.count);

    const used = await t().app.request('/api/v1/kommunen/musterland', { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(used.status, 200);
    const [token] = await t().db.select().from(apiTokens).where(eq(apiTokens.tokenHash, hashToken(secret)));
    assert.ok(token?.lastUsedAt, 'the use is stamped');
    assert.ok((await open(c, path)).result.includes(formatDateTime('de', token.lastUsedAt)), 'the page shows the last use');
  });
  // The members page shows „abgelaufen“ for an invitation from the minute it expires: kept no longer than that.
  test('the members page is kept until the next invitation on it expires', async () => {
    const path = '/app/k/musterland/mitglieder';
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post('/app/k/musterland/einladungen', { email: 'nora.n@example.org', name: 'Nora Nachtigall', role: 'lesend' })).status, 303);
    await c.get(path); // the message and the handed-over link are shown once
    const [invitation] = await t().db.select().from(invitations).where(eq(invitations.email, 'nora.n@example.org'));
    const expiresAt = new Date(Date.now() + 1500);
    await t().db.transaction(async (tx) => {
      await tx.update(invitations).set({ expiresAt }).where(eq(invitations.id, invitation!.id));
      await noteChangeWithoutNotify(tx, { id: invitation!.tenantId });
    });
    const row = (html: string) => /<tr>(?:(?!<\/tr>)[\s\S])*nora\.n@example\.org[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    const before = await open(c, path);
    assert.ok(row(before.result), 'the invitation is listed');
    assert.doesNotMatch(row(before.result), /abgelaufen/, 'still open');
    const again = await open(c, path);
    if (Date.now() < expiresAt.getTime()) assertKept(before.stats.count, again.stats.count);
    await until(() => Date.now(), (now) => now > expiresAt.getTime(), 'the invitation expires');
    assert.match(row((await open(c, path)).result), /abgelaufen/, 'shown as expired once it is');
  });
});
