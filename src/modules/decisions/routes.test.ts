import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { describeEachDb, type TestApp, type TestClient } from '../../../test/support/harness.js';
import { enableQueryStats, withQueryStats } from '../../db/query-stats.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { editions } from '../concepts/schema.js';
import { auditLog } from '../../platform/audit/schema.js';
import { docxText, pdfStructure } from '../../platform/documents/read.js';
import { paperDocumentContent } from './document/content.js';
import { renderPaperDocx } from './document/docx.js';
import { seedPaper } from './document/fixture.js';
import { renderPaperPdf } from './document/pdf.js';
import { measures as measuresTable } from '../measures/schema.js';
import { decisionOfEdition } from './queries.js';
import { consultations, paperFiles, paperMeasures, papers, paperVersions } from './schema.js';

const base = '/app/k/musterland';

async function demo(t: TestApp) {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
  const all = await t.db.select().from(papers).where(eq(papers.tenantId, tenant!.id));
  return { tenant: tenant!, adopted: all.find((p) => p.number === '2024/FD91/457')!, draft: all.find((p) => p.number === '2026/FD91/512')! };
}

const paperVersionsOfDb = (t: TestApp, paperId: string) => t.db.select().from(paperVersions).where(eq(paperVersions.paperId, paperId));

const steps = (t: TestApp, paperId: string) => t.db.select().from(consultations).where(eq(consultations.paperId, paperId)).orderBy(consultations.position);

const paperForm = (over: Record<string, string> = {}) => ({
  number: '',
  kind: 'beschlussvorlage',
  subject: 'Bericht zur Integrationsarbeit',
  paperDate: '2027-01-15',
  leadOffice: 'FD Büro des Landrates',
  officeCode: 'FD91',
  clerk: '',
  fileReference: '',
  visibility: 'oeffentlich',
  proposal: 'Der Bericht wird beschlossen.',
  facts: 'Im Landkreis leben {{einwohner}} Menschen.',
  financialEffects: 'nein',
  financialText: '',
  financialAmount: '',
  climateImpact: 'keine',
  climateText: '',
  signature: '',
  editionId: '',
  ...over,
});

async function record(c: TestClient, id: string, version: number, values: Record<string, string>) {
  return c.post(`${base}/beratungen/${id}/ergebnis`, { unanimous: '', votesYes: '', votesNo: '', votesAbstain: '', decisionText: '', ...values, version: String(version) });
}

