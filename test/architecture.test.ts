import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { cycles, importGraph } from './architecture/imports.js';

// The dependency rules of docs/architecture.md, checked on the import statements of src/
// (type-only imports included: they couple files as much as value imports do).
const { files, edges } = importGraph('src');
const isTest = (f: string) => /\.test\.tsx?$/.test(f);
const production = edges.filter((e) => !isTest(e.from));
const moduleOf = (f: string) => /^src\/modules\/([^/]+)\//.exec(f)?.[1];
/** What a module offers the others: its index.ts (exports for others) and schema.ts (its tables). */
const isPublicSurface = (f: string) => /^src\/modules\/[^/]+\/(index|schema)\.ts$/.test(f);
const list = (xs: { from: string; to: string }[]) => xs.map((e) => `${e.from} → ${e.to}`);

test('the import graph is read (sanity check of the scanner)', () => {
  assert.ok(files.length > 100, `expected the files of src/, found ${files.length}`);
  assert.ok(
    edges.some((e) => e.from === 'src/app.ts' && e.to === 'src/modules/index.ts'),
    'src/app.ts imports the module list: the scanner must see that',
  );
});

test('the platform and the database layer import no module and no composition root', () => {
  const offending = production.filter((e) => /^src\/(platform|db)\//.test(e.from) && !/^src\/(platform|db)\/|^src\/config\.ts$/.test(e.to));
  assert.deepEqual(list(offending), [], 'src/platform and src/db may import only src/platform, src/db and src/config.ts');
});

test('no import cycles in src/', () => {
  assert.deepEqual(cycles(files, production), [], 'files that import each other, directly or around a circle');
});

test('a module imports from another module only its index.ts or schema.ts', () => {
  const offending = production.filter((e) => {
    const from = moduleOf(e.from);
    const to = moduleOf(e.to);
    return from && to && from !== to && !isPublicSurface(e.to);
  });
  assert.deepEqual(list(offending), [], 'import what the other module exports in its index.ts (add it there if it is meant for others)');
});

test('no module imports the composition (src/app.ts, src/main.ts, src/cli.ts, src/modules/index.ts, src/demo/)', () => {
  const offending = production.filter((e) => moduleOf(e.from) && /^src\/(app|main|cli)\.ts$|^src\/modules\/index\.ts$|^src\/demo\//.test(e.to));
  assert.deepEqual(list(offending), [], 'modules hand what they add to the application through their module.ts');
});

test('every module folder has a manifest that src/modules/index.ts lists', () => {
  const folders = [...new Set(files.map(moduleOf).filter((m): m is string => !!m))];
  const listed = new Set(edges.filter((e) => e.from === 'src/modules/index.ts').map((e) => moduleOf(e.to)));
  const missing = folders.filter((m) => !files.includes(`src/modules/${m}/module.ts`) || !listed.has(m));
  assert.deepEqual(missing, [], 'each module: src/modules/<name>/module.ts, listed in src/modules/index.ts');
});

/** Which module imports which (production code), as "from → to". */
const moduleEdges = [...new Set(production.flatMap((e) => {
  const from = moduleOf(e.from);
  const to = moduleOf(e.to);
  return from && to && from !== to ? [`${from} → ${to}`] : [];
}))].sort();

test('no two modules import each other, directly or around a circle', () => {
  const modules = [...new Set(files.map(moduleOf).filter((m): m is string => !!m))];
  const edges = moduleEdges.map((e) => {
    const [from, to] = e.split(' → ') as [string, string];
    return { from, to, typeOnly: false };
  });
  assert.deepEqual(cycles(modules, edges), [], 'modules that depend on each other: one of them must stop importing the other');
});

test('the picture in docs/architecture.md draws exactly the imports between modules', () => {
  const doc = fs.readFileSync('docs/architecture.md', 'utf8');
  const graph = /subgraph modules[^\n]*\n([\s\S]*?)\n\s*end\n/.exec(doc)?.[1];
  assert.ok(graph, 'the modules subgraph of the mermaid picture');
  const drawn = graph
    .split('\n')
    .flatMap((line) => {
      const m = /^\s*([\w-]+)\s*-->\s*(.+)$/.exec(line);
      return m ? m[2]!.split('&').map((to) => `${m[1]} → ${to.trim()}`) : [];
    })
    .sort();
  assert.deepEqual(moduleEdges.filter((e) => !drawn.includes(e)), [], 'imports between modules the picture does not show: draw the arrow (if the direction is right)');
  assert.deepEqual(drawn.filter((e) => !moduleEdges.includes(e)), [], 'arrows in the picture no import needs any more: remove them');
});

test('the scanner finds a cycle and a forbidden import when there is one', () => {
  const fake = [
    { from: 'src/modules/a/x.ts', to: 'src/modules/b/y.ts', typeOnly: false },
    { from: 'src/modules/b/y.ts', to: 'src/modules/a/x.ts', typeOnly: true },
  ];
  assert.deepEqual(cycles(['src/modules/a/x.ts', 'src/modules/b/y.ts'], fake), [['src/modules/a/x.ts', 'src/modules/b/y.ts']], 'a two-file cycle, one side type-only');
  assert.equal(isPublicSurface('src/modules/b/y.ts'), false, 'y.ts is internal to module b');
  assert.equal(isPublicSurface('src/modules/b/index.ts'), true, 'index.ts is public');
  assert.equal(isPublicSurface('src/modules/b/sub/index.ts'), false, 'a sub-folder index is internal');
});
