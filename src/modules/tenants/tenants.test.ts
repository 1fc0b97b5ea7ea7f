import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { users } from '../../platform/auth/schema.js';
import { dbKinds } from '../../../test/support/databases.js';
import { listActors } from '../actors/service.js';
import { inviteMember } from './invitations.js';
import { mayHandOverResetLink } from './reset-links.js';
import { invitations, memberships } from './schema.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { tenantBySlug } from '../../platform/tenancy/service.js';

const coordinator = 'koordination@musterland.example';
const admin = 'admin@ikon.example';

const linkIn = (text: string) => {
  const m = /\/einladung\/([A-Za-z0-9_-]+)/.exec(text);
  assert.ok(m, `no invitation link in: ${text}`);
  return `/einladung/${m[1]}`;
};

describeEachDb(
  'accounts and Kommunen',
  (t) => {
    let tenantId: string;
    let actorId: string;
    const userId = async (email: string) => {
      const [row] = await t().db.select().from(users).where(eq(users.email, email));
      return row?.id;
    };
    const membership = async (email: string, tenant = tenantId) => {
      const id = await userId(email);
      if (!id) return undefined;
      const [row] = await t().db.select().from(memberships).where(and(eq(memberships.tenantId, tenant), eq(memberships.userId, id)));
      return row;
    };

    before(async () => {
      tenantId = (await tenantBySlug(t().db, 'musterland')).id;
      actorId = (await listActors(t().db, tenantId))[0]!.id;
    });

    test('GET / shows the landing page with the Kreis portals, or sends signed-in people to /app', async () => {
      const res = await t().client().get('/');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /href="\/k\/musterland"/);
      assert.match(html, /href="\/anmelden"/);
      // Gemeinden of the demo Landkreis have no portal link of their own on the start page.
      assert.doesNotMatch(html, /href="\/k\/musterstadt"/);
      const signedIn = await t().signIn(coordinator);
      const again = await signedIn.get('/');
      assert.equal(again.status, 302);
      assert.equal(again.headers.get('location'), '/app');
    });

    test('/app sends a member of exactly one Kommune straight to it', async () => {
      const c = await t().signIn(coordinator);
      const res = await c.get('/app');
      assert.equal(res.status, 302);
      assert.equal(res.headers.get('location'), '/app/k/musterland');
    });

    test('/app lists all Kommunen and the administration link for a platform admin', async () => {
      const c = await t().signIn(admin);
      const res = await c.get('/app');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /href="\/app\/admin\/kommunen"/);
      assert.match(html, /href="\/app\/k\/musterland"/);
    });

    test('/app without a session asks for sign-in', async () => {
      const res = await t().client().get('/app');
      assert.equal(res.status, 303);
      assert.match(res.headers.get('location') ?? '', /^\/anmelden/);
    });

    test('the overview shows editions, measure counts, recent changes and the role', async () => {
      const c = await t().signIn('partner@musterland.example');
      const res = await c.get('/app/k/musterland');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<h1[^>]*>Landkreis Musterland<\/h1>/);
      assert.match(html, /Ihre Rolle: Partner/);
      assert.match(html, /Integrationskonzept 2026 \(Fortschreibung\)/);
      assert.match(html, /href="\/app\/k\/musterland\/fassungen\/[0-9a-f-]{36}"/);
      assert.match(html, /Beschlossen: Integrationskonzept 2024/);
      assert.match(html, /in Umsetzung/);
      assert.match(html, /Letzte Änderungen/);
    });

    test('recent changes on the overview: other roles see content changes only, never account entries or e-mail addresses', async () => {
      const coord = await t().signIn(coordinator);
      const invited = 'neue.person.overview@example.org';
      assert.equal((await coord.post('/app/k/musterland/einladungen', { name: 'Neue Person', email: invited, role: 'lesend' })).status, 303, 'invitation sent');
      const coordHtml = await (await coord.get('/app/k/musterland')).text();
      assert.match(coordHtml, /neue\.person\.overview@example\.org/, 'Koordination sees the invitation in recent changes');
      for (const email of ['lesend@musterland.example', 'partner@musterland.example', 'redaktion@musterland.example']) {
        const html = await (await (await t().signIn(email)).get('/app/k/musterland')).text();
        assert.match(html, /Letzte Änderungen/, `${email}: section shown`);
        assert.doesNotMatch(html, /neue\.person\.overview@example\.org/, `${email}: no invitee address`);
        assert.doesNotMatch(html, /Einladung/, `${email}: no invitation entries`);
      }
    });

    test('the members page is for Koordination only: 403 for other members', async () => {
      for (const email of ['lesend@musterland.example', 'partner@musterland.example', 'redaktion@musterland.example']) {
        const c = await t().signIn(email);
        assert.equal((await c.get('/app/k/musterland/mitglieder')).status, 403, email);
        assert.equal((await c.post('/app/k/musterland/einladungen', { name: 'X', email: 'x@example.org', role: 'lesend' })).status, 403, email);
      }
      const coord = await t().signIn(coordinator);
      const res = await coord.get('/app/k/musterland/mitglieder');
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /Katrin Koordination/);
      assert.match(html, /lesend@musterland\.example/);
      assert.match(html, /Person einladen/);
    });

    test('the invitation form chooses no role in advance; without one it asks for it and invites nobody', async () => {
      const coord = await t().signIn(coordinator);
      const page = await (await coord.get('/app/k/musterland/mitglieder')).text();
      const roleSelect = page.match(/<select[^>]*id="f-role"[^>]*>(.*?)<\/select>/s)?.[1] ?? '';
      assert.match(roleSelect, /^<option value="" selected="">Bitte wählen<\/option>|^<option value="">Bitte wählen<\/option>/, 'an empty first choice');
      assert.doesNotMatch(roleSelect, /<option value="[a-z]+" selected/, 'no role preselected');
      assert.match(page, /Fachdienst\/Redaktion und Partner handeln für einen Akteur/, 'the hint says which roles need an actor');
      const before = (await t().db.select().from(invitations)).length;
      const blank = await coord.post('/app/k/musterland/einladungen', { name: 'Olga Ohne', email: 'ohne.rolle@example.org', role: '', actorId: '' });
      assert.equal(blank.status, 422);
      assert.match(await blank.text(), /Rolle: Bitte ausfüllen\./);
      assert.equal((await t().db.select().from(invitations)).length, before, 'nobody invited');
    });

    test('invite → mail with link → too-short password refused → accepted, signed in with the role', async () => {
      const coord = await t().signIn(coordinator);
      const email = 'neu.redaktion@example.org';
      const missingActor = await coord.post('/app/k/musterland/einladungen', { name: 'Nora Neu', email, role: 'redaktion', actorId: '' });
      assert.equal(missingActor.status, 422);
      assert.match(await missingActor.text(), /Für diese Rolle bitte den Akteur angeben/);

      const res = await coord.post('/app/k/musterland/einladungen', { name: 'Nora Neu', email: ' Neu.Redaktion@Example.org ', role: 'redaktion', actorId });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/app/k/musterland/mitglieder');
      const mail = t().mails.find((m) => m.to === email);
      assert.ok(mail, 'invitation mail captured');
      assert.match(mail.subject, /Einladung/);
      assert.match(mail.text, /Guten Tag Nora Neu/);
      const link = linkIn(mail.text);
      const [row] = await t().db.select().from(invitations).where(eq(invitations.email, email));
      assert.ok(row && row.tokenHash.length === 64 && !mail.text.includes(row.tokenHash), 'only the hash is stored');
      const page = await coord.get('/app/k/musterland/mitglieder');
      assert.match(await page.text(), /Die Einladung an neu\.redaktion@example\.org wurde verschickt/);

      const guest = t().client();
      const form = await guest.get(link);
      assert.equal(form.status, 200);
      assert.match(await form.text(), /Einladung annehmen/);

      const short = await guest.post(link, { name: 'Nora Neu', password: 'kurz', passwordRepeat: 'kurz' });
      assert.equal(short.status, 422);
      assert.match(await short.text(), /Das Passwort muss mindestens 12 Zeichen lang sein\./);
      assert.equal(await userId(email), undefined, 'no account created');

      const mismatch = await guest.post(link, { name: 'Nora Neu', password: 'Ein sehr langes Passwort', passwordRepeat: 'Ein anderes langes Passwort' });
      assert.equal(mismatch.status, 422);
      assert.match(await mismatch.text(), /stimmen nicht überein/);

      const ok = await guest.post(link, { name: 'Nora Neumann', password: 'Ein sehr langes Passwort', passwordRepeat: 'Ein sehr langes Passwort' });
      assert.equal(ok.status, 303);
      assert.equal(ok.headers.get('location'), '/app/k/musterland');
      const m = await membership(email);
      assert.equal(m?.role, 'redaktion');
      assert.equal(m?.actorId, actorId);
      const overview = await guest.get('/app/k/musterland');
      assert.equal(overview.status, 200);
      const html = await overview.text();
      assert.match(html, /Nora Neumann/);
      assert.match(html, /Ihre Rolle: Fachdienst\/Redaktion/);

      // The link works once.
      const reused = await t().client().get(link);
      assert.equal(reused.status, 410);
      assert.match(await reused.text(), /schon angenommen/);
      const [accepted] = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, 'accept')));
      assert.ok(accepted, 'acceptance is audited');
    });

    test('an expired invitation link answers 410 with a German page', async () => {
      const past = new Date(Date.now() - 15 * 86_400_000);
      const { token } = await inviteMember({ db: t().db, user: systemUser }, tenantId, { name: 'Spät', email: 'spaet@example.org', role: 'lesend' }, past);
      const get = await t().client().get(`/einladung/${token}`);
      assert.equal(get.status, 410);
      assert.match(await get.text(), /Diese Einladung ist abgelaufen/);
      const post = await t().client().post(`/einladung/${token}`, { name: 'Spät', password: 'Ein sehr langes Passwort', passwordRepeat: 'Ein sehr langes Passwort' });
      assert.equal(post.status, 410);
      assert.equal(await userId('spaet@example.org'), undefined);
      assert.equal((await t().client().get('/einladung/gibt-es-nicht')).status, 404);
    });

    test('a withdrawn invitation no longer works', async () => {
      const coord = await t().signIn(coordinator);
      await coord.post('/app/k/musterland/einladungen', { name: 'Wilma Weg', email: 'weg@example.org', role: 'lesend' });
      const link = linkIn(t().mails.find((m) => m.to === 'weg@example.org')!.text);
      const [row] = await t().db.select().from(invitations).where(eq(invitations.email, 'weg@example.org'));
      const res = await coord.post(`/app/k/musterland/einladungen/${row!.id}/zurueckziehen`, {});
      assert.equal(res.status, 303);
      assert.equal((await t().db.select().from(invitations).where(eq(invitations.email, 'weg@example.org'))).length, 0);
      assert.equal((await t().client().get(link)).status, 404);
    });

    test('an invitation to an address that already has an account: sign in, then join', async () => {
      const partner = 'partner@musterland.example';
      const member = await t().signIn(partner);
      // Invite into a Gemeinde of the demo Landkreis, via a platform admin (the coordinator is not a member there).
      const gemeinde = (await t().db.select().from(tenants).where(eq(tenants.parentId, tenantId)))[0]!;
      const adminClient = await t().signIn(admin);
      const res = await adminClient.post(`/app/k/${gemeinde.slug}/einladungen`, { name: 'Paula', email: partner, role: 'lesend' });
      assert.equal(res.status, 303);
      const link = linkIn(t().mails.find((m) => m.to === partner)!.text);
      const anonymous = await t().client().get(link);
      assert.equal(anonymous.status, 200);
      assert.match(await anonymous.text(), /Bitte zuerst anmelden/);
      const confirm = await member.get(link);
      assert.equal(confirm.status, 200);
      assert.match(await confirm.text(), /Einladung annehmen/);
      const accept = await member.post(link, {});
      assert.equal(accept.status, 303);
      assert.equal(accept.headers.get('location'), `/app/k/${gemeinde.slug}`);
      assert.equal((await membership(partner, gemeinde.id))?.role, 'lesend');
      assert.equal((await membership(partner))?.role, 'partner', 'the other membership is untouched');
    });

    test('Koordination changes a role; the change is audited; Redaktion needs an actor', async () => {
      const coord = await t().signIn(coordinator);
      const target = await userId('redaktion@musterland.example');
      const { version } = (await membership('redaktion@musterland.example'))!;
      const invalid = await coord.post(`/app/k/musterland/mitglieder/${target}/rolle`, { role: 'partner', actorId: '', version });
      assert.equal(invalid.status, 422);
      assert.match(await invalid.text(), /Für diese Rolle bitte den Akteur angeben/);
      const res = await coord.post(`/app/k/musterland/mitglieder/${target}/rolle`, { role: 'partner', actorId, version });
      assert.equal(res.status, 303);
      assert.equal((await membership('redaktion@musterland.example'))?.version, version + 1, 'a role change counts the version up');
      const page = await coord.get('/app/k/musterland/mitglieder');
      assert.match(await page.text(), /Die Rolle von Rainer Redaktion ist jetzt „Partner“/);
      assert.equal((await membership('redaktion@musterland.example'))?.role, 'partner');
      const entries = await t()
        .db.select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'membership'), eq(auditLog.entityId, target!)));
      const entry = entries.find((e) => e.action === 'update');
      assert.ok(entry, 'audit entry written');
      assert.equal((entry.before as any).role, 'redaktion');
      assert.equal((entry.after as any).role, 'partner');
      assert.equal(entry.userName, 'Katrin Koordination');
    });

    test('the last Koordination can neither leave nor give up the role', async () => {
      const coord = await t().signIn(coordinator);
      const self = await userId(coordinator);
      const { version } = (await membership(coordinator))!;
      const remove = await coord.post(`/app/k/musterland/mitglieder/${self}/entfernen`, { version });
      assert.equal(remove.status, 409);
      assert.match(await remove.text(), /mindestens eine Person mit der Rolle Koordination/);
      const demote = await coord.post(`/app/k/musterland/mitglieder/${self}/rolle`, { role: 'lesend', version });
      assert.equal(demote.status, 409);
      assert.equal((await membership(coordinator))?.role, 'koordination');
    });

    test('Koordination removes a member', async () => {
      const coord = await t().signIn(coordinator);
      const target = await userId('lesend@musterland.example');
      const seen = (await membership('lesend@musterland.example'))!.version;
      // Issue 8.8: without the version nothing is removed (422); after someone else changed the role meanwhile, neither (409).
      const missing = await coord.post(`/app/k/musterland/mitglieder/${target}/entfernen`, {});
      assert.equal(missing.status, 422, 'remove without version: 422');
      assert.match(await missing.text(), /Die Version des Eintrags fehlt/, 'German message');
      const other = await t().signIn(coordinator);
      assert.equal((await other.post(`/app/k/musterland/mitglieder/${target}/rolle`, { role: 'lesend', version: seen })).status, 303, 'someone else saves the membership');
      const stale = await coord.post(`/app/k/musterland/mitglieder/${target}/entfernen`, { version: seen });
      assert.equal(stale.status, 409, 'remove with the old version: 409');
      const html = await stale.text();
      assert.match(html, /Nicht gelöscht: der Eintrag wurde inzwischen geändert/, 'the conflict view');
      assert.match(html, /Katrin Koordination hat diesen Eintrag am/, 'names who changed it');
      assert.ok(await membership('lesend@musterland.example'), 'still a member after a stale removal');
      const res = await coord.post(`/app/k/musterland/mitglieder/${target}/entfernen`, { version: seen + 1 });
      assert.equal(res.status, 303);
      assert.equal(await membership('lesend@musterland.example'), undefined);
      assert.ok(await userId('lesend@musterland.example'), 'the account stays');
      // Give the membership back so other tests keep their demo roles.
      await t().db.insert(memberships).values({ tenantId, userId: target!, role: 'lesend' });
    });

    test('platform admin creates a Kommune: invalid AGS is refused, a valid one is created and audited', async () => {
      const c = await t().signIn(admin);
      const page = await c.get('/app/admin/kommunen');
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Landkreis Musterland/);

      const invalid = await c.post('/app/admin/kommunen', { name: 'Landkreis Beispiel', ags: '0325400', kind: 'landkreis', parentId: '', slug: '' });
      assert.equal(invalid.status, 422);
      const html = await invalid.text();
      assert.match(html, /Der AGS besteht aus genau 8 Ziffern\./);
      assert.match(html, /error-summary/);
      assert.equal((await t().db.select().from(tenants).where(eq(tenants.name, 'Landkreis Beispiel'))).length, 0);

      const res = await c.post('/app/admin/kommunen', {
        name: 'Landkreis Beispiel',
        ags: '03254000',
        kind: 'landkreis',
        parentId: '',
        slug: '',
        coordinatorName: 'Bea Beispiel',
        coordinatorEmail: 'bea@beispiel.example',
      });
      assert.equal(res.status, 303);
      const [created] = await t().db.select().from(tenants).where(eq(tenants.ags, '03254000'));
      assert.ok(created);
      assert.equal(created.slug, 'landkreis-beispiel');
      const [entry] = await t()
        .db.select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, 'tenant'), eq(auditLog.entityId, created.id), eq(auditLog.action, 'create')));
      assert.ok(entry, 'creation is audited');
      assert.equal(entry.userName, 'Alex Admin');
      const mail = t().mails.find((m) => m.to === 'bea@beispiel.example');
      assert.ok(mail, 'the first coordinator is invited');
      const [inv] = await t().db.select().from(invitations).where(eq(invitations.tenantId, created.id));
      assert.equal(inv?.role, 'koordination');

      const clash = await c.post('/app/admin/kommunen', { name: 'Landkreis Beispiel', ags: '03254000', kind: 'landkreis' });
      assert.equal(clash.status, 422);
      assert.match(await clash.text(), /Eine Kommune mit diesem AGS gibt es schon/);
    });

    test('the Kommunen administration is for platform admins only', async () => {
      for (const email of [coordinator, 'lesend@musterland.example']) {
        const c = await t().signIn(email);
        assert.equal((await c.get('/app/admin/kommunen')).status, 403, email);
        assert.equal((await c.post('/app/admin/kommunen', { name: 'X', ags: '03255000', kind: 'landkreis' })).status, 403, email);
      }
      assert.equal((await t().db.select().from(tenants).where(eq(tenants.ags, '03255000'))).length, 0);
    });
  },
  'demo',
  { captureMail: true },
);

