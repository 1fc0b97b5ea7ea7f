import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { createTestPostgres } from '../../test/support/databases.js';
import { listenPostgres } from './listen.js';

/** Resolves once `ok()` holds, checking whenever `changed` is called. */
function when(ok: () => boolean): { done: Promise<void>; changed: () => void } {
  let resolve!: () => void;
  const done = new Promise<void>((r) => (resolve = r));
  const changed = () => ok() && resolve();
  return { done, changed };
}

let database: Awaited<ReturnType<typeof createTestPostgres>>;
before(async () => (database = await createTestPostgres('empty')));
after(() => database.drop());

test('LISTEN survives a dropped connection: it reconnects, reports the gap, and hears the next NOTIFY', async () => {
  const heard: string[] = [];
  let gaps = 0;
  const waiting = new Set<() => void>();
  const changed = () => waiting.forEach((w) => w());
  const stop = await listenPostgres(database.url, 'ikon_listen_probe', { onMessage: (p) => (heard.push(p), changed()), onGap: () => (gaps++, changed()) });
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  try {
    const notify = (payload: string) => admin.query(`select pg_notify('ikon_listen_probe', $1)`, [payload]);
    const first = when(() => heard.includes('one'));
    waiting.add(first.changed);
    await notify('one');
    await first.done;

    // What a database restart does to the listener's connection.
    const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'LISTEN ikon_listen_probe'`);
    assert.equal(killed.rowCount, 1, 'the listening connection was found and ended');
    const reconnected = when(() => gaps === 1);
    waiting.add(reconnected.changed);
    await reconnected.done;

    const second = when(() => heard.includes('two'));
    waiting.add(second.changed);
    await notify('two');
    await second.done;
    assert.deepEqual(heard, ['one', 'two']);
  } finally {
    await admin.end();
    await stop();
  }
});
