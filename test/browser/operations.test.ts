import assert from 'node:assert/strict';
import { jobRuns } from '../../src/platform/jobs/schema.js';
import { browserSuite, follow, mainText, screenshot, signIn, visit } from '../support/browser.js';

// With a mail server configured (never reached here: this app starts no jobs), the reminder job is listed.
const suite = browserSuite({ env: () => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '9' }) });

suite.test('Plattform-Administration sieht auf „Betrieb“ die Hintergrundaufgaben und einen endgültig fehlgeschlagenen Lauf', async (page) => {
  const slot = new Date('2026-11-30T06:00:00Z');
  await suite.database.db.insert(jobRuns).values([
    { job: 'reminders', slot, attempt: 1, startedAt: new Date('2026-11-30T06:00:01Z'), finishedAt: new Date('2026-11-30T06:00:02Z'), outcome: 'failed', error: 'Error: connect ECONNREFUSED 127.0.0.1:25', instance: 'ikon-a:4711' },
    { job: 'reminders', slot, attempt: 2, startedAt: new Date('2026-11-30T06:01:03Z'), finishedAt: new Date('2026-11-30T06:01:04Z'), outcome: 'gave_up', error: 'Error: connect ECONNREFUSED 127.0.0.1:25', instance: 'ikon-b:4712' },
  ]);
  await signIn(page, 'admin@ikon.example');
  await follow(page, 'Betrieb', { scope: page.locator('nav.site-nav') });
  assert.equal(new URL(page.url()).pathname, '/app/admin/betrieb');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Betrieb');
  const jobs = page.getByRole('table', { name: 'Hintergrundaufgaben mit letztem Lauf und Fehlschlägen' });
  const row = jobs.getByRole('row', { name: /Erinnerungen per E-Mail/ });
  assert.match(await row.innerText(), /alle 6 Stunden/);
  assert.match(await row.innerText(), /fehlgeschlagen, keine Wiederholung mehr \(2\. Versuch\)/);
  assert.match(await row.innerText(), /noch nie/, 'never succeeded');
  const failures = page.getByRole('table', { name: 'Die letzten fehlgeschlagenen Läufe' });
  assert.equal(await failures.locator('tbody tr').count(), 2);
  assert.match(await failures.innerText(), /ECONNREFUSED 127\.0\.0\.1:25/);
  assert.match(await failures.innerText(), /ikon-b:4712/);
  assert.match(await mainText(page), /in diesem ikon-Prozess/);
  await screenshot(page, 'betrieb');

  const coordinator = await suite.newPage();
  await signIn(coordinator, 'koordination@musterland.example');
  await visit(coordinator, '/app/admin/betrieb', { status: 403 });
});
