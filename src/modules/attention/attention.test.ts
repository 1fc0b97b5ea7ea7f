import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { noteChangeWithoutNotify } from '../../../test/support/content-changes.js';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { editions } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { recordMeasureUpdate } from '../progress/updates.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { addDays, berlinDate } from '../../platform/dates.js';
import type { AttentionSource } from '../../platform/attention-sources.js';
import { translator } from '../../platform/i18n/i18n.js';
import { useModules } from '../../platform/module.js';
import { actors } from '../actors/schema.js';
import { modules } from '../index.js';
import { recipientsOf, reminderMail } from './reminders.js';
import { loadAttention } from './service.js';

const page = '/app/k/musterland/aufmerksamkeit';
const settings = `${page}/einstellungen`;
const coordination = 'koordination@musterland.example';

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const [adopted] = await t.db.select().from(editions).where(and(eq(editions.tenantId, tenant!.id), eq(editions.status, 'beschlossen')));
  const inAdopted = await t.db.select().from(measures).where(eq(measures.editionId, adopted!.id));
  return { tenant: tenant!, adopted: adopted!, inAdopted };
}

/** The HTML of one section of the page (from its heading id to the next section). */
const section = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `section ${id} exists`);
  const end = html.indexOf('<section', start);
  return html.slice(start, end < 0 ? undefined : end);
};

