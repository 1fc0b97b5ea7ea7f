import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { consultations, councilBodies, councilMeetings, paperFiles, papers } from '../decisions/schema.js';
import { describeEachDb, type TestApp } from '../../../test/support/harness.js';
import { oparlErrors, typeNameOf, type OparlTypeName } from '../../../test/support/oparl-schemas/validate.js';
import { until } from '../../../test/support/until.js';
import { systemUser } from '../../platform/auth/current-user.js';
import { finalizePaper } from '../decisions/finalize.js';
import { createPaper } from '../decisions/papers.js';

/** Council data of Musterland for OParl: two Gremien, two Sitzungen, papers public and not. */
async function seedCouncil(db: Db) {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const tenantId = tenant!.id;
  const suffix = Math.random().toString(36).slice(2, 8);
  const [committee, council] = await db
    .insert(councilBodies)
    .values([
      { tenantId, name: `Ausschuss für Soziales, Gesundheit, Integration ${suffix}`, shortName: 'ASGI', kind: 'fachausschuss' },
      { tenantId, name: `Kreistag ${suffix}`, kind: 'vertretung' },
    ])
    .returning();
  const [early, late] = await db
    .insert(councilMeetings)
    .values([
      { tenantId, bodyId: committee!.id, meetsOn: '2024-11-28' },
      { tenantId, bodyId: council!.id, meetsOn: '2024-12-16', name: 'Sitzung des Kreistages' },
    ])
    .returning();
  const paper = (number: string, values: Partial<typeof papers.$inferInsert>) => ({ tenantId, number: `${number}-${suffix}`, subject: `Integrationskonzept ${number}`, paperDate: '2024-11-12', state: 'final' as const, ...values });
  const [published, secret, draft, removed] = await db
    .insert(papers)
    .values([
      paper('2024/FD91/457', { isPublic: true, leadOffice: 'FD Büro des Landrates' }),
      paper('2024/FD91/458', { isPublic: false, subject: 'Geheime Personalsache' }),
      paper('2024/FD91/459', { isPublic: true, state: 'entwurf', subject: 'Entwurf in Vorbereitung' }),
      paper('2024/FD91/460', { isPublic: true, deletedAt: new Date() }),
    ])
    .returning();
  const consultation = (paperId: string, position: number, bodyId: string, meetingId: string, role: 'vorberatung' | 'entscheidung') => ({ tenantId, paperId, position, bodyId, meetingId, role });
  const [first, deciding, secretOne, draftOne] = await db
    .insert(consultations)
    .values([
      { ...consultation(published!.id, 1, committee!.id, early!.id, 'vorberatung'), result: 'beschlossen' as const, agendaNumber: '5.1' },
      { ...consultation(published!.id, 2, council!.id, late!.id, 'entscheidung'), result: 'beschlossen' as const, unanimous: true, decisionText: 'Fortschreibung alle zwei Jahre.' },
      consultation(secret!.id, 1, council!.id, late!.id, 'entscheidung'),
      consultation(draft!.id, 1, committee!.id, early!.id, 'vorberatung'),
    ])
    .returning();
  const file = (paperId: string, role: 'main' | 'auxiliary', name: string) => ({ tenantId, paperId, role, name, fileName: `${name}.pdf`, mimeType: 'application/pdf', size: 9, content: Buffer.from('%PDF-1.7\n') });
  const [mainFile, annex, secretFile] = await db
    .insert(paperFiles)
    .values([file(published!.id, 'main', 'Beschlussvorlage'), file(published!.id, 'auxiliary', 'Integrationskonzept'), file(secret!.id, 'main', 'Personalsache')])
    .returning();
  return { tenantId, committee: committee!, council: council!, early: early!, late: late!, published: published!, secret: secret!, draft: draft!, removed: removed!, first: first!, deciding: deciding!, secretOne: secretOne!, draftOne: draftOne!, mainFile: mainFile!, annex: annex!, secretFile: secretFile! };
}

const isList = (o: Record<string, unknown>) => 'data' in o && 'pagination' in o;

