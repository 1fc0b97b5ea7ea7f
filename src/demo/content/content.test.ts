/// <reference types="node" />
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoContent } from './index.js';
import type { ActorKind, DemoGoal, DemoMeasure, Horizon, MeasureStatus, Priority } from './types.js';

const { municipalities, actors, guidelines, fields, goals, measures } = demoContent;

const ACTOR_KINDS: ActorKind[] = [
  'verwaltung', 'jobcenter', 'schule', 'kita', 'wohlfahrtsverband', 'migrantenorganisation', 'verein', 'sport',
  'kammer', 'arbeitgeber', 'initiative', 'beratung', 'bildungstraeger', 'gesundheit', 'sonstige',
];
const HORIZONS: Horizon[] = ['kurz', 'mittel', 'lang'];
const PRIORITIES: Priority[] = ['schwerpunkt', 'quick_win', 'normal'];
const STATUSES: MeasureStatus[] = ['geplant', 'in_umsetzung', 'umgesetzt', 'verstetigt', 'zurueckgestellt', 'entfallen'];
const ALLOWED_SDGS = new Set([4, 5, 8, 10, 11, 16, 17]);

const EXPECTED_FIELDS = [
  { key: 'sprache', title: 'Teilhabe durch Sprache', crossCutting: false },
  { key: 'bildung', title: 'Teilhabe durch Bildung', crossCutting: false },
  { key: 'arbeit', title: 'Teilhabe durch Arbeit und Beruf', crossCutting: false },
  { key: 'gesundheit', title: 'Gesundheit und Pflege', crossCutting: false },
  { key: 'teilhabe', title: 'Gesellschaftliche Teilhabe', crossCutting: false },
  { key: 'ehrenamt', title: 'Ehrenamt und Engagement', crossCutting: false },
  { key: 'gleichstellung', title: 'Geschlechtergleichstellung', crossCutting: true },
  { key: 'interkulturelle-oeffnung', title: 'Interkulturelle Öffnung', crossCutting: true },
];

