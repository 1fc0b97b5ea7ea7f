import assert from 'node:assert/strict';
import { test } from 'node:test';
import { svgToPng } from './raster.js';

const chart = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#fff"/><text x="4" y="24" font-size="14">${label}</text></svg>`;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test('svgToPng: a chart rasterised again is the picture made before; another chart is another picture; old ones make room', () => {
  const first = svgToPng(chart('Quote 47 %'));
  assert.deepEqual(first.subarray(0, 8), pngSignature, 'a PNG');
  assert.equal(first.readUInt32BE(16), 240, 'at 2×: 240 px wide');
  assert.equal(svgToPng(chart('Quote 47 %')), first, 'the same SVG: the remembered picture');
  const other = svgToPng(chart('Quote 60 %'));
  assert.notDeepEqual(other, first, 'another SVG: another picture');
  for (let i = 0; i < 64; i++) svgToPng(chart(`Füllung ${i}`));
  const again = svgToPng(chart('Quote 47 %'));
  assert.notEqual(again, first, 'after 64 other charts the first was rasterised anew');
  assert.deepEqual(again, first, 'to the same picture');
});