/** Without a mail server the coordinator gets the link and text to pass on herself, once. */
for (const kind of dbKinds) {
  describe(`invitation without a mail server [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, 'demo');
    });
    after(() => t?.close());

    test('Betrieb without a mail server (no background jobs) says so once', async () => {
      const html = await (await (await t.signIn('admin@ikon.example')).get('/app/admin/betrieb')).text();
      assert.match(html, /Es laufen keine Hintergrundaufgaben/);
      assert.doesNotMatch(html, /Keine Hintergrundaufgaben\./, 'no second sentence saying the same');
    });

    test('the link and mail text are shown on the next page, then not again', async () => {
      const coord = await t.signIn(coordinator);
      const res = await coord.post('/app/k/musterland/einladungen', { name: 'Olga Ohnemail', email: 'olga@example.org', role: 'lesend' });
      assert.equal(res.status, 303);
      const page = await coord.get('/app/k/musterland/mitglieder');
      const html = await page.text();
      assert.match(html, /Bitte geben Sie die Einladung selbst weiter/);
      assert.match(html, /Guten Tag Olga Ohnemail/);
      const link = linkIn(html);
      assert.equal((await t.client().get(link)).status, 200);
      const again = await coord.get('/app/k/musterland/mitglieder');
      assert.doesNotMatch(await again.text(), /Bitte geben Sie die Einladung selbst weiter/);
    });

    test('a password reset link for a member: confirmed first, shown once, works once, audited; Redaktion may not', async () => {
      const email = 'lesend@musterland.example';
      const [person] = await t.db.select().from(users).where(eq(users.email, email));
      const url = `/app/k/musterland/mitglieder/${person!.id}/passwort-link`;
      const coord = await t.signIn(coordinator);
      assert.match(await (await coord.get('/app/k/musterland/mitglieder')).text(), new RegExp(`href="${url}"`), 'the members page offers it');
      const confirm = await coord.get(url);
      assert.equal(confirm.status, 200);
      assert.match(await confirm.text(), /Link zum Zurücksetzen des Passworts für [^<]+ erzeugen\?/, 'asks first');

      const created = await coord.post(url, {});
      assert.equal(created.status, 303);
      const html = await (await coord.get('/app/k/musterland/mitglieder')).text();
      assert.match(html, /Link zum Zurücksetzen des Passworts für/);
      const link = /\/passwort-neu\/[A-Za-z0-9_-]+/.exec(html)?.[0];
      assert.ok(link, 'the link is shown');
      assert.doesNotMatch(await (await coord.get('/app/k/musterland/mitglieder')).text(), /passwort-neu\//, 'only once');

      const visitor = t.client();
      assert.equal((await visitor.get(link)).status, 200);
      const password = 'Ein-neues-Passwort-2026';
      assert.equal((await visitor.post(link, { password, passwordRepeat: password })).status, 303, 'the new password is set');
      assert.equal((await t.client().post('/anmelden', { email, password })).status, 303, 'and works');
      assert.equal((await t.client().get(link)).status, 410, 'the link works once');

      const entries = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'password_reset_link_created'), eq(auditLog.entityId, person!.id)));
      assert.equal(entries.length, 1, 'one audit entry');
      assert.equal(entries[0]!.tenantId, (await tenantBySlug(t.db, 'musterland')).id, 'in the Kommune\'s log');
      assert.match(entries[0]!.userName ?? '', /\S/, 'by the coordinator');
      assert.doesNotMatch(JSON.stringify(entries[0]!.after), new RegExp(link.split('/').at(-1)!), 'never the token');

      const redaktion = await t.signIn('redaktion@musterland.example');
      assert.equal((await redaktion.post(url, {})).status, 403, 'Redaktion may not');
    });
  });
}

test('a Koordination may hand over reset links only for accounts that are nowhere more than in its Kommunen', () => {
  const coordination = { id: 'k', email: 'k@x', name: 'K', isPlatformAdmin: false, memberships: [{ tenantId: 'a', tenantSlug: 'a', tenantName: 'A', role: 'koordination' as const, actorId: null }] };
  assert.equal(mayHandOverResetLink(coordination, { isPlatformAdmin: false }, [{ tenantId: 'a' }]), true, 'a member of its Kommune');
  assert.equal(mayHandOverResetLink(coordination, { isPlatformAdmin: false }, [{ tenantId: 'a' }, { tenantId: 'b' }]), false, 'also a member elsewhere');
  assert.equal(mayHandOverResetLink(coordination, { isPlatformAdmin: true }, [{ tenantId: 'a' }]), false, 'a platform admin');
  assert.equal(mayHandOverResetLink({ ...coordination, isPlatformAdmin: true, memberships: [] }, { isPlatformAdmin: true }, [{ tenantId: 'b' }]), true, 'the platform admin may for anyone');
});
