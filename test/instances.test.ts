// Two real ikon processes on one PostgreSQL database, as behind a load balancer (issue 9.3):
// a session begun on one continues on the other, a Sachstand published through one shows at once
// on the other's cached public page (LISTEN/NOTIFY), and the reminder job, due on both, sends
// each person exactly one mail (the queue in PostgreSQL runs each slot once, one run at a time).
// Every wait is on a condition (output, a page, the mails received, rows in job_runs).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { demoPassword } from '../src/platform/auth/demo-accounts.js';
import { createTestPostgres } from './support/databases.js';
import { freePort, HttpClient, startProcess, type ServerProcess } from './support/server-process.js';
import { smtpServer } from './support/smtp.js';
import { until } from './support/until.js';

const smtp = smtpServer();


describe('two ikon instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createTestPostgres>>;
  let sql: pg.Client;
  const instances: { process: ServerProcess; base: string }[] = [];

  before(async () => {
    [database] = await Promise.all([createTestPostgres('demo'), smtp.ready()]);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    for (const name of ['a', 'b']) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const env = {
        DATABASE_URL: database.url,
        PORT: String(port),
        PUBLIC_URL: base,
        IKON_DEMO: '1',
        DATA_DIR: `.tmp/unused-instance-${name}`,
        // The reminder job's schedule: every 2 seconds instead of every 6 hours (the real timers and queue).
        IKON_JOB_INTERVALS: 'reminders=2',
        ...smtp.env(),
      };
      instances.push({ process: startProcess('src/main.ts', env), base });
    }
    await Promise.all(instances.map((i) => i.process.waitFor(/ikon läuft auf/)));
  });

  after(async () => {
    await Promise.all(instances.map((i) => i.process.stop()));
    await sql?.end();
    await database?.drop();
  });

  test('signed in on one, the session goes on on the other; published through one, the other shows it at once', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const publicPage = '/k/musterland/umsetzung';

    const onA = new HttpClient(a.base);
    const signedIn = await onA.submit('/anmelden', '/anmelden', { email: 'koordination@musterland.example', password: demoPassword });
    assert.equal(signedIn.status, 303, 'signed in on A');

    // The same browser (cookies) asks B: the session is in the database, the CSRF key shared.
    const onB = new HttpClient(b.base, onA.cookies);
    const overview = await onB.request('/app/k/musterland');
    assert.equal(overview.status, 200, 'B knows the session begun on A');
    assert.match(await overview.text(), /Katrin Koordination/);

    const { rows } = await sql.query<{ id: string; version: number }>(
      `select m.id, m.version from measures m join editions e on e.id = m.edition_id join tenants k on k.id = e.tenant_id where k.slug = 'musterland' and e.status = 'beschlossen' and m.number = '1.3.1'`,
    );
    // A keeps an anonymous page for 30 s (platform/http/cached-page.ts). Cached right before B
    // saves, a change A shows within 30 s of caching can only have come through the NOTIFY; the
    // limit counts from the caching, so a slow sign-in before it costs no margin.
    const anonymousOnA = new HttpClient(a.base);
    const cachedAt = Date.now();
    const cached = await (await anonymousOnA.request(publicPage)).text();
    assert.equal(await (await anonymousOnA.request(publicPage)).text(), cached, 'A serves the page from its cache');
    const text = `Über Instanz B gemeldet ${Date.now()}`;
    const saved = await onB.request(`/api/v1/kommunen/musterland/measures/${rows[0]!.id}/updates`, {
      method: 'POST',
      body: JSON.stringify({ status: 'in_umsetzung', text, isPublic: true, version: rows[0]!.version }),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': onA.cookies.get('ikon_csrf') ?? '' },
    });
    assert.equal(saved.status, 201, `B saves with the CSRF token A issued: ${await saved.clone().text()}`);

    const cacheLifetime = 30_000;
    await until(async () => (await anonymousOnA.request(publicPage)).text(), (html) => html.includes(text), 'the Sachstand on A’s public page before its cached copy expired', cachedAt + cacheLifetime - Date.now());
  });

  test('the reminder job falls due on both instances: each person gets exactly one mail', async () => {
    const before = smtp.received.length;
    await sql.query(`update tenants set reminders_enabled = true where slug = 'musterland'`);
    const { rows: enabledAt } = await sql.query<{ now: Date }>('select now()');
    // Who is reminded: everyone the first run mailed (recorded in the audit log with the mail).
    await until(
      () => sql.query(`select count(*)::int as n from job_runs where job = 'reminders' and outcome = 'succeeded' and (result->>'sent')::int > 0`),
      (r) => r.rows[0].n >= 1,
      'a run that sent reminders',
    );
    const { rows: firstSent } = await sql.query<{ finished: Date }>(`select max(finished_at) as finished from job_runs where job = 'reminders' and (result->>'sent')::int > 0`);
    // Both instances keep enqueueing every 2 s: wait until three more slots have run to the end after it.
    await until(
      () => sql.query(`select count(*)::int as n from job_runs where job = 'reminders' and outcome = 'succeeded' and started_at > $1`, [firstSent[0]!.finished]),
      (r) => r.rows[0].n >= 3,
      'three later runs',
    );
    const mails = smtp.received.slice(before);
    const to = mails.flatMap((m) => m.to).sort();
    assert.ok(to.includes('koordination@musterland.example') && to.includes('redaktion@musterland.example'), `Koordination and Fachdienst reminded: ${to.join(', ')}`);
    assert.deepEqual(to, [...new Set(to)], 'exactly one mail per person');
    const { rows: audited } = await sql.query<{ n: number }>(`select count(*)::int as n from audit_log where entity_type = 'reminder' and at >= $1`, [enabledAt[0]!.now]);
    assert.equal(audited[0]!.n, to.length, 'every mail recorded once');

    const { rows: slots } = await sql.query<{ slot: Date; runs: number; instances: number }>(
      `select slot, count(*)::int as runs from job_runs where job = 'reminders' and attempt = 1 group by slot having count(*) > 1`,
    );
    assert.deepEqual(slots, [], 'no slot ran twice');
    const { rows: overlapping } = await sql.query(
      `select 1 from job_runs x join job_runs y on x.id < y.id and x.job = y.job where x.job = 'reminders' and x.started_at < coalesce(y.finished_at, now()) and y.started_at < coalesce(x.finished_at, now())`,
    );
    assert.equal(overlapping.length, 0, 'no two runs at the same time');
    const { rows: both } = await sql.query<{ n: number }>(`select count(distinct slot)::int as n from job_runs where job = 'reminders'`);
    assert.ok(both[0]!.n >= 4, `several slots ran (${both[0]!.n})`);
  });
});

