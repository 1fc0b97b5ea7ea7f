/**
 * The XLIFF 2.0 file a translator gets (issue 12.2) is valid against the official OASIS XLIFF 2.0
 * core schema, checked by libxml2's xmllint: the export as it leaves ikon and the file as a CAT
 * tool sends it back (with <target> elements).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestApp, type TestApp } from '../support/harness.js';
import { validateXliff, xmllintMissing } from '../support/xliff-schema.js';

const app = '/app/k/musterland';

describe('XLIFF 2.0 export against the OASIS core schema', { skip: await xmllintMissing() }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t.close());

  test('the schema check rejects what XLIFF 2.0 forbids (a unit without a segment, a file without an id)', async () => {
    const bad = '<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de"><file><unit id="u1"/></file></xliff>';
    const result = await validateXliff(bad);
    assert.equal(result.valid, false, 'an invalid document is refused');
    assert.match(result.messages, /'id' is required/, result.messages);
  });

  for (const lang of ['uk', 'ar', 'en'] as const) {
    test(`export (${lang}) and the translator's return file are valid XLIFF 2.0`, async () => {
      const c = await t.signIn('koordination@musterland.example');
      const res = await c.get(`${app}/uebersetzungen/export.xlf?sprache=${lang}`);
      assert.equal(res.status, 200);
      const exported = await res.text();
      assert.ok((exported.match(/<unit /g) ?? []).length > 50, 'the file has the texts to translate');
      const plain = await validateXliff(exported);
      assert.ok(plain.valid, `export: ${plain.messages.slice(0, 2000)}`);

      // As a CAT tool returns it: every segment with a <target>, marked translated.
      const returned = exported.replace(/<segment state="initial">([\s\S]*?<\/source>)<\/segment>/g, '<segment state="translated">$1<target xml:space="preserve">Übersetzt &amp; fertig</target></segment>');
      assert.notEqual(returned, exported, 'targets were added');
      const filled = await validateXliff(returned);
      assert.ok(filled.valid, `return file: ${filled.messages.slice(0, 2000)}`);
    });
  }
});
