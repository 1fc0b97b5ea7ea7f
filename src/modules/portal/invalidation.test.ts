import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { queryRows, type Database } from '../../db/client.js';
import type { NotificationHandlers } from '../../db/listen.js';
import { openTestDatabase } from '../../../test/support/databases.js';
import { describeEachDb } from '../../../test/support/harness.js';
import { publicChangeChannel } from '../../platform/public-changes.js';
import { until } from '../../../test/support/until.js';


// The public page cache keeps pages 30 s; a write in the Kommune drops them at once (issue 9).
describeEachDb('public pages after a write: invalidated, not 30 s old', (t) => {
  const measure = async (number: string) => {
    const [row] = await queryRows<{ id: string; version: number }>(
      t().db,
      sql`select m.id, m.version from measures m join editions e on e.id = m.edition_id join tenants k on k.id = e.tenant_id where k.slug = 'musterland' and e.status = 'beschlossen' and m.number = ${number}`,
    );
    assert.ok(row, `measure ${number} in the adopted edition`);
    return row;
  };

  test('a public Sachstand shows on the cached public Umsetzung page right after saving', async () => {
    const anonymous = t().client();
    const path = '/k/musterland/umsetzung';
    const before = await (await anonymous.get(path)).text();
    assert.equal(await (await anonymous.get(path)).text(), before, 'served from the cache');
    const text = `Öffentlich gemeldet ${Date.now()}`;
    assert.ok(!before.includes(text));

    const { id, version } = await measure('1.3.1');
    const coordinator = await t().signIn('koordination@musterland.example');
    const saved = await coordinator.json('POST', `/api/v1/kommunen/musterland/measures/${id}/updates`, { status: 'in_umsetzung', text, isPublic: true, version });
    assert.equal(saved.status, 201, await saved.clone().text());

    const html = await until(async () => (await anonymous.get(path)).text(), (h) => h.includes(text), 'the new Sachstand on the public page');
    assert.ok(html.includes(text), 'the public page shows the new Sachstand');
  });

  test('a write that is rolled back announces nothing; another Kommune keeps its pages', async () => {
    const received: string[] = [];
    const stop = await t().database.listen(publicChangeChannel, { onMessage: (p) => received.push(p) });
    try {
      const anonymous = t().client();
      const other = await (await anonymous.get('/k/heidewald')).text();
      await t()
        .db.transaction(async (tx) => {
          await tx.execute(sql`select pg_notify(${publicChangeChannel}, 'rolled-back')`);
          tx.rollback();
        })
        .catch(() => undefined);
      await t().db.execute(sql`select pg_notify(${publicChangeChannel}, 'marker')`);
      await until(async () => received, (r) => r.includes('marker'), 'the marker notification');
      assert.deepEqual(received, ['marker'], 'nothing from the rolled-back transaction');

      const { id, version } = await measure('1.2.1');
      const coordinator = await t().signIn('koordination@musterland.example');
      const saved = await coordinator.json('POST', `/api/v1/kommunen/musterland/measures/${id}/updates`, { status: 'in_umsetzung', text: 'Intern', isPublic: false, version });
      assert.equal(saved.status, 201, await saved.clone().text());
      await until(async () => received, (r) => r.length === 2, 'the announcement of the Musterland write');
      assert.equal(received.length, 2, 'one announcement for the command (one transaction), not one per statement');
      assert.equal(await (await anonymous.get('/k/heidewald')).text(), other, 'Heidewald still from the cache');
    } finally {
      await stop();
    }
  });
});

// A NOTIFY lost while the LISTEN connection was down (database restart): after reconnecting the
// listener reports a gap (src/db/listen.ts, tested there) and every cached page is dropped.
describe('public pages after a gap in the notifications', () => {
  test('a reported gap drops every cached page', async () => {
    const real = await openTestDatabase('pglite', 'demo');
    let handlers: NotificationHandlers | undefined;
    const database: Database = { ...real, listen: async (_channel, h) => ((handlers = h), async () => undefined) };
    try {
      const app = createApp({ database, config: loadConfig({ IKON_DEMO: '1', DATA_DIR: '.tmp/unused' }) });
      const page = async () => (await app.request('/k/musterland/massnahmen/1.3.1')).text();
      const before = await page();
      assert.ok(handlers, 'the cache listens');
      // A change whose notification never arrived (written without the audit entry that announces it).
      await real.db.execute(sql`update measures set title = 'Nach der Lücke betitelt' where number = '1.3.1'`);
      assert.equal(await page(), before, 'still the cached page');
      handlers.onGap?.();
      assert.match(await page(), /Nach der Lücke betitelt/, 'rendered afresh after the gap');
    } finally {
      await real.close();
    }
  });
});
