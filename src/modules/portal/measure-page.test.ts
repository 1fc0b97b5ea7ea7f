import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { translator } from '../../platform/i18n/i18n.js';
import { describeEachDb } from '../../../test/support/harness.js';
import { actorOfUser, demoIds, measuresByInvolvement } from '../api/test-helpers.js';
import { measures } from '../measures/schema.js';
import { publicMeasureProgress, statusHistory } from '../progress/public-measure.js';
import { indicators, measureUpdates } from '../progress/schema.js';

// Portal pages are cached for anonymous visitors: a query parameter of our own gives a fresh render.
let unique = 0;
const fresh = (path: string) => `${path}${path.includes('?') ? '&' : '?'}_t=${Date.now()}-${++unique}`;
/** The visible text of a page, tags removed and whitespace folded (attributes are not text). */
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ');

test('status history: one step per change of status, newest first', () => {
  const updates = [
    { reportedOn: '2026-05-01', status: 'umgesetzt' as const },
    { reportedOn: '2026-01-10', status: 'in_umsetzung' as const },
    { reportedOn: '2025-06-01', status: 'in_umsetzung' as const },
    { reportedOn: '2025-02-01', status: 'geplant' as const },
  ];
  assert.deepEqual(statusHistory(updates), [
    { since: '2026-05-01', status: 'umgesetzt' },
    { since: '2025-06-01', status: 'in_umsetzung' },
    { since: '2025-02-01', status: 'geplant' },
  ]);
  assert.deepEqual(statusHistory([]), [], 'no reports, no history');
});

