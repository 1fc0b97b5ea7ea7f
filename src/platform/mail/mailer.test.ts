import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openTestDatabase } from '../../../test/support/databases.js';
import { TestClient } from '../../../test/support/harness.js';
import { createMailer } from './mailer.js';

/** A real SMTP server on loopback that keeps what it receives. */
const received: { from: string; to: string[]; data: string }[] = [];
let server: SMTPServer;
let port: number;

before(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const smtpEnv = () => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'ikon <noreply@musterland.example>' });

test('without SMTP the mailer reports "not sent", with SMTP it delivers', async () => {
  assert.equal(await createMailer(undefined).send({ to: 'a@b.de', subject: 'x', text: 'y' }), false);
  const mailer = createMailer(loadConfig(smtpEnv()).smtp);
  assert.equal(await mailer.send({ to: 'person@kreis.example', subject: 'Grüße', text: 'Hallo Welt' }), true);
  const mail = received.at(-1)!;
  assert.deepEqual(mail.to, ['person@kreis.example']);
  assert.equal(mail.from, 'noreply@musterland.example');
  assert.match(mail.data, /Hallo Welt/);
});

test('an invitation goes out through the configured SMTP server with a working link', async () => {
  const database = await openTestDatabase('pglite', 'demo');
  try {
    const config = loadConfig({ ...smtpEnv(), IKON_DEMO: '1', DATA_DIR: '.tmp/unused', PUBLIC_URL: 'https://ikon.musterland.example' });
    const app = createApp({ database, config });
    const coordinator = new TestClient(app);
    assert.equal((await coordinator.post('/anmelden', { email: 'koordination@musterland.example', password: 'Musterland-Demo-2026' })).status, 303);
    const before = received.length;
    const res = await coordinator.post('/app/k/musterland/einladungen', { name: 'Nora Neu', email: 'nora.neu@musterland.example', role: 'lesend' });
    assert.equal(res.status, 303);
    assert.equal(received.length, before + 1, 'one mail reached the SMTP server');
    const mail = received.at(-1)!;
    assert.deepEqual(mail.to, ['nora.neu@musterland.example']);
    const body = mail.data.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /https:\/\/ikon\.musterland\.example(\/einladung\/[A-Za-z0-9_-]+)/.exec(body);
    assert.ok(link, 'the mail contains the invitation link');
    const invitee = new TestClient(app);
    assert.equal((await invitee.get(link[1]!)).status, 200);
  } finally {
    await database.close();
  }
});