interface Walk {
  /** Every JSON document fetched, by URL. */
  documents: Map<string, string>;
  /** Objects seen (listed, embedded or fetched), by type. */
  types: Map<OparlTypeName, number>;
  downloads: string[];
  /** Every File object met (embedded or not), by id. */
  files: Map<string, { accessUrl: string; size: number; mimeType: string; name: string }>;
}

/** Fetches every OParl URL reachable from the system object; each must be 200 JSON with CORS and validate. */
async function walk(t: TestApp, start: string): Promise<Walk> {
  const origin = new URL(start).origin;
  const result: Walk = { documents: new Map(), types: new Map(), downloads: [], files: new Map() };
  const queue = [start];
  const seen = new Set(queue);
  const enqueue = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    if (url.endsWith('/download')) result.downloads.push(url);
    else queue.push(url);
  };
  const visit = (value: unknown, owner: string, inside = false): void => {
    if (typeof value === 'string') {
      if (value.startsWith(`${origin}/oparl/`)) enqueue(value);
      return;
    }
    if (Array.isArray(value)) return value.forEach((v) => visit(v, owner, inside));
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      const type = typeof object.type === 'string' ? typeNameOf(object) : undefined;
      if (typeof object.type === 'string') {
        assert.ok(type, `${owner}: unknown type ${String(object.type)}`);
        assert.deepEqual(oparlErrors(type, object), [], `${owner}: ${type} ${String(object.id)} validates`);
        result.types.set(type, (result.types.get(type) ?? 0) + 1);
        if (type === 'File' && !object.deleted) result.files.set(String(object.id), object as never);
      }
      for (const [key, v] of Object.entries(object)) if (key !== 'id' || !type) visit(v, owner, inside || (Boolean(type) && !isList(object)));
      if (type && typeof object.id === 'string') enqueue(object.id);
    }
  };
  while (queue.length) {
    const url = queue.shift()!;
    const res = await t.client().get(url.slice(origin.length));
    assert.equal(res.status, 200, `${url} answers 200`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `${url} is JSON`);
    assert.equal(res.headers.get('access-control-allow-origin'), '*', `${url} allows every origin`);
    const text = await res.text();
    result.documents.set(url, text);
    const body = JSON.parse(text) as Record<string, unknown>;
    if ('data' in body && 'pagination' in body) {
      assert.ok(Array.isArray(body.data) && body.data.length <= 100, `${url}: at most 100 per page`);
      const links = body.links as Record<string, string>;
      const pagination = body.pagination as { currentPage: number; totalPages: number };
      assert.equal('next' in links, pagination.currentPage < pagination.totalPages, `${url}: next on every page but the last`);
    }
    visit(body, url);
  }
  return result;
}

