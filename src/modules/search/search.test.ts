import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { queryRows } from '../../db/client.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { useModules, type ModuleManifest } from '../../platform/module.js';
import { searchSourceOf, type SearchSource } from '../../platform/search-sources.js';
import { PortalLinks } from '../../platform/ui/public-page.js';
import { actors } from '../actors/schema.js';
import { modules } from '../index.js';
import { editions } from '../concepts/schema.js';
import { createMeasure } from '../measures/service.js';
import { fields } from '../concepts/schema.js';
import { evaluateRelevance, relevanceSet, searchableTexts } from './relevance-set.js';
import { editDistance, prefixTsQuery, searchEdition } from './service.js';

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('sprachkurs', 'sprahckurs'), 1);
  assert.equal(editDistance('sprachcafé', 'sprachkurs'), 4);
  assert.equal(editDistance('fahradwerkstat', 'fahrradwerkstatt'), 2);
});

test('search words become prefix terms; tsquery syntax in the input is dropped', () => {
  assert.equal(prefixTsQuery(['Beratung', 'Frauen']), 'Beratung:* & Frauen:*');
});

describeEachDb('Suche', (t) => {
  const draft = async () => (await t().db.select().from(editions).where(eq(editions.status, 'entwurf')))[0]!;

  test('Komposita: „Beratung“ findet „Beratungsangebote“, „Gesundheit“ findet „Gesundheitslotsen“', async () => {
    const e = await draft();
    const beratung = await searchEdition(t().db, e.tenantId, e.id, 'Beratung');
    assert.ok(beratung.some((h) => /Beratungs\w+/i.test(`${h.title} ${h.text}`)));
    const gesundheit = await searchEdition(t().db, e.tenantId, e.id, 'Gesundheit');
    assert.ok(gesundheit.some((h) => /Gesundheits\w+/i.test(`${h.title} ${h.text}`)));
  });

  test('Tippfehler werden über den Wortschatz der Kommune korrigiert, auch für neue Wörter', async () => {
    const e = await draft();
    const [field] = await t().db.select().from(fields).where(eq(fields.editionId, e.id)).limit(1);
    await createMeasure({ db: t().db, user: systemUser }, e.tenantId, { editionId: e.id, number: '9.8.7', title: 'Fahrradwerkstatt für Geflüchtete', fieldId: field!.id, horizon: 'kurz' });
    const terms = await queryRows<{ term: string }>(t().db, sql`select term from search_terms where tenant_id = ${e.tenantId} and term = 'fahrradwerkstatt'`);
    assert.equal(terms.length, 1, 'the trigger adds new words to the vocabulary');
    const hits = await searchEdition(t().db, e.tenantId, e.id, 'Fahradwerkstat');
    assert.ok(hits.map((h) => h.number).includes('9.8.7'), 'found despite two typos');
  });

  test('Eingaben mit Sonderzeichen führen nicht zu Fehlern', async () => {
    const e = await draft();
    for (const q of ["Sprach:* & !'", '|||', "'; drop table measures; --", '„Kita“ (Plätze)']) {
      await searchEdition(t().db, e.tenantId, e.id, q);
    }
    assert.deepEqual(await searchEdition(t().db, e.tenantId, e.id, '!!!'), []);
  });

  test('die Suche bleibt in ihrer Kommune: Wörter anderer Kommunen werden nicht vorgeschlagen', async () => {
    const e = await draft();
    const other = await queryRows<{ n: number }>(t().db, sql`select count(*)::int as n from search_terms where tenant_id <> ${e.tenantId}`);
    assert.equal(other[0]!.n, 0, 'the demo database has one Kommune with content');
  });
});

/** A module that moves in (here: its documents are the Kommune's actors, internal only). */
const actorSource: SearchSource = {
  kind: 'test_actor',
  language: 'de',
  matches: ({ tenantId, editionId, tsquery }) => sql`
    select 'test_actor' as kind, a.id, ${editionId}::uuid as "editionId", '' as number, a.name as title, '' as text, a.kind as context, null::uuid as "contextId",
           false as "isPublic", ts_rank(to_tsvector('german', a.name), to_tsquery('german', ${tsquery}))::float8 as score
    from actors a where a.tenant_id = ${tenantId} and to_tsvector('german', a.name) @@ to_tsquery('german', ${tsquery})`,
  appUrl: (hit, base) => `${base}/akteure/${hit.id}`,
  publicUrl: (hit, links) => links.build(`${links.base}/akteure/${hit.id}`),
  appLabel: () => 'Akteur',
  publicLabel: () => 'Akteur',
  contextLabel: 'actors.kind',
};
const withActors: ModuleManifest[] = [...modules, { name: 'test_actors', searchSources: [actorSource] }];

