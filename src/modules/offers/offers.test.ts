import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actors } from '../actors/schema.js';
import { targetGroups } from '../measures/schema.js';
import { offerProviders, offerTargetGroups, offers } from './schema.js';

const base = '/app/k/musterland/angebote';

describeEachDb('Angebote (intern)', (t) => {
  const ids = async () => {
    const [county] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const [heidewald] = await t().db.select().from(tenants).where(eq(tenants.slug, 'heidewald'));
    const [frauentreff] = await t().db.select().from(actors).where(eq(actors.name, 'Internationaler Frauentreff Heidewald e. V.'));
    const [women] = await t().db.select().from(targetGroups).where(and(eq(targetGroups.tenantId, county!.id), eq(targetGroups.name, 'Zugewanderte Frauen')));
    return { county: county!, heidewald: heidewald!, actor: frauentreff!, group: women! };
  };
  // `similarSeen`: the demo has a Frauentreff there; the step "es gibt schon ein ähnliches Angebot" is tested in offer-analysis.test.ts.
  const cafe = (x: Awaited<ReturnType<typeof ids>>) => ({
    similarSeen: '1',
    title: 'Internationales Frauencafé Heidewald',
    description: 'Jeden Dienstag Austausch bei Tee und Kuchen; Kinder sind willkommen.',
    category: 'treff',
    providerIds: [x.actor.id],
    municipalityId: x.heidewald.id,
    street: 'Lindenstraße 4',
    postalCode: '29999',
    city: 'Heidewald',
    latitude: '52,7712',
    longitude: '9,9121',
    scheduleKind: 'wiederkehrend',
    recurFrequency: 'weekly',
    recurWeekdays: ['TU'],
    recurFirstDate: '2026-09-01',
    recurStart: '15:00',
    recurEnd: '17:00',
    recurExceptions: '22.12.2026\n29.12.2026',
    languages: ['de', 'ar', 'uk'],
    targetGroupIds: [x.group.id],
    femaleContact: 'on',
    childcare: 'on',
    barrierFree: 'ja',
    free: 'on',
    status: 'aktiv',
    verifiedOn: '2026-11-01',
    published: 'on',
    internalNote: 'Raum im Gemeindehaus ab Januar unsicher',
  });

  test('Koordination legt ein wöchentliches Angebot an, sieht es in Liste und Detail, mit Protokoll', async () => {
    const x = await ids();
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.get(`${base}/neu`)).status, 200);
    const created = await c.post(base, cafe(x));
    assert.equal(created.status, 303, 'saved');
    const [row] = await t().db.select().from(offers).where(eq(offers.title, 'Internationales Frauencafé Heidewald'));
    assert.ok(row, 'stored');
    assert.deepEqual(row.schedule, { kind: 'wiederkehrend', rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: '2026-09-01', start: '15:00', end: '17:00', exceptions: ['2026-12-22', '2026-12-29'] });
    assert.deepEqual(row.weekdays, [2]);
    assert.deepEqual(row.languages, ['de', 'ar', 'uk']);
    assert.equal(row.latitude, 52.7712);
    assert.equal(row.femaleContact && row.childcare && row.published && !row.maleContact, true, 'flags as ticked');
    assert.equal((await t().db.select().from(offerProviders).where(eq(offerProviders.offerId, row.id))).length, 1);
    assert.equal((await t().db.select().from(offerTargetGroups).where(eq(offerTargetGroups.offerId, row.id))).length, 1);
    const audit = await t().db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    assert.equal(audit.length, 1, 'one audit entry');

    const list = await (await c.get(`${base}?category=treff&municipalityId=${x.heidewald.id}`)).text();
    assert.match(list, /Internationales Frauencafé Heidewald/);
    const detail = await (await c.get(`${base}/${row.id}`)).text();
    assert.match(detail, /jeden Dienstag, 15:00–17:00/);
    assert.match(detail, /العربية \(Arabisch\)/, 'languages by their own names');
    assert.match(detail, /Raum im Gemeindehaus/, 'internal note shown internally');
    const edit = await (await c.get(`${base}/${row.id}/bearbeiten`)).text();
    assert.match(edit, /22\.12\.2026/, 'exceptions back in the form');
  });

  test('Bearbeiten mit veralteter Version: 409, nichts überschrieben; Geprüft-Vermerk; Löschen fragt erst', async () => {
    const x = await ids();
    const c = await t().signIn('koordination@musterland.example');
    await c.post(base, { ...cafe(x), title: 'Sprachcafé zum Bearbeiten', verifiedOn: '2024-01-10' });
    const [row] = await t().db.select().from(offers).where(eq(offers.title, 'Sprachcafé zum Bearbeiten'));
    assert.ok(row, 'stored');
    const saved = await c.post(`${base}/${row.id}`, { ...cafe(x), verifiedOn: '2024-01-10', title: 'Sprachcafé (geändert)', scheduleKind: 'oeffnungszeiten', hours_1_1_opens: '09:00', hours_1_1_closes: '12:00', hours_3_1_opens: '14:00', hours_3_1_closes: '16:30', version: row.version });
    assert.equal(saved.status, 303);
    const stale = await c.post(`${base}/${row.id}`, { ...cafe(x), title: 'Verloren', version: row.version });
    assert.equal(stale.status, 409);
    const [now] = await t().db.select().from(offers).where(eq(offers.id, row.id));
    assert.equal(now!.title, 'Sprachcafé (geändert)');
    assert.deepEqual(now!.weekdays, [1, 3]);
    assert.match(await (await c.get(`${base}?unverified=1`)).text(), /Sprachcafé \(geändert\)/, 'flagged: verified in January 2024');
    assert.equal((await c.post(`${base}/${row.id}/geprueft`, { version: now!.version })).status, 303);
    const [verified] = await t().db.select().from(offers).where(eq(offers.id, row.id));
    assert.notEqual(verified!.verifiedOn, '2024-01-10');
    assert.doesNotMatch(await (await c.get(`${base}?unverified=1`)).text(), /Sprachcafé \(geändert\)/, 'no longer flagged');

    const confirm = await c.get(`${base}/${row.id}/loeschen`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Angebot „Sprachcafé \(geändert\)“ löschen\?/);
    assert.equal((await t().db.select().from(offers).where(eq(offers.id, row.id))).length, 1, 'the GET deletes nothing');
    assert.equal((await c.post(`${base}/${row.id}/loeschen`, { version: verified!.version })).status, 303);
    assert.equal((await t().db.select().from(offers).where(eq(offers.id, row.id))).length, 0);
  });

  test('falsche Eingaben: deutsche Meldungen, 422, nichts gespeichert; fremde Ids abgewiesen', async () => {
    const x = await ids();
    const c = await t().signIn('koordination@musterland.example');
    const before = (await t().db.select().from(offers)).length;
    const bad = await c.post(base, { ...cafe(x), title: '', providerIds: [], recurStart: '25:00', languages: ['de', 'xx'], postalCode: '123', latitude: '52,1', longitude: '', website: 'javascript:alert(1)' });
    assert.equal(bad.status, 422);
    const html = await bad.text();
    for (const message of ['Bitte ausfüllen.', 'Bitte mindestens einen Träger wählen.', 'Bitte eine Uhrzeit im Format HH:MM', 'Die Postleitzahl besteht aus fünf Ziffern.', 'Bitte Breiten- und Längengrad zusammen angeben.', 'Bitte eine vollständige Webadresse']) {
      assert.ok(html.includes(message), `says: ${message}`);
    }
    const foreign = await c.post(base, { ...cafe(x), providerIds: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(foreign.status, 422);
    const script = await c.post(base, { ...cafe(x), title: '<script>alert(1)</script>', dateLines: 'x', scheduleKind: 'termine' });
    assert.equal(script.status, 422);
    assert.doesNotMatch(await script.text(), /<script>alert\(1\)<\/script>/, 'escaped');
    assert.equal((await c.post(base, { ...cafe(x), _csrf: 'falsch' })).status, 403);
    assert.equal((await t().db.select().from(offers)).length, before, 'nothing stored');
  });

  test('Lesende sehen Angebote, dürfen sie aber nicht ändern; Akteure mit Angeboten bleiben', async () => {
    const x = await ids();
    const k = await t().signIn('koordination@musterland.example');
    const created = await k.post('/app/k/musterland/akteure', { name: 'Träger nur für Angebote', kind: 'sonstige' });
    assert.equal(created.status, 303);
    const [actor] = await t().db.select().from(actors).where(eq(actors.name, 'Träger nur für Angebote'));
    await k.post(base, { ...cafe(x), title: 'Angebot des neuen Trägers', providerIds: [actor!.id] });
    const refused = await k.post(`/app/k/musterland/akteure/${actor!.id}/loeschen`, { version: actor!.version });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /trägt 1 Angebot/);
    const r = await t().signIn('lesend@musterland.example');
    assert.equal((await r.get(base)).status, 200);
    assert.equal((await r.get(`${base}/neu`)).status, 403);
    assert.equal((await r.post(base, cafe(x))).status, 403);
  });

  test('Zielgruppen: eine von Angeboten genannte lässt sich nicht löschen; zusammengeführt nennen die Angebote die neue', async () => {
    const x = await ids();
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post('/app/k/musterland/zielgruppen', { name: 'Frauen mit Fluchterfahrung (Angebote)' })).status, 303);
    const [group] = await t().db.select().from(targetGroups).where(eq(targetGroups.name, 'Frauen mit Fluchterfahrung (Angebote)'));
    await c.post(base, { ...cafe(x), title: 'Frauenfrühstück', targetGroupIds: [group!.id] });
    const [offer] = await t().db.select().from(offers).where(eq(offers.title, 'Frauenfrühstück'));
    const refused = await c.post(`/app/k/musterland/zielgruppen/${group!.id}/loeschen`, { version: group!.version });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Ein Angebot nennt diese Zielgruppe/);
    const merged = await c.post(`/app/k/musterland/zielgruppen/${group!.id}/zusammenfuehren`, { into: x.group.id, version: group!.version, intoVersion: x.group.version });
    assert.equal(merged.status, 303);
    const links = await t().db.select().from(offerTargetGroups).where(eq(offerTargetGroups.offerId, offer!.id));
    assert.deepEqual(links.map((l) => l.targetGroupId), [x.group.id], 'the offer names the group it was merged into');
  });
});
