import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { editions } from '../concepts/schema.js';
import { measureUpdates } from '../progress/schema.js';
import { docxText, pdfText } from './documents.js';

describeEachDb('Sachstandsbericht', (t) => {
  const adopted = async () => (await t().db.select().from(editions).where(eq(editions.status, 'beschlossen')))[0]!;

  test('Lesende (z. B. Kreistagsmitglieder) laden den Bericht als DOCX und PDF', async () => {
    const e = await adopted();
    const c = await t().signIn('lesend@musterland.example');
    const form = await c.get(`/app/k/musterland/fassungen/${e.id}/bericht`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /Sachstandsbericht erstellen/);

    const docx = await c.get(`/app/k/musterland/fassungen/${e.id}/bericht?von=2024-01-01&bis=2026-11-21&publikum=oeffentlich&format=docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.headers.get('content-disposition') ?? '', /sachstandsbericht-integrationskonzept-2024-2026-11-21\.docx/);
    const text = await docxText(Buffer.from(await docx.arrayBuffer()));
    assert.match(text, /Sachstandsbericht Integrationskonzept 2024/);
    assert.match(text, /Landkreis Musterland\s+Sachstandsbericht Integrationskonzept 2024\s+Berichtszeitraum 01\.01\.2024 bis 21\.11\.2026/, 'title page: Kommune, title, period');
    assert.match(text, /Teilhabe durch Sprache/);
    assert.match(text, /Sprachkurse für Eltern/);
    assert.match(text, /zählen nicht mit/);

    const pdf = await c.get(`/app/k/musterland/fassungen/${e.id}/bericht?von=2024-01-01&bis=2026-11-21&publikum=oeffentlich&format=pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const pdfContent = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    assert.match(pdfContent, /Sachstandsbericht Integrationskonzept 2024/);
    assert.match(pdfContent, /Überfällige Maßnahmen/);
  });

  test('der Bericht für die öffentliche Sitzung enthält nichts Internes, der interne kennzeichnet es', async () => {
    const e = await adopted();
    const c = await t().signIn('koordination@musterland.example');
    const internalUpdates = await t().db.select({ text: measureUpdates.text }).from(measureUpdates).where(eq(measureUpdates.isPublic, false));
    assert.ok(internalUpdates.length > 0, 'the demo has internal Sachstände');
    const base = `/app/k/musterland/fassungen/${e.id}/bericht?von=2020-01-01&bis=2026-12-31`;
    for (const format of ['docx', 'pdf'] as const) {
      const extract = format === 'docx' ? docxText : pdfText;
      const get = async (audience: string) => {
        const res = await c.get(`${base}&publikum=${audience}&format=${format}`);
        assert.equal(res.status, 200, `${format} ${audience}: status`);
        return { name: res.headers.get('content-disposition') ?? '', text: (await extract(Buffer.from(await res.arrayBuffer()))).replace(/\s+/g, ' ') };
      };
      const pub = await get('oeffentlich');
      const internal = await get('intern');
      assert.doesNotMatch(pub.text, /Intern:|intern:|Personalwechsel|Honorarkräfte/, `${format}: the public report shows no internal Sachstand`);
      assert.match(pub.text, /öffentliche Sitzung/, `${format}: the public report names its audience`);
      assert.match(internal.text, /intern: (Personalwechsel|Die Anschlussfinanzierung|Der Mittelabruf|Zwei Honorarkräfte)/, `${format}: internal Sachstände are in the internal report, labelled`);
      assert.doesNotMatch(internal.text, /intern: Intern:/i, `${format}: labelled once, not twice`);
      assert.match(internal.text, /Interner Bericht/, `${format}: the internal report says it is internal`);
      assert.doesNotMatch(pub.text, /Aktiv vermittelte Ehrenamtliche/, `${format}: the public report leaves out the unpublished indicator`);
      assert.match(internal.text, /Aktiv vermittelte Ehrenamtliche in Integrationsprojekten \(intern\)/, `${format}: the internal report shows it, marked`);
      assert.match(pub.text, /Abschlussquote Sprachkurse B1/, `${format}: published indicators are in the public report`);
      assert.match(internal.name, /-intern\.(docx|pdf)/, `${format}: the file name says intern`);
      assert.doesNotMatch(pub.name, /intern/, `${format}: the public file name does not`);
    }
  });

  test('ohne gewählte Zielgruppe kein Bericht, sondern eine Meldung', async () => {
    const e = await adopted();
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`/app/k/musterland/fassungen/${e.id}/bericht?von=2026-01-01&bis=2026-02-01&format=pdf`);
    assert.equal(res.status, 422, 'status');
    assert.match(await res.text(), /Für wen ist der Bericht\?: Bitte einen der angebotenen Werte wählen/, 'message names the field');
  });

  test('ein ungültiger Zeitraum bekommt eine deutsche Meldung statt einer Datei', async () => {
    const e = await adopted();
    const c = await t().signIn('koordination@musterland.example');
    const res = await c.get(`/app/k/musterland/fassungen/${e.id}/bericht?von=2026-12-01&bis=2026-01-01&publikum=oeffentlich&format=pdf`);
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Das Ende darf nicht vor dem Beginn liegen/);
  });

  test('ohne Mitgliedschaft kein Bericht', async () => {
    const e = await adopted();
    const res = await t().client().get(`/app/k/musterland/fassungen/${e.id}/bericht?von=2024-01-01&bis=2026-11-21&publikum=oeffentlich&format=pdf`);
    assert.equal(res.status, 303);
  });
});
