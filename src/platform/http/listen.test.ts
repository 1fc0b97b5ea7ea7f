import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listenFirst, PortInUseError } from './listen.js';

test('the port is bound before the app exists: 503 with Retry-After until ready, then the app; a busy port is refused', async () => {
  const listener = await listenFirst('127.0.0.1', 0);
  try {
    const starting = await fetch(`http://127.0.0.1:${listener.port}/healthz`);
    assert.equal(starting.status, 503, 'starting');
    assert.equal(starting.headers.get('retry-after'), '5', 'tells clients when to retry');
    assert.match(starting.headers.get('content-type') ?? '', /application\/problem\+json/, 'problem+json');
    assert.match((await starting.json()).title, /ikon startet gerade/, 'German title');

    listener.ready(() => new Response('bereit'));
    const ready = await fetch(`http://127.0.0.1:${listener.port}/healthz`);
    assert.equal(await ready.text(), 'bereit', 'the app answers once ready');

    await assert.rejects(listenFirst('127.0.0.1', listener.port), (e: unknown) => e instanceof PortInUseError && e.message.includes(`Port ${listener.port} auf 127.0.0.1 ist schon belegt`), 'busy port');
  } finally {
    await listener.close();
  }
});