describeEachDb('Suche: Quellen aus den Manifesten', (t) => {
  test('a module adds a kind of document by one manifest entry; internal documents stay out of the public search', async () => {
    const [e] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const [actor] = await t().db.select().from(actors).where(and(eq(actors.tenantId, e!.tenantId), eq(actors.name, 'Jobcenter Landkreis Musterland')));
    assert.ok(actor, 'the demo has the Jobcenter');
    assert.ok(!(await searchEdition(t().db, e!.tenantId, e!.id, 'Jobcenter')).some((h) => h.id === actor.id), 'not a document before the module moves in');
    useModules(withActors);
    try {
      const hits = await searchEdition(t().db, e!.tenantId, e!.id, 'Jobcenter');
      const found = hits.find((h) => h.id === actor.id);
      assert.ok(found, 'the actor is found, ranked with the measures and goals');
      assert.equal(found.kind, 'test_actor');
      assert.equal(found.language, 'de');
      assert.ok(hits.some((h) => h.kind === 'measure'), 'measures mentioning the Jobcenter are still found');
      assert.equal(searchSourceOf(found.kind).appUrl(found, '/app/k/musterland'), `/app/k/musterland/akteure/${actor.id}`);
      assert.equal(searchSourceOf('measure').publicUrl({ ...found, kind: 'measure', number: '1.2.3' }, new PortalLinks('musterland', 'de')), '/k/musterland/massnahmen/1.2.3');
      const pub = await searchEdition(t().db, e!.tenantId, e!.id, 'Jobcenter', 50, 'public');
      assert.ok(pub.length > 0 && !pub.some((h) => h.kind === 'test_actor'), 'the public search leaves internal documents out');
    } finally {
      useModules(modules);
    }
  });
});

describeEachDb('Suche: Beschriftung der Treffer', (t) => {
  test('the internal result list calls a Leitziel a Ziel, never a Handlungsziel', async () => {
    const [leitziel] = await queryRows<{ number: string; title: string }>(t().db, sql`
      select g.number, g.title from goals g join editions e on e.id = g.edition_id
      where e.status = 'entwurf' and g.kind = 'leitziel' order by g.number limit 1`);
    assert.ok(leitziel, 'the demo draft has Leitziele');
    const client = await t().signIn('koordination@musterland.example');
    const html = await (await client.get(`/app/k/musterland/suche?q=${encodeURIComponent(leitziel.title)}`)).text();
    assert.ok(html.includes(`Ziel ${leitziel.number}`), `the Leitziel ${leitziel.number} is in the result list`);
    assert.ok(!html.includes(`Handlungsziel ${leitziel.number}`), 'and is not labelled Handlungsziel');
  });
});

describeEachDb('Suche: Relevanz', (t) => {
  test('the labelled relevance set: compounds found, typos corrected, no flood for words that exist nowhere', async () => {
    const [e] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const documents = await searchableTexts(t().db, e!.id);
    const { results, precision, recall } = await evaluateRelevance((q, limit) => searchEdition(t().db, e!.tenantId, e!.id, q, limit), documents);
    const weak = results.filter((r) => r.precision < 0.8 || r.recall < 0.8).map((r) => `${r.query}: P ${r.precision.toFixed(2)} R ${r.recall.toFixed(2)} (${r.relevantHits}/${r.hits} of ${r.relevantTotal})`);
    assert.ok(relevanceSet.length >= 40, 'at least 40 labelled queries');
    assert.ok(precision >= 0.9 && recall >= 0.9, `mean precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; weak: ${weak.join('; ')}`);
    for (const r of results.filter((x) => x.kind === 'nothing')) assert.equal(r.hits, 0, `${r.query} exists nowhere and finds nothing`);
    const sprachkurs = results.find((r) => r.query === 'Sprachkurs')!;
    assert.equal(sprachkurs.recall, 1, 'Sprachkurs finds Berufssprachkurse and Fachsprachkurs too');
  });
});