describeEachDb('Vorlagen: Seiten', (t) => {
  test('die Demo: Vorlage 2024/FD91/457 mit Beratungsfolge, Kennzahlen mit Quelle, Beschlusskontrolle und Verlauf; lesend sieht sie, ändert nichts', async () => {
    const d = await demo(t());
    const lesend = await t().signIn('lesend@musterland.example');
    const list = await (await lesend.get(`${base}/vorlagen`)).text();
    assert.match(list, /2024\/FD91\/457/);
    assert.match(list, /Kreistag, 16\.12\.2024: beschlossen \(einstimmig\)/, 'where the adopted paper stands');
    assert.match(list, /in Vorbereitung/, 'the draft paper');
    const page = await lesend.get(`${base}/vorlagen/${d.adopted.id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    for (const text of ['Ausschuss für Soziales, Gesundheit, Integration', 'Kreisausschuss', '28.11.2024', '09.12.2024', '16.12.2024', 'Frau Heldberg', '31_30 Integrationskonzept', 'gez. Heldberg']) assert.ok(html.includes(text), `shows ${text}`);
    assert.match(html, /<strong data-figure="auslaender">10\.055<\/strong>/, 'the figure, frozen');
    assert.match(html, /Ausländerzentralregister, Stand 31\.12\.2023/, 'with source and date');
    assert.match(html, /Beschlossen wurden \d+ Maßnahmen/, 'Beschlusskontrolle');
    assert.match(html, /Kreistag am 16\.12\.2024: beschlossen/, 'the timeline');
    assert.doesNotMatch(html, /Ergebnis eintragen|Endgültig machen/, 'no actions for lesend');
    assert.equal((await lesend.get(`${base}/vorlagen/neu`)).status, 403);
    assert.equal((await lesend.post(`${base}/vorlagen`, paperForm())).status, 403);
  });

  test('die Vorlage als PDF und DOCX; das Konzept hängt als PDF an der endgültigen Vorlage, auch als OParl-File', async () => {
    const d = await demo(t());
    const lesend = await t().signIn('lesend@musterland.example');
    const pdf = await lesend.get(`${base}/vorlagen/${d.adopted.id}/vorlage.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /attachment; filename="vorlage-2024-FD91-457\.pdf"/);
    const { pages } = await pdfStructure(Buffer.from(await pdf.arrayBuffer()));
    const text = pages.join(' ').replace(/\s+/g, ' ');
    for (const part of ['Vorlage Nr.: 2024/FD91/457', 'Beratungsfolge:', 'Kreistag 16.12.2024 Entscheidung beschlossen (einstimmig)', '10.055', 'Ausländerzentralregister, Stand 31.12.2023', 'Anlage/n:', 'gez. Heldberg']) assert.ok(text.includes(part), `PDF: ${part}`);
    const docx = await lesend.get(`${base}/vorlagen/${d.adopted.id}/vorlage.docx`);
    assert.equal(docx.status, 200);
    assert.match(await docxText(Buffer.from(await docx.arrayBuffer())), /Vorlage Nr\.: 2024\/FD91\/457/);

    const [file] = await t().db.select().from(paperFiles).where(eq(paperFiles.paperId, d.adopted.id));
    assert.ok(file, 'finalizing attached the concept edition');
    assert.equal(file.mimeType, 'application/pdf');
    assert.match(text, new RegExp(`Anlage/n: ${file.name}`), 'the Vorlage lists it as Anlage');
    const page = await (await lesend.get(`${base}/vorlagen/${d.adopted.id}`)).text();
    assert.ok(page.includes(`href="${base}/vorlagen/${d.adopted.id}/dateien/${file.id}"`), 'the paper page links the file');
    const download = await lesend.get(`${base}/vorlagen/${d.adopted.id}/dateien/${file.id}`);
    assert.equal(download.status, 200);
    const concept = await pdfStructure(Buffer.from(await download.arrayBuffer()));
    assert.match(concept.pages[0]!, /Integrationskonzept/);
    const oparl = (await (await t().client().get(`/oparl/v1/body/musterland/paper/${d.adopted.id}`)).json()) as { auxiliaryFile?: { name: string; downloadUrl: string }[] };
    const listed = oparl.auxiliaryFile?.find((f) => f.name === file.name);
    assert.ok(listed, 'OParl lists the concept as the paper\'s file');
    assert.equal((await t().client().get(new URL(listed.downloadUrl).pathname)).status, 200);
    assert.equal((await t().client().get(`${base}/vorlagen/${d.adopted.id}/vorlage.pdf`)).status, 303, 'not without signing in');
  });

  test('Anlagen: PDF, DOCX, XLSX, ODT nach Inhalt; anderes, leer oder zu groß mit deutscher Meldung abgelehnt; protokolliert; Entfernen fragt erst', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const made = await c.post(`${base}/vorlagen`, paperForm({ subject: 'Vorlage mit Anlagen' }));
    const id = made.headers.get('location')!.split('/').pop()!;
    const upload = (fileName: string, bytes: Uint8Array, name = '', type = 'application/octet-stream') => {
      const form = new FormData();
      form.set('datei', new File([new Uint8Array(bytes)], fileName, { type }));
      form.set('name', name);
      return c.postMultipart(`${base}/vorlagen/${id}/dateien`, form);
    };
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Kosten').addRow(['Maßnahme', 'Betrag']);
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    odt.file('content.xml', '<office:document-content/>');
    const files = {
      pdf: await renderPaperPdf(paperDocumentContent(seedPaper())),
      docx: await renderPaperDocx(paperDocumentContent(seedPaper())),
      xlsx: Buffer.from(await workbook.xlsx.writeBuffer()),
      odt: await odt.generateAsync({ type: 'nodebuffer' }),
    };
    for (const [ext, bytes] of Object.entries(files)) assert.equal((await upload(`../Stellungnahme ${ext}.${ext}`, bytes, `Stellungnahme ${ext.toUpperCase()}`)).status, 303, ext);
    const stored = await t().db.select().from(paperFiles).where(eq(paperFiles.paperId, id)).orderBy(paperFiles.createdAt);
    assert.deepEqual(stored.map((f) => [f.fileName, f.mimeType.split('/')[1]]), [
      ['Stellungnahme pdf.pdf', 'pdf'],
      ['Stellungnahme docx.docx', 'vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Stellungnahme xlsx.xlsx', 'vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Stellungnahme odt.odt', 'vnd.oasis.opendocument.text'],
    ]);
    const audited = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'paper_file'), eq(auditLog.action, 'create'), inArray(auditLog.entityId, stored.map((f) => f.id))));
    assert.equal(audited.length, 4, 'every upload is audited');

    const zipOfPhotos = new JSZip();
    zipOfPhotos.file('foto.jpg', 'x');
    const refused: [string, Uint8Array, RegExp][] = [
      ['programm.pdf', Buffer.from('MZ\x90\x00 ein Programm'), /kein PDF-, Word-, Excel- oder OpenDocument-Text-Dokument/],
      ['fotos.docx', await zipOfPhotos.generateAsync({ type: 'nodebuffer' }), /kein PDF-, Word-, Excel- oder OpenDocument-Text-Dokument/],
      ['leer.pdf', new Uint8Array(0), /Bitte wählen Sie eine Datei aus/],
      ['gross.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]), /größer als 10 MB/],
    ];
    for (const [fileName, bytes, message] of refused) {
      const res = await upload(fileName, bytes);
      assert.equal(res.status, 422, fileName);
      assert.match(await res.text(), message, fileName);
    }
    assert.equal((await t().db.select().from(paperFiles).where(eq(paperFiles.paperId, id))).length, 4, 'nothing stored');

    const page = await (await c.get(`${base}/vorlagen/${id}`)).text();
    assert.ok(page.includes(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}/entfernen`), 'a remove link per file');
    // Downloaded twice: the second time from the kept copy (platform/ui/kept-app-page.ts); after the removal it is gone at once.
    const downloads = [await c.get(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}`), await c.get(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}`)];
    assert.deepEqual(downloads.map((d) => d.status), [200, 200]);
    assert.deepEqual(Buffer.from(await downloads[1]!.arrayBuffer()), Buffer.from(await downloads[0]!.arrayBuffer()), 'the same file again');
    const confirm = await c.get(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}/entfernen`);
    assert.match(await confirm.text(), /Anlage „Stellungnahme PDF“ entfernen\?/);
    assert.equal((await t().db.select().from(paperFiles).where(and(eq(paperFiles.id, stored[0]!.id), isNull(paperFiles.deletedAt)))).length, 1, 'asking removed nothing');
    const lesend = await t().signIn('lesend@musterland.example');
    assert.equal((await lesend.post(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}/entfernen`, {})).status, 403);
    assert.equal((await c.post(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}/entfernen`, {})).status, 303);
    assert.equal((await c.get(`${base}/vorlagen/${id}/dateien/${stored[0]!.id}`)).status, 404);
    const [removed] = await t().db.select().from(auditLog).where(and(eq(auditLog.entityType, 'paper_file'), eq(auditLog.action, 'delete'), eq(auditLog.entityId, stored[0]!.id)));
    assert.ok(removed, 'removal audited');
    const pdf = await pdfStructure(Buffer.from(await (await c.get(`${base}/vorlagen/${id}/vorlage.pdf`)).arrayBuffer()));
    assert.match(pdf.pages.join(' '), /Anlage\/n:\s+Stellungnahme DOCX\s+Stellungnahme XLSX\s+Stellungnahme ODT/, 'the Vorlage lists its Anlagen');
  });

  test('Anlagen nichtöffentlicher Vorlagen erscheinen nirgends öffentlich: OParl, Portal, Suche; die öffentlicher schon', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const [body] = await t().db.select({ id: consultations.bodyId }).from(consultations).where(eq(consultations.paperId, (await demo(t())).adopted.id)).limit(1);
    const ids: Record<string, string> = {};
    for (const visibility of ['oeffentlich', 'nichtoeffentlich']) {
      const made = await c.post(`${base}/vorlagen`, paperForm({ subject: `Anlagenprobe ${visibility}`, visibility }));
      const id = made.headers.get('location')!.split('/').pop()!;
      const form = new FormData();
      form.set('datei', new File([new Uint8Array(await renderPaperPdf(paperDocumentContent(seedPaper())))], `Zeugnis-${visibility}.pdf`));
      form.set('name', `Zeugnisliste ${visibility}`);
      assert.equal((await c.postMultipart(`${base}/vorlagen/${id}/dateien`, form)).status, 303);
      assert.equal((await c.post(`${base}/vorlagen/${id}/beratungen`, { bodyId: body!.id, meetsOn: '2027-02-10', role: 'entscheidung', agendaNumber: '' })).status, 303);
      const [paper] = await t().db.select().from(papers).where(eq(papers.id, id));
      assert.equal((await c.post(`${base}/vorlagen/${id}/endgueltig`, { version: String(paper!.version) })).status, 303);
      const [step] = await steps(t(), id);
      assert.equal((await record(c, step!.id, step!.version, { result: 'beschlossen', unanimous: 'on' })).status, 303);
      ids[visibility] = id;
    }
    const [secretFile] = await t().db.select().from(paperFiles).where(eq(paperFiles.paperId, ids.nichtoeffentlich!));
    const [publicFile] = await t().db.select().from(paperFiles).where(eq(paperFiles.paperId, ids.oeffentlich!));
    const everything: string[] = [];
    for (let page = 1; ; page++) {
      const list = (await (await t().client().get(`/oparl/v1/body/musterland/files?limit=100&page=${page}&modified_since=2000-01-01T00:00:00Z`)).json()) as { data: { id: string; name?: string }[]; links: { next?: string } };
      everything.push(...list.data.map((f) => `${f.id} ${f.name ?? ''}`));
      if (!list.links.next) break;
    }
    assert.ok(everything.some((f) => f.includes(publicFile!.id)), 'the public paper\'s file is listed');
    assert.ok(!everything.some((f) => f.includes(secretFile!.id) || f.includes('nichtoeffentlich')), 'the non-public one is not, not even as deleted');
    assert.equal((await t().client().get(`/oparl/v1/body/musterland/file/${secretFile!.id}`)).status, 404);
    assert.equal((await t().client().get(`/oparl/v1/body/musterland/file/${secretFile!.id}/download`)).status, 404);
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${ids.nichtoeffentlich}`)).status, 404);
    assert.doesNotMatch(await (await t().client().get('/k/musterland/beschluesse')).text(), /Zeugnis|Anlagenprobe nichtoeffentlich/);
    assert.match(await (await t().client().get(`/k/musterland/suche?q=${encodeURIComponent('Zeugnisliste nichtoeffentlich')}`)).text(), /Keine Treffer für/);
    assert.equal((await c.get(`${base}/vorlagen/${ids.nichtoeffentlich}/dateien/${secretFile!.id}`)).status, 200, 'inside, the file downloads');
  });

  test('Maßnahmenseiten (intern und öffentlich) nennen den Beschluss, auf dem ihre Fassung beruht, mit Link', async () => {
    const d = await demo(t());
    const [adoptedOne] = await t().db.select({ id: paperMeasures.measureId }).from(paperMeasures).where(eq(paperMeasures.paperId, d.adopted.id)).limit(1);
    const lesend = await t().signIn('lesend@musterland.example');
    const internal = await (await lesend.get(`${base}/massnahmen/${adoptedOne!.id}`)).text();
    assert.ok(internal.includes(`<a href="${base}/vorlagen/${d.adopted.id}" data-decision="2024/FD91/457">einstimmig beschlossen am 16.12.2024 durch Kreistag, Vorlage 2024/FD91/457</a>`), `internal measure page: ${/<p class="muted">.{0,400}/s.exec(internal)?.[0]}`);
    // Another test may adopt the draft edition meanwhile: the public page names whichever edition is adopted now.
    const [current] = await t().db.select().from(editions).where(and(eq(editions.tenantId, d.tenant.id), eq(editions.status, 'beschlossen')));
    const decision = (await decisionOfEdition(t().db, d.tenant.id, current!.id))!;
    const [measure] = await t().db.select().from(measuresTable).where(eq(measuresTable.editionId, current!.id)).limit(1);
    const page = await (await t().client().get(`/k/musterland/massnahmen/${measure!.number}`)).text();
    assert.ok(page.includes(`href="/k/musterland/beschluesse/${decision.paper.id}">Vorlage Nr. ${decision.paper.number}</a>`), 'public measure page links the decision');
    assert.ok(page.includes(`${decision.body.name}`));
  });

  test('Versionen bis endgültig: jede Speicherung eine Version, Vergleich je Abschnitt Wort für Wort; endgültig friert ein', async () => {
    const c = await t().signIn('koordination@musterland.example');
    const first = paperForm({ subject: 'Versionsprobe', facts: 'Im Landkreis leben {{einwohner}} Menschen. Die Beratung ist kostenlos.' });
    const made = await c.post(`${base}/vorlagen`, first);
    const id = made.headers.get('location')!.split('/').pop()!;
    const { number: _n, ...editable } = first;
    assert.equal((await c.post(`${base}/vorlagen/${id}/bearbeiten`, { ...editable, leadOffice: 'FD Soziales', version: '1' })).status, 303);
    assert.equal((await c.post(`${base}/vorlagen/${id}/bearbeiten`, { ...editable, leadOffice: 'FD Soziales', facts: 'Im Landkreis leben {{einwohner}} Menschen. Die Beratung ist kostenlos und mehrsprachig.', version: '2' })).status, 303);
    assert.equal((await paperVersionsOfDb(t(), id)).length, 3, 'three saves, three versions');
    const latest = await (await c.get(`${base}/vorlagen/${id}/versionen`)).text();
    assert.match(latest, /Änderungen von Version 2 zu Version 3/);
    assert.ok(
      latest.includes('Die Beratung ist <del><span class="visually-hidden">[entfernt: </span>kostenlos.<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[eingefügt: </span>kostenlos und mehrsprachig.<span class="visually-hidden">]</span></ins>'),
      `the changed words, marked for screen readers too: ${/Die Beratung ist.{0,300}/s.exec(latest)?.[0]}`,
    );
    const older = await (await c.get(`${base}/vorlagen/${id}/versionen?von=1&bis=2`)).text();
    assert.match(older, /Federführung.*FD Büro des Landrates.*FD Soziales/s, 'a changed header field, before and after');
    assert.match(older, /Sachverhalt<\/h3><p class="kern-body muted">Unverändert\./);
    const [paper] = await t().db.select().from(papers).where(eq(papers.id, id));
    assert.equal((await c.post(`${base}/vorlagen/${id}/endgueltig`, { version: String(paper!.version) })).status, 303);
    const refused = await c.post(`${base}/vorlagen/${id}/bearbeiten`, { ...editable, subject: 'Nachträglich geändert', version: String(paper!.version + 1) });
    assert.notEqual(refused.status, 303, 'a final paper is not saved');
    assert.equal((await paperVersionsOfDb(t(), id)).length, 3, 'no version after final');
    assert.match(await (await c.get(`${base}/vorlagen/${id}/versionen`)).text(), /ist seit dem \d\d\.\d\d\.\d{4} endgültig/);
  });

  test('neue Vorlage: Nummer vorgeschlagen, leeres Feld vergibt sie; falsche Eingaben 422 mit deutscher Meldung, nichts gespeichert', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const form = await (await c.get(`${base}/vorlagen/neu`)).text();
    assert.match(form, /zurzeit \d{4}\/FD91\/\d+/, 'the proposed number');
    const before = (await t().db.select().from(papers).where(eq(papers.tenantId, d.tenant.id))).length;
    for (const [bad, message] of [
      [{ subject: '' }, /Bitte ausfüllen/],
      [{ paperDate: '2027-02-30' }, /Datum/],
      [{ facts: 'Es gibt {{sterne}} Sterne.' }, /Diese Platzhalter kennt ikon nicht: \{\{sterne\}\}/],
      [{ number: '2024/FD91/457' }, /Die Nummer 2024\/FD91\/457 ist schon vergeben/],
      [{ financialAmount: 'viel' }, /Zahl/],
    ] as const) {
      const res = await c.post(`${base}/vorlagen`, paperForm(bad));
      assert.equal(res.status, 422, JSON.stringify(bad));
      assert.match(await res.text(), message);
    }
    assert.equal((await t().db.select().from(papers).where(eq(papers.tenantId, d.tenant.id))).length, before, 'nothing stored');
    const made = await c.post(`${base}/vorlagen`, paperForm());
    assert.equal(made.status, 303);
    const [paper] = await t().db.select().from(papers).where(and(eq(papers.tenantId, d.tenant.id), eq(papers.subject, 'Bericht zur Integrationsarbeit')));
    assert.match(paper!.number, /^2027\/FD91\/\d+$/);
    const page = await (await c.get(made.headers.get('location')!)).text();
    assert.match(page, /<strong data-figure="einwohner">89\.870<\/strong>/, 'the live figure while in preparation');
  });

  test('der Entwurf geht durch die Gremien: endgültig, vertagt, beschlossen – die Fortschreibung wird beschlossen, öffentlich „einstimmig beschlossen am“', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const confirm = await c.get(`${base}/vorlagen/${d.draft.id}/endgueltig`);
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /geht damit in den Status „zur Beschlussfassung“/);
    assert.equal((await c.post(`${base}/vorlagen/${d.draft.id}/endgueltig`, { version: String(d.draft.version) })).status, 303);
    const [committee, board, council] = await steps(t(), d.draft.id);
    const bad = await record(c, committee!.id, committee!.version, { result: 'beschlossen', unanimous: 'on', votesNo: '2' });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Einstimmig heißt: keine Gegenstimmen/);
    assert.equal((await record(c, committee!.id, committee!.version, { result: 'beschlossen', votesYes: '10', votesNo: '1', votesAbstain: '0' })).status, 303);
    assert.equal((await record(c, board!.id, board!.version, { result: 'vertagt' })).status, 303);
    const resultForm = await (await c.get(`${base}/beratungen/${council!.id}/ergebnis`)).text();
    assert.match(resultForm, /wird die Fassung „Integrationskonzept 2026 \(Fortschreibung\)“ beschlossen, zum Tag dieser Sitzung, und „Integrationskonzept 2024“ abgelöst/);
    assert.equal((await record(c, council!.id, council!.version, { result: 'beschlossen', unanimous: 'on' })).status, 303);
    const edition = (await t().db.select().from(editions).where(eq(editions.id, d.draft.editionId!)))[0]!;
    assert.equal(edition.status, 'beschlossen');
    assert.equal(edition.adoptedOn, '2027-03-18');

    const list = await (await t().client().get('/k/musterland/beschluesse')).text();
    assert.match(list, /einstimmig beschlossen am 18\.03\.2027/);
    assert.match(list, /einstimmig beschlossen am 16\.12\.2024/);
    const page = await (await t().client().get(`/k/musterland/beschluesse/${d.draft.id}`)).text();
    assert.match(page, /vertagt/);
    assert.match(page, /Beschlusskontrolle/);
    assert.doesNotMatch(page, /Heldberg/, 'no clerk on the public page');
    const concept = await (await t().client().get('/k/musterland/konzept')).text();
    assert.match(concept, /einstimmig beschlossen am 18\.03\.2027 · <span>Kreistag<\/span> · <a class="kern-link" href="\/k\/musterland\/beschluesse\//, 'the concept page names its decision');
  });

  test('nichtöffentliche Vorlagen erscheinen nirgends öffentlich: Beschlüsse, Einzelseite, Konzeptseite, Suche', async () => {
    const d = await demo(t());
    const c = await t().signIn('koordination@musterland.example');
    const secretSubject = 'Vertrauliche Personalangelegenheit Integrationslotsen';
    const made = await c.post(`${base}/vorlagen`, paperForm({ subject: secretSubject, visibility: 'nichtoeffentlich', proposal: 'Geheimer Beschlussvorschlag.', facts: '' }));
    assert.equal(made.status, 303);
    const [paper] = await t().db.select().from(papers).where(eq(papers.subject, secretSubject));
    const [body] = await t().db.select({ id: consultations.bodyId }).from(consultations).where(eq(consultations.paperId, d.adopted.id)).limit(1);
    assert.equal((await c.post(`${base}/vorlagen/${paper!.id}/beratungen`, { bodyId: body!.id, meetsOn: '2027-01-20', role: 'entscheidung', agendaNumber: '' })).status, 303);
    assert.equal((await c.post(`${base}/vorlagen/${paper!.id}/endgueltig`, { version: String(paper!.version) })).status, 303);
    const [step] = await steps(t(), paper!.id);
    assert.equal((await record(c, step!.id, step!.version, { result: 'beschlossen', unanimous: 'on' })).status, 303);
    assert.match(await (await c.get(`${base}/vorlagen`)).text(), new RegExp(secretSubject), 'inside it is listed');
    for (const lang of ['', '?lang=en', '?lang=ar']) {
      assert.doesNotMatch(await (await t().client().get(`/k/musterland/beschluesse${lang}`)).text(), /Vertrauliche|Geheimer/);
    }
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${paper!.id}`)).status, 404);
    const [secretFile] = await t().db.select({ id: paperFiles.id }).from(paperFiles).where(eq(paperFiles.paperId, paper!.id));
    assert.ok(secretFile, 'the final paper has its stored Vorlage');
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${paper!.id}/dateien/${secretFile.id}`)).status, 404, 'its files are not public');
    assert.doesNotMatch(await (await t().client().get('/k/musterland/konzept')).text(), /Vertrauliche|Geheimer/);
    assert.doesNotMatch(await (await t().client().get(`/k/musterland/suche?q=${encodeURIComponent('Personalangelegenheit Integrationslotsen')}`)).text(), /Vertrauliche/);
    assert.doesNotMatch(await (await t().client().get('/api/v1/openapi.json')).text(), /papers|Vorlage/i, 'the API publishes no papers');
  });

  test('öffentliche Seiten in allen Sprachen; unbekannte und ungültige Kennungen 404', async () => {
    const d = await demo(t());
    for (const lang of ['de', 'en', 'ar', 'uk', 'ru', 'tr', 'fa']) {
      const q = lang === 'de' ? '' : `?lang=${lang}`;
      assert.equal((await t().client().get(`/k/musterland/beschluesse${q}`)).status, 200, lang);
      const page = await t().client().get(`/k/musterland/beschluesse/${d.adopted.id}${q}`);
      assert.equal(page.status, 200, lang);
      assert.doesNotMatch(await page.text(), /decisions\.public\./, `no raw keys in ${lang}`);
    }
    // The decided paper's documents: the Vorlage first, then the adopted concept, both downloadable as stored.
    const page = await (await t().client().get(`/k/musterland/beschluesse/${d.adopted.id}`)).text();
    const links = [...page.matchAll(/href="(\/k\/musterland\/beschluesse\/[0-9a-f-]+\/dateien\/([0-9a-f-]+))[^"]*"[^>]*><span>([^<]+)<\/span><\/a> \(PDF, ([\d.]+) KB\)/g)];
    assert.deepEqual(links.map((l) => l[3]), ['Vorlage 2024/FD91/457', 'Integrationskonzept 2024'], 'the Vorlage, then the concept');
    for (const [, href, fileId] of links) {
      const res = await t().client().get(href!);
      assert.equal(res.status, 200, href!);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.pdf"/);
      const bytes = Buffer.from(await res.arrayBuffer());
      const [row] = await t().db.select({ size: paperFiles.size }).from(paperFiles).where(eq(paperFiles.id, fileId!));
      assert.equal(bytes.length, row!.size, 'the stored size');
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    }
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${d.adopted.id}/dateien/00000000-0000-4000-8000-000000000000`)).status, 404);
    assert.equal((await t().client().get('/k/musterland/beschluesse/keine-id')).status, 404);
    assert.equal((await t().client().get('/k/musterland/beschluesse/00000000-0000-4000-8000-000000000000')).status, 404);
    const c = await t().signIn('koordination@musterland.example');
    const made = await c.post(`${base}/vorlagen`, paperForm({ subject: 'Noch in Vorbereitung' }));
    const id = made.headers.get('location')!.split('/').pop()!;
    assert.equal((await t().client().get(`/k/musterland/beschluesse/${id}`)).status, 404, 'a paper in preparation is no decision');
  });

  test('die Seite einer Vorlage wird gehalten, solange sich in der Kommune nichts ändert (issue 9.2); ein neues Gremium steht sofort in ihrer Beratungsfolge-Auswahl', async () => {
    const d = await demo(t());
    enableQueryStats();
    const lesend = await t().signIn('lesend@musterland.example');
    const koordination = await t().signIn('koordination@musterland.example');
    const path = `${base}/vorlagen/${d.draft.id}`;
    const first = await (await koordination.get(path)).text();
    const again = await withQueryStats(async () => (await lesend.get(path)).text());
    assert.ok(again.result.includes(d.draft.subject), 'the same paper for another person');
    assert.doesNotMatch(again.result, /Beratung hinzufügen/, 'without the actions lesend may not take');
    assert.ok(again.stats.count <= 3, `opened again: the frame and the check, not the paper's thirteen reads (${again.stats.count} queries)`);
    assert.match(first, /Beratung hinzufügen/, 'the actions of the Koordination, decided per request');
    const created = await koordination.post(`${base}/gremien`, { name: 'Ausschuss für gehaltene Seiten', shortName: '', kind: 'fachausschuss' });
    assert.equal(created.status, 303);
    assert.match(await (await koordination.get(path)).text(), /Ausschuss für gehaltene Seiten/, 'the new Gremium at once');
  });
});
