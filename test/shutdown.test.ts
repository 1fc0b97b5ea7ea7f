import assert from 'node:assert/strict';
import net from 'node:net';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { listenFirst } from '../src/platform/http/listen.js';
import { HttpClient, startOnNewDataDir, type ServerProcess } from './support/server-process.js';

/** Resolves with everything the socket received once `pattern` matches it (or rejects when it closes first). */
function received(socket: net.Socket, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const onData = (chunk: Buffer) => {
      data += chunk.toString();
      if (pattern.test(data)) {
        socket.off('data', onData);
        resolve(data);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`connection closed before ${pattern}; received:\n${data}`)));
  });
}

describe('stopping the server (SIGTERM) while a request runs', () => {
  let running: Awaited<ReturnType<typeof startOnNewDataDir>>;
  let server: ServerProcess;
  let port: number;
  before(async () => {
    running = await startOnNewDataDir();
    ({ server, port } = running);
  });
  after(async () => {
    await running?.dispose('SIGKILL');
  });

  test('the running request is answered from the database, new connections are refused, then the process ends cleanly', async () => {
    const client = new HttpClient(`http://127.0.0.1:${port}`);
    const html = await (await client.request('/anmelden')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const body = new URLSearchParams({ email: 'niemand@example.org', password: 'falsch-falsch', _csrf: csrf }).toString();
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

    // A sign-in whose body is still on its way: "100 Continue" says the server holds the request.
    const socket = net.connect(port, '127.0.0.1');
    const continued = received(socket, /^HTTP\/1\.1 100 Continue\r\n\r\n/);
    socket.write(
      `POST /anmelden HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCookie: ${cookie}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    await continued;

    server.child.kill('SIGTERM');
    // (A server that does not wait for its requests ends here: the request below then finds its connection gone.)
    await Promise.race([server.waitFor(/ikon wird beendet/).catch(() => undefined), server.exited]);
    const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (res) => `answered ${res.status}`,
      () => 'refused',
    );
    assert.equal(refused, 'refused', 'no new connection once stopping');

    // The rest of the body: the sign-in runs now (user lookup, throttling counters) and is answered.
    const answer = received(socket, /\r\n\r\n[\s\S]*<\/html>/);
    socket.write(body);
    const response = await answer.catch((e: Error) => assert.fail(`${e.message}\nserver:\n${server.output()}`));
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
    assert.ok(status >= 200 && status < 500, `answered ${status}, not an error:\n${response.slice(0, 300)}`);
    assert.match(response, /E-Mail-Adresse oder Passwort/, 'the ordinary German refusal of a wrong password');

    const { code } = await server.exited;
    assert.equal(code, 0, server.output());
    assert.doesNotMatch(server.output(), /closed|Error|Fehler 500/i, 'nothing failed while stopping');
  });
});

test('while not stopping, connections stay kept alive between requests (closing them cost the cached page three quarters of its throughput)', async () => {
  const listener = await listenFirst('127.0.0.1', 0);
  listener.ready(() => new Response('ok'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<unknown>();
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port: listener.port, path: '/', agent }, (res) => {
        sockets.add(res.socket);
        res.resume();
        res.on('end', resolve);
      });
      request.on('error', reject);
    });
  try {
    for (let i = 0; i < 5; i++) await get();
    assert.equal(sockets.size, 1, 'five requests, one connection');
  } finally {
    agent.destroy();
    await listener.drain(1000);
  }
});
