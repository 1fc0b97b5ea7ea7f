import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatIndicatorValue, indicatorChartSvg, valueAxis, type ChartIndicator } from './chart.js';

const indicator: ChartIndicator = {
  id: '7f1c2c1e-0000-4000-8000-000000000001',
  name: 'Teilnehmende an Integrationskursen',
  unit: 'Personen',
  baselineValue: 820,
  baselineDate: '2023-12-31',
  targetValue: 1100,
  targetYear: 2027,
  direction: 'higher',
};
const values = [
  { measuredOn: '2025-12-31', value: 990 },
  { measuredOn: '2024-12-31', value: 905 },
  { measuredOn: '2026-06-30', value: 1030.5 },
];

/**
 * A small XML well-formedness check: every tag closes in order, attribute values are quoted,
 * no raw "<" or unescaped "&" in text. Enough to catch broken markup from string building.
 */
function assertWellFormed(xml: string) {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    assert.ok(!/&(?!amp;|lt;|gt;|quot;|#39;)/.test(text), `unescaped & in text: ${text}`);
    assert.ok(!text.includes('>'), `stray > in text: ${text}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    assert.ok(m, `malformed tag at ${lt}: ${xml.slice(lt, lt + 80)}`);
    const [, closing, name, , selfClosing] = m;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) stack.push(name!);
    i = tag.lastIndex;
  }
  assert.deepEqual(stack, [], 'every element is closed');
}

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('indicatorChartSvg', () => {
  test('is one well-formed <svg> image named by its title and described by its desc', () => {
    const svg = indicatorChartSvg(indicator, values, 'de');
    assertWellFormed(svg);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    assert.ok(svg.endsWith('</svg>'));
    assert.match(svg, /role="img"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ');
    assert.equal(labelledBy.length, 2);
    for (const id of labelledBy) assert.match(svg, new RegExp(`id="${id}"`));
    assert.match(svg, /<title id="chart-[^"]+-title">Teilnehmende an Integrationskursen<\/title>/);
  });

  test('draws one point per value, the value line, the target line and the baseline marker', () => {
    const svg = indicatorChartSvg(indicator, values, 'de');
    assert.equal(count(svg, /<circle data-kind="value"/g), 3);
    assert.equal(count(svg, /data-kind="values-line"/g), 1);
    assert.equal(count(svg, /<g data-kind="target"><line [^>]*stroke-dasharray="8 5"/g), 1);
    assert.equal(count(svg, /data-kind="baseline"/g), 1);
    assert.equal(count(svg, /data-kind="path"/g), 1);
    // Points run left to right in date order (the input was unsorted).
    const xs = [...svg.matchAll(/<circle data-kind="value" cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual([...xs].sort((a, b) => a - b), xs);
  });

  test('higher values sit higher in the picture (smaller y)', () => {
    const svg = indicatorChartSvg(indicator, values, 'de');
    const ys = [...svg.matchAll(/<circle data-kind="value" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(ys[0]! > ys[1]! && ys[1]! > ys[2]!, `y coordinates ${ys.join(', ')}`);
  });

  test('German number formatting on the axis, in labels and in the description; English on English pages', () => {
    const de = indicatorChartSvg(indicator, values, 'de');
    assert.match(de, />1\.250</, 'axis tick 1.250');
    assert.match(de, /Ziel 2027: 1\.100 Personen/);
    assert.match(de, /<desc[^>]*>Der Wert ist von 905 Personen am 31\.12\.2024 auf 1\.030,5 Personen am 30\.06\.2026 gestiegen \(3 Messwerte\)\. Ausgangswert: 820 Personen am 31\.12\.2023\. Zielwert: 1\.100 Personen bis Ende 2027 \(höher ist besser\)\.<\/desc>/);
    assert.match(de, />2024</);
    const en = indicatorChartSvg(indicator, values, 'en');
    assert.match(en, />1,250</);
    assert.match(en, /The value rose from 905 Personen on 31\/12\/2024 to 1,030\.5 Personen on 30\/06\/2026/);
    assert.match(en, /<title id="[^"]+" lang="de">/, 'the German name is marked on English pages');
  });

  test('never writes NaN, Infinity or undefined, whatever the data', () => {
    const cases: [ChartIndicator, { measuredOn: string; value: number }[]][] = [
      [indicator, []],
      [indicator, [{ measuredOn: '2025-12-31', value: 990 }]],
      [{ ...indicator, baselineValue: null, baselineDate: null, targetValue: null, targetYear: null }, []],
      [{ ...indicator, baselineValue: null, baselineDate: null, targetValue: null, targetYear: null }, [{ measuredOn: '2025-12-31', value: 0 }]],
      [{ ...indicator, baselineValue: 5, targetValue: 5 }, [{ measuredOn: '2025-12-31', value: 5 }, { measuredOn: '2025-12-31', value: 5 }]],
      [{ ...indicator, baselineValue: -3, targetValue: -10, direction: 'lower' }, [{ measuredOn: '2024-06-30', value: -4.25 }]],
      [indicator, [{ measuredOn: '2025-12-31', value: Number.NaN }, { measuredOn: 'kaputt', value: 3 }, { measuredOn: '2025-06-30', value: Number.POSITIVE_INFINITY }]],
      [{ ...indicator, baselineValue: 0.001, targetValue: 0.004 }, [{ measuredOn: '2025-12-31', value: 0.002 }]],
      [{ ...indicator, baselineValue: 2e10, targetValue: 9e10 }, [{ measuredOn: '2025-12-31', value: 4e10 }]],
    ];
    for (const [ind, vals] of cases) {
      for (const lang of ['de', 'en'] as const) {
        const svg = indicatorChartSvg(ind, vals, lang);
        assertWellFormed(svg);
        assert.ok(!/NaN|Infinity|undefined|null/.test(svg), `bad number in ${JSON.stringify([ind, vals])}: ${svg.match(/.{40}(NaN|Infinity|undefined|null).{20}/)?.[0]}`);
      }
    }
  });

  test('without any figure the chart says so instead of drawing empty axes', () => {
    const svg = indicatorChartSvg({ ...indicator, baselineValue: null, baselineDate: null, targetValue: null, targetYear: null }, [], 'de');
    assert.match(svg, /Für diesen Indikator gibt es noch keine Werte/);
    assert.equal(count(svg, /data-kind="value"/g), 0);
    assert.equal(count(svg, /data-kind="target"/g), 0);
  });

  test('escapes what users typed', () => {
    const svg = indicatorChartSvg({ ...indicator, name: 'A & B <script>', unit: '"%"' }, values, 'de');
    assertWellFormed(svg);
    assert.match(svg, /A &amp; B &lt;script&gt;/);
    assert.ok(!svg.includes('<script'));
  });

  test('a fixed size for documents, 100 % width for pages', () => {
    assert.match(indicatorChartSvg(indicator, values, 'de', { fixedSize: true }), /width="640" height="\d+"/);
    assert.match(indicatorChartSvg(indicator, values, 'de'), /width="100%"/);
  });
});

describe('valueAxis and formatting', () => {
  test('round ticks that include 0 and every number', () => {
    const a = valueAxis([820, 1100, 905]);
    assert.equal(a.min, 0);
    assert.ok(a.max >= 1100);
    assert.ok(a.ticks.length >= 3 && a.ticks.length <= 8, `ticks ${a.ticks}`);
    const b = valueAxis([-4.25, -3, -10]);
    assert.ok(b.min <= -10 && b.max === 0);
    assert.equal(valueAxis([0.001, 0.004]).decimals, 3);
  });

  test('values with unit, German and English', () => {
    assert.equal(formatIndicatorValue('de', 1250.5, 'Personen'), '1.250,5 Personen');
    assert.equal(formatIndicatorValue('de', 45.5, '%'), '45,5 %');
    assert.equal(formatIndicatorValue('en', 1250.5, ''), '1,250.5');
  });
});
