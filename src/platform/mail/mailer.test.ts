import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openTestDatabase } from '../../../test/support/databases.js';
import { TestClient } from '../../../test/support/harness.js';
import { smtpServer } from '../../../test/support/smtp.js';
import { createMailer } from './mailer.js';

const smtp = smtpServer();
const received = smtp.received;

const smtpEnv = () => smtp.env();

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
