import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changeCount, diffEditions, normaliseTitle, shareLineage, type EditionSnapshot, type SnapshotItem } from './diff.js';
import { addMonths } from '../../platform/dates.js';
import { nextUpdateDue } from './service.js';

// Small builders: an item's id doubles as its root unless told otherwise.
const item = (id: string, over: Partial<SnapshotItem> & { values?: Record<string, string> } = {}): SnapshotItem => ({
  id,
  root: over.root ?? id,
  key: over.key ?? normaliseTitle(over.title ?? over.values?.title ?? id),
  number: over.number ?? over.values?.number ?? '',
  title: over.title ?? over.values?.title ?? id,
  values: { title: over.title ?? id, ...over.values },
  refs: over.refs ?? {},
});

const measure = (id: string, number: string, title: string, values: Record<string, string> = {}, over: Partial<SnapshotItem> = {}) =>
  item(id, { number, title, key: number, ...over, values: { number, title, status: 'geplant', lead: 'Fachdienst Soziales', ...values } });

const snapshot = (id: string, parts: Partial<Omit<EditionSnapshot, 'edition'>> = {}): EditionSnapshot => ({
  edition: { id, title: id, status: 'entwurf', adoptedOn: null },
  guidelines: parts.guidelines ?? [],
  fields: parts.fields ?? [],
  goals: parts.goals ?? [],
  measures: parts.measures ?? [],
});

