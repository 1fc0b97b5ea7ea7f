import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { actorKinds } from '../src/modules/actors/schema.js';
import { editionStatuses, goalKinds } from '../src/modules/concepts/schema.js';
import { modules } from '../src/modules/index.js';
import { horizons, measureStatuses, priorities, sdgGoals } from '../src/modules/measures/schema.js';
import { catalogs, useModuleMessages } from '../src/platform/i18n/catalogs.js';
import { de } from '../src/platform/i18n/de.js';
import { en } from '../src/platform/i18n/en.js';
import { languages, localeOf } from '../src/platform/i18n/languages.js';
import { formatNumber, translator } from '../src/platform/i18n/i18n.js';
import { platformPublicKeys, publicTranslations } from '../src/platform/i18n/public/index.js';
import { roles, tenantKinds } from '../src/platform/tenancy/schema.js';

// The catalogs as the application composes them: the platform's texts plus every manifest's.
const moduleMessages = modules.flatMap((m) => m.messages ?? []);
useModuleMessages(moduleMessages);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** A key exists as a plain message or as a plural one (`key.one` / `key.other`). */
const known = (key: string) => key in catalogs.de || `${key}.other` in catalogs.de;

test('every literal message key used in the code exists in the German catalog', () => {
  const missing = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt'?\)?\(\s*'([a-z_]+\.[a-z0-9_.]+)'/g)) {
      if (!known(m[1]!)) missing.add(`${m[1]} (${file})`);
    }
    for (const m of text.matchAll(/messageKey: '([a-z_]+\.[a-z0-9_.]+)'/g)) {
      if (!known(m[1]!)) missing.add(`${m[1]} (${file})`);
    }
  }
  assert.deepEqual([...missing], []);
});

test('every value of every vocabulary has a label', () => {
  const keys = [
    ...actorKinds.map((k) => `actor_kind.${k}`),
    ...editionStatuses.map((k) => `edition_status.${k}`),
    ...goalKinds.map((k) => `goal_kind.${k}`),
    ...horizons.map((k) => `horizon.${k}`),
    ...measureStatuses.map((k) => `measure_status.${k}`),
    ...priorities.map((k) => `priority.${k}`),
    ...sdgGoals.map((k) => `sdg.${k}`),
    ...roles.map((k) => `role.${k}`),
    ...tenantKinds.map((k) => `tenant_kind.${k}`),
  ];
  assert.deepEqual(keys.filter((k) => !(k in catalogs.de)), []);
});

test('the English catalog has every shared key and every key of public-facing modules', () => {
  const missingShared = Object.keys(de).filter((k) => !(k in en));
  assert.deepEqual(missingShared, [], 'keys missing in platform/i18n/en.ts');
  for (const m of moduleMessages.filter((x) => !x.internalOnly)) {
    assert.deepEqual(Object.keys(m.de).filter((k) => !(k in m.en)), [], 'keys missing in a module catalog');
  }
});

// The public interface (the portal's frame and every `publicInterface` catalog) in every language.
const pluralBase = (k: string) => k.replace(/\.(zero|one|two|few|many|other)$/, '');
const isPlural = (k: string) => /\.(zero|one|two|few|many|other)$/.test(k);

test('the public interface has every message in every language', () => {
  const publicCatalogs = moduleMessages.filter((m) => m.publicInterface);
  assert.ok(publicCatalogs.length >= 4, 'the portal, measures, progress and indicators catalogs are public');
  for (const lang of languages) {
    const missing: string[] = [];
    const has = (k: string) => k in catalogs[lang];
    for (const k of platformPublicKeys) if (!has(k)) missing.push(k);
    for (const m of publicCatalogs) {
      const own = lang === 'de' ? m.de : lang === 'en' ? m.en : (m.translations?.[lang] ?? {});
      const bases = new Set(Object.keys(m.de).map((k) => (isPlural(k) ? pluralBase(k) : k)));
      for (const k of Object.keys(m.de)) if (!isPlural(k) && !(k in own)) missing.push(k);
      // A plural message needs every category the language's plural rules have (Intl's CLDR
      // data): one/other in German, English, Turkish and Persian; one/few/many/other in Ukrainian
      // and Russian; zero/one/two/few/many/other in Arabic.
      const categories = new Intl.PluralRules(localeOf(lang)).resolvedOptions().pluralCategories;
      for (const b of [...bases].filter((b) => `${b}.other` in m.de)) {
        for (const c of categories) if (!(`${b}.${c}` in own)) missing.push(`${b}.${c}`);
      }
    }
    assert.deepEqual(missing, [], `${lang}: public messages missing`);
  }
});