describeEachDb('public measure page: status, progress, Sachstände, indicators, decision (issue 7.17)', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  const page = async (number: string, lang = '') => {
    const res = await t().client().get(fresh(`/k/musterland/massnahmen/${number}${lang}`));
    assert.equal(res.status, 200, `measure ${number}: status`);
    return res.text();
  };
  const measureByNumber = async (number: string) =>
    (await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.adopted.id), eq(measures.number, number))))[0]!;

  before(async () => {
    ids = await demoIds(t().db);
  });

  test('status, progress bar, status history, public Sachstände with attachment, lead, partners and decision', async () => {
    // A measure of the adopted edition with a public Sachstand that has an attachment.
    const [row] = await queryRows<{ number: string; id: string; update_id: string; text: string; reported_on: string }>(
      t().db,
      sql`select m.number, m.id, u.id as update_id, u.text, u.reported_on::text from measure_updates u join measures m on m.tenant_id = u.tenant_id and m.id = u.measure_id
          where m.edition_id = ${ids.adopted.id} and u.is_public and u.attachment is not null order by m.number limit 1`,
    );
    assert.ok(row, 'the demo has a public Sachstand with an attachment');
    const m = await measureByNumber(row.number);
    const html = await page(row.number);
    const text = textOf(html);
    assert.match(html, /<h2[^>]*id="umsetzung"[^>]*>Stand der Umsetzung<\/h2>/, 'an implementation section');
    assert.match(text, /Aktueller Status /, 'the current status');
    const progress = m.progress ?? 0;
    assert.match(html, new RegExp(`<label[^>]*for="fortschritt-massnahme"[^>]*>Fortschritt der Maßnahme ${row.number.replace(/\./g, '\\.')}: ${progress}\\s%</label>`), 'the progress bar is labelled with its value');
    assert.match(html, new RegExp(`<progress id="fortschritt-massnahme" max="100" value="${progress}"`), 'a native progress bar');
    assert.match(html, /<caption[^>]*>Status der Maßnahme [\d.]+ laut veröffentlichten Sachstandsmeldungen, neueste zuerst<\/caption>/, 'the status history as a table');
    const [y, mo, d] = row.reported_on.split('-');
    assert.ok(text.includes(`${d}.${mo}.${y}`), 'the date of the Sachstand');
    assert.ok(text.includes(row.text.replace(/\s+/g, ' ').slice(0, 60)), 'the text of the public Sachstand');
    assert.ok(html.includes(`href="/k/musterland/umsetzung/anhang/${row.update_id}"`), 'the public attachment is linked');
    assert.equal((await t().client().get(`/k/musterland/umsetzung/anhang/${row.update_id}`)).status, 200, 'and downloads');
    assert.match(text, /Federführung /, 'lead');
    assert.match(text, /Kooperationspartner /, 'partners');
    assert.match(text, /Die Maßnahme ist Teil des Konzepts „Integrationskonzept 2024“, das der Kreistag am 16\.12\.2024 beschlossen hat\./, 'the decision it rests on');
  });

  test('the structured indicator with chart and table replaces the contradicting free text', async () => {
    // 1.2.1: free text "Anzahl Teilnehmerinnen mit erfolgreichem DTZ" / "12 (2026)"; structured: participants, 60 by 2027.
    const m = await measureByNumber('1.2.1');
    assert.ok(m.indicator && m.targetValue, 'precondition: the measure has the free text');
    const [structured] = await t().db.select().from(indicators).where(and(eq(indicators.tenantId, ids.tenantId), eq(indicators.measureId, m.id), eq(indicators.isPublic, true)));
    assert.ok(structured, 'precondition: and a published structured indicator');
    const html = await page('1.2.1');
    const text = textOf(html);
    assert.match(html, new RegExp(`<h3[^>]*>${structured.name}</h3>`), 'the structured indicator is named');
    assert.ok(html.includes('<svg'), 'with its chart');
    assert.match(html, /<caption[^>]*>Werte in Zahlen: /, 'and the figures as a table');
    assert.ok(!text.includes(m.indicator), 'the free-text indicator is not shown next to it');
    assert.ok(!text.includes(m.targetValue), 'nor the free-text target that contradicts it');

    // Without a structured indicator the free text stays, labelled as a description.
    const [plain] = await queryRows<{ number: string; indicator: string }>(
      t().db,
      sql`select m.number, m.indicator from measures m where m.edition_id = ${ids.adopted.id} and coalesce(m.indicator, '') <> ''
          and not exists (select 1 from indicators i where i.measure_id = m.id) order by m.number limit 1`,
    );
    assert.ok(plain, 'precondition: a measure with free text only');
    const other = textOf(await page(plain.number));
    assert.ok(other.includes(`Beschreibung des Indikators ${plain.indicator}`), 'the free text as "Beschreibung des Indikators"');
    assert.ok(other.includes('Für diese Maßnahme ist noch kein Indikator mit Messwerten veröffentlicht.'), 'and says there is no measured one');
  });

  test('nothing internal: internal Sachstände, pending partner reports, internal notes, internal indicators, author names', async () => {
    // A measure the partner cooperates in, with an internal Sachstand of the demo.
    const partnerActor = await actorOfUser(t().db, ids.tenantId, 'partner@musterland.example');
    const involved = (await measuresByInvolvement(t().db, ids.tenantId, ids.adopted.id, partnerActor)).involved;
    const m = (await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, involved[0]!.id))))[0]!;
    const target = { number: m.number };
    await t().db.insert(measureUpdates).values({ tenantId: ids.tenantId, measureId: m.id, reportedOn: '2026-03-01', status: m.status, progress: m.progress ?? 0, text: 'INTERN-Sachstand-7177', isPublic: false, authorName: 'Ida Intern' });
    await t().db.update(measures).set({ internalNote: 'INTERNE-Notiz-7178' }).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, m.id)));
    await t().db.insert(indicators).values({ tenantId: ids.tenantId, editionId: ids.adopted.id, measureId: m.id, name: 'INTERNER-Indikator-7179', kind: 'output', isPublic: false });
    const partner = await t().signIn('partner@musterland.example');
    const form = new FormData();
    const other = m.status === 'zurueckgestellt' ? 'in_umsetzung' : 'zurueckgestellt';
    for (const [k, v] of Object.entries({ status: other, progress: '3', text: 'PARTNER-ausstehend-7180', isPublic: 'on', version: String(m.version) })) form.append(k, v);
    assert.equal((await partner.postMultipart(`/app/k/musterland/massnahmen/${m.id}/umsetzung`, form)).status, 303, 'the partner reports (held for review)');

    for (const lang of ['', '?lang=en']) {
      const html = await page(target.number, lang);
      for (const secret of ['INTERN-Sachstand-7177', 'Ida Intern', 'INTERNE-Notiz-7178', 'INTERNER-Indikator-7179', 'PARTNER-ausstehend-7180', 'Paula Partner']) {
        assert.ok(!html.includes(secret), `${lang || 'de'}: "${secret}" must not be on the public page`);
      }
      const status = translator(lang ? 'en' : 'de')(`portal.status.${m.status}`);
      assert.ok(textOf(html).includes(`${lang ? 'Current status' : 'Aktueller Status'} ${status}`), `${lang || 'de'}: the pending report does not change the status`);
      assert.ok(!html.includes('value="3"'), `${lang || 'de'}: nor the progress`);
    }
  });

  test('English page with ?lang=en: interface in English, content marked German', async () => {
    const html = await page('1.2.1', '?lang=en');
    assert.match(html, /<html lang="en"/);
    const text = textOf(html);
    for (const phrase of ['Implementation', 'Current status', 'Status history', 'Progress reports', 'Progress of measure 1.2.1', 'Indicators', 'Lead', 'Partners', 'Decision', 'adopted by the district council (Kreistag) on 16/12/2024']) {
      assert.ok(text.includes(phrase), `English: "${phrase}"`);
    }
    assert.ok(!/Stand der Umsetzung|Statusverlauf|Beschluss\b|Sachstandsmeldungen/.test(text), 'no German interface text');
    assert.match(html, /<h1[^>]*lang="de"/, 'the German title is marked as German');
  });

  test('concept, Umsetzung and search results link to the measure page', async () => {
    const link = 'href="/k/musterland/massnahmen/1.2.1"';
    for (const path of ['/k/musterland/konzept', '/k/musterland/umsetzung', '/k/musterland/suche?q=Kinderbetreuung']) {
      assert.ok((await (await t().client().get(fresh(path))).text()).includes(link), `${path} links to the measure page`);
    }
  });
});

