import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { editions, fields } from '../concepts/schema.js';
import { offerProviders, offers } from '../offers/schema.js';
import { networkOf } from './graph.js';
import { computeLayout, layoutNetwork } from './layout.js';

const app = '/app/k/musterland';

describeEachDb('Netzwerk der Akteure', (t) => {
  const county = async () => (await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland')))[0]!;

  test('actors are linked through shared measures of the adopted edition and shared offers; the layout is deterministic and inside the picture', async () => {
    const { id } = await county();
    const network = await networkOf(t().db, id);
    assert.equal(network.editionTitle, 'Integrationskonzept 2024');
    const all = await t().db.select().from(actors).where(eq(actors.tenantId, id));
    assert.equal(network.actors.length, all.length, 'every actor is in the county-wide view');
    assert.ok(network.links.length > 50, `many links (${network.links.length})`);
    for (const l of network.links) {
      assert.ok(l.source < l.target, 'each pair once');
      assert.ok(l.via.length >= 1 && l.via.every((v) => v.kind === 'measure' || v.kind === 'offer'), 'joined by measures or offers');
    }
    const linked = new Set(network.links.flatMap((l) => [l.source, l.target]));
    assert.deepEqual([...network.unlinked].sort(), all.filter((a) => !linked.has(a.id)).map((a) => a.id).sort(), 'unlinked = actors in no link');

    const first = layoutNetwork(network);
    const second = layoutNetwork(network);
    assert.deepEqual([...first.nodes.values()], [...second.nodes.values()], 'the same picture every time');
    assert.equal(second, first, 'the same network is laid out once (issue 9: a third of the page)');
    assert.deepEqual([...computeLayout(network).nodes.values()], [...first.nodes.values()], 'the kept layout is the computed one');
    const fewer = { ...network, links: network.links.slice(1) };
    assert.deepEqual([...layoutNetwork(fewer).nodes.values()], [...computeLayout(fewer).nodes.values()], 'another network gets its own layout');
    assert.notDeepEqual([...layoutNetwork(fewer).nodes.values()], [...first.nodes.values()]);
    for (const n of first.nodes.values()) assert.ok(n.x - n.r >= 0 && n.y - n.r >= 0 && n.x + n.r <= first.width && n.y + n.r <= first.height, 'nodes lie inside the view box');
  });

  test('a Themenfeld narrows the measures; a Gemeinde shows its actors and their partners only', async () => {
    const { id } = await county();
    const [adopted] = await t().db.select().from(editions).where(and(eq(editions.tenantId, id), eq(editions.status, 'beschlossen')));
    const [field] = await t().db.select().from(fields).where(and(eq(fields.editionId, adopted!.id), eq(fields.title, 'Teilhabe durch Sprache')));
    const all = await networkOf(t().db, id);
    const sprache = await networkOf(t().db, id, { fieldId: field!.id });
    assert.ok(sprache.links.length > 0 && sprache.links.length < all.links.length, 'fewer links within one Themenfeld');
    for (const l of sprache.links) for (const v of l.via.filter((x) => x.kind === 'measure')) assert.match(v.label, /^1\./, 'only measures of Themenfeld 1');

    const [heidewald] = await t().db.select().from(tenants).where(eq(tenants.name, 'Heidewald'));
    const local = await networkOf(t().db, id, { municipalityId: heidewald!.id });
    const here = new Set(local.actors.filter((a) => a.municipalityId === heidewald!.id).map((a) => a.id));
    assert.ok(here.size >= 4, 'the Heidewald actors are shown');
    for (const l of local.links) assert.ok(here.has(l.source) || here.has(l.target), 'every link touches Heidewald');
    for (const a of local.actors) assert.ok(here.has(a.id) || local.links.some((l) => l.source === a.id || l.target === a.id), `${a.name} is there or a partner`);
  });

  test('an offer two actors provide together links them; an ended one does not', async () => {
    const { id } = await county();
    await t().db.insert(actors).values([{ tenantId: id, name: 'Netzwerktest Verein A', kind: 'verein' }, { tenantId: id, name: 'Netzwerktest Verein B', kind: 'verein' }, { tenantId: id, name: 'Netzwerktest Verein C', kind: 'verein' }]);
    const rows = await t().db.select().from(actors).where(eq(actors.tenantId, id));
    const [a, b, c] = ['A', 'B', 'C'].map((x) => rows.find((r) => r.name === `Netzwerktest Verein ${x}`)!.id);
    const schedule = { kind: 'oeffnungszeiten' as const, slots: [] };
    const [together] = await t().db.insert(offers).values({ tenantId: id, title: 'Gemeinsames Sprachcafé', category: 'treff', schedule }).returning();
    const [ended] = await t().db.insert(offers).values({ tenantId: id, title: 'Beendeter Kurs', category: 'sprachkurs', schedule, status: 'beendet' }).returning();
    await t().db.insert(offerProviders).values([
      { tenantId: id, offerId: together!.id, actorId: a! }, { tenantId: id, offerId: together!.id, actorId: b! },
      { tenantId: id, offerId: ended!.id, actorId: a! }, { tenantId: id, offerId: ended!.id, actorId: c! },
    ]);
    const network = await networkOf(t().db, id);
    const ab = network.links.find((l) => [l.source, l.target].sort().join() === [a, b].sort().join());
    assert.deepEqual(ab?.via, [{ kind: 'offer', id: together!.id, label: 'Gemeinsames Sprachcafé' }]);
    assert.ok(network.unlinked.has(c!), 'the partner of an ended offer stays unlinked');
  });

  test('the page draws the SVG and the table of the same links; unlinked actors stand out; bad filters are ignored', async () => {
    const c = await t().signIn('lesend@musterland.example');
    const res = await c.get(`${app}/netzwerk`);
    assert.equal(res.status, 200);
    const html = await res.text();
    const lines = (html.match(/<line /g) ?? []).length;
    const rows = (html.split('id="network-table-heading"')[1]!.match(/<tr>/g) ?? []).length - 1;
    assert.ok(lines > 50, `lines drawn (${lines})`);
    assert.equal(rows, lines, 'one table row per line in the picture');
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="network-svg-title network-svg-desc"/);
    const alone = (html.match(/network-node--alone/g) ?? []).length;
    const { id } = await county();
    assert.equal(alone, (await networkOf(t().db, id)).unlinked.size, 'every unlinked actor is marked in the picture');
    if (alone) assert.match(html, /Akteure? ohne Verbindung/);
    for (const q of ['?themenfeld=%00', '?gemeinde=kein-uuid', '?themenfeld=00000000-0000-4000-8000-000000000000']) assert.equal((await c.get(`${app}/netzwerk${q}`)).status, 200, q);
    assert.equal((await t().client().get(`${app}/netzwerk`)).status, 303, 'not for the public');
  });

  test('the view is kept for every reader while nothing changed (issue 9.2); a change through the app shows at once', async () => {
    enableQueryStats();
    const reader = await t().signIn('lesend@musterland.example');
    const coordinator = await t().signIn('koordination@musterland.example');
    const view = (html: string) => html.slice(html.indexOf('<div class="network">'), html.indexOf('</main>'));
    const first = await (await reader.get(`${app}/netzwerk`)).text();
    const again = await withQueryStats(async () => (await coordinator.get(`${app}/netzwerk?themenfeld=kein-uuid`)).text());
    assert.equal(view(again.result), view(first), 'another person gets the same picture and table');
    assert.ok(again.stats.count <= 4, `opened again: the frame, the Gemeinden and the check, no network read (${again.stats.count} queries)`);
    const { id } = await county();
    const names = ['Netzwerkkeep Verein Eins', 'Netzwerkkeep Verein Zwei'];
    await t().db.insert(actors).values(names.map((name) => ({ tenantId: id, name, kind: 'verein' as const })));
    const providerIds = (await t().db.select().from(actors).where(eq(actors.tenantId, id))).filter((a) => names.includes(a.name)).map((a) => a.id);
    const created = await coordinator.post(`${app}/angebote`, {
      title: 'Gehaltenes Netzwerkcafé', description: '', category: 'treff', providerIds, municipalityId: '', street: '', postalCode: '', city: '',
      scheduleKind: 'wiederkehrend', recurFrequency: 'weekly', recurWeekdays: ['TU'], recurFirstDate: '2026-01-06', recurStart: '15:00', recurEnd: '17:00', recurExceptions: '',
      status: 'aktiv', similarSeen: '1',
    });
    assert.equal(created.status, 303, 'the offer is created through the app');
    const after = await (await reader.get(`${app}/netzwerk`)).text();
    assert.match(view(after), /Gehaltenes Netzwerkcafé/, 'the new link is in the table at once');
  });
});
