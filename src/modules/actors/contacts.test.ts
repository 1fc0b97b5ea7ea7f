import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { officeMissing, pdfPages } from '../../../test/support/libreoffice.js';
import { auditLog } from '../../platform/audit/schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { publishedContactsOf } from './contacts.js';
import { demoContacts } from './demo.js';
import { actorContacts, actors } from './schema.js';

const app = '/app/k/musterland';
const valid = {
  name: 'Leyla Demir', role: 'Integrationslotsin', responsibility: 'Begleitung zu Behörden', email: 'l.demir@beispiel.example', phone: '05141 123-45',
  languages: ['de', 'tr', 'ku'], gender: 'weiblich', consentScope: 'veroeffentlichung', consentDate: '2026-01-15', consentSource: 'Einwilligungsformular',
};

const noOffice = await officeMissing();

describeEachDb('Ansprechpersonen der Akteure (Einwilligung, Auskunft, Löschung)', (t) => {
  const actorNamed = async (name: string) => {
    const [row] = await t().db.select().from(actors).where(eq(actors.name, name));
    assert.ok(row, `actor ${name}`);
    return row;
  };
  const contactsNamed = (name: string) => t().db.select().from(actorContacts).where(eq(actorContacts.name, name));

  test('the demo has contact persons with and without publication consent; the kinds were renamed', async () => {
    const rows = await t().db.select().from(actorContacts);
    assert.equal(rows.length, demoContacts.length, 'every demo contact is seeded');
    const scopes = new Set(rows.map((r) => r.consentScope));
    for (const s of ['keine', 'intern', 'veroeffentlichung']) assert.ok(scopes.has(s as never), `a demo contact with consent scope ${s}`);
    assert.equal((await t().db.select().from(actors).where(eq(actors.kind, 'ehrenamt' as never))).length, 0, 'no actor keeps the old kind');
    assert.equal((await actorNamed('Freiwilligenagentur Musterland')).kind, 'initiative');
  });

  test('bad input gets clear German messages and stores nothing; a wrong CSRF token is refused', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const actor = await actorNamed('Jugendmigrationsdienst Musterland');
    const path = `${app}/akteure/${actor.id}/ansprechpersonen`;
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ ...valid, name: '' }, /Bitte ausfüllen/],
      [{ ...valid, email: 'keine-adresse' }, /gültige E-Mail-Adresse/],
      [{ ...valid, consentDate: '' }, /Bitte das Datum der Einwilligung angeben/],
      [{ ...valid, consentSource: '' }, /woher die Einwilligung stammt/],
      [{ ...valid, consentDate: '2999-01-01' }, /nicht in der Zukunft/],
      [{ ...valid, consentScope: 'keine', consentDate: '', consentSource: '' }, /Geschlecht nur mit Einwilligung/],
      [{ ...valid, phone: '<script>alert(1)</script>' }, /nur Ziffern/],
      [{ ...valid, languages: ['xx'] }, /angebotenen Werte/],
      [{ ...valid, consentScope: 'alles' }, /angebotenen Werte/],
      [{ ...valid, name: 'x'.repeat(201) }, /höchstens 200/],
    ];
    for (const [form, message] of cases) {
      const res = await c.post(path, form);
      assert.equal(res.status, 422, `422 for ${JSON.stringify(form).slice(0, 80)}`);
      assert.match(await res.text(), message);
    }
    const forged = await c.post(path, { ...valid, _csrf: 'falsch' });
    assert.equal(forged.status, 403, 'wrong CSRF token');
    assert.equal((await contactsNamed(valid.name)).length, 0, 'nothing stored');
  });

  test('a contact person is created with consent, audited, and only the Koordination sees the data', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const actor = await actorNamed('Jugendmigrationsdienst Musterland');
    const created = await c.post(`${app}/akteure/${actor.id}/ansprechpersonen`, { ...valid, name: 'Script <b>Probe</b>' });
    assert.equal(created.status, 303);
    const [row] = await contactsNamed('Script <b>Probe</b>');
    assert.ok(row, 'stored');
    assert.deepEqual(row.languages, ['de', 'tr', 'ku']);
    const page = await (await c.get(`${app}/akteure/${actor.id}`)).text();
    assert.ok(page.includes('Script &lt;b&gt;Probe&lt;/b&gt;'), 'the name is escaped on the actor page');
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'actor_contact'), eq(auditLog.entityId, row.id)));
    assert.equal((entry!.after as { email: string }).email, valid.email, 'the audit keeps what was entered');
    const reader = await t().signIn('lesend@musterland.example');
    assert.equal((await reader.get(`${app}/akteure/${actor.id}/ansprechpersonen/${row.id}`)).status, 403);
    assert.equal((await reader.get(`${app}/akteure/${actor.id}/ansprechpersonen/${row.id}/auskunft.json`)).status, 403);
    assert.equal((await reader.post(`${app}/akteure/${actor.id}/ansprechpersonen`, valid)).status, 403);
    const list = await (await reader.get(`${app}/akteure`)).text();
    assert.ok(!list.includes('Ansprechpersonen</th>'), 'readers do not even see how many contacts an actor has');
  });

  test('no contact data reaches the public API or the portal; publishedContactsOf gives only consented people without consent details', async () => {
    const anonymous = t().client();
    const api = await (await anonymous.json('GET', '/api/v1/kommunen/musterland/actors')).text();
    const portal = [
      await (await anonymous.get('/k/musterland/konzept')).text(),
      await (await anonymous.get('/k/musterland/suche?q=Migrationsberatung')).text(),
      await (await anonymous.get('/k/musterland/suche?q=Haddad')).text(),
    ].join('\n');
    for (const person of demoContacts) {
      for (const value of [person.name, person.email, person.phone]) {
        assert.ok(!api.includes(value), `the public API does not show ${value}`);
        assert.ok(!portal.includes(value), `the portal does not show ${value}`);
      }
    }
    const member = await t().signIn('lesend@musterland.example');
    const internalApi = await (await member.json('GET', '/api/v1/kommunen/musterland/actors')).text();
    for (const person of demoContacts) assert.ok(!internalApi.includes(person.email), `the API shows no contact e-mail even to members (${person.email})`);

    const [county] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const ids = (await t().db.select({ id: actors.id }).from(actors).where(eq(actors.tenantId, county!.id))).map((a) => a.id);
    const published = await publishedContactsOf(t().db, county!.id, ids);
    const expected = demoContacts.filter((p) => p.consent === 'veroeffentlichung').map((p) => p.name).sort();
    const demoNames = new Set(demoContacts.map((p) => p.name));
    assert.deepEqual(published.map((p) => p.name).filter((n) => demoNames.has(n)).sort(), expected);
    const scopes = new Map((await t().db.select().from(actorContacts)).map((r) => [r.name, r.consentScope]));
    for (const p of published) assert.equal(scopes.get(p.name), 'veroeffentlichung', `${p.name} agreed to publication`);
    for (const p of published) assert.deepEqual(Object.keys(p).sort(), ['actorId', 'email', 'gender', 'languages', 'name', 'phone', 'responsibility', 'role'], 'no consent details, no ids of the person');
  });

  test('Art. 15: the export (JSON and PDF) holds all data of the person and its history', { skip: noOffice }, async () => {
    const c = await t().signIn('koordination@musterland.example');
    const actor = await actorNamed('Kreisvolkshochschule Musterland');
    assert.equal((await c.post(`${app}/akteure/${actor.id}/ansprechpersonen`, { ...valid, name: 'Олена Шевченко', languages: ['uk', 'de'] })).status, 303);
    const [person] = await contactsNamed('Олена Шевченко');
    const edit = await c.post(`${app}/akteure/${actor.id}/ansprechpersonen/${person!.id}`, { ...valid, name: 'Олена Шевченко', languages: ['uk', 'de'], role: 'Kursleitung', version: '1' });
    assert.equal(edit.status, 303);
    const res = await c.get(`${app}/akteure/${actor.id}/ansprechpersonen/${person!.id}/auskunft.json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
    const d = (await res.json()) as { person: { name: string; email: string; role: string }; consent: { scope: string; date: string; source: string; published: boolean }; actor: { name: string }; history: { action: string; changedFields: string[] }[] };
    assert.equal(d.person.name, 'Олена Шевченко');
    assert.equal(d.person.role, 'Kursleitung');
    assert.equal(d.person.email, valid.email);
    assert.deepEqual(d.consent, { scope: 'veroeffentlichung', date: '2026-01-15', source: 'Einwilligungsformular', published: true });
    assert.equal(d.actor.name, 'Kreisvolkshochschule Musterland');
    assert.deepEqual(d.history.map((h) => h.action), ['create', 'update']);
    assert.deepEqual(d.history[1]!.changedFields, ['role']);

    const pdfRes = await c.get(`${app}/akteure/${actor.id}/ansprechpersonen/${person!.id}/auskunft.pdf`);
    assert.equal(pdfRes.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await pdfRes.arrayBuffer());
    const { PDFParse } = await import('pdf-parse');
    const text = (await new PDFParse({ data: pdf }).getText()).text;
    for (const expected of ['Auskunft nach Art. 15 DSGVO', 'Олена Шевченко', 'Kursleitung', valid.email, 'Einwilligung zur Veröffentlichung', '15.01.2026', 'Українська']) {
      assert.ok(text.includes(expected), `the PDF says ${expected}`);
    }
    const [png] = await pdfPages(pdf, { first: 1, last: 1, dpi: 60 });
    assert.ok(png && png.length > 5_000, 'the first page renders');
    if (process.env.IKON_KEEP_RENDERINGS) await writeFile(`${process.env.IKON_KEEP_RENDERINGS}/auskunft.png`, png);
  });

  test('Art. 17: erasing asks first, then removes the person and scrubs the audit; the history keeps that someone existed', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const actor = await actorNamed('Ukrainischer Verein Musterland e. V.');
    const [person] = await contactsNamed('Iryna Melnyk');
    assert.ok(person, 'demo person');
    // A change first, so that the audit holds her data before and after.
    assert.equal((await c.post(`${app}/akteure/${actor.id}/ansprechpersonen/${person.id}`, { name: 'Iryna Melnyk', email: 'iryna@beispiel.example', languages: ['uk'], consentScope: 'intern', consentDate: '2025-05-20', consentSource: 'E-Mail', version: String(person.version) })).status, 303);
    const base = `${app}/akteure/${actor.id}/ansprechpersonen/${person.id}`;
    const confirm = await c.get(`${base}/loeschen`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /endgültig löschen\?/);
    assert.equal((await c.post(`${base}/loeschen`, {})).status, 422, 'without the version nothing happens');
    assert.equal((await c.post(`${base}/loeschen`, { version: '1' })).status, 409, 'an old version is refused');
    assert.equal((await contactsNamed('Iryna Melnyk')).length, 1, 'still there after refusals');
    const erased = await c.post(`${base}/loeschen`, { version: String(person.version + 1) });
    assert.equal(erased.status, 303);
    assert.equal((await contactsNamed('Iryna Melnyk')).length, 0, 'the row is gone');
    assert.equal((await c.get(`${base}/auskunft.json`)).status, 404);

    const entries = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'actor_contact'), eq(auditLog.entityId, person.id)));
    assert.deepEqual(entries.map((e) => e.action).sort(), ['erase', 'update'], 'the entries stay: changed, then erased (the demo seed wrote none)');
    const logged = JSON.stringify(entries.map((e) => [e.before, e.after]));
    for (const value of ['Iryna', 'Melnyk', 'iryna@beispiel.example', 'E-Mail', '2025-05-20']) assert.ok(!logged.includes(value), `the audit no longer holds ${value}`);
    for (const e of entries) assert.deepEqual(e.before, { id: person.id, actorId: actor.id, erased: true }, 'what is left: an erased contact person of this actor');
    const protocol = await (await c.get(`${app}/protokoll`)).text();
    assert.match(protocol, /gelöscht \(DSGVO Art\. 17\)/, 'the Protokoll shows the erasure');
    assert.ok(!protocol.includes('Melnyk'), 'the Protokoll does not name her');
  });

  test('an actor with contact persons is not deleted in passing; old API clients may still send kind "ehrenamt"', async () => {
    const c = await t().signIn('koordination@musterland.example');
    assert.equal((await c.post(`${app}/akteure`, { name: 'Nachbarschaftsinitiative Lindenhof', kind: 'ehrenamt', website: 'https://lindenhof.example', address: 'Lindenweg 1\n12345 Musterstadt' })).status, 303);
    const actor = await actorNamed('Nachbarschaftsinitiative Lindenhof');
    assert.equal(actor.kind, 'initiative');
    assert.equal(actor.website, 'https://lindenhof.example');
    const bad = await c.post(`${app}/akteure/${actor.id}`, { name: actor.name, kind: 'initiative', website: 'javascript:alert(1)', version: String(actor.version) });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /vollständige Webadresse/);
    assert.equal((await c.post(`${app}/akteure/${actor.id}/ansprechpersonen`, { name: 'Uwe Lindner', consentScope: 'keine' })).status, 303);
    const refused = await c.post(`${app}/akteure/${actor.id}/loeschen`, { version: String(actor.version) });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /noch Ansprechpersonen/);
    // The API's update without address and website keeps them.
    const put = await c.json('PUT', `/api/v1/kommunen/musterland/actors/${actor.id}`, { name: 'Nachbarschaftsinitiative Lindenhof e. V.', kind: 'verein', version: actor.version });
    assert.equal(put.status, 200);
    const after = await actorNamed('Nachbarschaftsinitiative Lindenhof e. V.');
    assert.equal(after.website, 'https://lindenhof.example', 'the website stays');
    assert.equal(after.address, 'Lindenweg 1\n12345 Musterstadt', 'the address stays');
  });
});
