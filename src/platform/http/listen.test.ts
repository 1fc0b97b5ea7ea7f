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

    const page = await fetch(`http://127.0.0.1:${listener.port}/k/musterland/konzept`, { headers: { accept: 'text/html,*/*' } });
    assert.equal(page.status, 503, 'a browser gets 503 too');
    assert.match(await page.text(), /<html lang="de">.*<h1>ikon startet gerade/s, 'a German page');

    listener.ready(() => new Response('bereit'));
    const ready = await fetch(`http://127.0.0.1:${listener.port}/healthz`);
    assert.equal(await ready.text(), 'bereit', 'the app answers once ready');

    await assert.rejects(listenFirst('127.0.0.1', listener.port), (e: unknown) => e instanceof PortInUseError && e.message.includes(`Port ${listener.port} auf 127.0.0.1 ist schon belegt`), 'busy port');
  } finally {
    await listener.close();
  }
});
