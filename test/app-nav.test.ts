/**
 * The internal navigation is grouped by the phases of the integration work (platform/ui/app-nav.tsx):
 * every module's entry names a phase, the page renders one disclosure per phase in the platform's
 * order, the current page and its group are marked, and a member who is not Koordination sees no
 * empty group.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { modules } from '../src/modules/index.js';
import { accessibilityFeedback } from '../src/modules/legal/schema.js';
import { partnerSubmissions } from '../src/modules/partner-updates/schema.js';
import { tenants } from '../src/platform/tenancy/schema.js';
import { appNavGroups } from '../src/platform/ui/app-nav.js';
import { noteChangeWithoutNotify } from './support/content-changes.js';
import { describeEachDb, type TestClient } from './support/harness.js';

const navOf = (html: string) => /<nav class="kern-container site-nav site-nav--grouped"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
const groupsOf = (nav: string) => [...nav.matchAll(/<details data-nav-group="([a-z]+)"><summary( aria-current="true")?>([^<]*)<\/summary>([\s\S]*?)<\/details>/g)].map((m) => ({ id: m[1]!, current: !!m[2], label: m[3]!, links: [...m[4]!.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((l) => l[1]!) }));

test('every internal navigation entry but the overview and the search names a known phase', () => {
  const entries = modules.flatMap((m) => (m.appNav ?? []).map((e) => ({ module: m.name, ...e })));
  assert.ok(entries.length >= 20, `${entries.length} entries`);
  const ungrouped = entries.filter((e) => !e.group).map((e) => e.section);
  assert.deepEqual(ungrouped.sort(), ['overview', 'search'], 'only the overview and the search stand on their own');
  for (const e of entries) if (e.group) assert.ok((appNavGroups as readonly string[]).includes(e.group), `${e.module}: ${e.group}`);
});

describeEachDb('internal navigation by phase', (t) => {
  test('Koordination: seven groups in the lifecycle order, the current page and its group marked, a few links outside', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get('/app/k/musterland/akteure');
    assert.equal(res.status, 200);
    const nav = navOf(await res.text());
    assert.ok(nav, 'the grouped navigation is on the page');
    const groups = groupsOf(nav);
    assert.deepEqual(groups.map((g) => g.id), [...appNavGroups], 'every phase, in order');
    assert.deepEqual(groups.map((g) => g.label.replace(/ \(\d+\)$/, '')), ['Bestandsaufnahme &amp; Netzwerk', 'Beteiligung', 'Konzept', 'Beschluss', 'Umsetzung &amp; Monitoring', 'Veröffentlichung', 'Verwaltung']);
    assert.deepEqual(groups.filter((g) => g.current).map((g) => g.id), ['inventory'], 'the group of the current page is marked');
    assert.deepEqual(groups[0]!.links.slice(0, 3), ['Akteure', 'Netzwerk', 'Angebote']);
    assert.match(nav, /<a href="\/app\/k\/musterland\/akteure" aria-current="page">Akteure<\/a>/);
    assert.equal(groups.flatMap((g) => g.links).length + 3, (nav.match(/<a /g) ?? []).length, 'outside the groups: overview, search, public site');
    assert.doesNotMatch(nav.replace(/<details[\s\S]*?<\/details>/g, ''), /Akteure|Protokoll/, 'module entries sit inside their groups');
  });

  test('a member who is not Koordination sees only groups with entries for them', async () => {
    const c = await t().signIn('redaktion@musterland.example');
    const res = await c.get('/app/k/musterland');
    assert.equal(res.status, 200);
    const groups = groupsOf(navOf(await res.text()));
    assert.ok(groups.length > 0 && groups.length < appNavGroups.length, `groups: ${groups.map((g) => g.id).join(', ')}`);
    for (const g of groups) assert.ok(g.links.length > 0, `${g.id} has links`);
    assert.ok(!groups.some((g) => g.id === 'administration'), 'no Verwaltung for a member');
  });

  // The counts are kept while nothing in the Kommune changed (platform/ui/app-shell.tsx, on PGlite).
  const feedbackLink = (nav: string) => Number(/>Rückmeldungen(?: \((\d+)\))?<\/a>/.exec(nav)?.[1] ?? 0);
  const openNav = async (c: TestClient, path = '/app/k/musterland/akteure') => navOf(await (await c.get(path)).text());

  test('a kept count changes right after a change: a visitor’s message, another instance’s write', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const before = feedbackLink(await openNav(c));
    assert.equal(feedbackLink(await openNav(c)), before, 'the same count opened again');

    const visitor = t().client();
    await visitor.get('/k/musterland/barrierefreiheit');
    const sent = await visitor.post('/k/musterland/barrierefreiheit', { name: '', email: '', message: 'Die Navigation zählt mich sofort.' });
    assert.equal(sent.status, 303, 'the message is sent');
    const afterMessage = await openNav(c);
    assert.equal(feedbackLink(afterMessage), before + 1, 'the visitor’s message is counted at once');
    assert.match(afterMessage, /Veröffentlichung \(\d+\)/, 'and in its group');

    // Another instance's write whose NOTIFY has not arrived: the committed row is enough.
    const [tenant] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    await t().db.transaction(async (tx) => {
      await tx.insert(accessibilityFeedback).values({ tenantId: tenant!.id, message: 'Von woanders.' });
      await noteChangeWithoutNotify(tx, { id: tenant!.id });
    });
    assert.equal(feedbackLink(await openNav(c, '/app/k/musterland')), before + 2, 'another write at once');
  });

  test('Koordination and a member each see their own navigation, in either order', async () => {
    const member = await t().signIn('redaktion@musterland.example');
    const coordinator = await t().signIn('koordination@musterland.example');
    const [tenant] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const open = (await t().db.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.tenantId, tenant!.id), eq(partnerSubmissions.status, 'offen')))).length;
    assert.ok(open > 0, 'the demo has an open partner report to count');
    const partnerLink = (nav: string) => Number(/>Partnerlinks(?: \((\d+)\))?<\/a>/.exec(nav)?.[1] ?? 0);
    for (const order of ['member first', 'Koordination first']) {
      // Noted as changed: the first of the two computes the counts, the second may find them kept.
      await noteChangeWithoutNotify(t().db, { id: tenant!.id });
      const [memberNav, coordinatorNav] = order === 'member first' ? [await openNav(member), await openNav(coordinator)] : [await openNav(coordinator), await openNav(member)].reverse();
      assert.doesNotMatch(memberNav!, /\(\d+\)/, `${order}: the member's entries have no counts (the counted ones are the Koordination's)`);
      assert.equal(partnerLink(coordinatorNav!), open, `${order}: the Koordination's count`);
    }
  });
});
