import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { auditLog } from '../../platform/audit/schema.js';
import { fields } from '../concepts/schema.js';
import { measures } from '../measures/schema.js';
import { actorOfUser, demoIds, measuresByInvolvement, problemType } from './test-helpers.js';

const base = '/api/v1/kommunen/musterland';

describeEachDb('API: writes go through the commands', (t) => {
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let fieldId: string;

  const countMeasures = async () => {
    const [row] = await t().db.select({ n: sql<number>`count(*)::int` }).from(measures).where(eq(measures.tenantId, ids.tenantId));
    return row!.n;
  };
  const problem = async (res: Response, status: number, code: string) => {
    assert.equal(res.status, status);
    assert.equal(res.headers.get('content-type')?.split(';')[0], problemType);
    const body = (await res.json()) as any;
    assert.equal(body.code, code);
    assert.equal(body.status, status);
    assert.ok(!('stack' in body));
    return body;
  };

  before(async () => {
    ids = await demoIds(t().db);
    const [f] = await t().db.select().from(fields)
      .where(and(eq(fields.tenantId, ids.tenantId), eq(fields.editionId, ids.draft.id), eq(fields.isCrossCutting, false)))
      .orderBy(asc(fields.position)).limit(1);
    fieldId = f!.id;
  });

  test('koordination creates a measure: 201, the internal shape, and an audit entry', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const res = await client.json('POST', `${base}/editions/${ids.draft.id}/measures`, {
      number: '9.9.1', title: 'Sprachpatenschaften im Ehrenamt', fieldId, horizon: 'kurz', targetGroups: 'Neuzugewanderte; Eltern',
      staffFte: '0,5', internalNote: 'Förderantrag läuft',
    });
    assert.equal(res.status, 201);
    const created = (await res.json()) as any;
    assert.equal(created.editionId, ids.draft.id);
    assert.equal(created.internalNote, 'Förderantrag läuft');
    assert.equal(created.staffFte, 0.5);
    assert.deepEqual(created.targetGroups, ['Eltern', 'Neuzugewanderte'], 'names from the vocabulary, alphabetical');
    assert.equal(created.version, 1);
    const audit = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'measure'), eq(auditLog.entityId, created.id)));
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'create');
    assert.equal(audit[0]!.tenantId, ids.tenantId);
    assert.equal(audit[0]!.userName, 'Katrin Koordination');
  });

  test('an invalid body is a 422 problem with German field messages, and nothing is written', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const before = await countMeasures();
    const res = await client.json('POST', `${base}/editions/${ids.draft.id}/measures`, { number: '', title: '   ', fieldId: 'nope', horizon: 'irgendwann', sdgs: [3] });
    const body = await problem(res, 422, 'validation_failed');
    assert.equal(body.title, 'Die Eingaben sind unvollständig oder fehlerhaft.');
    const byField = Object.fromEntries(body.errors.map((e: any) => [e.field, e.message]));
    assert.equal(byField.number, 'Bitte ausfüllen.');
    assert.equal(byField.title, 'Bitte ausfüllen.');
    assert.equal(byField.fieldId, 'Der Wert ist ungültig.');
    assert.equal(byField.horizon, 'Bitte einen der angebotenen Werte wählen.');
    assert.equal(byField['sdgs.0'], 'Bitte einen der angebotenen Werte wählen.');
    assert.equal(await countMeasures(), before);

    // Checks only the service can make (the field must belong to the edition) answer the same way.
    const [adoptedField] = await t().db.select().from(fields).where(and(eq(fields.tenantId, ids.tenantId), eq(fields.editionId, ids.adopted.id))).limit(1);
    const wrongField = await client.json('POST', `${base}/editions/${ids.draft.id}/measures`, { number: '9.9.2', title: 'X', fieldId: adoptedField!.id, horizon: 'kurz' });
    assert.deepEqual((await problem(wrongField, 422, 'validation_failed')).errors, [
      { field: 'fieldId', code: 'validation.field_not_in_edition', message: 'Bitte ein Themenfeld dieser Fassung wählen.' },
    ]);
    assert.equal(await countMeasures(), before);
  });

  test('malformed JSON, a non-JSON body or a non-object is a problem, never a stack trace', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const send = (body: string, type: string) =>
      client.request(`${base}/editions/${ids.draft.id}/measures`, { method: 'POST', body, headers: { 'content-type': type, 'x-csrf-token': client.csrf } });
    const malformed = await problem(await send('{"title": ', 'application/json'), 422, 'validation_failed');
    assert.equal(malformed.title, 'Der Inhalt der Anfrage ist kein gültiges JSON.');
    await problem(await send('title=x', 'text/plain'), 422, 'validation_failed');
    const list = await problem(await send('[1,2]', 'application/json'), 422, 'validation_failed');
    assert.equal(list.errors[0].field, '_');
  });

  test('a stale version is a 409 problem with the current version; the fresh one saves', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const [m] = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.editionId, ids.draft.id))).limit(1);
    const current = (await (await client.get(`${base}/measures/${m!.id}`)).json()) as any;
    const { id, editionId, position, createdAt, updatedAt, version, ...fieldsOfMeasure } = current;
    const saved = await client.json('PUT', `${base}/measures/${m!.id}`, { ...fieldsOfMeasure, title: 'Neuer Titel', version });
    assert.equal(saved.status, 200);
    assert.equal(((await saved.json()) as any).version, version + 1);

    const stale = await client.json('PUT', `${base}/measures/${m!.id}`, { ...fieldsOfMeasure, title: 'Verlorene Änderung', version });
    const body = await problem(stale, 409, 'edit_conflict');
    assert.equal(body.currentVersion, version + 1);
    const [after] = await t().db.select().from(measures).where(and(eq(measures.tenantId, ids.tenantId), eq(measures.id, m!.id)));
    assert.equal(after!.title, 'Neuer Titel');

    const staleStatus = await client.json('PATCH', `${base}/measures/${m!.id}/status`, { status: 'umgesetzt', version });
    assert.equal((await problem(staleStatus, 409, 'edit_conflict')).currentVersion, version + 1);
    const staleDelete = await client.json('DELETE', `${base}/measures/${m!.id}?version=${version}`);
    assert.equal((await problem(staleDelete, 409, 'edit_conflict')).currentVersion, version + 1);
  });

  test('partner may PATCH the status of measures his actor leads or partners in, but not PUT them', async () => {
    const actorId = await actorOfUser(t().db, ids.tenantId, 'partner@musterland.example');
    const { involved, uninvolved } = await measuresByInvolvement(t().db, ids.tenantId, ids.adopted.id, actorId);
    assert.ok(involved.length > 0 && uninvolved.length > 0);
    const mine = involved[0]!;
    const client = await t().signIn('partner@musterland.example');

    const patched = await client.json('PATCH', `${base}/measures/${mine.id}/status`, { status: 'umgesetzt', version: mine.version });
    assert.equal(patched.status, 200);
    const body = (await patched.json()) as any;
    assert.equal(body.status, 'umgesetzt');
    assert.equal(body.version, mine.version + 1);

    const current = (await (await client.get(`${base}/measures/${mine.id}`)).json()) as any;
    const { id, editionId, position, createdAt, updatedAt, ...rest } = current;
    await problem(await client.json('PUT', `${base}/measures/${mine.id}`, { ...rest, title: 'Partner ändert' }), 403, 'forbidden');
    await problem(await client.json('PATCH', `${base}/measures/${uninvolved[0]!.id}/status`, { status: 'umgesetzt', version: uninvolved[0]!.version }), 403, 'forbidden');
  });

  test('without a session every write is 401; a read-only member gets 403', async () => {
    const anonymous = t().client();
    const before = await countMeasures();
    const body = { number: '9.9.3', title: 'Anonym', fieldId, horizon: 'kurz' };
    await problem(await anonymous.json('POST', `${base}/editions/${ids.draft.id}/measures`, body), 401, 'unauthenticated');
    await problem(await anonymous.json('POST', `${base}/editions/${ids.draft.id}/measures`, { broken: true }), 401, 'unauthenticated');
    await problem(await anonymous.json('POST', `${base}/actors`, { name: 'Anonym e. V.', kind: 'ehrenamt' }), 401, 'unauthenticated');
    const reader = await t().signIn('lesend@musterland.example');
    await problem(await reader.json('POST', `${base}/editions/${ids.draft.id}/measures`, body), 403, 'forbidden');
    assert.equal(await countMeasures(), before);
  });

  test('a write without the X-CSRF-Token header is a 403 problem', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const res = await client.request(`${base}/actors`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Ohne Token e. V.', kind: 'ehrenamt' }),
      headers: { 'content-type': 'application/json' },
    });
    await problem(res, 403, 'csrf_failed');
    const wrong = await client.request(`${base}/actors`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Falsches Token e. V.', kind: 'ehrenamt' }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'not-the-cookie-value-at-all' },
    });
    await problem(wrong, 403, 'csrf_failed');
  });

  test('the adopted edition is closed for content: creating a measure there is a 409 problem', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const [f] = await t().db.select().from(fields).where(and(eq(fields.tenantId, ids.tenantId), eq(fields.editionId, ids.adopted.id), eq(fields.isCrossCutting, false))).limit(1);
    await problem(await client.json('POST', `${base}/editions/${ids.adopted.id}/measures`, { number: '9.9.4', title: 'Zu spät', fieldId: f!.id, horizon: 'kurz' }), 409, 'conflict');
  });

  test('delete with the current version: 204, then gone', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const created = (await (await client.json('POST', `${base}/editions/${ids.draft.id}/measures`, { number: '9.9.5', title: 'Kurzlebig', fieldId, horizon: 'kurz' })).json()) as any;
    await problem(await client.json('DELETE', `${base}/measures/${created.id}`), 422, 'validation_failed');
    const res = await client.json('DELETE', `${base}/measures/${created.id}?version=${created.version}`);
    assert.equal(res.status, 204);
    assert.equal((await client.get(`${base}/measures/${created.id}`)).status, 404);
  });

  test('editions, fields, goals and actors: create and update through the API', async () => {
    const client = await t().signIn('koordination@musterland.example');
    const edition = await client.json('POST', `${base}/editions`, { title: 'Integrationskonzept 2028', introduction: 'Nächste Fortschreibung' });
    assert.equal(edition.status, 201);
    const e = (await edition.json()) as any;
    assert.equal(e.status, 'entwurf');
    await problem(await client.json('POST', `${base}/editions`, { title: '' }), 422, 'validation_failed');

    const field = await client.json('POST', `${base}/editions/${e.id}/fields`, { title: 'Wohnen', description: 'Wohnraum für alle', isCrossCutting: false });
    assert.equal(field.status, 201);
    const f = (await field.json()) as any;
    assert.equal(f.position, 1);
    const renamed = await client.json('PUT', `${base}/fields/${f.id}`, { title: 'Wohnen und Quartier', description: '', isCrossCutting: false, version: f.version });
    assert.equal(renamed.status, 200);
    assert.equal(((await renamed.json()) as any).title, 'Wohnen und Quartier');
    await problem(await client.json('PUT', `${base}/fields/${f.id}`, { title: 'Alt', isCrossCutting: false, version: f.version }), 409, 'edit_conflict');

    const goal = await client.json('POST', `${base}/editions/${e.id}/goals`, { fieldId: f.id, kind: 'leitziel', number: '1', title: 'Gutes Wohnen für alle' });
    assert.equal(goal.status, 201);
    const g = (await goal.json()) as any;
    const goalUpdate = await client.json('PUT', `${base}/goals/${g.id}`, { fieldId: f.id, kind: 'handlungsziel', number: '1.1', title: 'Wohnraum vermitteln', version: g.version });
    assert.equal(((await goalUpdate.json()) as any).kind, 'handlungsziel');
    await problem(await client.json('POST', `${base}/editions/${e.id}/goals`, { fieldId: f.id, kind: 'wunschziel', number: '2', title: 'X' }), 422, 'validation_failed');

    const guideline = await client.json('POST', `${base}/editions/${e.id}/guidelines`, { title: 'Teilhabe von Anfang an' });
    assert.equal(guideline.status, 201);

    const actor = await client.json('POST', `${base}/actors`, { name: 'Wohnungsbaugenossenschaft Musterland eG', kind: 'sonstige' });
    assert.equal(actor.status, 201);
    const a = (await actor.json()) as any;
    const actorUpdate = await client.json('PUT', `${base}/actors/${a.id}`, { name: 'WBG Musterland eG', kind: 'sonstige', version: a.version });
    assert.equal(((await actorUpdate.json()) as any).name, 'WBG Musterland eG');
    const dup = await problem(await client.json('POST', `${base}/actors`, { name: 'wbg musterland eg', kind: 'sonstige' }), 422, 'validation_failed');
    assert.equal(dup.errors[0].message, 'Einen Akteur mit diesem Namen gibt es schon.');

    const audited = await t().db.select().from(auditLog).where(eq(auditLog.tenantId, ids.tenantId));
    for (const [type, id] of [['edition', e.id], ['field', f.id], ['goal', g.id], ['actor', a.id]]) {
      assert.ok(audited.some((r) => r.entityType === type && r.entityId === id), `${type} audited`);
    }
  });
});