describeEachDb('OParl 1.1 at /oparl/v1', (t) => {
  let seeded: Awaited<ReturnType<typeof seedCouncil>>;
  let graph: Walk;
  let origin: string;

  before(async () => {
    seeded = await seedCouncil(t().db);
    const system = (await (await t().client().get('/oparl/v1/system')).json()) as { id: string };
    origin = new URL(system.id).origin;
    graph = await walk(t(), system.id);
  });

  test('every link from the system resolves (200, JSON, CORS) and every object validates against the OParl schemas', () => {
    for (const type of ['System', 'Body', 'Organization', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File'] as const) assert.ok((graph.types.get(type) ?? 0) > 0, `the walk met a ${type}`);
    const body = JSON.parse(graph.documents.get(`${origin}/oparl/v1/body/musterland`)!) as Record<string, unknown>;
    assert.match(String(body.ags), /^\d{8}$/, 'the Body carries the AGS');
    assert.deepEqual(body.legislativeTerm, [], 'no Wahlperioden recorded');
  });

  test('the files of public papers download; the persons and memberships lists are empty', async () => {
    assert.ok(graph.downloads.length >= 2);
    // The seeded files, and the demo Vorlage's own PDF and concept edition stored when it became final.
    for (const f of graph.files.values()) {
      const res = await t().client().get(f.accessUrl.slice(origin.length));
      assert.equal(res.status, 200, f.accessUrl);
      assert.equal(res.headers.get('content-type'), f.mimeType, `${f.name}: served as its mimeType`);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.length, f.size, `${f.name}: size is the served bytes`);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-', f.accessUrl);
    }
    assert.deepEqual(new Set([...graph.files.values()].map((f) => f.accessUrl)), new Set(graph.downloads), 'every download belongs to a File');
    const demoPaper = (await (await t().client().get('/oparl/v1/body/musterland/papers')).json()) as { data: { reference: string; mainFile?: { name: string; mimeType: string }; auxiliaryFile?: { name: string }[] }[] };
    const adopted = demoPaper.data.find((p) => p.reference === '2024/FD91/457');
    assert.equal(adopted?.mainFile?.name, 'Vorlage 2024/FD91/457', 'the Vorlage is the paper\'s main file');
    assert.deepEqual(adopted?.auxiliaryFile?.map((f) => f.name), ['Integrationskonzept 2024'], 'the adopted concept its Anlage');
    for (const list of ['persons', 'memberships']) {
      const page = (await (await t().client().get(`/oparl/v1/body/musterland/${list}`)).json()) as { data: unknown[] };
      assert.deepEqual(page.data, [], `${list}: nobody consented to being published`);
    }
  });

  test('the paper carries its Beratungsfolge, files and results as the specification defines them', async () => {
    const paper = (await (await t().client().get(`/oparl/v1/body/musterland/paper/${seeded.published.id}`)).json()) as Record<string, any>;
    assert.equal(paper.reference, seeded.published.number);
    assert.equal(paper.paperType, 'Beschlussvorlage');
    assert.equal(paper.date, '2024-11-12');
    assert.equal(paper.mainFile.id, `${origin}/oparl/v1/body/musterland/file/${seeded.mainFile.id}`);
    assert.deepEqual(paper.auxiliaryFile.map((f: { name: string }) => f.name), ['Integrationskonzept']);
    assert.deepEqual(paper.consultation.map((c: { role: string; authoritative: boolean }) => [c.role, c.authoritative]), [['Vorberatung', false], ['Entscheidung', true]]);
    const item = (await (await t().client().get(`/oparl/v1/body/musterland/agendaItem/${seeded.deciding.id}`)).json()) as Record<string, any>;
    assert.equal(item.result, 'beschlossen');
    assert.equal(item.resolutionText, 'Fortschreibung alle zwei Jahre.');
    assert.equal(item.meeting, `${origin}/oparl/v1/body/musterland/meeting/${seeded.late.id}`);
    const meeting = (await (await t().client().get(`/oparl/v1/body/musterland/meeting/${seeded.early.id}`)).json()) as Record<string, any>;
    assert.equal(meeting.start, '2024-11-28T00:00:00+01:00');
    assert.deepEqual(meeting.organization, [`${origin}/oparl/v1/body/musterland/organization/${seeded.committee.id}`]);
  });

  test('non-public papers, drafts and their consultations and files are invisible', async () => {
    const hidden = [seeded.secret.id, seeded.secretOne.id, seeded.secretFile.id, seeded.draft.id, seeded.draftOne.id, 'Geheime Personalsache', 'Entwurf in Vorbereitung'];
    for (const [url, text] of graph.documents) for (const h of hidden) assert.ok(!text.includes(h), `${url} does not mention ${h}`);
    const deleted = await t().client().get(`/oparl/v1/body/musterland/papers?modified_since=2000-01-01T00:00:00Z`);
    const deletedText = await deleted.text();
    for (const h of hidden) assert.ok(!deletedText.includes(h), `not even as deleted: ${h}`);
    const base = '/oparl/v1/body/musterland';
    for (const path of [`/paper/${seeded.secret.id}`, `/paper/${seeded.draft.id}`, `/consultation/${seeded.secretOne.id}`, `/agendaItem/${seeded.secretOne.id}`, `/file/${seeded.secretFile.id}`, `/file/${seeded.secretFile.id}/download`]) {
      const res = await t().client().get(`${base}${path}`);
      assert.equal(res.status, 404, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    }
  });

  test('deleted objects appear with deleted: true only when asked for changes (modified_since)', async () => {
    const removedId = `${origin}/oparl/v1/body/musterland/paper/${seeded.removed.id}`;
    const all = async (query: string) => {
      const items: Record<string, unknown>[] = [];
      let next: string | undefined = `/oparl/v1/body/musterland/papers${query}`;
      while (next) {
        const page = (await (await t().client().get(next)).json()) as { data: Record<string, unknown>[]; links: { next?: string } };
        items.push(...page.data);
        next = page.links.next?.slice(origin.length);
      }
      return items;
    };
    assert.ok(!(await all('')).some((p) => p.id === removedId), 'not in the plain list');
    const changes = await all('?modified_since=2000-01-01T00:00:00%2B01:00');
    const removed = changes.find((p) => p.id === removedId);
    assert.equal(removed?.deleted, true);
    assert.deepEqual(oparlErrors('Paper', removed), []);
    const single = (await (await t().client().get(`/oparl/v1/body/musterland/paper/${seeded.removed.id}`)).json()) as { deleted?: boolean };
    assert.equal(single.deleted, true, 'its URL answers as deleted');
  });

  test('list pages are cached until the Kommune’s data changes: a paper made final afterwards appears', async () => {
    const url = '/oparl/v1/body/musterland/papers?limit=100';
    const first = await (await t().client().get(url)).text();
    const ctx = { db: t().db, user: systemUser };
    const made = await createPaper(ctx, seeded.tenantId, {
      kind: 'informationsvorlage',
      subject: 'Sachstand Integrationslotsen',
      paperDate: '2026-11-30',
      visibility: 'oeffentlich',
      proposal: '',
      facts: 'Bericht.',
      financialEffects: 'nein',
      climateImpact: 'keine',
    });
    assert.ok(!first.includes(made.id), 'not listed while in preparation');
    await finalizePaper(ctx, seeded.tenantId, made.id, { version: made.version });
    await until(async () => (await (await t().client().get(url)).text()).includes(made.id), Boolean, 'the cached list shows the new paper');
  });

  test('lists page with limit, keep a stable order and their filters, and reject bad parameters', async () => {
    const ids: string[] = [];
    let next: string | undefined = '/oparl/v1/body/musterland/organizations?limit=1';
    let pages = 0;
    while (next) {
      const page = (await (await t().client().get(next)).json()) as { data: { id: string }[]; links: { next?: string; self: string }; pagination: { totalElements: number; elementsPerPage: number } };
      assert.equal(page.pagination.elementsPerPage, 1);
      assert.ok(page.links.self.includes('limit=1'), 'the limit stays in the links');
      ids.push(...page.data.map((o) => o.id));
      next = page.links.next?.slice(origin.length);
      pages += 1;
      assert.ok(pages <= page.pagination.totalElements, 'the pages end');
    }
    assert.equal(new Set(ids).size, ids.length, 'no object twice');
    const whole = (await (await t().client().get('/oparl/v1/body/musterland/organizations')).json()) as { data: { id: string }[] };
    assert.deepEqual(ids, whole.data.map((o) => o.id), 'the same order page by page');
    const future = (await (await t().client().get('/oparl/v1/body/musterland/papers?created_since=2999-01-01T00:00:00Z')).json()) as { data: unknown[]; links: { next?: string } };
    assert.deepEqual(future.data, []);
    assert.equal(future.links.next, undefined);
    const until = (await (await t().client().get('/oparl/v1/body/musterland/meetings?created_until=2000-01-01T00:00:00Z')).json()) as { data: unknown[] };
    assert.deepEqual(until.data, []);
    for (const query of ['limit=101', 'limit=0', 'page=0', 'created_since=gestern', 'modified_until=2024-12-16']) {
      const res = await t().client().get(`/oparl/v1/body/musterland/papers?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    }
    assert.equal((await t().client().get('/oparl/v1/body/gibt-es-nicht')).status, 404);
    assert.equal((await t().client().get('/oparl/v1/body/musterland/paper/kein-uuid')).status, 404);
  });
});
