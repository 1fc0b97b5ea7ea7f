// A request body larger than ikon accepts is refused before it is read whole (issue 8: memory
// stays bounded whatever is sent). Before the limit, 400 MB posted to the sign-in form — no
// session needed — raised a server's resident memory from 0.8 to 2.5 GB.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { maxRequestBytes } from '../src/platform/http/body-limit.js';
import { uploadLimits } from '../src/platform/spreadsheet/parse.js';
import { describeEachDb } from './support/harness.js';
import { startOnNewDataDir, type ServerProcess } from './support/server-process.js';

const mb = 1024 * 1024;

/** A body of `bytes` sent in 1 MB chunks, without Content-Length (chunked): the server has to count. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(mb).fill(97);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

const memoryOf = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
};

test('the request limit is above every upload limit', () => {
  assert.ok(maxRequestBytes > uploadLimits.maxFileBytes + mb, `${maxRequestBytes} > ${uploadLimits.maxFileBytes} + 1 MB of form`);
});

describeEachDb('too large request bodies: 413 with a German reason', (t) => {
  test('by Content-Length, on a form and on the API', async () => {
    const form = await t().app.request('/anmelden', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(maxRequestBytes + 1) }, body: 'email=a' });
    assert.equal(form.status, 413);
    assert.match(await form.text(), /größer als 16 MB/);
    const api = await t().app.request('/api/v1/kommunen/musterland/massnahmen', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(maxRequestBytes + 1) }, body: '{}' });
    assert.equal(api.status, 413);
    assert.match(api.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(((await api.json()) as { code: string }).code, 'payload_too_large');
  });
});

describe('a 300 MB body to the sign-in form, sent chunked to a running server', () => {
  let running: Awaited<ReturnType<typeof startOnNewDataDir>>;
  let server: ServerProcess;
  let base: string;
  before(async () => {
    running = await startOnNewDataDir();
    ({ server, base } = running);
  });
  after(async () => {
    await running?.dispose();
  });

  test('is refused after the limit, and the server’s peak memory grows by far less than the body', async () => {
    const pid = server.child.pid!;
    const idle = memoryOf(pid);
    const answer = await fetch(`${base}/anmelden`, { method: 'POST', body: chunkedBody(300 * mb), headers: { 'content-type': 'application/x-www-form-urlencoded' }, duplex: 'half' } as RequestInit).then(
      (res) => res.status,
      // The server may close the connection while the client is still sending the rest.
      (error: Error) => `closed: ${error.message}`,
    );
    assert.ok(answer === 413 || String(answer).startsWith('closed'), `refused (${answer})`);
    const grown = memoryOf(pid).peak - idle.peak;
    assert.ok(grown <= 100 * mb, `peak memory grew by ${Math.round(grown / mb)} MB for a 300 MB body`);
    assert.equal((await fetch(`${base}/healthz`)).status, 200, 'the server goes on answering');
  });
});
