import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agsProblem, slugify } from './ags.js';

test('AGS: 8 digits, a Land, Kreis level ends in 000, Gemeinde within its Kreis', () => {
  assert.equal(agsProblem('03499000', 'landkreis'), undefined);
  assert.equal(agsProblem('0349900', 'landkreis'), 'validation.ags_format');
  assert.equal(agsProblem('17499000', 'landkreis'), 'validation.ags_land');
  assert.equal(agsProblem('03499001', 'landkreis'), 'validation.ags_kreis');
  assert.equal(agsProblem('03499000', 'gemeinde', '03499000'), 'validation.ags_gemeinde');
  assert.equal(agsProblem('03351001', 'gemeinde', '03499000'), 'validation.ags_parent');
  assert.equal(agsProblem('03499004', 'gemeinde', '03499000'), undefined);
  assert.equal(slugify('Moordorf an der Aue'), 'moordorf-an-der-aue');
  assert.equal(slugify('Weißenmoor (Süd)'), 'weissenmoor-sued');
});
