import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Measure } from '../measures/service.js';
import { PageCache } from '../../platform/http/page-cache.js';
import { presentMeasure, presentMeasureRow, type PublicMeasure } from './present.js';
import { presentFields } from '../concepts/present.js';

const fieldRows = [
  { id: 'f1', title: 'Teilhabe durch Sprache', description: '', isCrossCutting: false },
  { id: 'q1', title: 'Geschlechtergleichstellung', description: '', isCrossCutting: true },
  { id: 'f2', title: 'Teilhabe durch Bildung', description: '', isCrossCutting: false },
  { id: 'q2', title: 'Interkulturelle Öffnung', description: '', isCrossCutting: true },
];

const measure = {
  tenantId: 'tenant-1',
  id: 'measure-1',
  editionId: 'edition-draft-or-not',
  fieldId: 'f2',
  number: '2.1.1',
  position: 3,
  title: 'Sprachkurse für Eltern',
  description: 'Eltern lernen Deutsch.',
  targetGroups: ['Eltern'],
  leadActorId: 'a1',
  horizon: 'mittel',
  startDate: '2025-09-01',
  endDate: null,
  priority: 'schwerpunkt',
  staffFte: '0.30',
  costEur: '18500.00',
  fundingSource: ' ',
  indicator: 'Teilnehmende',
  targetValue: '60 (2026)',
  status: 'in_umsetzung',
  sdgs: [10, 4],
  internalNote: 'GEHEIM: nur intern',
  createdAt: new Date(),
  updatedAt: new Date(),
  version: 7,
  goalIds: ['g2', 'g1', 'unknown-goal'],
  partnerActorIds: ['a3', 'a2'],
  crossCuttingIds: ['q2', 'q1'],
  municipalityIds: ['m2', 'm1'],
  // A column someone adds later must not leak either.
  contactEmail: 'person@example.org',
} as unknown as Measure;

const fields = presentFields(fieldRows);
const refs = {
  fields: new Map(fields.map((f) => [f.id, f])),
  goals: new Map([
    ['g1', { id: 'g1', fieldId: 'f2', kind: 'leitziel' as const, number: '2.0', title: 'Bildung für alle', description: '', position: 1 }],
    ['g2', { id: 'g2', fieldId: 'f2', kind: 'handlungsziel' as const, number: '2.1', title: 'Eltern beteiligen', description: '', position: 2 }],
  ]),
  actorNames: new Map([
    ['a1', 'Kreisvolkshochschule'],
    ['a2', 'Zentrum für Familien'],
    ['a3', 'Ärztekammer'],
  ]),
  municipalityNames: new Map([
    ['m1', 'Musterstadt'],
    ['m2', 'Heidewald'],
  ]),
};

describe('portal presenter', () => {
  test('the public measure has exactly the allow-listed fields', () => {
    const pub = presentMeasure(measure, refs);
    const allowed: (keyof PublicMeasure)[] = [
      'id', 'number', 'title', 'description', 'field', 'goals', 'targetGroups', 'leadName', 'partnerNames', 'horizon', 'startDate', 'endDate',
      'priority', 'staffFte', 'costEur', 'fundingSource', 'indicator', 'targetValue', 'status', 'crossCutting', 'sdgs', 'municipalities',
    ];
    assert.deepEqual(Object.keys(pub).sort(), [...allowed].sort());
    const json = JSON.stringify(pub);
    // The measure's id keys its translations (the public API names measures by id too).
    for (const secret of ['GEHEIM', 'internalNote', 'person@example.org', 'tenant-1', 'edition-draft-or-not', '"version"']) {
      assert.ok(!json.includes(secret), `${secret} must not be public`);
    }
  });

  test('references are resolved to names, in a stable order', () => {
    const pub = presentMeasure(measure, refs);
    assert.deepEqual(pub.field, { id: 'f2', title: 'Teilhabe durch Bildung', index: 2 });
    assert.deepEqual(pub.goals.map((g) => g.number), ['2.0', '2.1'], 'by position; unknown ids dropped');
    assert.equal(pub.leadName, 'Kreisvolkshochschule');
    assert.deepEqual(pub.partnerNames, ['Ärztekammer', 'Zentrum für Familien'], 'German alphabetical order');
    assert.deepEqual(pub.crossCutting, ['Geschlechtergleichstellung', 'Interkulturelle Öffnung']);
    assert.deepEqual(pub.municipalities, ['Heidewald', 'Musterstadt']);
    assert.deepEqual(pub.sdgs, [4, 10]);
    assert.equal(pub.staffFte, 0.3);
    assert.equal(pub.costEur, 18500);
    assert.equal(pub.fundingSource, null, 'blank text counts as not specified');
  });

  test('the presenter does not share arrays with the service object', () => {
    const pub = presentMeasure(measure, refs);
    pub.targetGroups.push('x');
    assert.deepEqual(measure.targetGroups, ['Eltern']);
  });

  test('fields and cross-cutting themes are numbered separately', () => {
    assert.deepEqual(fields.map((f) => [f.id, f.index]), [['f1', 1], ['q1', 1], ['f2', 2], ['q2', 2]]);
  });

  test('list rows keep only what the tables show', () => {
    const row = presentMeasureRow({ ...(measure as any), fieldTitle: 'Teilhabe durch Bildung', leadActorName: 'Kreisvolkshochschule', fieldPosition: 2 });
    assert.deepEqual(Object.keys(row).sort(), ['fieldId', 'fieldTitle', 'horizon', 'id', 'leadName', 'number', 'status', 'title']);
    assert.ok(!JSON.stringify(row).includes('GEHEIM'));
  });
});

describe('portal page cache', () => {
  test('entries expire after the time to live', () => {
    let now = 1_000;
    const cache = new PageCache<string>(30_000, 10, () => now);
    cache.set('/k/a/konzept', 'A');
    assert.equal(cache.get('/k/a/konzept'), 'A');
    now += 29_999;
    assert.equal(cache.get('/k/a/konzept'), 'A');
    now += 1;
    assert.equal(cache.get('/k/a/konzept'), undefined);
  });

  test('after the time to live an entry is served as stale for a while, then dropped', () => {
    let now = 1_000;
    const cache = new PageCache<string>(30_000, 10, () => now, 60_000);
    cache.set('/k/a/konzept', 'A');
    assert.deepEqual(cache.lookup('/k/a/konzept'), { value: 'A', fresh: true, group: undefined }, 'fresh within the time to live');
    now += 30_000;
    assert.deepEqual(cache.lookup('/k/a/konzept'), { value: 'A', fresh: false, group: undefined }, 'stale afterwards: served while rendering again');
    now += 59_999;
    assert.equal(cache.lookup('/k/a/konzept')?.fresh, false, 'still stale within the window');
    now += 1;
    assert.equal(cache.lookup('/k/a/konzept'), undefined, 'gone after the stale window');
  });

  test('the oldest entries make room when full', () => {
    const cache = new PageCache<string>(30_000, 2);
    cache.set('1', 'one');
    cache.set('2', 'two');
    cache.set('3', 'three');
    assert.equal(cache.size, 2);
    assert.equal(cache.get('1'), undefined);
    assert.equal(cache.get('3'), 'three');
  });

  test('invalidate drops the pages of one Kommune only', () => {
    const cache = new PageCache<string>();
    cache.set('/k/a', 'x');
    cache.set('/k/a?lang=en', 'x');
    cache.set('/k/a/konzept?status=geplant', 'x');
    cache.set('/k/ab/konzept', 'y');
    cache.invalidate('a');
    assert.equal(cache.size, 1);
    assert.equal(cache.get('/k/ab/konzept'), 'y');
  });
});
