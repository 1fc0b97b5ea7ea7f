import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { describeEachDb, type TestApp } from './support/harness.js';
import { users } from '../src/platform/auth/schema.js';
import { contentTranslations } from '../src/platform/translations/schema.js';
import { actors } from '../src/modules/actors/schema.js';
import { editions, goals } from '../src/modules/concepts/schema.js';
import { measures } from '../src/modules/measures/schema.js';
import { indicators, indicatorValues } from '../src/modules/progress/schema.js';
import { invitations, memberships } from '../src/modules/tenants/schema.js';

const base = '/app/k/musterland';

/** One destructive action of each kind in the demo: where it lives, and the page that offers it. */
async function destructiveActions(t: TestApp) {
  const [draft] = await t.db.select().from(editions).where(eq(editions.status, 'entwurf'));
  const [measure] = await t.db.select().from(measures).where(eq(measures.editionId, draft!.id)).limit(1);
  const [goal] = await t.db.select().from(goals).where(eq(goals.editionId, draft!.id)).limit(1);
  const [indicator] = await t.db.select().from(indicators).where(eq(indicators.editionId, draft!.id)).limit(1);
  const [adoptedIndicator] = await t.db.select().from(indicators).innerJoin(editions, eq(editions.id, indicators.editionId)).where(eq(editions.status, 'beschlossen')).limit(1);
  const [value] = await t.db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, adoptedIndicator!.indicators.id)).limit(1);
  const [member] = await t.db.select({ userId: memberships.userId }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, 'lesend@musterland.example'));
  const [actor] = await t.db.select().from(actors).limit(1);
  const [easy] = await t.db.select().from(contentTranslations).where(and(eq(contentTranslations.lang, 'leichte-sprache'), eq(contentTranslations.kind, 'edition'))).limit(1);
  return [
    { what: 'Maßnahme löschen', page: `${base}/massnahmen/${measure!.id}`, action: `${base}/massnahmen/${measure!.id}/loeschen`, version: measure!.version },
    { what: 'Mitglied entfernen', page: `${base}/mitglieder`, action: `${base}/mitglieder/${member!.userId}/entfernen` },
    { what: 'Entwurf löschen', page: `${base}/fassungen/${draft!.id}`, action: `${base}/fassungen/${draft!.id}/loeschen`, version: draft!.version },
    { what: 'Status ändern', page: `${base}/fassungen/${draft!.id}`, action: `${base}/fassungen/${draft!.id}/status`, query: '?to=beteiligung', version: draft!.version },
    { what: 'Ziel löschen', page: `${base}/ziele/${goal!.id}/bearbeiten`, action: `${base}/ziele/${goal!.id}/loeschen`, version: goal!.version },
    { what: 'Indikator löschen', page: `${base}/indikatoren/${indicator!.id}/bearbeiten`, action: `${base}/indikatoren/${indicator!.id}/loeschen`, version: indicator!.version },
    { what: 'Messwert löschen', page: `${base}/indikatoren/${adoptedIndicator!.indicators.id}`, action: `${base}/indikatoren/${adoptedIndicator!.indicators.id}/werte/${value!.id}/loeschen` },
    { what: 'Akteur löschen', page: `${base}/akteure/${actor!.id}`, action: `${base}/akteure/${actor!.id}/loeschen`, version: actor!.version },
    { what: 'Leichte Sprache entfernen', page: `${base}/leichte-sprache?fassung=${easy!.itemId}`, action: `${base}/leichte-sprache/${easy!.itemId}/edition/${easy!.itemId}/entfernen`, version: easy!.version },
  ];
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeEachDb('Zerstörende Aktionen: erst eine Bestätigungsseite, dann das Formular (ohne JavaScript)', (t) => {
  test('jede Seite verlinkt die Bestätigung statt direkt zu senden; die Bestätigung sendet CSRF und Version an dieselbe Adresse', async () => {
    const c = await t().signIn('koordination@musterland.example');
    for (const a of await destructiveActions(t())) {
      const page = await (await c.get(a.page)).text();
      assert.doesNotMatch(page, new RegExp(`<form method="post" action="${escaped(a.action)}"`), `${a.what}: no one-click form on ${a.page}`);
      if (!a.query) assert.match(page, new RegExp(`href="${escaped(a.action)}"`), `${a.what}: ${a.page} links to the confirmation`);
      const confirm = await c.get(`${a.action}${a.query ?? ''}`);
      assert.equal(confirm.status, 200, `${a.what}: confirmation page`);
      const html = await confirm.text();
      assert.match(html, /<h1 class="kern-heading-large">[^<]*\?<\/h1>/, `${a.what}: the page asks`);
      const form = new RegExp(`<form method="post" action="${escaped(a.action)}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
      assert.ok(form, `${a.what}: the confirmation posts to the action`);
      assert.match(form, /name="_csrf"/, `${a.what}: CSRF field`);
      if (a.version !== undefined) assert.match(form, new RegExp(`name="version" value="${a.version}"`), `${a.what}: the version the page showed`);
      assert.match(form, /<button type="submit"/, `${a.what}: one button confirms`);
    }
  });

  test('die Bestätigungsseiten sind nur für die, die die Aktion ausführen dürfen', async () => {
    const lesend = await t().signIn('lesend@musterland.example');
    for (const a of await destructiveActions(t())) {
      assert.equal((await lesend.get(`${a.action}${a.query ?? ''}`)).status, 403, `${a.what}: Lesend`);
    }
  });
  test('Bestätigen führt die Aktion aus: Maßnahme gelöscht, Mitglied entfernt, Einladung zurückgezogen', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const [draft] = await t().db.select().from(editions).where(eq(editions.status, 'entwurf'));
    const [m] = await t().db.select().from(measures).where(eq(measures.editionId, draft!.id)).limit(1);
    assert.equal((await c.post(`${base}/massnahmen/${m!.id}/loeschen`, { version: String(m!.version) })).status, 303);
    assert.equal((await t().db.select().from(measures).where(eq(measures.id, m!.id))).length, 0, 'measure deleted');
    const [lesend] = await t().db.select().from(users).where(eq(users.email, 'lesend@musterland.example'));
    // Removing a member needs the membership's version like every destructive form (issue 8.8).
    const [membership] = await t().db.select().from(memberships).where(eq(memberships.userId, lesend!.id));
    assert.equal((await c.post(`${base}/mitglieder/${lesend!.id}/entfernen`, { version: String(membership!.version) })).status, 303, 'member removed with the version');
    assert.equal((await t().db.select().from(memberships).where(eq(memberships.userId, lesend!.id))).length, 0, 'member removed');
    assert.equal((await c.post(`${base}/einladungen`, { name: 'Neu', email: 'neu@musterland.example', role: 'lesend', actorId: '' })).status, 303, 'invited');
    const [invitation] = await t().db.select().from(invitations).where(and(eq(invitations.email, 'neu@musterland.example'), isNull(invitations.acceptedAt)));
    const confirm = await (await c.get(`${base}/einladungen/${invitation!.id}/zurueckziehen`)).text();
    assert.match(confirm, /Einladung an neu@musterland\.example zurückziehen\?/);
    assert.equal((await c.post(`${base}/einladungen/${invitation!.id}/zurueckziehen`, {})).status, 303);
    assert.equal((await t().db.select().from(invitations).where(eq(invitations.id, invitation!.id))).length, 0, 'invitation revoked');
  });

});