const municipalityAgs = new Set(municipalities.map((m) => m.ags));
const actorKeys = new Set(actors.map((a) => a.key));
const fieldByKey = new Map(fields.map((f) => [f.key, f]));
const mainFields = fields.filter((f) => !f.crossCutting);
const crossCuttingKeys = new Set(fields.filter((f) => f.crossCutting).map((f) => f.key));
const goalByKey = new Map(goals.map((g) => [g.key, g]));

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Counts sentences, ignoring dots after digits ("21. März") and common abbreviations. */
function sentenceCount(text: string): number {
  const cleaned = text.replace(/\b(z\. ?B|e\. ?V|d\. ?h|u\. ?a|bzw|ggf|ca|Nr|Abs)\./g, '$1');
  const matches = cleaned.match(/(?<!\d)[.!?](?=\s|$)/g);
  return matches ? matches.length : 0;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function assertUnique<T>(values: T[], label: string): void {
  const seen = new Set<T>();
  for (const v of values) {
    assert.ok(!seen.has(v), `${label}: duplicate ${String(v)}`);
    seen.add(v);
  }
}

function share(predicate: (m: DemoMeasure) => boolean): number {
  return measures.filter(predicate).length / measures.length;
}

function text(m: DemoMeasure): string {
  return `${m.title} ${m.description}`;
}

test('municipalities: at least 8, fictional AGS 034990xx, unique slugs, both kinds', () => {
  assert.ok(municipalities.length >= 8, `only ${municipalities.length} municipalities`);
  for (const m of municipalities) {
    assert.match(m.ags, /^034990\d{2}$/, `AGS ${m.ags}`);
    assert.equal(m.ags.length, 8);
    assert.ok(m.name.trim().length > 0);
    assert.match(m.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, `slug ${m.slug}`);
    assert.equal(m.slug, slugify(m.name), `slug of ${m.name}`);
    assert.ok(m.kind === 'gemeinde' || m.kind === 'samtgemeinde');
  }
  assertUnique(municipalities.map((m) => m.ags), 'municipality AGS');
  assertUnique(municipalities.map((m) => m.slug), 'municipality slug');
  assertUnique(municipalities.map((m) => m.name), 'municipality name');
  assert.ok(municipalities.some((m) => m.kind === 'gemeinde'), 'no Gemeinde');
  assert.ok(municipalities.some((m) => m.kind === 'samtgemeinde'), 'no Samtgemeinde');
});

test('actors: at least 40, every kind represented, unique keys and names, valid municipality', () => {
  assert.ok(actors.length >= 40, `only ${actors.length} actors`);
  assertUnique(actors.map((a) => a.key), 'actor key');
  assertUnique(actors.map((a) => a.name), 'actor name');
  for (const a of actors) {
    assert.match(a.key, /^[a-z0-9]+(-[a-z0-9]+)*$/, `actor key ${a.key}`);
    assert.ok(ACTOR_KINDS.includes(a.kind), `actor kind ${a.kind}`);
    if (a.municipalityAgs !== undefined) {
      assert.ok(municipalityAgs.has(a.municipalityAgs), `actor ${a.key}: unknown AGS ${a.municipalityAgs}`);
    }
  }
  for (const kind of ACTOR_KINDS) {
    assert.ok(actors.some((a) => a.kind === kind), `no actor of kind ${kind}`);
  }
});

test('guidelines: exactly 7 with title and a 1–2 sentence text', () => {
  assert.equal(guidelines.length, 7);
  assertUnique(guidelines.map((g) => g.title), 'guideline title');
  for (const g of guidelines) {
    assert.ok(g.title.trim().length > 0);
    const n = sentenceCount(g.text);
    assert.ok(n >= 1 && n <= 2, `guideline "${g.title}" has ${n} sentences`);
  }
});

test('fields: the six Emsland Themenfelder in order plus two cross-cutting fields', () => {
  assert.equal(fields.length, 8);
  fields.forEach((f, i) => {
    const expected = EXPECTED_FIELDS[i];
    assert.ok(expected);
    assert.equal(f.key, expected.key);
    assert.equal(f.title, expected.title);
    assert.equal(f.crossCutting, expected.crossCutting);
    assert.ok(f.description.trim().length > 0);
  });
});

test('goals: at least 62, Leitziel "<n>.0" and at least 9 Handlungsziele per field, unique keys and numbers', () => {
  assert.ok(goals.length >= 62, `only ${goals.length} goals`);
  assertUnique(goals.map((g) => g.key), 'goal key');
  assertUnique(goals.map((g) => g.number), 'goal number');
  for (const g of goals) {
    const field = fieldByKey.get(g.fieldKey);
    assert.ok(field, `goal ${g.key}: unknown field ${g.fieldKey}`);
    assert.equal(field.crossCutting, false, `goal ${g.key} belongs to a cross-cutting field`);
    assert.ok(g.title.trim().length > 0 && g.description.trim().length > 0, `goal ${g.key} text`);
  }
  mainFields.forEach((field, i) => {
    const n = i + 1;
    const own = goals.filter((g) => g.fieldKey === field.key);
    const leit = own.filter((g) => g.kind === 'leitziel');
    const hz = own.filter((g) => g.kind === 'handlungsziel');
    assert.ok(leit.length >= 1 && leit.length <= 2, `${field.key}: ${leit.length} Leitziele`);
    assert.ok(hz.length >= 9, `${field.key}: only ${hz.length} Handlungsziele`);
    for (const g of leit) assert.match(g.number, new RegExp(`^${n}\\.0$|^${n}\\.0\\.\\d+$`), `Leitziel ${g.key}`);
    const hzNumbers = hz.map((g) => g.number).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
    hzNumbers.forEach((num, j) => assert.equal(num, `${n}.${j + 1}`, `${field.key}: Handlungsziel numbering`));
  });
});

test('measures: at least 164, at least 25 per field, every Handlungsziel covered', () => {
  assert.ok(measures.length >= 164, `only ${measures.length} measures`);
  for (const field of mainFields) {
    const count = measures.filter((m) => m.fieldKey === field.key).length;
    assert.ok(count >= 25, `${field.key}: only ${count} measures`);
  }
  for (const g of goals.filter((x) => x.kind === 'handlungsziel')) {
    assert.ok(measures.some((m) => m.goalKeys.includes(g.key)), `Handlungsziel ${g.number} has no measure`);
  }
});

test('measures: numbers unique and consistent with their first goal', () => {
  assertUnique(measures.map((m) => m.number), 'measure number');
  const perGoal = new Map<string, number[]>();
  for (const m of measures) {
    const match = /^(\d+\.\d+)\.(\d+)$/.exec(m.number);
    assert.ok(match, `measure number ${m.number}`);
    const firstKey = m.goalKeys[0];
    assert.ok(firstKey, `measure ${m.number} has no goal`);
    const goal = goalByKey.get(firstKey) as DemoGoal | undefined;
    assert.ok(goal, `measure ${m.number}: unknown goal ${firstKey}`);
    assert.equal(match[1], goal.number, `measure ${m.number} vs goal ${goal.number}`);
    const fieldIndex = mainFields.findIndex((f) => f.key === m.fieldKey) + 1;
    assert.ok(m.number.startsWith(`${fieldIndex}.`), `measure ${m.number} in field ${m.fieldKey}`);
    const list = perGoal.get(goal.key) ?? [];
    list.push(Number(match[2]));
    perGoal.set(goal.key, list);
  }
  for (const [goalKey, list] of perGoal) {
    const sorted = [...list].sort((a, b) => a - b);
    sorted.forEach((v, i) => assert.equal(v, i + 1, `measure numbering under ${goalKey}`));
  }
});

test('measures: references, values and dates are valid', () => {
  assertUnique(measures.map((m) => m.title), 'measure title');
  assertUnique(measures.map((m) => m.description), 'measure description');
  for (const m of measures) {
    const id = `measure ${m.number}`;
    const field = fieldByKey.get(m.fieldKey);
    assert.ok(field && !field.crossCutting, `${id}: field ${m.fieldKey}`);

    assert.ok(m.goalKeys.length >= 1 && m.goalKeys.length <= 2, `${id}: ${m.goalKeys.length} goals`);
    assertUnique(m.goalKeys, `${id} goalKeys`);
    for (const key of m.goalKeys) {
      const goal = goalByKey.get(key);
      assert.ok(goal, `${id}: unknown goal ${key}`);
      assert.equal(goal.fieldKey, m.fieldKey, `${id}: goal ${key} of another field`);
    }

    assert.ok(m.title.trim().length > 0 && m.title.length <= 90, `${id}: title length ${m.title.length}`);
    const sentences = sentenceCount(m.description);
    assert.ok(sentences >= 1 && sentences <= 3, `${id}: ${sentences} sentences in description`);
    assert.ok(m.targetGroups.length >= 1 && m.targetGroups.every((t) => t.trim().length > 0), `${id}: target groups`);

    assert.ok(actorKeys.has(m.leadActorKey), `${id}: unknown lead ${m.leadActorKey}`);
    assert.ok(m.partnerActorKeys.length <= 4, `${id}: ${m.partnerActorKeys.length} partners`);
    assertUnique(m.partnerActorKeys, `${id} partners`);
    for (const p of m.partnerActorKeys) {
      assert.ok(actorKeys.has(p), `${id}: unknown partner ${p}`);
      assert.notEqual(p, m.leadActorKey, `${id}: lead listed as partner`);
    }

    assert.ok(HORIZONS.includes(m.horizon), `${id}: horizon`);
    assert.ok(PRIORITIES.includes(m.priority), `${id}: priority`);
    assert.ok(STATUSES.includes(m.status), `${id}: status`);

    if (m.startDate !== undefined) assert.ok(isIsoDate(m.startDate), `${id}: startDate ${m.startDate}`);
    if (m.endDate !== undefined) assert.ok(isIsoDate(m.endDate), `${id}: endDate ${m.endDate}`);
    if (m.startDate !== undefined && m.endDate !== undefined) {
      assert.ok(m.endDate >= m.startDate, `${id}: endDate before startDate`);
    }

    if (m.staffFte !== undefined) assert.ok(m.staffFte > 0 && m.staffFte <= 5, `${id}: staffFte`);
    if (m.costEur !== undefined) assert.ok(Number.isInteger(m.costEur) && m.costEur > 0, `${id}: costEur`);
    if (m.fundingSource !== undefined) assert.ok(m.fundingSource.trim().length > 0, `${id}: fundingSource`);
    if (m.targetValue !== undefined) assert.ok(m.indicator !== undefined, `${id}: targetValue without indicator`);

    assert.ok(m.crossCuttingKeys.length <= 2, `${id}: too many cross-cutting keys`);
    assertUnique(m.crossCuttingKeys, `${id} crossCuttingKeys`);
    for (const k of m.crossCuttingKeys) assert.ok(crossCuttingKeys.has(k), `${id}: ${k} is not cross-cutting`);

    assert.ok(m.sdgs.length >= 1, `${id}: no SDG`);
    assertUnique(m.sdgs, `${id} sdgs`);
    for (const s of m.sdgs) assert.ok(ALLOWED_SDGS.has(s), `${id}: SDG ${s} not allowed`);

    assertUnique(m.municipalityAgs, `${id} municipalityAgs`);
    for (const ags of m.municipalityAgs) assert.ok(municipalityAgs.has(ags), `${id}: unknown AGS ${ags}`);
  }
});

test('measures: realistic spread of status, horizon, priority and filled resources', () => {
  for (const s of STATUSES) assert.ok(measures.some((m) => m.status === s), `no measure with status ${s}`);
  const active = share((m) => m.status === 'geplant' || m.status === 'in_umsetzung');
  const done = share((m) => m.status === 'umgesetzt' || m.status === 'verstetigt');
  const stopped = share((m) => m.status === 'zurueckgestellt' || m.status === 'entfallen');
  assert.ok(active >= 0.55, `geplant/in_umsetzung only ${active}`);
  assert.ok(done >= 0.1 && done <= 0.35, `umgesetzt/verstetigt ${done}`);
  assert.ok(stopped > 0 && stopped <= 0.1, `zurueckgestellt/entfallen ${stopped}`);

  for (const h of HORIZONS) assert.ok(share((m) => m.horizon === h) >= 0.1, `too few with horizon ${h}`);
  for (const p of PRIORITIES) assert.ok(share((m) => m.priority === p) >= 0.1, `too few with priority ${p}`);

  const withResources = share((m) => m.staffFte !== undefined || m.costEur !== undefined || m.fundingSource !== undefined);
  const withIndicator = share((m) => m.indicator !== undefined);
  assert.ok(withResources >= 0.35 && withResources <= 0.75, `resources filled: ${withResources}`);
  assert.ok(withIndicator >= 0.35 && withIndicator <= 0.75, `indicators filled: ${withIndicator}`);
  assert.ok(share((m) => m.crossCuttingKeys.length > 0) >= 0.2, 'too few cross-cutting links');
  assert.ok(share((m) => m.municipalityAgs.length > 0) >= 0.1, 'too few municipality-specific measures');
});

test('search demo: Sprachkurs(e), Integrationscafé, Praktikumsbörse, Doppelstrukturen', () => {
  const sprachkurs = measures.filter((m) => /\bSprachkurse?\b/.test(text(m)));
  assert.ok(sprachkurs.length >= 3, `only ${sprachkurs.length} measures mention Sprachkurs/Sprachkurse`);
  assert.ok(measures.some((m) => /\bSprachkurs\b/.test(text(m))), 'no "Sprachkurs"');
  assert.ok(measures.some((m) => /\bSprachkurse\b/.test(text(m))), 'no "Sprachkurse"');
  assert.ok(measures.some((m) => text(m).includes('Integrationscafé')), 'no Integrationscafé');
  assert.ok(measures.some((m) => text(m).includes('Praktikumsbörse')), 'no Praktikumsbörse');
  assert.ok(measures.some((m) => text(m).includes('Doppelstrukturen')), 'no Doppelstrukturen');
});

test('measures cover the real practice of integration work', () => {
  const topics: Array<[string, RegExp]> = [
    ['Integrationskurse', /Integrationskurs/],
    ['Kitaplätze', /Kitaplätze|Kitaplatz/],
    ['Brückenangebote', /Brückenangebot/],
    ['Anerkennung ausländischer Berufsabschlüsse', /Anerkennung/],
    ['Dolmetscherpool / Sprachmittlung', /Dolmetscherpool/],
    ['Gesundheitslotsen', /Gesundheitslotsen/],
    ['Kreissportbund', /Kreissportbund/],
    ['Ehrenamtskoordination', /Ehrenamtskoordination/],
    ['Wohnraum', /Wohnung|Wohnraum/],
    ['Antidiskriminierung', /Antidiskriminierung/],
    ['Interkulturelle Öffnung der Verwaltung', /interkulturelle Kompetenz/i],
    ['Frauen', /Frauen/],
  ];
  for (const [label, re] of topics) {
    assert.ok(measures.some((m) => re.test(text(m))), `no measure about ${label}`);
  }
  assert.ok(measures.some((m) => m.leadActorKey === 'ksb'), 'Kreissportbund leads no measure');
});
