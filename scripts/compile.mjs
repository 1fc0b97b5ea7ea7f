// Compiles TypeScript folders to plain JavaScript with esbuild, file by file (no bundle), into a
// tree of the same layout: imports, `import.meta.url` and the order of module evaluation stay as
// in the sources. Files that are not TypeScript (assets, the PGlite worker, JSON schemas) and
// `drizzle/` are linked into the tree so that paths relative to a module still find them.
// Used by `npm test` (build-tests.mjs) and `npm start` (start.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const isTypeScript = (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts');

/** Every file under dir (node_modules skipped), relative to the working directory. */
export function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules') return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/**
 * `files`: what to take (see walk); `sourcemap`: 'inline' (tests: node --enable-source-maps
 * reads them) or 'linked' (server: .map files beside, nothing in memory unless asked for).
 */
export async function compile({ files, outDir, sourcemap }) {
  await build({
    entryPoints: files.filter(isTypeScript),
    outdir: outDir,
    outbase: '.',
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap,
    logLevel: 'warning',
  });
  for (const file of files.filter((f) => !isTypeScript(f))) link(file, outDir);
  link('drizzle', outDir);
}

function link(source, outDir) {
  const target = path.join(outDir, source);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(path.resolve(source), target);
}