describeEachDb('Aufmerksamkeit: die Liste der Koordination', (t) => {
  test('nur die Koordination sieht die ganze Liste; Lesende 403, Abgemeldete zur Anmeldung; die Einstellungen nur die Koordination', async () => {
    for (const email of ['redaktion@musterland.example', 'partner@musterland.example', 'lesend@musterland.example']) {
      const c = await t().signIn(email);
      assert.equal((await c.post(settings, { silentAfterMonths: '3', version: '1' })).status, 403, email);
    }
    assert.equal((await (await t().signIn('lesend@musterland.example')).get(page)).status, 403, 'Lesend acts for no actor');
    const anonymous = await t().client().get(page);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location')!, /^\/anmelden/);
    const c = await t().signIn(coordination);
    const res = await c.get(page);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1[^>]*>Aufmerksamkeit<\/h1>/);
    assert.match(html, /kurzfristig nach 1 Jahr, mittelfristig nach 3 Jahren, langfristig nach 5 Jahren/, 'the horizon rule is written on the page');
    assert.match(html, /Integrationskonzept 2024/);
  });

  test('Fachdienst und Partner sehen die überfälligen und stillen Maßnahmen ihres Akteurs, nichts anderes (was ihre Erinnerung enthält)', async () => {
    const d = await demo(t());
    const full = await loadAttention(t().db, d.tenant, berlinDate(new Date()));
    const people = await t().db.select().from(actors).where(eq(actors.tenantId, d.tenant.id));
    const actorOf = async (email: string) => {
      const c = await t().signIn(email);
      const nav = await (await c.get('/app/k/musterland')).text();
      assert.match(nav, /href="\/app\/k\/musterland\/aufmerksamkeit"/, `${email}: the navigation leads there`);
      const res = await c.get(page);
      assert.equal(res.status, 200, email);
      return res.text();
    };
    for (const [email, actorName] of [['redaktion@musterland.example', 'Fachdienst Soziales'], ['partner@musterland.example', 'Kreisvolkshochschule Musterland']] as const) {
      const actor = people.find((a) => a.name === actorName)!;
      const html = await actorOf(email);
      assert.match(html, new RegExp(`Maßnahmen, die ${actorName} federführend verantwortet`));
      const shown = [...html.matchAll(/data-measure="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
      const expected = [...full.list.overdue.filter((o) => o.measure.leadActorId === actor.id).map((o) => o.measure.id), ...full.list.silent.filter((s) => s.measure.leadActorId === actor.id).map((s) => s.measure.id)];
      assert.ok(expected.length > 0, `${actorName} leads measures on the list (demo data)`);
      assert.deepEqual(shown.sort(), expected.sort(), `${email}: exactly the actor's overdue and silent measures`);
      const lead = new Map(d.inAdopted.map((m) => [m.id, m.leadActorId]));
      assert.ok(shown.every((id) => lead.get(id) === actor.id), `${email}: every measure shown is led by ${actorName} (the measures table says so)`);
      assert.doesNotMatch(html, /id="einstellungen"|id="erinnerungen"/, 'no settings, no list of recipients');
      for (const { source } of full.list.sections) assert.doesNotMatch(html, new RegExp(`id="${source.id}"`), `no section ${source.id}`);
    }
    const lesendNav = await (await (await t().signIn('lesend@musterland.example')).get('/app/k/musterland')).text();
    assert.doesNotMatch(lesendNav, /href="\/app\/k\/musterland\/aufmerksamkeit"/, 'not in the navigation of a reader');
  });

  test('eine Maßnahme, deren Ende gestern war, steht mit Link unter „Überfällig“; nach einer Sachstandsmeldung nicht mehr unter „ohne Meldung“', async () => {
    const d = await demo(t());
    const m = d.inAdopted.find((x) => x.status === 'in_umsetzung')!;
    const yesterday = addDays(berlinDate(new Date()), -1);
    await t().db.update(measures).set({ endDate: yesterday, startDate: null }).where(eq(measures.id, m.id));
    const c = await t().signIn(coordination);
    let html = await (await c.get(page)).text();
    const overdue = section(html, 'ueberfaellig');
    assert.match(overdue, new RegExp(`<tr data-measure="${m.id}">`));
    assert.match(overdue, new RegExp(`href="/app/k/musterland/massnahmen/${m.id}"`));
    const count = Number(/data-count="overdue">(\d+)</.exec(html)![1]);
    assert.equal(count, (overdue.match(/<tr data-measure=/g) ?? []).length, 'the count matches the rows');
    assert.match(section(html, 'ohne-meldung'), new RegExp(`data-measure="${m.id}"`), 'never reported since the adoption (2024): silent');

    await recordMeasureUpdate({ db: t().db, user: systemUser }, d.tenant.id, m.id, { status: 'in_umsetzung', progress: 50, text: 'Läuft nach Plan.', isPublic: false, version: m.version });
    html = await (await c.get(page)).text();
    assert.doesNotMatch(section(html, 'ohne-meldung'), new RegExp(`data-measure="${m.id}"`));
    assert.match(section(html, 'ueberfaellig'), new RegExp(`data-measure="${m.id}"`), 'still overdue: not umgesetzt');

    const done = await t().db.select().from(measures).where(eq(measures.id, m.id));
    await recordMeasureUpdate({ db: t().db, user: systemUser }, d.tenant.id, m.id, { status: 'umgesetzt', text: 'Abgeschlossen.', isPublic: false, version: done[0]!.version });
    html = await (await c.get(page)).text();
    assert.doesNotMatch(html, new RegExp(`data-measure="${m.id}"`), 'umgesetzt: neither overdue nor silent');
  });

  test('Einstellungen: 1–36 Monate, sonst Fehlermeldung; Speichern ändert die Liste und wird protokolliert', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    for (const bad of ['0', '37', 'abc', '', '2,5']) {
      const res = await c.post(settings, { silentAfterMonths: bad, version: String(d.tenant.version) });
      assert.equal(res.status, 422, `"${bad}" is refused`);
      const html = await res.text();
      assert.match(html, /Bitte eine ganze Zahl von 1 bis 36 eingeben\./);
      assert.match(html, /id="error-summary"/);
    }
    const unchanged = await demo(t());
    assert.equal(unchanged.tenant.silentAfterMonths, d.tenant.silentAfterMonths);

    const ok = await c.post(settings, { silentAfterMonths: '36', remindersEnabled: 'on', version: String(d.tenant.version) });
    assert.equal(ok.status, 303);
    assert.match(ok.headers.get('location')!, /\/aufmerksamkeit/);
    const after = await demo(t());
    assert.equal(after.tenant.silentAfterMonths, 36);
    assert.equal(after.tenant.remindersEnabled, true);
    const [entry] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'tenant'), eq(auditLog.action, 'update'), eq(auditLog.entityId, d.tenant.id))).orderBy(auditLog.id);
    assert.ok(entry, 'audited');
    const html = await (await c.get(page)).text();
    assert.match(html, /Ohne Sachstandsmeldung seit 36 Monaten/);

    // A form based on the old version: someone else saved in between.
    const stale = await c.post(settings, { silentAfterMonths: '3', version: String(d.tenant.version) });
    assert.equal(stale.status, 409);
    assert.match(await stale.text(), /inzwischen geändert/);
    assert.equal((await demo(t())).tenant.silentAfterMonths, 36);

    // Back to the default, reminders off again (other tests share this database).
    assert.equal((await c.post(settings, { silentAfterMonths: '6', version: String(after.tenant.version) })).status, 303);
    const reset = await demo(t());
    assert.equal(reset.tenant.silentAfterMonths, 6);
    assert.equal(reset.tenant.remindersEnabled, false, 'an unticked checkbox turns reminders off');
  });

  test('ohne E-Mail-Server zeigt die Seite die Erinnerungen selbst', async () => {
    const d = await demo(t());
    const c = await t().signIn(coordination);
    let html = await (await c.get(page)).text();
    assert.match(section(html, 'erinnerungen'), /Erinnerungen sind ausgeschaltet/);
    // Set by hand as a command would, change noted: the page is kept while nothing changed (platform/ui/kept-app-page.ts).
    await t().db.update(tenants).set({ remindersEnabled: true }).where(eq(tenants.id, d.tenant.id));
    await noteChangeWithoutNotify(t().db, { id: d.tenant.id });
    try {
      html = await (await c.get(page)).text();
      const reminders = section(html, 'erinnerungen');
      assert.match(reminders, /kein E-Mail-Server eingerichtet/);
      assert.match(reminders, /data-recipient="koordination@musterland.example"/);
      assert.match(reminders, /data-recipient="redaktion@musterland.example"/, 'the Fachdienst leads measures of the list');
      assert.doesNotMatch(reminders, /data-recipient="lesend@musterland.example"/);
    } finally {
      await t().db.update(tenants).set({ remindersEnabled: false }).where(eq(tenants.id, d.tenant.id));
      await noteChangeWithoutNotify(t().db, { id: d.tenant.id });
    }
  });

  test('ein Modul fügt der Liste einen Abschnitt mit einem Eintrag im Manifest hinzu (attentionSources): Seite, Übersicht, Regeln, Erinnerung', async () => {
    // A module that moves in: here its items are the Kommune's Jobcenter actors.
    const jobcenters: AttentionSource<{ id: string; name: string }> = {
      id: 'testabschnitt',
      titleKey: 'nav.actors',
      order: 35,
      counted: true,
      items: (db, { tenant }) => db.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.tenantId, tenant.id), eq(actors.name, 'Jobcenter Landkreis Musterland'))),
      body: ({ items }) => `Jobcenter: ${items.map((a) => a.name).join(', ')}`,
      mail: (_t, a, base) => [`- ${a.name}`, `  ${base}/akteure/${a.id}`],
      audit: (items) => ({ jobcenters: items.length }),
      rules: () => ['Testregel: Jobcenter brauchen Aufmerksamkeit.'],
    };
    const d = await demo(t());
    const [jobcenter] = await t().db.select().from(actors).where(and(eq(actors.tenantId, d.tenant.id), eq(actors.name, 'Jobcenter Landkreis Musterland')));
    assert.ok(jobcenter, 'the demo has a Jobcenter');
    useModules([...modules, { name: 'test_attention', attentionSources: [jobcenters] }]);
    try {
      const html = await (await (await t().signIn(coordination)).get(page)).text();
      const own = section(html, 'testabschnitt');
      assert.match(own, /Akteure \(1\)/, 'heading with the count');
      assert.ok(own.includes(`Jobcenter: ${jobcenter.name}`), 'the body');
      assert.match(html, /<a href="#testabschnitt">Akteure<\/a>: <span data-count="testabschnitt">1<\/span>/, 'in the summary');
      assert.match(section(html, 'regeln'), /Testregel/);
      assert.ok(html.indexOf('id="testabschnitt"') > html.indexOf('id="indikatoren"') && html.indexOf('id="testabschnitt"') < html.indexOf('id="fortschreibung"'), 'placed by its order');

      const today = berlinDate(new Date());
      const { list } = await loadAttention(t().db, d.tenant, today);
      const coordinator = (await recipientsOf(t().db, d.tenant.id, list)).find((r) => r.role === 'koordination')!;
      const mail = reminderMail(translator('de'), { tenant: d.tenant, editionTitle: d.adopted.title, recipient: coordinator, publicUrl: 'https://ikon.example', today, silentAfterMonths: 6 });
      assert.match(mail.text, new RegExp(`Akteure \\(1\\)\\n\\n- ${jobcenter.name}\\n  https://ikon.example/app/k/musterland/akteure/${jobcenter.id}`));
    } finally {
      useModules(modules);
    }
    assert.doesNotMatch(await (await (await t().signIn(coordination)).get(page)).text(), /testabschnitt/, 'gone with the module');
  });
});