describeEachDb('public measure page data follows the lineage (issue 7.17)', (t) => {
  test('a Fortschreibung’s measure shows the public Sachstände and status history of its predecessor', async () => {
    const [row] = await queryRows<{ tenant_id: string; id: string; predecessor_id: string; status: string; progress: number | null }>(
      t().db,
      sql`select m.tenant_id, m.id, m.predecessor_id, m.status, m.progress from measures m join editions e on e.tenant_id = m.tenant_id and e.id = m.edition_id
          where e.status = 'entwurf' and m.predecessor_id is not null
            and exists (select 1 from measure_updates u where u.measure_id = m.predecessor_id and u.is_public)
          order by m.number limit 1`,
    );
    assert.ok(row, 'the demo draft is a Fortschreibung whose measures have predecessors with public Sachstände');
    const own = await queryRows<{ id: string }>(t().db, sql`select id from measure_updates where measure_id = ${row.predecessor_id}::uuid and is_public`);
    const internal = await queryRows<{ id: string }>(t().db, sql`select id from measure_updates where measure_id = ${row.predecessor_id}::uuid and not is_public`);
    const data = await publicMeasureProgress(t().db, row.tenant_id, { id: row.id, status: row.status as never, progress: row.progress });
    const shown = new Set(data.updates.map((u) => u.id));
    assert.ok(own.every((u) => shown.has(u.id)), 'every public Sachstand of the predecessor is shown');
    assert.ok(internal.every((u) => !shown.has(u.id)), 'no internal one');
    assert.ok(data.history.length > 0, 'and the status history starts there');
  });
});