describe('diffEditions', () => {
  test('identical editions: nothing changed, everything counted as unchanged', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'Sprachcafé'), measure('m2', '1.1.2', 'Elternkurs')], guidelines: [item('g1', { number: '1', title: 'Teilhabe' })] });
    const d = diffEditions(a, a);
    assert.equal(changeCount(d), 0);
    assert.deepEqual(d.unchanged, { guidelines: 1, fields: 0, goals: 0, measures: 2 });
    assert.equal(d.matchedBy, 'lineage', 'an edition shares lineage with itself');
  });

  test('lineage: a copy with changed title and lead is "changed", field by field, old → new', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'Sprachcafé'), measure('m2', '1.1.2', 'Elternkurs')] });
    const b = snapshot('b', {
      measures: [
        measure('c1', '1.1.1', 'Sprachcafé im Familienzentrum', { lead: 'Jobcenter' }, { root: 'm1' }),
        measure('c2', '1.1.2', 'Elternkurs', {}, { root: 'm2' }),
      ],
    });
    const d = diffEditions(a, b);
    assert.equal(d.matchedBy, 'lineage');
    assert.deepEqual(d.items.measures, [
      {
        change: 'changed',
        number: '1.1.1',
        title: 'Sprachcafé im Familienzentrum',
        idBefore: 'm1',
        idAfter: 'c1',
        fields: [
          { field: 'title', before: 'Sprachcafé', after: 'Sprachcafé im Familienzentrum' },
          { field: 'lead', before: 'Fachdienst Soziales', after: 'Jobcenter' },
        ],
      },
    ]);
    assert.equal(d.unchanged.measures, 1);
  });

  test('lineage: a renumbered measure is the same measure with a new number, not removed + added', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'Sprachcafé')] });
    const b = snapshot('b', { measures: [measure('c1', '2.1.4', 'Sprachcafé', {}, { root: 'm1' })] });
    const d = diffEditions(a, b);
    assert.equal(d.items.measures.length, 1);
    assert.equal(d.items.measures[0]!.change, 'changed');
    assert.deepEqual(d.items.measures[0]!.fields, [{ field: 'number', before: '1.1.1', after: '2.1.4' }]);
  });

  test('lineage: a deleted measure and a new one with the same number are removed + added, not "changed"', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'Sprachcafé'), measure('m2', '1.1.2', 'Elternkurs')] });
    const b = snapshot('b', { measures: [measure('c1', '1.1.1', 'Sprachcafé', {}, { root: 'm1' }), measure('n1', '1.1.2', 'Mentoring')] });
    const d = diffEditions(a, b);
    assert.deepEqual(
      d.items.measures.map((i) => [i.change, i.number, i.title]),
      [
        ['added', '1.1.2', 'Mentoring'],
        ['removed', '1.1.2', 'Elternkurs'],
      ],
    );
    const added = d.items.measures[0]!;
    assert.equal(added.idAfter, 'n1');
    assert.equal(added.idBefore, undefined);
    assert.deepEqual(added.fields.find((f) => f.field === 'title'), { field: 'title', before: '', after: 'Mentoring' });
    assert.ok(added.fields.every((f) => f.before === '' && f.after !== ''), 'added: every field with a value, nothing before');
    const removed = d.items.measures[1]!;
    assert.ok(removed.fields.every((f) => f.after === '' && f.before !== ''), 'removed: every field with a value, nothing after');
  });

  test('lineage over several Fortschreibungen: roots match across 2020 → 2026', () => {
    const a = snapshot('2020', { goals: [item('g2020', { number: '1.1', values: { number: '1.1', title: 'Deutsch lernen' } })] });
    const b = snapshot('2026', { goals: [item('g2026', { root: 'g2020', number: '1.2', values: { number: '1.2', title: 'Deutsch lernen' } })] });
    const d = diffEditions(a, b);
    assert.deepEqual(d.items.goals.map((g) => g.fields), [[{ field: 'number', before: '1.1', after: '1.2' }]]);
  });

  test('without lineage: measures and goals match by number, Leitlinien and Themenfelder by title (case and spaces ignored)', () => {
    const a = snapshot('a', {
      guidelines: [item('ga', { number: '1', title: 'Vielfalt als Stärke', values: { text: 'alt' } })],
      fields: [item('fa', { number: '1', title: 'Sprache' })],
      measures: [measure('ma', '1.1.1', 'Sprachcafé', { status: 'geplant' }), measure('ma2', '1.1.2', 'Elternkurs')],
    });
    const b = snapshot('b', {
      guidelines: [item('gb', { number: '2', title: 'Vielfalt  als stärke', key: normaliseTitle('Vielfalt  als stärke'), values: { title: 'Vielfalt als Stärke', text: 'neu' } })],
      fields: [item('fb', { number: '1', title: 'Sprache' })],
      measures: [measure('mb', '1.1.1', 'Sprachcafé', { status: 'in Umsetzung' }), measure('mb3', '1.1.3', 'Lotsen')],
    });
    const d = diffEditions(a, b);
    assert.equal(d.matchedBy, 'key');
    assert.deepEqual(d.items.guidelines.map((i) => [i.change, i.fields]), [['changed', [{ field: 'text', before: 'alt', after: 'neu' }]]]);
    assert.deepEqual(d.items.fields, []);
    assert.deepEqual(
      d.items.measures.map((i) => [i.change, i.number]),
      [
        ['removed', '1.1.2'],
        ['added', '1.1.3'],
      ],
      'a status change is no content change',
    );
    assert.equal(d.unchanged.measures, 1, '1.1.1 counts as unchanged content');
    assert.deepEqual(d.implementation.map((i) => [i.number, i.fields]), [['1.1.1', [{ field: 'status', before: 'geplant', after: 'in Umsetzung' }]]], 'the status change in the implementation section');
  });

  test('a renamed Themenfeld shows once (in Themenfelder), not as a change of every measure and goal in it', () => {
    const fieldA = item('fa', { number: '1', title: 'Sprache' });
    const fieldB = item('fb', { number: '1', title: 'Sprache und Bildung', root: 'fa' });
    const a = snapshot('a', {
      fields: [fieldA],
      measures: [measure('m1', '1.1.1', 'Sprachcafé', { field: 'Sprache' }, { refs: { field: [{ root: 'fa', key: 'sprache' }] } })],
    });
    const b = snapshot('b', {
      fields: [fieldB],
      measures: [measure('c1', '1.1.1', 'Sprachcafé', { field: 'Sprache und Bildung' }, { root: 'm1', refs: { field: [{ root: 'fa', key: 'sprache und bildung' }] } })],
    });
    const d = diffEditions(a, b);
    assert.deepEqual(d.items.fields.map((f) => f.fields), [[{ field: 'title', before: 'Sprache', after: 'Sprache und Bildung' }]]);
    assert.deepEqual(d.items.measures, []);
  });

  test('moving a measure to another Ziel is a change even when the Ziel is found by lineage', () => {
    const refs = (root: string, key: string) => ({ goals: [{ root, key }] });
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'Sprachcafé', { goals: '1.1 Deutsch lernen' }, { refs: refs('g1', '1.1') })] });
    const b = snapshot('b', { measures: [measure('c1', '1.1.1', 'Sprachcafé', { goals: '1.2 Arbeit finden' }, { root: 'm1', refs: refs('g2', '1.2') })] });
    assert.deepEqual(diffEditions(a, b).items.measures[0]!.fields, [{ field: 'goals', before: '1.1 Deutsch lernen', after: '1.2 Arbeit finden' }]);
  });

  test('without lineage, references compare by their key: a Ziel renamed but with the same number is no change of the measure', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'X', { goals: '1.1 Deutsch lernen' }, { refs: { goals: [{ root: 'g1', key: '1.1' }] } })] });
    const b = snapshot('b', { measures: [measure('m9', '1.1.1', 'X', { goals: '1.1 Deutsch lernen und sprechen' }, { refs: { goals: [{ root: 'g9', key: '1.1' }] } })] });
    const d = diffEditions(a, b);
    assert.equal(d.matchedBy, 'key');
    assert.deepEqual(d.items.measures, []);
  });

  test('comparing backwards (newer → older) swaps added and removed', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1.1', 'Sprachcafé')] });
    const b = snapshot('b', { measures: [measure('c1', '1.1.1', 'Sprachcafé', {}, { root: 'm1' }), measure('n1', '1.1.2', 'Neu')] });
    assert.deepEqual(diffEditions(a, b).items.measures.map((i) => i.change), ['added']);
    assert.deepEqual(diffEditions(b, a).items.measures.map((i) => i.change), ['removed']);
  });

  test('results are sorted by number naturally (1.2.9 before 1.2.10), changed before added before removed', () => {
    const a = snapshot('a', { measures: [measure('m10', '1.2.10', 'Zehn'), measure('m2', '1.2.2', 'Zwei')] });
    const b = snapshot('b', {
      measures: [measure('c10', '1.2.10', 'Zehn (neu)', {}, { root: 'm10' }), measure('n9', '1.2.9', 'Neun'), measure('n2', '1.2.2', 'Zwei, neu')],
    });
    assert.deepEqual(
      diffEditions(a, b).items.measures.map((i) => `${i.change} ${i.number}`),
      ['added 1.2.2', 'removed 1.2.2', 'added 1.2.9', 'changed 1.2.10'],
    );
  });

  test('duplicate keys are matched first come, first served; the rest counts as added', () => {
    const a = snapshot('a', { measures: [measure('m1', '1.1', 'A')] });
    const b = snapshot('b', { measures: [measure('b1', '1.1', 'A'), measure('b2', '1.1', 'A')] });
    const d = diffEditions(a, b);
    assert.deepEqual(d.items.measures.map((i) => [i.change, i.idAfter]), [['added', 'b2']]);
    assert.equal(d.unchanged.measures, 1);
  });

  test('shareLineage looks at every kind', () => {
    const a = snapshot('a', { fields: [item('f1')] });
    assert.equal(shareLineage(a, snapshot('b', { fields: [item('f2', { root: 'f1' })] })), true);
    assert.equal(shareLineage(a, snapshot('b', { fields: [item('f2')] })), false);
  });
});

