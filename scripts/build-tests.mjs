// Compiles src/ and test/ to plain JavaScript in .tmp/build (same folder layout) for `npm test`.
// Why: under tsx every test process spent ~2.5 s of CPU on top of the ~1.2 s the compiled code
// needs just to import the app (measured 2026-11-30: 3.7 s vs 1.2 s); with ~150 test files on
// two cores that was minutes of the suite. How: scripts/compile.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { compile, walk } from './compile.mjs';

export const buildDir = path.resolve('.tmp/build');

/** Maps a compiled file (.tmp/build/x/y.test.js) back to its source (x/y.test.ts or .tsx). */
export function sourceOf(compiled) {
  const rel = path.relative(buildDir, path.resolve(compiled));
  if (rel.startsWith('..')) return compiled;
  const base = rel.replace(/\.js$/, '');
  return fs.existsSync(`${base}.tsx`) ? `${base}.tsx` : `${base}.ts`;
}

/** The compiled path of a source file. */
export const compiledOf = (source) => path.join(buildDir, source.replace(/\.tsx?$/, '.js'));

export async function buildTests() {
  fs.rmSync(buildDir, { recursive: true, force: true });
  await compile({ files: ['src', 'test'].flatMap(walk), outDir: buildDir, sourcemap: 'inline' });
}

/**
 * The compiled test files (absolute paths) whose imports never reach src/modules/index or a
 * registry that `useModules` fills (src/platform/module.ts's imports): static
 * imports, re-exports and `import("…")` with a relative path, followed through every compiled
 * file. test/support/compose.ts hands these no modules (see there). Conservative: a file that
 * reaches the modules in any way the search sees gets them as before.
 */
export function withoutModules(testFiles) {
  const importsOf = new Map();
  const imports = (file) => {
    if (!importsOf.has(file)) {
      const code = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      const found = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"/g)].map((m) => path.resolve(path.dirname(file), m[1]));
      importsOf.set(file, found);
    }
    return importsOf.get(file);
  };
  // The modules themselves, and the platform's registries that `useModules` fills (message
  // catalogs, usage checks, search sources …): code that reads one of these behaves differently
  // without the modules, e.g. a translator that lacks the modules' messages.
  const platformModule = compiledOf('src/platform/module.ts');
  const needsModules = new Set([compiledOf('src/modules/index.ts'), platformModule, ...imports(platformModule)]);
  const reachesModules = (start) => {
    const seen = new Set();
    const todo = [start];
    while (todo.length) {
      const file = todo.pop();
      if (needsModules.has(file)) return true;
      if (seen.has(file)) continue;
      seen.add(file);
      todo.push(...imports(file));
    }
    return false;
  };
  return testFiles.map((f) => path.resolve(f)).filter((f) => !reachesModules(f));
}
