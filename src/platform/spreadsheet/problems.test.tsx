import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/i18n.js';
import { ProblemsTable } from './problems-table.js';
import { groupedProblems, rowRuns, type ImportProblem } from './problems.js';

const unknownActor = (row: number, name: string): ImportProblem => ({ row, column: 'Träger', messageKey: 'spreadsheet.error.unknown_names', params: { names: name }, unknownReference: true });

test('the same mistake in many rows is one group, in the order of its first row; other values and columns stay apart', () => {
  const problems = [unknownActor(2, 'Caritasverband'), { row: 3, column: 'Status', messageKey: 'validation.required' }, unknownActor(4, 'Caritasverband'), unknownActor(5, 'Diakonie'), unknownActor(6, 'Caritasverband')];
  const groups = groupedProblems(problems);
  assert.deepEqual(groups.map((g) => [g.problem.column, g.problem.params?.names ?? null, g.rows]), [
    ['Träger', 'Caritasverband', [2, 4, 6]],
    ['Status', null, [3]],
    ['Träger', 'Diakonie', [5]],
  ]);
});

test('problems of the whole file (no row) are never joined', () => {
  const file: ImportProblem = { row: null, column: null, messageKey: 'spreadsheet.error.empty' };
  assert.equal(groupedProblems([file, file]).length, 2);
});

test('rows are named as runs, and only the first ten runs', () => {
  assert.deepEqual(rowRuns([2, 3, 4, 9, 12, 13]), { runs: ['2–4', '9', '12–13'], moreRows: 0 });
  const alternate = Array.from({ length: 30 }, (_, i) => 2 + 2 * i);
  const { runs, moreRows } = rowRuns(alternate);
  assert.equal(runs.length, 10);
  assert.equal(moreRows, 20);
});

test('the table shows 300 rows with the same unknown name as one line and still counts 300 errors', async () => {
  const t = translator('de');
  const problems = Array.from({ length: 300 }, (_, i) => unknownActor(i + 2, 'Caritasverband'));
  const html = String(await (<ProblemsTable t={t} problems={problems} />)!.toString());
  assert.match(html, /Fehler in der Datei \(300\)/);
  const lines = [...html.matchAll(/<tr class="kern-table__row">\s*<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!.trim());
  assert.deepEqual(lines, ['2–301 (300 Zeilen)']);
  assert.doesNotMatch(html, /weitere Fehler/, 'nothing is left out');
});