describe('nextUpdateDue', () => {
  const today = (iso: string) => new Date(`${iso}T12:00:00Z`);
  test('adoption date plus the interval; overdue only after that day', () => {
    const tenant = { updateIntervalMonths: 24 };
    const adopted = { adoptedOn: '2024-12-16' };
    assert.deepEqual(nextUpdateDue(tenant, adopted, today('2026-12-16')), { due: '2026-12-16', overdue: false });
    assert.deepEqual(nextUpdateDue(tenant, adopted, today('2026-12-17')), { due: '2026-12-16', overdue: true });
    assert.deepEqual(nextUpdateDue({ updateIntervalMonths: 12 }, adopted, today('2025-01-01')), { due: '2025-12-16', overdue: false });
  });
  test('no adopted edition or no date: undefined', () => {
    assert.equal(nextUpdateDue({ updateIntervalMonths: 24 }, undefined), undefined);
    assert.equal(nextUpdateDue({ updateIntervalMonths: 24 }, { adoptedOn: null }), undefined);
  });
  test('month arithmetic keeps the day or takes the last day of a shorter month', () => {
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2023-01-31', 1), '2023-02-28');
    assert.equal(addMonths('2024-11-30', 3), '2025-02-28');
    assert.equal(addMonths('2024-12-16', 60), '2029-12-16');
    assert.equal(addMonths('2024-05-15', 7), '2024-12-15');
  });
});

describe('defaultFortschreibungTitle', () => {
  test('takes the new year and marks a Fortschreibung once, also when the adopted edition was one', async () => {
    const { defaultFortschreibungTitle } = await import('./service.js');
    assert.equal(defaultFortschreibungTitle({ title: 'Integrationskonzept 2024' }, 2026), 'Integrationskonzept 2026 (Fortschreibung)', 'year replaced');
    assert.equal(defaultFortschreibungTitle({ title: 'Integrationskonzept 2026 (Fortschreibung)' }, 2028), 'Integrationskonzept 2028 (Fortschreibung)', 'no second mark');
    assert.equal(defaultFortschreibungTitle({ title: 'Integrationskonzept 2024 – Fortschreibung 2026' }, 2028), 'Integrationskonzept 2028 (Fortschreibung)', 'old style mark removed');
    assert.equal(defaultFortschreibungTitle({ title: 'Integrationskonzept des Kreises' }, 2026), 'Integrationskonzept des Kreises 2026 (Fortschreibung)', 'year added');
  });
});
