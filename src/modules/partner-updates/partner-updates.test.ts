import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../../../test/support/databases.js';
import { startTestApp, type TestApp, type TestClient } from '../../../test/support/harness.js';
import { decodedMail, smtpServer } from '../../../test/support/smtp.js';
import { auditLog } from '../../platform/audit/schema.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { actorContacts, actors } from '../actors/schema.js';
import { offerById, offerFormValues } from '../offers/index.js';
import { offerProviders, offers } from '../offers/schema.js';
import { demoPartnerToken } from './demo.js';
import { partnerLinks, partnerSubmissions } from './schema.js';

const smtp = smtpServer();
const app = '/app/k/musterland';
const tokenIn = (html: string) => /\/partner\/([A-Za-z0-9_-]{43})/.exec(html)?.[1];
const keyIn = (html: string) => /name="submissionKey" value="([^"]+)"/.exec(html)?.[1];

/** The form's values as a browser would send them (unticked boxes absent). */
const formOf = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)])) as Record<string, string | string[]>;

for (const kind of dbKinds) {
  describe(`Partnerlinks: Bestandsaufnahme durch die Akteure [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      await smtp.ready();
      t = await startTestApp(kind, 'demo', { env: smtp.env() });
    });
    after(async () => t?.close());

    const county = async () => (await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland')))[0]!;
    const actor = async (name: string) => (await t.db.select().from(actors).where(eq(actors.name, name)))[0]!;
    const offerOf = async (actorId: string) => {
      const [row] = await t.db.select({ id: offers.id }).from(offers).innerJoin(offerProviders, and(eq(offerProviders.tenantId, offers.tenantId), eq(offerProviders.offerId, offers.id))).where(eq(offerProviders.actorId, actorId)).orderBy(offers.title).limit(1);
      return offerById(t.db, (await county()).id, row!.id);
    };
    const submissionCount = async () => (await t.db.select().from(partnerSubmissions)).length;
    /** The Koordination makes a link without a recipient: it is shown once on the overview. */
    const newLink = async (c: TestClient, actorName: string) => {
      const a = await actor(actorName);
      const res = await c.post(`${app}/partnerlinks/akteure/${a.id}`, { expiresOn: '2099-01-01', recipientContactId: '' });
      assert.equal(res.status, 422, 'more than a year ahead is refused');
      assert.match(await res.text(), /spätestens am/);
      const created = await c.post(`${app}/partnerlinks/akteure/${a.id}`, { expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10), recipientContactId: '' });
      assert.equal(created.status, 303);
      const overview = await (await c.get(`${app}/partnerlinks`)).text();
      assert.match(overview, /Link für „[^“]+“ zum Weitergeben/);
      const token = tokenIn(overview);
      assert.ok(token, 'the link is shown once');
      assert.equal(tokenIn(await (await c.get(`${app}/partnerlinks`)).text()), undefined, 'and only once');
      return { token: token!, actor: a };
    };
    /** A partner opens a form and sends it with these changes. */
    const send = async (partner: TestClient, path: string, values: Record<string, unknown>, changes: Record<string, unknown> = {}) => {
      const page = await partner.get(path);
      assert.equal(page.status, 200, `${path} opens`);
      const key = keyIn(await page.text());
      assert.ok(key, 'the form carries its key');
      return { key: key!, res: await partner.post(path, formOf({ ...values, ...changes, submissionKey: key })) };
    };

    test('the demo: three actors have links, the Kreisvolkshochschule has a change waiting for review', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const html = await (await c.get(`${app}/partnerlinks`)).text();
      assert.match(html, /Offene Meldungen \(1\)/);
      assert.match(html, /Kreisvolkshochschule Musterland/);
      assert.match(html, /Akteure mit gültigem Link: 3; davon geantwortet: 1, noch ohne Antwort: 2/);
      const partner = await t.client().get(`/partner/${demoPartnerToken}`);
      assert.equal(partner.status, 200);
      assert.match(await partner.text(), /Angaben von „Kreisvolkshochschule Musterland“/);
      assert.equal((await (await t.signIn('lesend@musterland.example')).get(`${app}/partnerlinks`)).status, 403, 'only the Koordination');
    });

    test('a partner reports a change: stored once for review (same form sent twice), nothing else changes, audited', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const { token, actor: a } = await newLink(c, 'Caritasverband Musterland e. V.');
      const [created] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_link'), eq(auditLog.action, 'create')));
      assert.ok(created && !JSON.stringify(created.after).includes(hashToken(token)), 'the audit keeps no hash');
      const [stored] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.actorId, a.id));
      assert.equal(stored!.tokenHash, hashToken(token), 'only the hash is stored');

      const offer = await offerOf(a.id);
      const partner = t.client();
      const path = `/partner/${token}/angebote/${offer.id}`;
      const before = await submissionCount();
      const { key, res } = await send(partner, path, offerFormValues(offer), { title: `${offer.title} (neu)`, providerIds: ['00000000-0000-4000-8000-000000000000'], published: 'on' });
      assert.equal(res.status, 303);
      const again = await partner.post(path, formOf({ ...offerFormValues(offer), title: `${offer.title} (neu)`, submissionKey: key }));
      assert.equal(again.status, 303);
      assert.match(decodeURIComponent(again.headers.get('set-cookie') ?? ''), /bereits eingegangen/);
      assert.equal(await submissionCount(), before + 1, 'one submission for the form sent twice');
      const [s] = await t.db.select().from(partnerSubmissions).where(eq(partnerSubmissions.targetId, offer.id));
      assert.deepEqual(Object.keys(s!.changes), ['title'], 'only the changed field; providers and publication are not the partner’s');
      assert.equal((await offerById(t.db, offer.tenantId, offer.id)).title, offer.title, 'the offer itself is unchanged');
      const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_submission'), eq(auditLog.entityId, s!.id)));
      assert.equal(entry!.userName, `Partnerlink: ${a.name}`);
    });

    test('a link of actor A cannot touch actor B’s offers or contact persons', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const { token } = await newLink(c, 'Ukrainischer Verein Musterland e. V.');
      const other = await actor('Internationaler Frauentreff Heidewald e. V.');
      const foreignOffer = await offerOf(other.id);
      const [foreignContact] = await t.db.select().from(actorContacts).where(eq(actorContacts.actorId, other.id));
      const partner = t.client();
      await partner.get(`/partner/${token}`);
      const before = await submissionCount();
      const key = 'x'.repeat(43);
      assert.equal((await partner.get(`/partner/${token}/angebote/${foreignOffer.id}`)).status, 404);
      assert.equal((await partner.post(`/partner/${token}/angebote/${foreignOffer.id}`, formOf({ ...offerFormValues(foreignOffer), title: 'Übernommen', submissionKey: key }))).status, 404);
      assert.equal((await partner.post(`/partner/${token}/ansprechpersonen/${foreignContact!.id}`, { name: 'Fremd', consentScope: 'keine', submissionKey: key })).status, 404);
      assert.equal(await submissionCount(), before, 'nothing stored');
    });

    test('bad input gets a clear German message and stores nothing', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const { token, actor: a } = await newLink(c, 'Jobcenter Landkreis Musterland');
      const offer = await offerOf(a.id);
      const partner = t.client();
      const path = `/partner/${token}/angebote/${offer.id}`;
      const values = offerFormValues(offer);
      const before = await submissionCount();
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ title: '' }, /Bitte ausfüllen/],
        [{ description: 'x'.repeat(10_001) }, /höchstens 10\.000|zu lang/i],
        [{ website: 'javascript:alert(1)' }, /http/],
        [{ title: '<script>alert(1)</script>', postalCode: '<script>' }, /fünf Ziffern/],
        [{ message: 'x\u0000y' }, /Steuerzeichen/],
      ];
      for (const [changes, message] of cases) {
        const { res } = await send(partner, path, values, changes);
        const html = await res.text();
        assert.equal(res.status, 422, `422 for ${JSON.stringify(changes).slice(0, 80)}`);
        assert.match(html, message);
        assert.doesNotMatch(html, /<script>alert\(1\)<\/script>/, 'escaped');
      }
      const contact = await send(partner, `/partner/${token}/ansprechpersonen/neu`, {}, { name: 'Neu', phone: '<script>alert(1)</script>', consentScope: 'keine' });
      assert.equal(contact.res.status, 422);
      assert.match(await contact.res.text(), /nur Ziffern/);
      const empty = await send(partner, `/partner/${token}/ansprechpersonen/neu`, {}, { consentScope: 'keine' });
      assert.equal(empty.res.status, 422);
      assert.match(await empty.res.text(), /Bitte ausfüllen/);
      const csrf = await partner.post(path, formOf({ ...values, _csrf: 'falsch', submissionKey: 'y'.repeat(43) }));
      assert.equal(csrf.status, 403);
      assert.match(await csrf.text(), /Formular abgelaufen/);
      const keyless = await partner.post(path, formOf(values));
      assert.equal(keyless.status, 400);
      assert.match(await keyless.text(), /Formular ist unvollständig/);
      assert.equal(await submissionCount(), before, 'nothing stored');
    });

    test('expired and revoked links open nothing and store nothing; the refused use is noted', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const expired = await newLink(c, 'Psychosoziales Zentrum für Geflüchtete Nordwest');
      await t.db.update(partnerLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(partnerLinks.actorId, expired.actor.id));
      const partner = t.client();
      const before = await submissionCount();
      const gone = await partner.get(`/partner/${expired.token}`);
      assert.equal(gone.status, 410);
      assert.match(await gone.text(), /Link abgelaufen/);
      assert.equal((await partner.post(`/partner/${expired.token}/ansprechpersonen/neu`, { name: 'Neu', consentScope: 'keine', submissionKey: 'z'.repeat(43) })).status, 410);

      const revoked = await newLink(c, 'Frauenberatungsstelle und Frauenschutzhaus Musterland');
      const [link] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.actorId, revoked.actor.id));
      assert.match(await (await c.get(`${app}/partnerlinks/${link!.id}/widerrufen`)).text(), /widerrufen\?/);
      assert.equal((await c.post(`${app}/partnerlinks/${link!.id}/widerrufen`, { version: String(link!.version) })).status, 303);
      const page = await partner.get(`/partner/${revoked.token}`);
      assert.equal(page.status, 410);
      assert.match(await page.text(), /Link widerrufen/);
      assert.equal((await partner.post(`/partner/${revoked.token}/anschrift`, { address: 'Neu', website: '', submissionKey: 'z'.repeat(43) })).status, 410);
      assert.equal((await partner.get(`/partner/${'q'.repeat(43)}`)).status, 404, 'an unknown link');
      assert.equal(await submissionCount(), before, 'nothing stored');
      const refusals = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_link'), eq(auditLog.action, 'reject')));
      assert.equal(refusals.length, 2, 'one note per refused link');
      assert.equal((await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_link'), eq(auditLog.action, 'revoke')))).length, 1);
    });

    test('review: accepting some fields writes them through the offer service with audit; rejecting changes nothing', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const { token, actor: a } = await newLink(c, 'Migrationsberatung für erwachsene Zugewanderte (MBE) Musterland');
      const offer = await offerOf(a.id);
      const partner = t.client();
      const path = `/partner/${token}/angebote/${offer.id}`;
      const changed = { title: `${offer.title} – jetzt auch samstags`, costNote: 'Spende erbeten', registrationRequired: offer.registrationRequired ? undefined : 'on' };
      assert.equal((await send(partner, path, offerFormValues(offer), changed)).res.status, 303);
      const [s] = await t.db.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.targetId, offer.id), eq(partnerSubmissions.status, 'offen')));
      assert.deepEqual(Object.keys(s!.changes).sort(), ['costNote', 'registrationRequired', 'title']);

      const review = await (await c.get(`${app}/partnerlinks/meldungen/${s!.id}`)).text();
      assert.match(review, /Bisher/);
      assert.ok(review.includes(offer.title) && review.includes('jetzt auch samstags'), 'old and new side by side');
      const none = await c.post(`${app}/partnerlinks/meldungen/${s!.id}`, { decision: 'selected', version: String(s!.version) });
      assert.equal(none.status, 422);
      assert.match(await none.text(), /mindestens eine Angabe/);
      const ok = await c.post(`${app}/partnerlinks/meldungen/${s!.id}`, { decision: 'selected', fields: ['title', 'costNote'], note: 'Anmeldung bleibt freiwillig', version: String(s!.version) });
      assert.equal(ok.status, 303);
      const now = await offerById(t.db, offer.tenantId, offer.id);
      assert.equal(now.title, changed.title);
      assert.equal(now.costNote, 'Spende erbeten');
      assert.equal(now.registrationRequired, offer.registrationRequired, 'the field not chosen stays');
      assert.equal(now.version, offer.version + 1);
      const offerAudit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'offer'), eq(auditLog.entityId, offer.id), eq(auditLog.action, 'update')));
      assert.equal(offerAudit.at(-1)!.userName, 'Katrin Koordination', 'written as the Koordination, by the offer service');
      const [reviewed] = await t.db.select().from(partnerSubmissions).where(eq(partnerSubmissions.id, s!.id));
      assert.equal(reviewed!.status, 'teilweise');
      assert.equal((await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_submission'), eq(auditLog.entityId, s!.id), eq(auditLog.action, 'review')))).length, 1);
      assert.equal((await c.post(`${app}/partnerlinks/meldungen/${s!.id}`, { decision: 'all', version: String(reviewed!.version) })).status, 409, 'reviewed once');

      // A new offer and a new contact person, accepted as a whole; an address change, rejected.
      const fresh = await offerById(t.db, offer.tenantId, offer.id);
      const newOffer = { ...offerFormValues(fresh), title: 'Sprechstunde Anerkennung in Heidewald' };
      assert.equal((await send(partner, `/partner/${token}/angebote/neu`, newOffer)).res.status, 303);
      assert.equal((await send(partner, `/partner/${token}/ansprechpersonen/neu`, {}, { name: 'Leyla Demir', role: 'Beraterin', email: 'l.demir@example.org', consentScope: 'intern', consentDate: '2026-01-05', consentSource: 'Partnerlink' })).res.status, 303);
      const actorBefore = await actor(a.name);
      assert.equal((await send(partner, `/partner/${token}/anschrift`, { address: actorBefore.address, website: actorBefore.website }, { address: 'Bahnhofstraße 1\n29901 Musterstadt' })).res.status, 303);
      const open = await t.db.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.actorId, a.id), eq(partnerSubmissions.status, 'offen')));
      const byKind = new Map(open.map((x) => [x.kind, x]));
      assert.equal((await c.post(`${app}/partnerlinks/meldungen/${byKind.get('offer_new')!.id}`, { decision: 'all', version: '1' })).status, 303);
      const [created] = await t.db.select().from(offers).where(eq(offers.title, 'Sprechstunde Anerkennung in Heidewald'));
      assert.ok(created && !created.published, 'created, not published');
      const providers = await t.db.select().from(offerProviders).where(eq(offerProviders.offerId, created.id));
      assert.deepEqual(providers.map((p) => p.actorId), [a.id], 'provided by the reporting actor');
      assert.equal((await c.post(`${app}/partnerlinks/meldungen/${byKind.get('contact_new')!.id}`, { decision: 'all', version: '1' })).status, 303);
      assert.equal((await t.db.select().from(actorContacts).where(eq(actorContacts.email, 'l.demir@example.org'))).length, 1);
      assert.equal((await c.post(`${app}/partnerlinks/meldungen/${byKind.get('actor_update')!.id}`, { decision: 'reject', note: 'Anschrift ist die alte', version: '1' })).status, 303);
      const actorAfter = await actor(a.name);
      assert.equal(actorAfter.address, actorBefore.address, 'rejecting changes nothing');
      assert.equal(actorAfter.version, actorBefore.version);

      // A new offer that is the one already there: the review shows it among the similar offers.
      assert.equal((await send(partner, `/partner/${token}/angebote/neu`, offerFormValues(fresh))).res.status, 303);
      const [copy] = await t.db.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.actorId, a.id), eq(partnerSubmissions.kind, 'offer_new'), eq(partnerSubmissions.status, 'offen')));
      const copyPage = await (await c.get(`${app}/partnerlinks/meldungen/${copy!.id}`)).text();
      assert.match(copyPage, /Es gibt schon (ein ähnliches Angebot|\d+ ähnliche Angebote)/);
      assert.ok(copyPage.includes(`${app}/angebote/${fresh.id}`), 'the existing offer is named, with a link');
    });

    test('Art. 15/17: what partner reports hold about a contact person is disclosed with her and erased with her', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const { token, actor: a } = await newLink(c, 'Deutsch-Syrischer Kulturverein Musterstadt e. V.');
      const [person] = await t.db.select().from(actorContacts).where(eq(actorContacts.name, 'Rania Al-Masri'));
      assert.ok(person, 'demo person');
      const [link] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.actorId, a.id));
      await t.db.update(partnerLinks).set({ recipientContactId: person.id }).where(eq(partnerLinks.id, link!.id));
      const partner = t.client();
      const path = `/partner/${token}/ansprechpersonen/${person.id}`;
      const stored = { name: person.name, role: person.role, responsibility: person.responsibility, email: person.email, phone: person.phone, languages: person.languages, gender: person.gender, consentScope: person.consentScope, consentDate: person.consentDate, consentSource: person.consentSource };
      // One report accepted (her phone), one still waiting (her e-mail, with a note naming her), one new entry of the same person.
      assert.equal((await send(partner, path, stored, { phone: '0151 7777 2222' })).res.status, 303);
      const [accepted] = await t.db.select().from(partnerSubmissions).where(and(eq(partnerSubmissions.targetId, person.id), eq(partnerSubmissions.status, 'offen')));
      assert.equal((await c.post(`${app}/partnerlinks/meldungen/${accepted!.id}`, { decision: 'all', version: String(accepted!.version) })).status, 303);
      const [current] = await t.db.select().from(actorContacts).where(eq(actorContacts.id, person.id));
      assert.equal((await send(partner, path, { ...stored, phone: '0151 7777 2222' }, { email: 'rania.neu@dskv.example', message: 'Frau Al-Masri ist nur noch mobil erreichbar.' })).res.status, 303);
      assert.equal((await send(partner, `/partner/${token}/ansprechpersonen/neu`, {}, { name: 'Rania Al-Masri', email: 'rania.neu@dskv.example', consentScope: 'keine' })).res.status, 303);
      const reports = await t.db.select().from(partnerSubmissions).where(eq(partnerSubmissions.actorId, a.id));
      assert.equal(reports.length, 3);

      const disclosure = await (await c.get(`${app}/akteure/${a.id}/ansprechpersonen/${person.id}/auskunft.json`)).json() as { heldElsewhere?: { source: string; fields: { label: string; value: string }[] }[] };
      const held = JSON.stringify(disclosure.heldElsewhere ?? []);
      for (const value of ['0151 7777 2222', 'rania.neu@dskv.example', 'nur noch mobil']) assert.ok(held.includes(value), `Art. 15 names what the partner reports hold: ${value}`);
      assert.equal(disclosure.heldElsewhere!.length, 3, 'all three reports');

      assert.equal((await c.post(`${app}/akteure/${a.id}/ansprechpersonen/${person.id}/loeschen`, { version: String(current!.version) })).status, 303);
      const secrets = ['Rania', 'Al-Masri', person.email, person.phone, '0151 7777 2222', 'rania.neu@dskv.example'];
      const after = await t.db.select().from(partnerSubmissions).where(eq(partnerSubmissions.actorId, a.id));
      assert.equal(after.length, 3, 'the reports stay (the actor did answer)');
      for (const s of after) {
        assert.equal(s.status, 'geloescht', `report ${s.kind} closed as erased`);
        for (const v of secrets) assert.ok(!JSON.stringify(s).includes(v), `the stored report no longer holds ${v}`);
        const page = await (await c.get(`${app}/partnerlinks/meldungen/${s.id}`)).text();
        for (const v of secrets) assert.ok(!page.includes(v), `the review screen no longer shows ${v}`);
        assert.match(page, /Art\. 17 DSGVO/, 'the review screen says why it is empty');
        const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_submission'), eq(auditLog.entityId, s.id)));
        assert.ok(audit.some((e) => e.action === 'erase'), 'the scrubbing is audited');
        for (const v of secrets) assert.ok(!JSON.stringify(audit.map((e) => [e.before, e.after])).includes(v), `the audit of the report no longer holds ${v}`);
      }
      const overview = await (await c.get(`${app}/partnerlinks`)).text();
      for (const v of secrets) assert.ok(!overview.includes(v), `the overview no longer shows ${v}`);
      const start = await (await partner.get(`/partner/${token}`)).text();
      for (const v of secrets) assert.ok(!start.includes(v), `the partner page no longer shows ${v}`);
      const [relinked] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.id, link!.id));
      assert.equal(relinked!.recipientContactId, null, 'the link no longer names her as recipient');
    });

    test('opening a partner page is noted: the overview says when, the Protokoll says that (not who: no address)', async () => {
      const c = await t.signIn('koordination@musterland.example');
      assert.equal((await c.post(`${app}/akteure`, { name: 'Sprachcafé Oststadt', kind: 'initiative' })).status, 303);
      const { token, actor: a } = await newLink(c, 'Sprachcafé Oststadt');
      const rowOf = (html: string) => new RegExp(`<td>${a.name}</td>(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
      assert.match(rowOf(await (await c.get(`${app}/partnerlinks`)).text()), /noch nicht geöffnet/);
      const partner = t.client();
      assert.equal((await partner.get(`/partner/${token}`, { 'x-forwarded-for': '203.0.113.77', 'user-agent': 'Besuchsbrowser/1.0' })).status, 200);
      assert.equal((await partner.get(`/partner/${token}`)).status, 200, 'opened again');
      const row = rowOf(await (await c.get(`${app}/partnerlinks`)).text());
      assert.match(row, /geöffnet am \d{2}\.\d{2}\.\d{4}/, 'the overview shows when the link was opened');
      assert.match(row, /noch keine Antwort/, 'opened is not answered');
      const [link] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.actorId, a.id));
      const opened = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_link'), eq(auditLog.entityId, link!.id), eq(auditLog.action, 'open')));
      assert.equal(opened.length, 1, 'one entry for opening twice within the hour');
      assert.equal(opened[0]!.userName, `Partnerlink: ${a.name}`);
      assert.equal(opened[0]!.userId, null);
      const logged = JSON.stringify(opened[0]);
      for (const v of ['203.0.113.77', 'Besuchsbrowser', token, hashToken(token)]) assert.ok(!logged.includes(v), `the entry does not hold ${v}`);
      assert.match(await (await c.get(`${app}/protokoll`)).text(), /<td>geöffnet<\/td>/, 'the Protokoll names the action');
    });

    test('an actor with a submission still waiting for review is not deleted (it would vanish with the actor)', async () => {
      const c = await t.signIn('koordination@musterland.example');
      assert.equal((await c.post(`${app}/akteure`, { name: 'Nachbarschaftshilfe Partnerlink', kind: 'initiative' })).status, 303);
      const { token, actor: a } = await newLink(c, 'Nachbarschaftshilfe Partnerlink');
      assert.equal((await send(t.client(), `/partner/${token}/anschrift`, { address: '', website: '' }, { website: 'https://nachbarn.example' })).res.status, 303);
      const refused = await c.post(`${app}/akteure/${a.id}/loeschen`, { version: String(a.version) });
      assert.equal(refused.status, 409);
      assert.match(await refused.text(), /wartet eine Meldung über den Partnerlink auf Prüfung/);
      const [s] = await t.db.select().from(partnerSubmissions).where(eq(partnerSubmissions.actorId, a.id));
      assert.equal((await c.post(`${app}/partnerlinks/meldungen/${s!.id}`, { decision: 'reject', version: String(s!.version) })).status, 303);
      assert.equal((await c.post(`${app}/akteure/${a.id}/loeschen`, { version: String(a.version) })).status, 303, 'once reviewed, the actor can go');
    });

    test('Erinnern: mail with a new link over SMTP, at most once a day; without a recipient the link is shown to copy', async () => {
      const c = await t.signIn('koordination@musterland.example');
      const [link] = await t.db.select().from(partnerLinks).innerJoin(actors, eq(actors.id, partnerLinks.actorId)).where(eq(actors.name, 'Jugendmigrationsdienst Musterland'));
      const mail = smtp.nextMailTo('jmd@awo-musterland.example');
      assert.match(await (await c.get(`${app}/partnerlinks/${link!.partner_links.id}/erinnern`)).text(), /bisherige Link gilt danach nicht mehr/);
      const res = await c.post(`${app}/partnerlinks/${link!.partner_links.id}/erinnern`, { version: String(link!.partner_links.version) });
      assert.equal(res.status, 303);
      const text = decodedMail(await mail);
      assert.match(text, /Erinnerung/);
      const token = tokenIn(text);
      assert.ok(token, 'the mail carries the new link');
      assert.equal((await t.client().get(`/partner/${token}`)).status, 200, 'the new link works');
      const sentBefore = smtp.received.length;
      const again = await c.post(`${app}/partnerlinks/${link!.partner_links.id}/erinnern`, { version: '1' });
      assert.match(decodeURIComponent(again.headers.get('set-cookie') ?? ''), /schon erinnert/);
      assert.equal(smtp.received.length, sentBefore, 'no second mail the same day');
      assert.equal((await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'partner_link'), eq(auditLog.entityId, link!.partner_links.id), eq(auditLog.action, 'remind')))).length, 1);

      const { actor: a } = await newLink(c, 'Unterstützerkreis Flüchtlingshilfe Heidewald');
      const [own] = await t.db.select().from(partnerLinks).where(eq(partnerLinks.actorId, a.id));
      assert.equal((await c.post(`${app}/partnerlinks/${own!.id}/erinnern`, { version: String(own!.version) })).status, 303);
      const overview = await (await c.get(`${app}/partnerlinks`)).text();
      assert.match(overview, /Erinnerung – /, 'the reminder mail to copy');
      assert.ok(tokenIn(overview), 'with its link');
    });
  });
}
