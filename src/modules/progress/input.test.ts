import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { tinyPdf } from './demo.js';
import { cleanFileName, maxAttachmentBytes, measureUpdateInput, todayInGermany } from './input.js';

const base = { status: 'in_umsetzung', text: 'Kurs läuft seit März, 14 Teilnehmende.', version: '3' };
const errorsOf = (input: unknown) => {
  try {
    parseInput(measureUpdateInput, input);
  } catch (e) {
    if (e instanceof AppError) return Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.messageKey]));
    throw e;
  }
  return {};
};
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

test('form strings: blank progress is "not given", a checkbox is a boolean, the date defaults later', () => {
  const d = parseInput(measureUpdateInput, { ...base, progress: '', reportedOn: '' });
  assert.equal(d.progress, null);
  assert.equal(d.isPublic, false);
  assert.equal(d.reportedOn, null);
  assert.equal(d.version, 3);
  assert.equal(parseInput(measureUpdateInput, { ...base, progress: '45 %', isPublic: 'on' }).progress, 45);
  assert.equal(parseInput(measureUpdateInput, { ...base, isPublic: 'on' }).isPublic, true);
  assert.equal(parseInput(measureUpdateInput, { ...base, isPublic: true, progress: 100 }).isPublic, true);
});

test('progress 0–100 in whole percent; a real date, not in the future; text and status required', () => {
  assert.equal(errorsOf({ ...base, progress: '101' }).progress, 'validation.progress_percent_range');
  assert.equal(errorsOf({ ...base, progress: '-5' }).progress, 'validation.progress_percent_range');
  assert.equal(errorsOf({ ...base, progress: '45,5' }).progress, 'validation.progress_whole_percent');
  assert.equal(errorsOf({ ...base, progress: 'viel' }).progress, 'validation.number');
  assert.equal(errorsOf({ ...base, reportedOn: '2025-02-30' }).reportedOn, 'validation.date');
  const tomorrow = new Date(Date.now() + 36 * 3600_000);
  assert.equal(errorsOf({ ...base, reportedOn: todayInGermany(tomorrow) }).reportedOn, 'validation.report_date_in_future');
  assert.deepEqual(errorsOf({ ...base, reportedOn: todayInGermany() }), {});
  const missing = errorsOf({ version: '1', text: '  ' });
  assert.equal(missing.text, 'validation.required');
  assert.equal(missing.status, 'validation.invalid_choice');
});

test('attachments: PDF, DOCX, XLSX, PNG, JPG by extension AND content, at most 5 MB', () => {
  const pdf = tinyPdf('Sachbericht', ['Zeile']);
  const ok = parseInput(measureUpdateInput, { ...base, attachment: { name: 'C:\\Users\\x\\Bericht März.pdf', type: 'application/pdf', bytes: pdf } });
  assert.deepEqual({ name: ok.attachment!.name, type: ok.attachment!.type }, { name: 'Bericht März.pdf', type: 'application/pdf' });
  // Browsers sometimes send no or a generic type; the stored type is the canonical one.
  assert.equal(parseInput(measureUpdateInput, { ...base, attachment: { name: 'foto.JPG', type: '', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]) } }).attachment!.type, 'image/jpeg');
  assert.equal(parseInput(measureUpdateInput, { ...base, attachment: { name: 'x.docx', type: 'application/octet-stream', bytes: Buffer.from('PK\x03\x04rest', 'latin1') } }).attachment!.type.includes('wordprocessingml'), true);
  assert.equal(parseInput(measureUpdateInput, { ...base, attachment: { name: 'bild.png', type: 'image/png', bytes: png } }).attachment!.type, 'image/png');

  assert.equal(errorsOf({ ...base, attachment: { name: 'tool.exe', type: 'application/x-msdownload', bytes: Buffer.from('MZ') } }).attachment, 'validation.attachment_type');
  assert.equal(errorsOf({ ...base, attachment: { name: 'fake.pdf', type: 'application/pdf', bytes: Buffer.from('<html>') } }).attachment, 'validation.attachment_type', 'content must match the extension');
  assert.equal(errorsOf({ ...base, attachment: { name: 'bild.png', type: 'text/html', bytes: png } }).attachment, 'validation.attachment_type', 'a contradicting declared type');
  assert.equal(errorsOf({ ...base, attachment: { name: 'Bericht.svg', type: 'image/svg+xml', bytes: Buffer.from('<svg/>') } }).attachment, 'validation.attachment_type');
  assert.equal(errorsOf({ ...base, attachment: { name: 'leer.pdf', type: 'application/pdf', bytes: Buffer.alloc(0) } }).attachment, 'validation.attachment_empty');
  const big = Buffer.concat([pdf, Buffer.alloc(maxAttachmentBytes)]);
  assert.equal(errorsOf({ ...base, attachment: { name: 'gross.pdf', type: 'application/pdf', bytes: big } }).attachment, 'validation.attachment_too_large');
  const exactly = Buffer.concat([pdf, Buffer.alloc(maxAttachmentBytes - pdf.length)]);
  assert.deepEqual(errorsOf({ ...base, attachment: { name: 'genau5.pdf', type: 'application/pdf', bytes: exactly } }), {});
});

test('file names lose paths and control characters and stay short', () => {
  assert.equal(cleanFileName('../../etc/passwd.pdf'), 'passwd.pdf');
  assert.equal(cleanFileName('a"b\u0000c.pdf'), 'abc.pdf');
  const long = cleanFileName(`${'x'.repeat(300)}.xlsx`);
  assert.equal(long.length, 200);
  assert.ok(long.endsWith('.xlsx'));
});
