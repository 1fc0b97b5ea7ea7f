import type ExcelJS from 'exceljs';
import type { T } from '../../platform/i18n/i18n.js';
import { languageNames } from '../../platform/i18n/languages.js';
import type { TranslationLang } from '../../platform/translations/sources.js';
import { translationColumns, type TranslationColumn } from './columns.js';
import type { TranslationUnit } from './units.js';

/** What goes to the translator: the texts without a current translation. */
export const toTranslate = (units: readonly TranslationUnit[]) => units.filter((u) => u.state !== 'current');

const itemName = (t: T, u: TranslationUnit) => u.itemLabel || t(u.source.labelKey);

/** "uebersetzung-ar-2026-11-30.xlsx" */
export const exportFileName = (lang: TranslationLang, ext: 'xlsx' | 'xlf', today = new Date()) => `uebersetzung-${lang}-${today.toISOString().slice(0, 10)}.${ext}`;

const greyed: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };

/**
 * .xlsx with one sheet: one row per German text to translate, the translation column empty (an
 * outdated translation stands beside it as "Bisherige Übersetzung", so an unchanged file never
 * turns an outdated translation current). Frozen heading row, wrapped text.
 */
export async function toTranslationXlsx(t: T, lang: TranslationLang, units: TranslationUnit[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ikon';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Übersetzungen', { views: [{ state: 'frozen', ySplit: 1 }] });
  const keys = Object.keys(translationColumns) as TranslationColumn[];
  sheet.columns = keys.map((k) => ({ header: k === 'target' ? `${translationColumns.target.heading} (${languageNames[lang]})` : translationColumns[k].heading, key: k, width: translationColumns[k].width }));
  for (const u of units) {
    const value: Record<TranslationColumn, string> = {
      key: u.key,
      kind: t(u.source.labelKey),
      item: itemName(t, u),
      field: t(u.field.labelKey),
      state: t(`translations.state.${u.state}`),
      german: u.german,
      previous: u.state === 'outdated' ? (u.translation?.text ?? '') : '',
      target: '',
    };
    sheet.addRow(value);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  for (const k of ['german', 'previous', 'target'] as const) sheet.getColumn(k).alignment = { wrapText: true, vertical: 'top' };
  for (const k of ['key', 'kind', 'item', 'field', 'state', 'german', 'previous'] as const) {
    sheet.getColumn(k).eachCell({ includeEmpty: false }, (cell, row) => {
      if (row > 1) cell.fill = greyed;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * XLIFF 2.0 (OASIS, core only): one <unit> per text, id = the key, the German text as <source>, no
 * <target> (an outdated translation goes into a note, for the same reason as in the .xlsx).
 * `xml:space="preserve"` keeps the texts' line breaks.
 */
export function toXliff(t: T, lang: TranslationLang, fileId: string, units: TranslationUnit[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="${lang}">`,
    `  <file id="${escapeXml(fileId)}">`,
  ];
  for (const u of units) {
    out.push(`    <unit id="${escapeXml(u.key)}" name="${escapeXml(`${t(u.source.labelKey)}: ${itemName(t, u)} – ${t(u.field.labelKey)}`)}">`);
    out.push('      <notes>');
    out.push(`        <note category="state">${escapeXml(t(`translations.state.${u.state}`))}</note>`);
    if (u.state === 'outdated' && u.translation) out.push(`        <note category="previous-translation">${escapeXml(u.translation.text)}</note>`);
    out.push('      </notes>');
    out.push(`      <segment state="initial"><source xml:space="preserve">${escapeXml(u.german)}</source></segment>`);
    out.push('    </unit>');
  }
  out.push('  </file>', '</xliff>', '');
  return out.join('\n');
}