// Behind a load balancer the instances of a first deployment start at once on an empty database:
// one seeds the demo Kommune, the other waits for it instead of seeding too (a unique key error
// ended the second process before).
describe('two ikon instances starting at once on an empty PostgreSQL database', () => {
  test('one seeds the demo data, the other waits for it; both serve the demo Kommune', async () => {
    const empty = await createTestPostgres('empty');
    const started: { process: ServerProcess; base: string }[] = [];
    try {
      for (const name of ['c', 'd']) {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        started.push({ process: startProcess('src/main.ts', { DATABASE_URL: empty.url, PORT: String(port), PUBLIC_URL: base, IKON_DEMO: '1', DATA_DIR: `.tmp/unused-instance-${name}` }), base });
      }
      await Promise.all(started.map((s) => s.process.waitFor(/ikon läuft auf/)));
      for (const s of started) assert.equal((await fetch(`${s.base}/k/musterland`)).status, 200, `${s.base} serves the demo Kommune`);
      assert.equal(started.filter((s) => s.process.output().includes('Demo-Daten „Landkreis Musterland“ angelegt.')).length, 1, 'exactly one instance seeded');
      const sql = new pg.Client({ connectionString: empty.url });
      await sql.connect();
      try {
        assert.equal((await sql.query(`select count(*)::int as n from tenants where slug = 'musterland'`)).rows[0].n, 1, 'one demo Kommune');
      } finally {
        await sql.end();
      }
    } finally {
      await Promise.all(started.map((s) => s.process.stop()));
      await empty.drop();
    }
  });
});
