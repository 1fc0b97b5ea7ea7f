import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { describeEachDb } from '../../../../test/support/harness.js';
import { until } from '../../../../test/support/until.js';
import { actors } from '../../actors/schema.js';
import { editions, fields } from '../../concepts/schema.js';
import { measures } from '../../measures/schema.js';
import { measureUpdates } from '../../progress/schema.js';
import { docxText, pdfStructure } from '../documents.js';
import { conceptDocument } from '../index.js';

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
const flat = (pages: string[]) => pages.join(' ').replace(/\s+/g, ' ');

describeEachDb('Konzept als Dokument', (t) => {
  const edition = async (status: 'beschlossen' | 'entwurf') => (await t().db.select().from(editions).where(eq(editions.status, status)))[0]!;

  test('Lesende laden jede Fassung als PDF und DOCX; der Entwurf ist als Entwurf gekennzeichnet', async () => {
    const draft = await edition('entwurf');
    const c = await t().signIn('lesend@musterland.example');
    const page = await (await c.get(`/app/k/musterland/fassungen/${draft.id}`)).text();
    assert.ok(page.includes(`href="/app/k/musterland/fassungen/${draft.id}/konzept.pdf"`), 'the edition page links the PDF');
    assert.ok(page.includes(`href="/app/k/musterland/fassungen/${draft.id}/konzept.docx"`), 'and the Word file');

    const pdf = await c.get(`/app/k/musterland/fassungen/${draft.id}/konzept.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /attachment; filename="integrationskonzept-2026-fortschreibung-entwurf\.pdf"/);
    const s = await pdfStructure(await bytes(pdf));
    assert.equal(s.info.Title, `Entwurf: ${draft.title}`);
    assert.match(s.pages[0]!, /Entwurf – Stand \d\d\.\d\d\.\d{4} \(Entwurf\), nicht beschlossen/);

    const docx = await c.get(`/app/k/musterland/fassungen/${draft.id}/konzept.docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-disposition') ?? '', /-entwurf\.docx"/);
    assert.match(await docxText(await bytes(docx)), /Entwurf – nicht beschlossen/);
  });

  test('die Öffentlichkeit lädt die beschlossene Fassung als PDF, ohne Internes; die Konzeptseite verlinkt sie', async () => {
    const adopted = await edition('beschlossen');
    const [measure] = await t().db.select().from(measures).where(eq(measures.editionId, adopted.id)).limit(1);
    await t().db.update(measures).set({ internalNote: 'Streng vertraulich: Träger wackelt' }).where(eq(measures.id, measure!.id));
    const internalUpdates = await t().db.select({ text: measureUpdates.text }).from(measureUpdates).where(eq(measureUpdates.isPublic, false));
    assert.ok(internalUpdates.length > 0, 'the demo has internal Sachstände');

    const visitor = t().client();
    const concept = await (await visitor.get('/k/musterland/konzept?lang=ar')).text();
    assert.ok(concept.includes('href="/k/musterland/konzept.pdf" type="application/pdf" hreflang="de"'), 'the public concept page links the German PDF in every language');

    const res = await visitor.get('/k/musterland/konzept.pdf');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const s = await pdfStructure(await bytes(res));
    assert.equal(s.info.Title, adopted.title);
    const text = flat(s.pages);
    assert.ok(text.includes(measure!.title.split(' ').slice(0, 3).join(' ')), 'measures are in it');
    const [crossCutting] = await t().db.select().from(fields).where(and(eq(fields.editionId, adopted.id), eq(fields.isCrossCutting, true)));
    if (crossCutting) assert.ok(text.includes(crossCutting.title), 'Querschnittsthemen are in it');
    assert.ok(!text.includes('Streng vertraulich'), 'no internal note');
    for (const u of internalUpdates) assert.ok(!text.includes(u.text.slice(0, 40)), `no internal Sachstand (${u.text.slice(0, 40)})`);

    // The same bytes again from the cache; a query string neither changes nor bypasses it.
    const again = await bytes(await visitor.get('/k/musterland/konzept.pdf?x=1'));
    assert.equal(again.length, (await bytes(await visitor.get('/k/musterland/konzept.pdf'))).length);
  });

  test('das öffentliche PDF kommt aus dem Cache und ist nach einer Änderung in der Kommune sofort neu', async () => {
    assert.equal((await t().client().get('/k/gibt-es-nicht/konzept.pdf')).status, 404, 'no Kommune, no document');
    const adopted = await edition('beschlossen');
    const anonymous = await t().client().get(`/app/k/musterland/fassungen/${adopted.id}/konzept.pdf`);
    assert.notEqual(anonymous.status, 200, 'internal documents need a sign-in');

    const visitor = t().client();
    const before = flat((await pdfStructure(await bytes(await visitor.get('/k/musterland/konzept.pdf')))).pages);
    const [lead] = await t().db.select({ id: actors.id, name: actors.name, kind: actors.kind, version: actors.version }).from(actors).innerJoin(measures, eq(measures.leadActorId, actors.id)).where(eq(measures.editionId, adopted.id)).limit(1);
    assert.ok(lead && before.includes(lead.name), 'the lead of a measure is named');
    const renamed = `${lead.name} (umbenannt)`;
    const coordinator = await t().signIn('koordination@musterland.example');
    const saved = await coordinator.json('PUT', `/api/v1/kommunen/musterland/actors/${lead.id}`, { name: renamed, kind: lead.kind, version: lead.version });
    assert.equal(saved.status, 200, await saved.clone().text());
    // The write's NOTIFY drops the cached file (PostgreSQL: a moment after the commit).
    await until(async () => flat((await pdfStructure(await bytes(await visitor.get('/k/musterland/konzept.pdf')))).pages), (text) => text.includes(renamed), 'the new name in the public PDF');
  });

  test('conceptDocument (für die Beschlussvorlage) liefert die Bytes einer Fassung', async () => {
    const adopted = await edition('beschlossen');
    const tenant = { id: adopted.tenantId, name: 'Landkreis Musterland' };
    const pdf = await conceptDocument(t().db, tenant, adopted.id, 'pdf', '2026-11-30');
    assert.equal(pdf.contentType, 'application/pdf');
    assert.equal(pdf.fileName, 'integrationskonzept-2024.pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const docx = await conceptDocument(t().db, tenant, adopted.id, 'docx', '2026-11-30');
    assert.match(await docxText(docx.bytes), /Erstellt am 30\.11\.2026\./);
    await assert.rejects(conceptDocument(t().db, tenant, 'keine-id', 'pdf'), /not_found/);
  });
});
