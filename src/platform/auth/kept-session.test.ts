import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { describeEachDb, type TestClient } from '../../../test/support/harness.js';
import { users } from './schema.js';

// On PGlite a session's lookup is kept while this process has sent no statement that may write
// (platform/auth/sessions.ts, currentSession): a signed-in page costs no query for the session. Every
// change of the session, the person or her memberships must still show on the very next request.
describeEachDb('Sitzung: aufbewahrt nur, solange nichts geschrieben wurde', (t) => {
  before(() => enableQueryStats());
  const internal = '/app/k/musterland/fassungen';
  const queriesOf = async (c: TestClient, path: string) => (await withQueryStats(async () => (await c.get(path)).status)).stats.count;
  const signedIn = async (c: TestClient) => (await c.get(internal)).status === 200;

  test('the same session again: on PGlite no query for it', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const sessionQueries = async () => {
      const { stats } = await withQueryStats(async () => (await c.get(internal)).status, true);
      return stats.sql!.filter((q) => /\bfrom "?sessions"?/i.test(q.text)).length;
    };
    assert.equal(await sessionQueries(), 1, 'the first request looks the session up');
    // The first request of a process may write (pruning old change rows, once per process), which ends
    // what is kept; after a request that wrote nothing the lookup is kept. Only the session's query is
    // counted: other parts of the frame are kept too (the navigation counts on PGlite).
    await sessionQueries();
    assert.equal(await sessionQueries(), t().kind === 'pglite' ? 0 : 1, `again: ${t().kind === 'pglite' ? 'kept' : 'asked every time'}`);
  });

  test('signed out, disabled, or no longer a member: the next request knows it', async () => {
    const out = await t().signIn('lesend@musterland.example');
    assert.ok(await signedIn(out), 'signed in');
    await out.post('/abmelden', {});
    assert.equal((await out.get(internal)).status, 303, 'signed out: back to the sign-in form');

    const disabled = await t().signIn('lesend@musterland.example');
    assert.ok(await signedIn(disabled), 'signed in again');
    await t().db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'lesend@musterland.example'));
    try {
      assert.equal((await disabled.get(internal)).status, 303, 'a disabled account is signed out at once');
    } finally {
      await t().db.update(users).set({ disabledAt: null }).where(eq(users.email, 'lesend@musterland.example'));
    }

    const member = await t().signIn('lesend@musterland.example');
    assert.ok(await signedIn(member), 'a member reads the internal page');
    const [row] = await queryRows<{ user_id: string; tenant_id: string; other: string }>(
      t().db,
      sql`select m.user_id, m.tenant_id, (select id from tenants where slug <> 'musterland' order by slug limit 1) as other
          from memberships m join users u on u.id = m.user_id join tenants k on k.id = m.tenant_id where u.email = 'lesend@musterland.example' and k.slug = 'musterland'`,
    );
    const move = (from: string, to: string) => t().db.execute(sql`update memberships set tenant_id = ${to} where user_id = ${row!.user_id} and tenant_id = ${from}`);
    await move(row!.tenant_id, row!.other);
    try {
      assert.notEqual((await member.get(internal)).status, 200, 'no longer a member of Musterland: not its internal page');
    } finally {
      await move(row!.other, row!.tenant_id);
    }
    assert.ok(await signedIn(member), 'a member again');
  });
});