test('Arabic has six plural categories, and a count picks the form of its category', () => {
  assert.deepEqual([...new Intl.PluralRules(localeOf('ar')).resolvedOptions().pluralCategories].sort(), ['few', 'many', 'one', 'other', 'two', 'zero']);
  const t = translator('ar');
  const forms = [0, 1, 2, 3, 11, 100].map((count) => t('portal.search.count', { count, q: 'Kita' }));
  assert.equal(new Set(forms).size, 6, `six different forms: ${forms.join(' | ')}`);
  assert.equal(forms[0], 'لا توجد نتائج لـ «Kita»');
  assert.equal(forms[2], 'نتيجتان لـ «Kita»');
  assert.equal(forms[3], `${formatNumber('ar', 3)} نتائج لـ «Kita»`);
});

test('translations hold no key the German catalog does not have', () => {
  const germanKeys = new Set(Object.keys(catalogs.de));
  for (const m of moduleMessages) {
    for (const [lang, catalog] of Object.entries(m.translations ?? {})) {
      const stray = Object.keys(catalog).filter((k) => !(isPlural(k) ? `${pluralBase(k)}.other` in m.de : k in m.de));
      assert.deepEqual(stray, [], `${lang}: keys without a German message`);
    }
  }
  for (const [lang, catalog] of Object.entries(publicTranslations)) {
    assert.deepEqual(Object.keys(catalog).filter((k) => !germanKeys.has(k)), [], `${lang}: platform keys without a German message`);
  }
});

test('placeholders of every translation are those of the German message', () => {
  const names = (v: string) => [...v.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort().join(',');
  for (const lang of languages.filter((l) => l !== 'de')) {
    const wrong = Object.entries(catalogs[lang])
      .filter(([k]) => !isPlural(k) && k in catalogs.de)
      .filter(([k, v]) => names(v) !== names(catalogs.de[k]!))
      .map(([k]) => k);
    assert.deepEqual(wrong, [], `${lang}: placeholders differ from German`);
  }
});

test('no module redefines a key of another catalog', () => {
  const seen = new Map<string, number>();
  for (const k of [...Object.keys(de), ...moduleMessages.flatMap((m) => Object.keys(m.de))]) seen.set(k, (seen.get(k) ?? 0) + 1);
  assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([k]) => k), []);
});

test('every plural message has its "other" form, in every language that has the message', () => {
  for (const lang of languages) {
    const keys = Object.keys(catalogs[lang]);
    const orphans = keys.filter((k) => /\.(zero|one|two|few|many)$/.test(k) && !keys.includes(k.replace(/\.\w+$/, '.other')));
    assert.deepEqual(orphans, [], `${lang}: plural forms without ".other"`);
  }
});

// A number followed by a plural noun in a plain message reads "1 Maßnahmen" when the number is 1:
// such a message needs its ".one" and ".other" forms (src/platform/i18n/i18n.ts).
const pluralNouns = /\{\w+\} (Maßnahmen|Leitlinien|Themenfelder|Ziele|Indikatoren|Sachstandsmeldungen|Sachstände|Akteure|Personen|Hinweise|Änderungen|Monaten|Monate|Tagen|Tage|Minuten|Zeilen|Werte|measures|indicators|goals|actors|people|changes|months|days|minutes|rows|values|errors|results)\b/;

test('no plain message puts a count before a plural noun', () => {
  for (const lang of ['de', 'en'] as const) {
    const slips = Object.entries(catalogs[lang]).filter(([k, v]) => !k.endsWith('.other') && pluralNouns.test(v)).map(([k]) => k);
    assert.deepEqual(slips, [], `${lang}: messages that need plural forms`);
  }
});
