import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { systemUser } from '../src/platform/auth/current-user.js';
import { createActor } from '../src/modules/actors/service.js';
import { createEdition } from '../src/modules/concepts/editions.js';
import { createItem, fieldKind, goalKind, guidelineKind } from '../src/modules/concepts/items.js';
import { createMeasure } from '../src/modules/measures/service.js';
import { createTenant } from '../src/modules/tenants/service.js';
import { describeEachDb, type TestClient } from './support/harness.js';

const secret = 'GEHEIM-7f3a';

/**
 * Tenancy is never optional: a member of Musterland tries every route of the application with
 * the ids (and the slug) of another Kommune. Nothing of the other Kommune may change, and its
 * internal data (draft edition, internal notes) must never appear in a response.
 */
describeEachDb('Mandantentrennung über alle Routen', (t) => {
  const other: Record<string, string> = {};

  const fingerprint = async () => {
    const rows = await queryRows<{ f: string }>(
      t().db,
      sql`select concat_ws('|',
        (select md5(coalesce(string_agg(m::text, ',' order by m.id), '')) from measures m where tenant_id = ${other.tenant}),
        (select md5(coalesce(string_agg(e::text, ',' order by e.id), '')) from editions e where tenant_id = ${other.tenant}),
        (select md5(coalesce(string_agg(a::text, ',' order by a.id), '')) from actors a where tenant_id = ${other.tenant}),
        (select md5(coalesce(string_agg(g::text, ',' order by g.id), '')) from guidelines g where tenant_id = ${other.tenant}),
        (select md5(coalesce(string_agg(f::text, ',' order by f.id), '')) from fields f where tenant_id = ${other.tenant}),
        (select md5(coalesce(string_agg(g::text, ',' order by g.id), '')) from goals g where tenant_id = ${other.tenant}),
        (select count(*)::text from audit_log where tenant_id = ${other.tenant})) as f`,
    );
    return rows[0]!.f;
  };

  before(async () => {
    const ctx = { db: t().db, user: systemUser };
    const tenant = await createTenant(ctx, { ags: '03498000', name: 'Landkreis Beispielhausen', kind: 'landkreis', slug: 'beispielhausen' });
    other.tenant = tenant.id;
    const edition = await createEdition(ctx, tenant.id, { title: `Entwurf ${secret}` });
    other.edition = edition.id;
    other.guideline = (await createItem(ctx, guidelineKind, tenant.id, edition.id, { title: `Leitlinie ${secret}` })).id;
    other.field = (await createItem(ctx, fieldKind, tenant.id, edition.id, { title: `Feld ${secret}` })).id;
    other.goal = (await createItem(ctx, goalKind, tenant.id, edition.id, { fieldId: other.field, kind: 'handlungsziel', number: '1.1', title: `Ziel ${secret}` })).id;
    other.actor = (await createActor(ctx, tenant.id, { name: `Akteur ${secret}`, kind: 'sonstige' })).id;
    other.measure = (
      await createMeasure(ctx, tenant.id, { editionId: edition.id, number: '1.1.1', title: `Maßnahme ${secret}`, fieldId: other.field, horizon: 'kurz', leadActorId: other.actor, internalNote: secret })
    ).id;
  });

  /** Which of the other Kommune's objects a route's parameter names, by the path segment before it. */
  const objectOf: Record<string, keyof typeof other> = {
    fassungen: 'edition', editions: 'edition', massnahmen: 'measure', measures: 'measure', akteure: 'actor', actors: 'actor',
    leitlinien: 'guideline', guidelines: 'guideline', themenfelder: 'field', fields: 'field', ziele: 'goal', goals: 'goal',
  };

  /**
   * Every route with a parameter, filled with the other Kommune's ids: under Musterland's slug
   * each parameter gets the id of the object its path segment names (every id where the segment
   * names nothing the other Kommune has); under the other slug every route must stop at the
   * Kommune already, so one id suffices there.
   */
  function attempts() {
    const ids = [other.edition, other.measure, other.actor, other.guideline, other.field, other.goal];
    const param = /\/([^/:]+)\/:[a-zA-Z]+(\{[^}]*\})?/g;
    const out: { method: string; path: string }[] = [];
    for (const r of t().app.routes) {
      if (!r.path.includes(':') || r.method === 'ALL') continue;
      for (const slug of ['musterland', 'beispielhausen']) {
        for (const kind of r.path.includes(':kind') ? ['leitlinien', 'themenfelder', 'ziele'] : ['']) {
          const path = r.path
            .replace(/:slug/g, slug)
            .replace(/:kind\{[^}]*\}/g, kind)
            .replace(/:token/g, 'x')
            .replace(/:number\{[^}]*\}|:number/g, '1.1.1');
          const named = [...path.matchAll(param)].map((m) => objectOf[m[1]!]);
          const allNamed = named.every(Boolean) && !/\/:/.test(path.replace(param, ''));
          const fitting = slug === 'beispielhausen' ? [other.measure] : allNamed ? [undefined] : ids;
          for (const id of fitting) {
            const filled = path.replace(param, (_, segment: string) => `/${segment}/${id ?? other[objectOf[segment]!]}`);
            if (!out.some((a) => a.method === r.method && a.path === filled)) out.push({ method: r.method, path: filled });
          }
        }
      }
    }
    return out;
  }

  async function tryAll(client: TestClient, who: string) {
    const before = await fingerprint();
    const leaks: string[] = [];
    const writes: string[] = [];
    for (const a of attempts()) {
      const body = { title: 'Übernommen', name: 'Übernommen', number: '9.9.9', version: '1', status: 'umgesetzt', fieldId: other.field, horizon: 'kurz', kind: 'sonstige', to: 'beteiligung' };
      const res =
        a.method === 'GET'
          ? await client.get(a.path)
          : a.path.startsWith('/api/')
            ? await client.json(a.method, a.path, body)
            : await client.post(a.path, body);
      const text = await res.text();
      if (text.includes(secret)) leaks.push(`${a.method} ${a.path} → ${res.status}`);
      const toSignIn = (res.headers.get('location') ?? '').startsWith('/anmelden');
      if (a.method !== 'GET' && res.status < 400 && !toSignIn && a.path.includes('beispielhausen')) writes.push(`${a.method} ${a.path} → ${res.status}`);
    }
    assert.deepEqual(leaks, [], `${who} saw internal data of another Kommune`);
    assert.deepEqual(writes, [], `${who} wrote through another Kommune's routes`);
    assert.equal(await fingerprint(), before, `${who} changed another Kommune's data`);
  }

  test('a Musterland coordinator can neither read nor change another Kommune', async () => {
    assert.ok(attempts().length > 50, 'the app should have many parameterised routes');
    await tryAll(await t().signIn('koordination@musterland.example'), 'koordination');
  });

  test('a platform-less partner and an anonymous visitor cannot either', async () => {
    await tryAll(await t().signIn('partner@musterland.example'), 'partner');
    await tryAll(t().client(), 'anonymous');
  });
});
