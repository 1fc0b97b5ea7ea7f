import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { decodedMail, smtpServer } from '../../../test/support/smtp.js';
import { loadConfig } from '../../config.js';
import { auditLog } from '../../platform/audit/schema.js';
import type { Clock } from '../../platform/jobs.js';
import { startInProcessJobs } from '../../platform/jobs/in-process.js';
import { createMailer } from '../../platform/mail/mailer.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { isReminderDue, reminderJob, sendDueReminders } from './reminders.js';

const smtp = smtpServer();
const received = smtp.received;

const smtpMailer = () => createMailer(loadConfig(smtp.env()).smtp);
const publicUrl = 'https://ikon.musterland.example';
const decoded = decodedMail;
const day = 86_400_000;

/** A clock the test moves by hand. */
class FakeClock implements Clock {
  constructor(private t: number) {}
  now() {
    return new Date(this.t);
  }
  advance(ms: number) {
    this.t += ms;
  }
}

describe('Erinnerungen: wann wieder', () => {
  test('fällig ohne frühere Erinnerung und ab genau sieben Tagen danach', () => {
    const last = '2026-11-23T07:00:00.000Z';
    assert.equal(isReminderDue(null, new Date(last)), true);
    assert.equal(isReminderDue(last, new Date(Date.parse(last) + 7 * day - 1)), false);
    assert.equal(isReminderDue(last, new Date(Date.parse(last) + 7 * day)), true);
  });
});

describeEachDb('Erinnerungen per E-Mail über einen echten SMTP-Server', (t) => {
  test('fällig → Mail; innerhalb von 7 Tagen nicht noch einmal; nach 7 Tagen wieder', async () => {
    const [tenant] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const mailer = smtpMailer();
    const clock = new FakeClock(Date.parse('2026-11-23T07:00:00Z'));
    const scheduler = startInProcessJobs(t().db, [reminderJob(t().database, mailer, publicUrl)], { clock, timers: { setTimeout: () => 0, clearTimeout: () => {} } });
    try {
      // Reminders off: nothing goes out.
      let before = received.length;
      await scheduler.runNow();
      assert.equal(received.length, before);

      await t().db.update(tenants).set({ remindersEnabled: true }).where(eq(tenants.id, tenant!.id));
      before = received.length;
      await scheduler.runNow();
      const first = received.slice(before);
      const to = first.flatMap((m) => m.to).sort();
      assert.ok(to.includes('koordination@musterland.example'), `Koordination gets the list: ${to.join(', ')}`);
      assert.ok(to.includes('redaktion@musterland.example'), 'the Fachdienst gets its measures');
      assert.ok(!to.includes('lesend@musterland.example'), 'reading members get nothing');
      assert.equal(new Set(to).size, to.length, 'one mail per person');

      const coordinatorMail = decoded(first.find((m) => m.to.includes('koordination@musterland.example'))!.data);
      assert.match(coordinatorMail, /Subject: .*Landkreis.Musterland/);
      assert.match(coordinatorMail, /Guten Tag Katrin Koordination,/);
      assert.match(coordinatorMail, /Überfällige Maßnahmen \(\d+\)/);
      assert.match(coordinatorMail, /https:\/\/ikon\.musterland\.example\/app\/k\/musterland\/massnahmen\/[0-9a-f-]{36}/);
      assert.match(coordinatorMail, /https:\/\/ikon\.musterland\.example\/app\/k\/musterland\/aufmerksamkeit/);
      const actorMail = decoded(first.find((m) => m.to.includes('redaktion@musterland.example'))!.data);
      assert.match(actorMail, /unter Federführung von Fachdienst Soziales/);
      assert.doesNotMatch(actorMail, /Fortschreibung des Konzepts/, 'the concept update is the Koordination\'s');

      const logged = await t().db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenant!.id), eq(auditLog.entityType, 'reminder'), eq(auditLog.action, 'create')));
      assert.equal(logged.length, first.length, 'every mail sent is in the audit log');
      assert.equal((logged[0]!.after as { sentAt: string }).sentAt, '2026-11-23T07:00:00.000Z', 'the time of the (fake) clock');

      // Three days later: nobody is due.
      clock.advance(3 * day);
      before = received.length;
      const again = await sendDueReminders({ db: t().db, mailer, publicUrl }, clock.now());
      assert.equal(received.length, before, 'no mail within 7 days');
      assert.deepEqual(again, { sent: 0, notDue: first.length, failed: 0 });

      // Seven days after the first: everyone is due again.
      clock.advance(4 * day);
      before = received.length;
      await scheduler.runNow();
      assert.equal(received.length - before, first.length);
    } finally {
      await scheduler.stop();
      await t().db.update(tenants).set({ remindersEnabled: false }).where(eq(tenants.id, tenant!.id));
    }
  });

  test('ohne SMTP-Server geht nichts hinaus und nichts wird als verschickt vermerkt', async () => {
    const [tenant] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    await t().db.update(tenants).set({ remindersEnabled: true }).where(eq(tenants.id, tenant!.id));
    try {
      const count = async () => (await t().db.select().from(auditLog).where(eq(auditLog.entityType, 'reminder'))).length;
      const before = await count();
      const outcome = await sendDueReminders({ db: t().db, mailer: createMailer(undefined), publicUrl }, new Date('2027-03-01T07:00:00Z'));
      assert.equal(outcome.sent, 0);
      assert.equal(await count(), before);
    } finally {
      await t().db.update(tenants).set({ remindersEnabled: false }).where(eq(tenants.id, tenant!.id));
    }
  });
});
